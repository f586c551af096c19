"""The mentor application form: every field rule, consents, reference number, status link, e-mails, spam."""

import re
import time

from django.core.cache import cache
from django.test import override_settings

import pytest

from home.applications.ratelimit import RateLimit
from home.applications.spam import sign_started_at
from home.models import ConsentRecord, ConsentText
from mentors.choices import Audience, Status
from mentors.factories import MentorCallPageFactory
from mentors.models import MentorApplication
from tests.mentors.conftest import application_data

pytestmark = pytest.mark.django_db


def submit(client, call, **overrides):
    return client.post(call.url, application_data(**overrides))


def errors(response):
    return response.context["form"].errors


def test_a_valid_application_is_numbered_stored_with_consent_and_history(
    client, call, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, call, publication=None)
    assert response.status_code == 302
    application = MentorApplication.objects.get()
    assert re.fullmatch(r"\d{4}-\d{6}", application.reference_number)
    assert application.status == Status.NEW
    assert application.full_name == "Кузнецов Виктор Павлович"
    assert application.phone == "+79123456789"
    assert application.directions == ["technical", "labour"]
    assert application.audience == Audience.VETERANS
    consent = application.consent
    assert consent.text == ConsentText.objects.current(ConsentText.Kind.MENTOR)
    assert consent.text_shown == consent.text.text
    assert consent.ip_address == "127.0.0.1"
    assert consent.given_at is not None
    assert application.reference_number in consent.covers
    assert application.publication_consent is None
    assert [(c.from_status, c.to_status) for c in application.status_changes.all()] == [("", "new")]
    by_recipient = {message.to[0]: message for message in mailoutbox}
    assert set(by_recipient) == {"kuznetsov@example.org", "nastavniki@example.org"}
    assert "/zayavka/nastavnik/" in by_recipient["kuznetsov@example.org"].body
    assert (
        "kuznetsov@example.org" not in by_recipient["nastavniki@example.org"].body
    )  # contacts only in admin


def test_the_success_page_shows_the_reference_and_status_link_once(client, call):
    response = submit(client, call)
    application = MentorApplication.objects.get()
    page = client.get(response["Location"])
    html = page.text
    # The number never breaks; «Скопировать ссылку» waits for JavaScript; a lost link is recoverable.
    assert f'Заявка <span class="reference">№&nbsp;{application.reference_number}</span> отправлена' in html
    assert re.search(
        r'<button type="button"[^>]*data-copy-target="status-url"[^>]*hidden>Скопировать ссылку', html
    )
    assert 'id="status-url"' in html and 'href="/zayavka/moi/"' in html
    link = re.search(r'href="(http://testserver/zayavka/nastavnik/[^"]+)"', page.text).group(1)
    assert client.get(link).status_code == 200
    assert client.get(response["Location"]).status_code == 302  # a reload goes back to the call


def test_the_status_link_shows_status_history_and_allows_withdrawing(
    client, call, mailoutbox, django_capture_on_commit_callbacks
):
    response = submit(client, call)
    link = re.search(
        r'href="(http://testserver/zayavka/nastavnik/[^"]+)"', client.get(response["Location"]).text
    )
    status_page = client.get(link.group(1))
    assert "Новая" in status_page.text
    assert status_page["Cache-Control"].count("no-store") == 1
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link.group(1), {"action": "withdraw", "confirm": "yes"})
    application = MentorApplication.objects.get()
    assert application.status == Status.WITHDRAWN
    assert "Отозвана" in client.get(link.group(1)).text
    to_contact = [message.body for message in mailoutbox if message.to == ["nastavniki@example.org"]]
    assert any("отозвал заявку" in body for body in to_contact)
    assert any("Вы отозвали заявку" in m.body for m in mailoutbox if m.to == ["kuznetsov@example.org"])


def test_an_unknown_status_token_is_not_found(client, call):
    assert client.get("/zayavka/nastavnik/" + "a" * 43 + "/").status_code == 404


