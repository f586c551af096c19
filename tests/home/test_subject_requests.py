"""People's requests in the admin: find, download and erase everything about an e-mail or a phone."""

import json

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client

from wagtail.models import ModelLogEntry

import pytest

from clubs.factories import ClubIndexPageFactory, ClubPageFactory
from clubs.models import ClubApplication
from home.models import ConsentRecord, ExportLog, VolunteerFormSubmission
from home.privacy import subject_requests
from home.privacy.holders import ERASED
from mentors.choices import Status as MentorStatus
from mentors.factories import MentorCallIndexPageFactory, MentorCallPageFactory, MentorMatchFactory
from mentors.models import MentorApplication

from .privacy_support import (
    club_application,
    consent,
    mentor_application,
    volunteer_form,
    volunteer_submission,
)

pytestmark = pytest.mark.django_db

URL = "/admin/privacy/requests/"
OTHER_VALUES = ["Другой Ребёнок", "other@example.org", "+79005554433", "Чужой Волонтёр"]


@pytest.fixture
def world(home_page):
    club = ClubPageFactory(
        parent=ClubIndexPageFactory(parent=home_page, slug="kruzhki"), title="Юный техник", slug="tehnik"
    )
    call = MentorCallPageFactory(
        parent=MentorCallIndexPageFactory(parent=home_page, slug="nastavnikam"), slug="prizyv"
    )
    form_page = volunteer_form(home_page)
    # The person: a parent who applied for a child, applied as a mentor, filled in a volunteer form.
    as_guardian, guardian_token = club_application(
        club,
        child_name="Соколов Миша",
        guardian_email="mama@example.org",
        guardian_phone="+79161112233",
    )
    # Typed before phones were normalised: still the same number.
    as_applicant, _ = club_application(club, child_name="Соколова Анна", phone="8 (916) 111-22-33")
    mentor, mentor_token = mentor_application(
        call,
        full_name="Соколова Ольга Ивановна",
        email="Mama@Example.org",
        phone="+7 916 111 22 33",
        publication=True,
        status=MentorStatus.MATCHED,
        profession="Инженер-конструктор",
    )
    MentorMatchFactory(mentor=mentor, club=club, note="Ольга ведёт секцию по вторникам")
    submission = volunteer_submission(form_page, name="Соколова Ольга", email="mama@example.org")
    phone_submission = volunteer_submission(form_page, name="Соколова О.", phone="+7 (916) 111-22-33")
    loose = consent("Соколова Ольга", "MAMA@example.org", covers="Согласие, данное по почте")
    # Somebody else.
    other, _ = club_application(
        club, child_name="Другой Ребёнок", email="other@example.org", guardian_phone="+79005554433"
    )
    other_submission = volunteer_submission(form_page, name="Чужой Волонтёр", email="other@example.org")
    return locals()


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "x")
    client.force_login(user)
    client.user = user
    return client


def post(client, identifier, action="find", **extra):
    return client.post(URL, {"identifier": identifier, "action": action, **extra})


def download(client, identifier) -> dict:
    response = post(client, identifier, "download")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    return json.loads(response.content)


def test_the_export_by_email_holds_every_kind_of_record_and_nothing_of_others(admin_client, world):
    document = download(admin_client, " MAMA@example.org ")
    text = json.dumps(document, ensure_ascii=False)
    club_apps = document["Заявки в кружки"]
    assert [entry["Номер заявки"] for entry in club_apps] == [world["as_guardian"].reference_number]
    assert club_apps[0]["Поля"]["Почта родителя"] == "mama@example.org"
    assert club_apps[0]["Поля"]["Фамилия и имя ребёнка"] == "Соколов Миша"
    assert club_apps[0]["Согласия"][0]["IP-адрес"] == "203.0.113.7"
    assert club_apps[0]["История"][0]["Стало"] == "Новая"
    mentors = document["Заявки наставников"]
    assert mentors[0]["Поля"]["Фамилия, имя и отчество"] == "Соколова Ольга Ивановна"
    assert {c["Текст согласия"].split(",")[0] for c in mentors[0]["Согласия"]} == {
        "Заявка наставника",
        "Наставник: публикация имени и профессии на страницах кружков",
    }
    assert document["Анкеты волонтёров"][0]["Ответы"]["Электронная почта"] == "mama@example.org"
    assert len(document["Анкеты волонтёров"]) == 1
    assert document["Другие согласия"][0]["На что дано"] == "Согласие, данное по почте"
    for value in OTHER_VALUES:
        assert value not in text
    assert "status_token" not in text and world["as_guardian"].status_token_digest not in text


def test_the_export_by_phone_normalises_every_way_of_typing_it(admin_client, world):
    document = download(admin_client, "8 (916) 111-22-33")
    numbers = {entry["Номер заявки"] for entry in document["Заявки в кружки"]}
    assert numbers == {world["as_guardian"].reference_number, world["as_applicant"].reference_number}
    assert len(document["Заявки наставников"]) == 1
    assert [entry["Ответы"]["Фамилия и имя"] for entry in document["Анкеты волонтёров"]] == ["Соколова О."]
    assert "Другой Ребёнок" not in json.dumps(document, ensure_ascii=False)


