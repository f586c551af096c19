"""Processing mentor applications in the admin: the permission matrix, status changes, history, exports."""

import csv
import io

from django.contrib.auth.models import Group
from django.core import mail

from wagtail.models import ModelLogEntry, ReferenceIndex

import openpyxl
import pytest

from home.models import ExportLog
from mentors.choices import Status
from mentors.factories import MentorApplicationFactory
from mentors.models import MentorApplication
from tests.mentors.conftest import MENTOR_COORDINATORS

pytestmark = pytest.mark.django_db

INDEX = "/admin/mentor_applications/"
CLUB_COORDINATORS = "Координаторы кружков"


def edit_url(application):
    return f"{INDEX}edit/{application.pk}/"


@pytest.fixture
def application(call):
    return MentorApplicationFactory(call=call, full_name="Кузнецов Виктор Павлович", email="kuz@example.org")


@pytest.fixture
def coordinator(client, mentor_coordinator):
    client.force_login(mentor_coordinator)
    return mentor_coordinator


def export_rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_the_mentor_coordinators_group_has_its_permissions():
    codenames = set(
        Group.objects.get(name=MENTOR_COORDINATORS).permissions.values_list("codename", flat=True)
    )
    assert codenames >= {
        "access_admin",
        "view_mentorapplication",
        "change_mentorapplication",
        "export_mentorapplication",
        "add_mentormatch",
    }


def test_a_mentor_coordinator_lists_opens_and_exports_applications(client, coordinator, application):
    assert INDEX in client.get("/admin/").text  # the menu item
    listing = client.get(INDEX)
    assert listing.status_code == 200
    assert "Кузнецов Виктор Павлович" in listing.text
    assert "Ветераны и Герои Труда" in listing.text and "Новая" in listing.text
    assert client.get(edit_url(application)).status_code == 200
    assert client.get(f"{INDEX}?export=csv").status_code == 200
    assert client.get(f"{INDEX}?export=xlsx").status_code == 200


@pytest.mark.parametrize("group", [CLUB_COORDINATORS, "Главные редакторы", "Авторы"])
def test_other_roles_see_no_mentor_applications(client, make_user, application, group):
    client.force_login(make_user("someone", group))
    assert INDEX not in client.get("/admin/").text  # no menu item
    for url in (INDEX, edit_url(application), f"{INDEX}?export=csv"):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "Кузнецов" not in response.content.decode()
    response = client.post(edit_url(application), {"action": "status", "status": "declined"})
    assert response.status_code in (302, 403)
    assert MentorApplication.objects.get().status == Status.NEW
    assert not ExportLog.objects.exists()


def test_a_mentor_coordinator_does_not_see_club_applications_or_edit_pages(client, coordinator, call):
    assert client.get("/admin/club_applications/").status_code in (302, 403)
    assert client.get(f"/admin/pages/{call.pk}/edit/").status_code in (302, 403)


def test_editors_edit_calls_but_not_applications(client, make_user, call):
    client.force_login(make_user("chief", "Главные редакторы"))
    assert client.get(f"/admin/pages/{call.pk}/edit/").status_code == 200


def test_a_superuser_sees_everything(client, make_user, application):
    client.force_login(make_user("root", is_superuser=True, is_staff=True))
    assert client.get(INDEX).status_code == 200
    assert client.get(edit_url(application)).status_code == 200


def test_a_status_change_records_history_and_tells_the_applicant(
    client, coordinator, application, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            edit_url(application),
            {
                "action": "status",
                "status": "interview",
                "public_message": "Ждём вас в четверг в 15:00",
                "note": "Звонил, договорились",
            },
        )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Status.INTERVIEW
    change = application.status_changes.get()
    assert (change.from_status, change.to_status, change.changed_by) == ("new", "interview", coordinator)
    assert change.note == "Звонил, договорились"
    assert ModelLogEntry.objects.filter(action="home.application.status").exists()
    [message] = mail.outbox
    assert message.to == ["kuz@example.org"]
    assert "Собеседование" in message.body and "Ждём вас в четверг в 15:00" in message.body
    page = client.get(edit_url(application)).text
    assert "Звонил, договорились" in page


@pytest.mark.parametrize(
    ("start", "allowed"),
    [
        (Status.NEW, {"interview", "approved", "declined"}),
        (Status.INTERVIEW, {"approved", "declined"}),
        (Status.APPROVED, {"interview", "declined"}),
        (Status.MATCHED, {"declined"}),
        (Status.DECLINED, {"interview"}),
    ],
)
def test_only_the_next_statuses_are_offered(client, coordinator, call, start, allowed):
    application = MentorApplicationFactory(call=call, status=start)
    form = client.get(edit_url(application)).context["status_form"]
    assert {value for value, _label in form.fields["status"].choices} == allowed


def test_matched_cannot_be_set_by_hand(client, coordinator, application):
    response = client.post(edit_url(application), {"action": "status", "status": "matched"})
    assert response.status_code == 200
    assert "так перейти нельзя" in " ".join(response.context["status_form"].errors["status"])
    application.refresh_from_db()
    assert application.status == Status.NEW


def test_a_withdrawn_application_offers_no_status_change(client, coordinator, call):
    application = MentorApplicationFactory(call=call, status=Status.WITHDRAWN)
    assert "перейти больше некуда" in client.get(edit_url(application)).text


