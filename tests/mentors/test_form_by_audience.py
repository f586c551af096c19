"""The mentor form adapts to the call: one audience is given, employer questions only for calls to employers,
a senior pupil under 18 brings a parent's consent; rules are said before an error."""

import re
from datetime import date

from django.urls import reverse
from django.utils import timezone

import pytest

from home.models import ConsentRecord, ConsentText
from mentors.admin_views import VIEWSET_NAME
from mentors.choices import Audience
from mentors.factories import MentorCallPageFactory
from mentors.models import MentorApplication
from tests.mentors.conftest import application_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def call_for(call_index):
    def make(*audiences, slug="prizyv"):
        return MentorCallPageFactory(parent=call_index, slug=slug, audiences=list(audiences))

    return make


def radio_tags(html, name):
    return re.findall(rf'<input[^>]*type="radio"[^>]*name="{name}"[^>]*>', html)


def test_a_call_with_one_audience_gives_the_answer(client, call_for):
    call = call_for(Audience.VETERANS)
    tags = radio_tags(client.get(call.url).text, "audience")
    assert len(tags) == 1 and "checked" in tags[0] and 'value="veterans"' in tags[0]


def test_a_call_with_several_audiences_asks(client, call_for):
    call = call_for(Audience.VETERANS, Audience.STUDENTS)
    tags = radio_tags(client.get(call.url).text, "audience")
    assert len(tags) == 2 and not any("checked" in tag for tag in tags)


def test_employer_questions_only_on_calls_to_employers(client, call_for):
    without = client.get(call_for(Audience.VETERANS).url).text
    assert 'name="employer_offers"' not in without and "Для работодателей" not in without
    assert client.post(call_for(Audience.VETERANS, slug="v2").url, application_data()).status_code == 302
    with_employers = client.get(call_for(Audience.VETERANS, Audience.EMPLOYERS, slug="v3").url).text
    # Without JavaScript the section is simply shown (static/js/applications.js hides it until chosen).
    section = re.search(r'<fieldset[^>]*data-shown-for="audience=employers"[^>]*>', with_employers).group(0)
    assert "hidden" not in section
    assert 'name="employer_offers"' in with_employers


def test_minimum_lengths_and_the_certificate_are_said_before_any_error(client, call_for):
    html = client.get(call_for(Audience.VETERANS).url).text
    assert "не меньше 20 знаков" in html
    assert "Фамилия и имя через пробел" in html
    assert "справка об отсутствии судимости" in html and "351.1" in html
    assert "после собеседования, до первых занятий с детьми" in html


def birth_date_for(age):
    # Born on 1 January: exactly `age` full years on any day of this year.
    return date(timezone.localdate().year - age, 1, 1).isoformat()


PUPIL = {
    "audience": "senior_pupils",
    "full_name": "Смирнова Дарья",
    "profession": "Ученица 10 класса",
    "email": "dasha@example.org",
}


def test_a_senior_pupil_gives_a_birth_date(client, call_for):
    call = call_for(Audience.SENIOR_PUPILS)
    response = client.post(call.url, application_data(**PUPIL))
    assert response.status_code == 200
    assert "нужно указать дату рождения" in response.context["form"].errors["birth_date"][0]


def test_a_pupil_under_18_needs_a_parent_and_the_parents_consent(client, call_for):
    call = call_for(Audience.SENIOR_PUPILS)
    response = client.post(call.url, application_data(birth_date=birth_date_for(16), **PUPIL))
    errors = response.context["form"].errors
    assert set(errors) >= {"guardian_name", "guardian_phone", "guardian_consent"}
    assert 'value="Смирнова Дарья"' in response.text
    assert not MentorApplication.objects.exists()


def test_a_pupil_under_18_is_stored_with_a_consent_record_of_the_parent(
    client, call_for, mailoutbox, django_capture_on_commit_callbacks
):
    call = call_for(Audience.SENIOR_PUPILS)
    data = application_data(
        birth_date=birth_date_for(16),
        guardian_name="Смирнова Ольга Ивановна",
        guardian_phone="8 912 000-11-22",
        guardian_email="mama@example.org",
        guardian_consent="on",
        **PUPIL,
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(call.url, data).status_code == 302
    application = MentorApplication.objects.get()
    assert application.guardian_phone == "+79120001122"
    consent = application.guardian_consent
    assert consent.text.kind == ConsentText.Kind.MENTOR_GUARDIAN
    assert consent.given_by_name == "Смирнова Ольга Ивановна"
    assert consent.given_by_email == "mama@example.org"
    assert application.consent != consent and ConsentRecord.objects.count() == 2
    # The parent hears about the application too.
    assert any("mama@example.org" in message.to for message in mailoutbox)
    # The coordinator sees the parent and the parent's consent.
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("root", "root@example.org", "x")
    client.force_login(admin)
    html = client.get(reverse(f"{VIEWSET_NAME}:edit", args=[application.pk])).text
    assert "Смирнова Ольга Ивановна, +7 912 000-11-22" in html and "Согласие родителя" in html


def test_an_adult_pupil_needs_no_parent_and_another_audience_stores_no_pupil_data(client, call_for):
    call = call_for(Audience.SENIOR_PUPILS, Audience.STUDENTS)
    assert client.post(call.url, application_data(birth_date=birth_date_for(18), **PUPIL)).status_code == 302
    student = application_data(
        audience="students",
        full_name="Другой Студент",
        email="student@example.org",
        birth_date=birth_date_for(16),
        guardian_name="Кто-то",
        guardian_consent="on",
    )
    assert client.post(call.url, student).status_code == 302
    stored = MentorApplication.objects.get(full_name="Другой Студент")
    assert (stored.birth_date, stored.guardian_name, stored.guardian_consent) == (None, "", None)


def test_too_young_for_a_senior_pupil(client, call_for):
    call = call_for(Audience.SENIOR_PUPILS)
    response = client.post(call.url, application_data(birth_date=birth_date_for(12), **PUPIL))
    assert "с 14 лет" in response.context["form"].errors["birth_date"][0]