def test_a_download_is_written_to_the_export_log_and_the_audit_log(admin_client, world):
    download(admin_client, "mama@example.org")
    entry = ExportLog.objects.get(model_label=subject_requests.EXPORT_LOG_LABEL)
    # By e-mail: one club application, one mentor application, one submission, one other consent.
    assert (entry.username, entry.file_format, entry.row_count) == ("admin", "json", 4)
    # The log says what and how much, never whom: an erasure must not leave the address behind.
    assert "mama" not in entry.filters and "заявки в кружки: 1" in entry.filters
    audit = ModelLogEntry.objects.get(action=subject_requests.EXPORT_ACTION)
    assert audit.user_id == admin_client.user.pk and audit.data == {"records": 4}


def test_the_page_lists_what_was_found(admin_client, world):
    response = post(admin_client, "mama@example.org")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = response.text
    assert "Найдено записей: 4" in html
    assert world["as_guardian"].reference_number in html and "Соколова Ольга Ивановна" in html
    assert "Другой Ребёнок" not in html


@pytest.mark.parametrize(
    ("identifier", "message"),
    [
        ("", "Введите адрес электронной почты или номер телефона человека."),
        ("   ", "Введите адрес электронной почты или номер телефона человека."),
        ("mama@", "Адрес электронной почты указан неверно"),
        ("mama@example", "Адрес электронной почты указан неверно"),
        ("12345", "Номер телефона указан неверно"),
        ("+7 916 abc 22 33", "Номер телефона указан неверно"),
        ("Соколова", "Номер телефона указан неверно"),
        ("9" * 300, "Адрес электронной почты указан неверно"),
    ],
)
def test_bad_input_is_explained_next_to_the_field(admin_client, world, identifier, message):
    for action in ("find", "download", "erase"):
        response = post(admin_client, identifier, action, confirm="yes")
        assert response.status_code == 200
        assert message in response.text
        assert 'aria-invalid="true"' in response.text or "error-message" in response.text
    assert ClubApplication.objects.filter(anonymised_at__isnull=False).count() == 0


def test_erasure_needs_a_confirmation(admin_client, world):
    response = post(admin_client, "mama@example.org", "erase")
    assert "Да, удалить все найденные данные этого человека" in response.text
    response = post(admin_client, "mama@example.org", "erase", confirm_step="1")
    assert "Чтобы удалить данные, отметьте" in response.text
    assert MentorApplication.objects.get(pk=world["mentor"].pk).full_name == "Соколова Ольга Ивановна"


def test_erasure_removes_the_person_from_pages_exports_and_admin_search(admin_client, world, settings):
    settings.PAGE_CACHE_SECONDS = 600
    client = Client()  # an anonymous reader
    club_url = world["club"].url
    assert "Соколова Ольга Ивановна" in client.get(club_url).text
    client.get(club_url)  # cached if the page may be cached

    searches = (
        ("/admin/club_applications/", "Соколов", world["as_guardian"].reference_number),
        ("/admin/mentor_applications/", "Соколова", world["mentor"].reference_number),
        ("/admin/mentor_applications/", "Инженер", world["mentor"].reference_number),
    )
    for url, query, reference in searches:
        assert reference in admin_client.get(url, {"q": query}).text
    exports = ("/admin/club_applications/?export=csv", "/admin/mentor_applications/?export=csv")
    assert "Соколов Миша" in admin_client.get(exports[0]).content.decode("utf-8-sig")

    response = post(admin_client, "+7 916 111-22-33", "erase", confirm="yes")
    # By phone: two club applications, the mentor application, one submission.
    assert "Данные удалены: записей — 4" in response.text
    assert "Сайт ничего не хранит об этом человеке" in response.text

    assert "Соколова Ольга" not in client.get(club_url).text
    assert client.get(f"/zayavka/kruzhok/{world['guardian_token']}/").status_code == 404
    assert client.get(f"/zayavka/nastavnik/{world['mentor_token']}/").status_code == 404

    for identifier in ("+79161112233", "mama@example.org"):
        response = post(admin_client, identifier)
        assert "Соколов" not in response.text
    # The loose consent was given with the e-mail only: the e-mail search finds and erases it.
    post(admin_client, "mama@example.org", "erase", confirm="yes")
    assert post(admin_client, "mama@example.org").text.count("Сайт ничего не хранит об этом человеке") == 1

    for url, query, reference in searches:
        listing = admin_client.get(url, {"q": query})
        assert listing.status_code == 200
        assert reference not in listing.text and "Инженер-конструктор" not in listing.text
    # The coordinators' exports keep the rows for statistics, without the person.
    for url in exports:
        exported = admin_client.get(url).content.decode("utf-8-sig")
        assert (
            "Соколов" not in exported and "mama@example.org" not in exported and "9161112233" not in exported
        )
        assert "Другой Ребёнок" in exported or "mentor_applications" in url
    assert world["as_guardian"].reference_number in admin_client.get(exports[0]).content.decode("utf-8-sig")

    mentor = MentorApplication.objects.get(pk=world["mentor"].pk)
    assert (mentor.full_name, mentor.phone, mentor.status) == (ERASED, "", MentorStatus.WITHDRAWN)
    assert mentor.matches.get().note == ""
    guardian_app = ClubApplication.objects.get(pk=world["as_guardian"].pk)
    assert (guardian_app.guardian_name, guardian_app.guardian_email) == (ERASED, "")
    assert guardian_app.status == "withdrawn" and guardian_app.club_id == world["club"].pk
    notes = [change.note for change in guardian_app.status_changes.all()]
    assert notes == ["", "Персональные данные удалены по запросу субъекта."]
    assert not VolunteerFormSubmission.objects.filter(
        pk__in=[world["submission"].pk, world["phone_submission"].pk]
    ).exists()
    for record in ConsentRecord.objects.filter(given_by_name__startswith="Соколов"):
        pytest.fail(f"consent {record.pk} still names the person")
    assert ConsentRecord.objects.get(pk=world["loose"].pk).given_by_email == ""

    # Somebody else is untouched.
    other = ClubApplication.objects.get(pk=world["other"].pk)
    assert other.child_name == "Другой Ребёнок" and other.anonymised_at is None
    assert VolunteerFormSubmission.objects.filter(pk=world["other_submission"].pk).exists()

    labels = list(
        ModelLogEntry.objects.filter(action=subject_requests.ERASE_ACTION).values_list("label", flat=True)
    )
    assert len(labels) >= 5
    assert all("Соколов" not in label for label in labels)
    assert world["as_guardian"].reference_number in " ".join(labels)