def test_publication_consent_is_recorded_only_when_ticked(client, call):
    submit(client, call, publication="on", email="one@example.org")
    submit(client, call, full_name="Орлова Галина Ивановна", email="two@example.org")
    shown = MentorApplication.objects.get(email="one@example.org")
    hidden = MentorApplication.objects.get(email="two@example.org")
    assert shown.publication_consent.text.kind == ConsentText.Kind.PUBLICATION
    assert shown.agreed_to_be_shown
    assert hidden.publication_consent is None
    assert not hidden.agreed_to_be_shown


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("full_name", "Укажите фамилию и имя."),
        ("region", "Выберите регион"),
        ("city", "Укажите город или посёлок."),
        ("audience", "Отметьте, кто вы"),
        ("profession", "Укажите профессию"),
        ("experience", "Расскажите коротко о своём опыте."),
        ("directions", "Отметьте хотя бы одно направление"),
        ("availability", "Укажите, сколько времени готовы уделять."),
        ("mentoring_format", "Выберите формат"),
        ("consent", "Без согласия на обработку персональных данных"),
    ],
)
def test_every_required_field_says_what_to_fix_and_keeps_what_was_typed(client, call, field, message):
    response = submit(client, call, **{field: None})
    assert response.status_code == 200
    assert message in " ".join(errors(response)[field])
    assert 'value="Токарь-универсал, Герой Труда"' in response.text or field == "profession"
    assert f'id="id_{field}_error"' in response.text
    assert not MentorApplication.objects.exists()
    assert not ConsentRecord.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"full_name": "Виктор"}, "full_name", "Укажите фамилию и имя — через пробел"),
        ({"full_name": "123 456"}, "full_name", "Укажите фамилию и имя — через пробел"),
        ({"phone": "12345"}, "phone", "Проверьте номер телефона"),
        ({"phone": "", "email": ""}, "phone", "Укажите телефон или электронную почту"),
        ({"email": "not-an-address"}, "email", "Проверьте адрес почты"),
        ({"region": "999999"}, "region", "Выберите регион из списка."),
        ({"city": "123"}, "city", "Укажите название города или посёлка."),
        ({"audience": "martians"}, "audience", "Этот призыв адресован другим участникам"),
        ({"directions": ["cooking"]}, "directions", "Такого направления нет в списке."),
        ({"mentoring_format": "telepathy"}, "mentoring_format", "Выберите корректный вариант"),
        ({"experience": "Много лет"}, "experience", "Расскажите чуть подробнее"),
        ({"full_name": "Я" * 201}, "full_name", "не более 200"),
    ],
)
def test_wrong_values_are_refused_next_to_their_field(client, call, overrides, field, message):
    response = submit(client, call, **overrides)
    assert response.status_code == 200
    assert message in " ".join(errors(response)[field])
    assert not MentorApplication.objects.exists()


def test_an_audience_the_call_is_not_for_is_refused(client, call_index):
    students_only = MentorCallPageFactory(parent=call_index, slug="studenty", audiences=[Audience.STUDENTS])
    response = client.post(students_only.url, application_data(audience="veterans"))
    assert "Этот призыв адресован другим участникам: студенты" in " ".join(errors(response)["audience"])
    assert 'value="veterans"' not in response.text  # only the call's audiences are offered


def test_an_employer_must_name_the_organization_and_what_it_offers(client, call):
    response = submit(client, call, audience="employers", organization="")
    assert "Работодателю нужно указать организацию." in errors(response)["organization"]
    assert "Отметьте, что организация предлагает" in " ".join(errors(response)["employer_offers"])
    assert not MentorApplication.objects.exists()


def test_an_employer_offer_is_stored(client, call):
    submit(
        client,
        call,
        audience="employers",
        organization="АО «Уралмашзавод»",
        employer_offers=["internships", "disability_jobs"],
        employer_offer_details="5 мест на практику",
    )
    application = MentorApplication.objects.get()
    assert application.organization == "АО «Уралмашзавод»"
    assert application.employer_offers == ["internships", "disability_jobs"]
    assert (
        application.employer_offers_display
        == "Стажировки и практика, Рабочие места для людей с инвалидностью"
    )


