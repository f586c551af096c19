"""The application form on a club page: every rule a young person or a parent meets."""

import datetime
import re
import time

from django.core import mail
from django.test import Client
from django.utils import timezone

import pytest

from clubs.factories import ClubApplicationFactory, ClubPageFactory
from clubs.models import ClubApplication, Status
from home.applications import notifications
from home.applications.spam import sign_started_at
from home.models import ConsentRecord, ConsentText

from .conftest import application_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def apply(client, django_capture_on_commit_callbacks):
    """Posts the form to a club page as a browser does; e-mail tasks run as after a real commit."""

    def post(club, data, client=client, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(club.url, data, **extra)

    return post


@pytest.fixture
def open_club(club_index):
    """A club for everybody from 3 to 35, to test the guardian rules on their own."""
    return ClubPageFactory(parent=club_index, title="Для всех", slug="dlya-vseh", age_min=3, age_max=35)


def born_years_ago(years, days=0):
    today = timezone.localdate()
    try:
        born = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        born = today.replace(year=today.year - years, day=28)
    return (born + datetime.timedelta(days=days)).isoformat()


def field_error(html, field):
    match = re.search(rf'<p class="form-field__error" id="id_{field}_error">(.*?)</p>', html, re.S)
    return match.group(1) if match else None


# --- a good application --------------------------------------------------------------------------------


def test_application_is_saved_with_number_history_and_consent(client, apply, club):
    response = apply(club, application_data())
    assert response.status_code == 302
    application = ClubApplication.objects.get()
    assert re.fullmatch(r"\d{4}-\d{6}", application.reference_number)
    assert application.status == Status.NEW
    assert application.phone == "+79123456789" and application.guardian_phone == "+79001234567"
    assert [(c.from_status, c.to_status) for c in application.status_changes.all()] == [("", "new")]
    consent = application.consent
    assert consent.text == ConsentText.objects.current(
        ConsentText.Kind.GUARDIAN
    )  # a parent agreed for a child
    assert consent.ip_address == "127.0.0.1"
    assert consent.given_by_name == "Иванова Мария Петровна"
    assert application.reference_number in consent.covers

    sent_page = client.get(response["Location"])
    html = sent_page.text
    # The number never breaks; «Скопировать ссылку» waits for JavaScript; a lost link is recoverable.
    assert f'Заявка <span class="reference">№&nbsp;{application.reference_number}</span> отправлена' in html
    assert re.search(
        r'<button type="button"[^>]*data-copy-target="status-url"[^>]*hidden>Скопировать ссылку', html
    )
    assert 'id="status-url"' in html and 'href="/zayavka/moi/"' in html
    status_link = re.search(r'href="(http://testserver/zayavka/kruzhok/[\w-]+/)"', sent_page.text).group(1)
    assert client.get(status_link).status_code == 200
    token = status_link.rstrip("/").rsplit("/", 1)[1]
    assert application.status_token_digest != token  # only the digest is stored
    # The link is shown once: a reload of the success page goes back to the club.
    assert client.get(response["Location"]).status_code == 302


def test_adult_consents_for_themselves(apply, open_club):
    apply(open_club, application_data(age=19, guardian_name="", guardian_phone="", guardian_email=""))
    consent = ClubApplication.objects.get().consent
    assert consent.text == ConsentText.objects.current(ConsentText.Kind.PERSONAL_DATA)
    assert consent.given_by_name == "Иванов Артём"


def test_consent_is_separate_and_never_ticked(client, club):
    html = client.get(club.url).text
    checkbox = re.search(r'<input type="checkbox" name="consent"[^>]*>', html).group(0)
    assert "checked" not in checkbox
    assert "Текст согласия" in html


def test_consent_links_to_the_privacy_policy(client, club, home_page):
    from home.factories import StandardPageFactory
    from home.models import SiteIdentity

    policy = StandardPageFactory(parent=home_page, title="Политика", slug="politika")
    identity = SiteIdentity.load()
    identity.privacy_policy_page = policy
    identity.save()
    assert 'href="/politika/">Политика обработки персональных данных</a>' in client.get(club.url).text


# --- what is checked ---------------------------------------------------------------------------------------


def test_missing_consent_is_reported_next_to_the_checkbox_and_nothing_typed_is_lost(apply, club):
    response = apply(club, application_data(consent=None))
    assert response.status_code == 200
    assert "Без согласия на обработку персональных данных" in field_error(response.text, "consent")
    assert 'value="Иванов Артём"' in response.text
    assert "Люблю собирать модели" in response.text
    assert not ClubApplication.objects.exists() and not ConsentRecord.objects.exists()


@pytest.mark.parametrize(
    ("birth_date", "accepted"),
    [
        (born_years_ago(10, days=1), False),  # 9 today, 10 tomorrow
        (born_years_ago(10), True),  # 10 today
        (born_years_ago(17, days=1), True),  # 16, the last day
        (born_years_ago(17), False),  # 17 today
    ],
)
def test_age_must_be_in_the_club_range_at_both_ends(apply, club, birth_date, accepted):
    response = apply(club, application_data(birth_date=birth_date))
    assert ClubApplication.objects.exists() is accepted
    if not accepted:
        error = field_error(response.text, "birth_date")
        assert "Кружок принимает участников от 10 до 16 лет" in error
        assert f'value="{birth_date}"' in response.text


def test_a_birth_date_in_the_future_or_not_a_date(apply, club):
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    assert "в будущем" in field_error(apply(club, application_data(birth_date=tomorrow)).text, "birth_date")
    response = apply(club, application_data(birth_date="31.02.2012"))
    assert "ДД.ММ.ГГГГ" in field_error(response.text, "birth_date")
    assert not ClubApplication.objects.exists()


def test_birth_date_may_be_typed_the_russian_way(apply, club):
    born = datetime.date.fromisoformat(born_years_ago(12))
    apply(club, application_data(birth_date=born.strftime("%d.%m.%Y")))
    assert ClubApplication.objects.get().birth_date == born


def guardian_missing(age):
    return application_data(age=age, guardian_name="", guardian_phone="", guardian_email="")


@pytest.mark.parametrize("age", [13, 14, 17])
def test_under_18_the_parent_is_required(apply, open_club, age):
    response = apply(open_club, guardian_missing(age))
    assert "укажите фамилию, имя и отчество родителя" in field_error(response.text, "guardian_name")
    assert "телефон или электронную почту родителя" in field_error(response.text, "guardian_phone")
    assert not ClubApplication.objects.exists()


def test_at_18_no_parent_is_needed(apply, open_club):
    apply(open_club, guardian_missing(18))
    assert ClubApplication.objects.get().guardian_name == ""


def test_from_14_the_young_person_gives_their_own_contact(apply, open_club):
    response = apply(open_club, application_data(age=14, phone="", email=""))
    assert "чтобы координатор мог связаться с вами" in field_error(response.text, "phone")
    assert not ClubApplication.objects.exists()


def test_under_14_the_parent_applies_and_the_childs_contact_is_optional(client, apply, open_club):
    assert "Если ребёнку нет 14 лет, форму заполняет родитель" in client.get(open_club.url).text
    apply(open_club, application_data(age=13, phone="", email=""))
    application = ClubApplication.objects.get()
    assert application.phone == "" and application.guardian_phone == "+79001234567"


def test_wrong_contacts_are_reported_next_to_their_fields(apply, club):
    response = apply(club, application_data(phone="позвоните", guardian_email="mama@"))
    assert "Проверьте номер телефона" in field_error(response.text, "phone")
    assert "Проверьте адрес почты" in field_error(response.text, "guardian_email")
    assert 'aria-describedby="id_phone_error"' in response.text
    assert not ClubApplication.objects.exists()


def test_a_closed_club_shows_no_form_and_refuses_a_posted_one(client, apply, club):
    club.accepting_applications = False
    club.save()
    assert 'name="child_name"' not in client.get(club.url).text
    response = apply(club, application_data())
    assert "Кружок сейчас не принимает заявки" in response.text
    assert not ClubApplication.objects.exists()


def test_the_same_child_applying_twice_gets_a_friendly_message(apply, club):
    apply(club, application_data())
    response = apply(club, application_data(child_name="  иванов   артем "))
    assert response.status_code == 200
    assert "уже подана и ещё рассматривается" in response.text
    assert ClubApplication.objects.count() == 1


def test_after_withdrawing_the_child_may_apply_again(apply, club):
    apply(club, application_data())
    ClubApplication.objects.get().withdraw()
    apply(club, application_data())
    assert ClubApplication.objects.count() == 2


# --- capacity -----------------------------------------------------------------------------------------------


def test_when_the_club_is_full_new_applications_go_to_the_waiting_list(client, apply, club_index):
    small = ClubPageFactory(parent=club_index, slug="malenkiy", capacity=2)
    ClubApplicationFactory(club=small, status=Status.ENROLLED)
    ClubApplicationFactory(club=small, status=Status.CONTACTED)
    ClubApplicationFactory(club=small, status=Status.DECLINED)  # takes no place
    assert "Все места сейчас заняты" in client.get(small.url).text
    response = apply(small, application_data())
    assert ClubApplication.objects.latest("pk").status == Status.WAITING
    assert "в лист ожидания" in client.get(response["Location"]).text
    applicant_mail = next(m for m in mail.outbox if "ivanova@example.org" in m.to)
    assert "лист ожидания" in applicant_mail.body


def test_a_free_place_is_given_while_there_is_one(apply, club_index):
    small = ClubPageFactory(parent=club_index, slug="malenkiy", capacity=2)
    ClubApplicationFactory(club=small, status=Status.NEW)
    ClubApplicationFactory(club=small, status=Status.WAITING)
    apply(small, application_data())
    assert ClubApplication.objects.latest("pk").status == Status.NEW


# --- e-mail ------------------------------------------------------------------------------------------------


def test_applicant_parent_and_coordinators_are_written_to(apply, club, make_coordinator):
    make_coordinator("koordinator", club)
    apply(club, application_data())
    application = ClubApplication.objects.get()
    to_family = next(m for m in mail.outbox if "ivanova@example.org" in m.to)
    assert to_family.to == ["ivanova@example.org", "mama@example.org"]
    assert application.reference_number in to_family.subject
    assert "http://testserver/zayavka/kruzhok/" in to_family.body
    to_coordinators = next(m for m in mail.outbox if m.to == ["koordinator@example.org"])
    assert application.reference_number in to_coordinators.subject
    assert f"/admin/club_applications/edit/{application.pk}/" in to_coordinators.body
    assert "Иванов" not in to_coordinators.body  # personal data stays in the admin


def test_a_failing_mail_server_is_retried_and_the_application_is_kept(apply, club, monkeypatch):
    real_send = notifications.EmailMessage.send
    failures = []

    def flaky_send(self, fail_silently=False):
        if len(failures) < 2:
            failures.append(1)
            raise OSError("connection refused")
        return real_send(self, fail_silently)

    monkeypatch.setattr(notifications.EmailMessage, "send", flaky_send)
    response = apply(club, application_data())
    assert response.status_code == 302
    assert ClubApplication.objects.count() == 1
    assert len(failures) == 2 and len(mail.outbox) == 2


# --- abuse ---------------------------------------------------------------------------------------------


def test_a_filled_honeypot_is_refused(apply, club):
    response = apply(club, application_data(website="http://spam.example"))
    assert "не так, как это делает человек" in response.text
    assert not ClubApplication.objects.exists()


def test_a_form_sent_instantly_is_refused_but_keeps_what_was_typed(apply, club):
    response = apply(club, application_data(form_started=sign_started_at(time.time())))
    assert "быстрее, чем её обычно заполняют" in response.text
    assert 'value="Иванов Артём"' in response.text
    assert not ClubApplication.objects.exists()


def test_after_a_too_fast_refusal_the_next_click_goes_through(apply, club):
    """Back, then «Отправить» at once: refused with what to do; the same form sent again is accepted."""
    response = apply(club, application_data(form_started=sign_started_at(time.time())))
    assert "нажмите кнопку отправки ещё раз" in response.text
    refreshed = re.search(r'name="form_started" value="([^"]+)"', response.text).group(1)
    again = apply(club, application_data(form_started=refreshed))
    assert again.status_code == 302
    assert ClubApplication.objects.count() == 1


def test_child_and_guardian_fields_have_their_own_autofill_sections(client, club):
    """The browser must not fill a parent's own name and birthday into the child's fields."""
    html = client.get(club.url).text

    def autocomplete(name):
        tag = re.search(rf'<(?:input|textarea)[^>]*name="{name}"[^>]*>', html).group(0)
        return re.search(r'autocomplete="([^"]*)"', tag).group(1)

    assert autocomplete("child_name") == "off"
    assert autocomplete("birth_date") == "off"
    assert autocomplete("phone") == "section-child tel"
    assert autocomplete("email") == "section-child email"
    assert autocomplete("guardian_name") == "section-guardian name"
    assert autocomplete("guardian_phone") == "section-guardian tel"
    assert autocomplete("guardian_email") == "section-guardian email"
    guardian_fieldset = re.search(
        r"<fieldset>\s*<legend>Родитель или законный представитель</legend>.*?</fieldset>", html, re.S
    )
    assert guardian_fieldset and all(
        f'name="{name}"' in guardian_fieldset.group(0)
        for name in ("guardian_name", "guardian_phone", "guardian_email")
    )
    assert 'name="child_name"' not in guardian_fieldset.group(0)


def test_the_honeypot_is_hidden_from_people(client, club):
    html = client.get(club.url).text
    assert 'class="form-field form-field--trap" aria-hidden="true"' in html
    assert 'name="website"' in html and 'tabindex="-1"' in html


def test_too_many_submissions_from_one_address_are_refused(apply, club, settings):
    settings.APPLICATION_RATE_LIMIT = 2
    for number in range(2):
        assert apply(club, application_data(child_name=f"Ребёнок {number}")).status_code == 302
    response = apply(club, application_data(child_name="Третий Ребёнок"))
    assert response.status_code == 429
    assert "очень много заявок" in response.text
    assert 'value="Третий Ребёнок"' in response.text
    assert ClubApplication.objects.count() == 2


def test_mistakes_never_count_against_the_limit(apply, club, settings):
    """A parent who gets the form wrong many times (or a class behind one address) is not locked out."""
    settings.APPLICATION_RATE_LIMIT = 2
    for _ in range(12):
        assert apply(club, application_data(phone="+7 (912) 345-67-8")).status_code == 200
    for number in range(2):
        assert apply(club, application_data(child_name=f"Ребёнок {number}")).status_code == 302
    assert apply(club, application_data(child_name="Третий Ребёнок")).status_code == 429


def test_the_form_needs_the_csrf_token(club):
    response = Client(enforce_csrf_checks=True).post(club.url, application_data())
    assert response.status_code == 403
    assert not ClubApplication.objects.exists()


def test_oversized_fields_are_form_errors(apply, club):
    response = apply(club, application_data(child_name="Я" * 5000, motivation="м" * 50_000))
    assert response.status_code == 200
    assert field_error(response.text, "child_name")
    assert field_error(response.text, "motivation")
    assert not ClubApplication.objects.exists()


def test_an_oversized_request_is_a_400(apply, club, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100_000
    response = apply(club, application_data(motivation="м" * 200_000))
    assert response.status_code == 400


def test_null_bytes_and_junk_are_form_errors(apply, club):
    response = apply(club, application_data(child_name="Иван\x00ов", birth_date="\x00", consent="maybe"))
    assert response.status_code == 200
    assert field_error(response.text, "child_name")
    assert not ClubApplication.objects.exists()


def test_form_pages_are_never_cached(client, apply, club):
    assert {"private", "no-store"} <= set(client.get(club.url)["Cache-Control"].replace(" ", "").split(","))
    response = apply(club, application_data(consent=None))
    assert "no-store" in response["Cache-Control"]