@pytest.mark.parametrize("group", ["Координаторы кружков", "Главные редакторы", "Координаторы наставников"])
def test_other_roles_are_refused(client, world, group):
    user = get_user_model().objects.create_user("editor", "editor@example.org", "x")
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    for response in (client.get(URL), post(client, "mama@example.org", "download")):
        assert response.status_code in (302, 403)
        assert b"mama@example.org" not in response.content
    assert not ExportLog.objects.exists()
    assert URL not in client.get("/admin/").text


def test_the_dedicated_permission_opens_the_page(client, world):
    user = get_user_model().objects.create_user("dpo", "dpo@example.org", "x")
    user.groups.add(Group.objects.get(name="Главные редакторы"))
    user.user_permissions.add(Permission.objects.get(codename="handle_subject_requests"))
    client.force_login(user)
    assert client.get(URL).status_code == 200
    assert "Найдено записей: 4" in post(client, "mama@example.org").text
    assert URL in client.get("/admin/").text  # in the settings menu


# --- the export log keeps no searched names -----------------------------------------------------------------


def test_an_export_after_a_search_logs_the_filters_but_not_the_text(admin_client, world):
    """Before: the log kept «q=Соколов» and with it the child's name, even after the erasure."""
    response = admin_client.get(
        "/admin/club_applications/",
        {"export": "csv", "q": "Соколов Миша", "status": "new", "child_name": "Соколов", "region": "x"},
    )
    assert "Соколов Миша" in response.content.decode("utf-8-sig")
    entry = ExportLog.objects.get()
    assert entry.filters == "status=new; поиск по тексту"
    admin_client.get("/admin/mentor_applications/", {"export": "csv", "q": "Соколова Ольга"})
    assert ExportLog.objects.latest("pk").filters == "поиск по тексту"


def test_erasure_scrubs_searches_from_old_export_log_entries(admin_client, world):
    old = ExportLog.objects.create(
        username="koordinator",
        model_label="clubs.ClubApplication",
        file_format="csv",
        row_count=1,
        filters="status=new&q=%D0%A1%D0%BE%D0%BA%D0%BE%D0%BB%D0%BE%D0%B2+%D0%9C%D0%B8%D1%88%D0%B0&ordering=-created_at",
    )
    untouched = ExportLog.objects.create(
        username="koordinator",
        model_label="clubs.ClubApplication",
        file_format="csv",
        row_count=3,
        filters="status=new",
    )
    post(admin_client, "mama@example.org", "erase", confirm="yes")
    old.refresh_from_db()
    assert old.filters == "status=new&ordering=-created_at; поиск по тексту"
    assert ExportLog.objects.get(pk=untouched.pk).filters == "status=new"


def test_the_retention_purge_scrubs_them_too(db):
    from home.privacy.retention import purge

    entry = ExportLog.objects.create(
        username="koordinator",
        model_label="mentors.MentorApplication",
        file_format="xlsx",
        row_count=1,
        filters="q=Ivanov",
    )
    purge()
    entry.refresh_from_db()
    assert entry.filters == "поиск по тексту"