def test_filters_by_status_and_direction(client, coordinator, call):
    MentorApplicationFactory(call=call, full_name="Техник Новый", directions=["technical"])
    MentorApplicationFactory(
        call=call, full_name="Краевед Одобренный", status=Status.APPROVED, directions=["local_history"]
    )
    names = lambda response: {a.full_name for a in response.context["object_list"]}  # noqa: E731
    assert names(client.get(INDEX, {"status": "approved"})) == {"Краевед Одобренный"}
    assert names(client.get(INDEX, {"direction": "technical"})) == {"Техник Новый"}


def test_exports_are_logged_and_follow_the_filters(client, coordinator, call):
    MentorApplicationFactory(call=call, full_name="Первый Наставник", status=Status.APPROVED)
    MentorApplicationFactory(call=call, full_name="Второй Наставник", status=Status.NEW)
    response = client.get(INDEX, {"export": "csv", "status": "approved"})
    rows = export_rows(response)
    assert rows[0][:6] == ["Номер", "Подана", "Призыв", "Статус", "Без ответа 3+ раб. дня", "ФИО"]
    assert [row[5] for row in rows[1:]] == ["Первый Наставник"]
    entry = ExportLog.objects.get()
    assert (entry.username, entry.model_label, entry.file_format, entry.row_count) == (
        coordinator.username,
        "mentors.MentorApplication",
        "csv",
        1,
    )
    assert "status=approved" in entry.filters
    assert ModelLogEntry.objects.filter(action="home.export").exists()


def test_the_xlsx_export_has_russian_headings(client, coordinator, application):
    response = client.get(INDEX, {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    headings = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
    assert "ФИО" in headings and "Направления" in headings
    assert ExportLog.objects.get().file_format == "xlsx"


def test_the_export_neutralises_formulas(client, coordinator, call):
    MentorApplicationFactory(call=call, full_name='=HYPERLINK("http://evil")')
    rows = export_rows(client.get(INDEX, {"export": "csv"}))
    assert rows[1][5].startswith("'=")


def test_a_coordinator_without_the_export_permission_cannot_export(client, make_user, application):
    user = make_user("no_export", MENTOR_COORDINATORS)
    group = Group.objects.create(name="Без выгрузки")
    group.permissions.set(
        Group.objects.get(name=MENTOR_COORDINATORS).permissions.exclude(codename__startswith="export")
    )
    user.groups.set([group])
    client.force_login(user)
    assert client.get(INDEX).status_code == 200
    assert client.get(INDEX, {"export": "csv"}).status_code in (302, 403)
    assert not ExportLog.objects.exists()


def test_a_call_with_applications_cannot_be_deleted_but_says_why(
    client, make_user, application, call, call_index
):
    client.force_login(make_user("root", is_superuser=True, is_staff=True))
    for page in (call, call_index):
        response = client.post(f"/admin/pages/{page.pk}/delete/", follow=True)
        assert response.status_code == 200
        assert "нельзя удалить: на призыв поданы заявки наставников" in response.text
    # In bulk, Wagtail itself refuses when its reference index knows the application (the admin viewset
    # registers the model there); applications it never saw (bulk-created, older) are refused by our hook.
    ReferenceIndex.objects.all().delete()
    response = client.post(f"/admin/bulk/wagtailcore/page/delete/?id={call.pk}", follow=True)
    assert response.status_code == 200
    assert "нельзя удалить" in response.text
    assert MentorApplication.objects.filter(call=call).exists()
    assert type(call).objects.filter(pk=call.pk).exists()


def test_a_call_without_applications_can_be_deleted(client, make_user, call):
    client.force_login(make_user("root", is_superuser=True, is_staff=True))
    response = client.post(f"/admin/pages/{call.pk}/delete/")
    assert response.status_code == 302
    assert not type(call).objects.filter(pk=call.pk).exists()


def test_search_by_name_and_reference_number(client, coordinator, call, application):
    MentorApplicationFactory(call=call, full_name="Другой Наставник")
    names = lambda response: {a.full_name for a in response.context["object_list"]}  # noqa: E731
    assert names(client.get(INDEX, {"q": "Кузнецов"})) == {"Кузнецов Виктор Павлович"}
    assert names(client.get(INDEX, {"q": application.reference_number})) == {"Кузнецов Виктор Павлович"}


def test_an_erased_application_is_read_only(client, coordinator, call):
    """Before: a declined application erased after its retention period could be moved to «Собеседование»."""
    from django.utils import timezone

    from home.applications.base import ERASED_READ_ONLY
    from tests.home.privacy_support import mentor_application

    application, _token = mentor_application(call, full_name="Стёртый Наставник", status=Status.DECLINED)
    application.anonymise(timezone.now())
    page = client.get(edit_url(application))
    assert ERASED_READ_ONLY in page.text and 'name="status"' not in page.text

    mail.outbox.clear()
    revive = {"action": "status", "status": Status.INTERVIEW}
    response = client.post(edit_url(application), revive, follow=True)
    assert ERASED_READ_ONLY in [str(message) for message in response.context["messages"]]
    application.refresh_from_db()
    assert application.status == Status.DECLINED
    assert not mail.outbox


def test_the_coordinator_does_not_see_the_applicants_ip_address(client, coordinator, call):
    from tests.home.privacy_support import mentor_application

    application, _token = mentor_application(call, full_name="Петров Пётр", email="petrov@example.org")
    html = client.get(edit_url(application)).text
    assert "Петров Пётр" in html
    assert "203.0.113.7" not in html
    assert application.consent.ip_address == "203.0.113.7"