def test_offers_ticked_by_someone_who_is_not_an_employer_are_not_stored(client, call):
    submit(
        client, call, audience="students", employer_offers=["internships"], employer_offer_details="Что-то"
    )
    application = MentorApplication.objects.get()
    assert application.employer_offers == []
    assert application.employer_offer_details == ""


def test_a_second_application_of_the_same_person_to_the_same_call_is_not_stored(client, call):
    submit(client, call)
    response = submit(client, call, full_name="кузнецов виктор павлович")
    assert response.status_code == 200
    assert "уже подана и ещё рассматривается" in response.text
    assert MentorApplication.objects.count() == 1


def test_the_call_region_is_preselected(client, call):
    from home.models import Region

    call.region = Region.objects.get(slug="moskva")
    call.save()
    html = client.get(call.url).text
    assert re.search(rf'<option value="{call.region_id}" selected>', html)


def test_the_consent_boxes_are_never_ticked_in_advance(client, call):
    html = client.get(call.url).text
    for name in ("consent", "publication"):
        tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', html).group(0)
        assert "checked" not in tag


def test_the_honeypot_rejects_and_stores_nothing(client, call):
    response = submit(client, call, website="http://spam.example")
    assert response.status_code == 200
    assert "honeypot" in response.context["form"].spam_error_codes
    assert not MentorApplication.objects.exists()
    assert not ConsentRecord.objects.exists()


def test_a_form_sent_too_fast_is_rejected_and_stores_nothing(client, call):
    response = submit(client, call, form_started=sign_started_at(time.time()))
    assert "too_fast" in response.context["form"].spam_error_codes
    assert "быстрее, чем её обычно заполняют" in response.text
    assert not MentorApplication.objects.exists()


def test_a_forged_timestamp_is_rejected(client, call):
    response = submit(client, call, form_started="forged")
    assert "stale" in response.context["form"].spam_error_codes
    assert not MentorApplication.objects.exists()


def test_over_the_rate_limit_nothing_is_stored_and_the_typed_data_stays(client, call, monkeypatch):
    monkeypatch.setattr("mentors.views.APPLICATION_SUBMISSIONS", RateLimit("applications", 2, 600))
    cache.clear()
    for number in range(2):
        assert (
            submit(client, call, email=f"m{number}@example.org", full_name=f"Иванов Пётр{number}").status_code
            == 302
        )
    response = submit(client, call, email="third@example.org", full_name="Третий Наставник")
    assert response.status_code == 429
    assert "очень много заявок" in response.text
    assert 'value="Третий Наставник"' in response.text
    assert MentorApplication.objects.count() == 2


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_the_consent_stores_the_visitor_address_behind_the_proxy(client, call):
    client.post(call.url, application_data(), HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert MentorApplication.objects.get().consent.ip_address == "203.0.113.7"


def test_errors_are_linked_to_their_fields_for_screen_readers(client, call):
    response = submit(client, call, city="")
    assert re.search(r'<input[^>]*name="city"[^>]*aria-describedby="id_city_error"', response.text)
    response = submit(client, call, directions=None)
    assert 'aria-describedby="id_directions_error' in response.text


def test_unicode_spellings_and_word_order_do_not_make_another_mentor(client, call):
    for name in ["Кузнецов Виктор Павлович", "Виктор Павлович Кузнецов", "Кузнецoв\u200b Виктор Павлович"]:
        submit(client, call, full_name=name)
    assert MentorApplication.objects.count() == 1


@pytest.mark.parametrize(
    ("contacts", "says", "never_says"),
    [
        ({}, "личной ссылке из письма", "которую мы показали"),
        ({"email": ""}, "которую мы показали после отправки", "из письма"),
    ],
)
def test_the_duplicate_message_mentions_a_letter_only_when_an_email_was_given(
    client, call, contacts, says, never_says
):
    submit(client, call, **contacts)
    response = submit(client, call, **contacts)
    assert says in response.text and never_says not in response.text
