"""A mentor is named on a club page only with a recorded publication consent; withdrawing it hides them."""

from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from home.models import ConsentRecord, ConsentText
from home.privacy import subject_requests
from mentors.choices import Status
from mentors.factories import MentorApplicationFactory, MentorMatchFactory

pytestmark = pytest.mark.django_db

URL = "/admin/privacy/requests/"


def publication_consent(name):
    return ConsentRecord.objects.create(
        text=ConsentText.objects.current(ConsentText.Kind.PUBLICATION),
        given_by_name=name,
        given_by_email="kuznetsov@example.org",
        covers="Имя и профессия на страницах кружков",
        ip_address="198.51.100.4",
    )


def matched_mentor(call, club, *, name, consent=True, status=Status.MATCHED):
    mentor = MentorApplicationFactory(
        call=call,
        full_name=name,
        email="kuznetsov@example.org",
        status=status,
        profession="Токарь",
        publication_consent=publication_consent(name) if consent else None,
    )
    MentorMatchFactory(mentor=mentor, club=club)
    return mentor


def test_only_a_matched_mentor_with_a_publication_consent_is_named(call, club):
    matched_mentor(call, club, name="Кузнецов Виктор")
    matched_mentor(call, club, name="Безсогласия Иван", consent=False)
    matched_mentor(call, club, name="Одобренный Пётр", status=Status.APPROVED)
    withdrawn = matched_mentor(call, club, name="Отозвавший Семён")
    ConsentRecord.objects.filter(pk=withdrawn.publication_consent_id).update(withdrawn_at=timezone.now())
    html = Client().get(club.url).text
    assert "Кузнецов Виктор" in html
    for hidden in ("Безсогласия Иван", "Одобренный Пётр", "Отозвавший Семён"):
        assert hidden not in html


def test_withdrawing_the_consent_in_the_admin_hides_the_mentor_on_the_next_request(call, club, settings):
    settings.PAGE_CACHE_SECONDS = 600
    mentor = matched_mentor(call, club, name="Кузнецов Виктор")
    reader = Client()
    assert "Кузнецов Виктор" in reader.get(club.url).text
    assert "Кузнецов Виктор" in reader.get(club.url).text  # a second request: from the cache if cacheable

    admin = Client()
    admin.force_login(get_user_model().objects.create_superuser("admin", "admin@example.org", "x"))
    page = admin.post(URL, {"identifier": "kuznetsov@example.org", "action": "find"})
    assert "Отозвать согласие на публикацию имени" in page.text
    response = admin.post(
        URL,
        {
            "identifier": "kuznetsov@example.org",
            "action": "withdraw_publication",
            "consent": mentor.publication_consent_id,
        },
    )
    assert "Согласие на публикацию отозвано" in response.text
    assert "Отозвать согласие на публикацию имени" not in response.text

    assert "Кузнецов Виктор" not in reader.get(club.url).text
    consent = ConsentRecord.objects.get(pk=mentor.publication_consent_id)
    assert consent.withdrawn_at is not None
    # The application itself and the consent's evidence stay: only publication stopped.
    assert consent.given_by_name == "Кузнецов Виктор"
    mentor.refresh_from_db()
    assert mentor.status == Status.MATCHED and mentor.full_name == "Кузнецов Виктор"
    entry = ModelLogEntry.objects.get(action=subject_requests.CONSENT_WITHDRAWN_ACTION)
    assert "Кузнецов" not in entry.label


def test_a_consent_of_somebody_else_cannot_be_withdrawn_through_another_search(call, club):
    mentor = matched_mentor(call, club, name="Кузнецов Виктор")
    admin = Client()
    admin.force_login(get_user_model().objects.create_superuser("admin", "admin@example.org", "x"))
    response = admin.post(
        URL,
        {
            "identifier": "other@example.org",
            "action": "withdraw_publication",
            "consent": mentor.publication_consent_id,
        },
    )
    assert "Это согласие уже отозвано или не относится к найденному человеку" in response.text
    assert ConsentRecord.objects.get(pk=mentor.publication_consent_id).withdrawn_at is None
    assert "Кузнецов Виктор" in Client().get(club.url).text
