"""A young person is named or pictured in a story only with a recorded publication consent (152-FZ)."""

import json

from django.contrib.auth import get_user_model
from django.test import Client

from wagtail.models import Page

import pytest

from home.models import ConsentRecord, ConsentText
from stories.factories import StoryPageFactory
from stories.models import StoryParticipant

pytestmark = pytest.mark.django_db

URL = "/admin/privacy/requests/"
EMAIL = "mama.ivanovoy@example.org"


@pytest.fixture
def story(story_index):
    story = StoryPageFactory(parent=story_index, title="Юные техники Урала", slug="yunye-tehniki")
    StoryParticipant.objects.create(
        story=story,
        name="Иванова Аня",
        about="ученица 9 класса, кружок «Юный техник»",
        consent_given_by="Иванова Мария Петровна, мама",
        consent_email=EMAIL,
        consent_document="Бумажное согласие от 12.03.2026, хранится в отделении",
    )
    story.save_revision().publish()
    return story


@pytest.fixture
def admin():
    client = Client()
    client.force_login(get_user_model().objects.create_superuser("admin", "admin@example.org", "x"))
    return client


def test_saving_a_participant_records_the_publication_consent(story):
    participant = story.participants.get()
    consent = participant.consent
    assert consent.text == ConsentText.objects.current(ConsentText.Kind.STORY_PUBLICATION)
    assert consent.given_by_name == "Иванова Мария Петровна, мама"
    assert "Юные техники Урала" in consent.covers and "хранится в отделении" in consent.covers


def test_a_participant_with_a_consent_in_force_is_named(client, story):
    html = client.get(story.url).text
    assert "Участники истории" in html
    assert "Иванова Аня" in html


def test_a_participant_without_a_recorded_consent_is_not_shown(client, story):
    StoryParticipant.objects.filter(story=story).update(consent=None)
    html = client.get(story.url).text
    assert "Иванова Аня" not in html
    assert "Участники истории" not in html


def test_withdrawing_the_consent_hides_the_participant_on_the_next_request(story, admin, settings):
    settings.PAGE_CACHE_SECONDS = 600
    reader = Client()
    assert "Иванова Аня" in reader.get(story.url).text
    assert "Иванова Аня" in reader.get(story.url).text  # now from the page cache
    consent_pk = story.participants.get().consent_id
    assert (
        "Отозвать согласие на публикацию имени"
        in admin.post(URL, {"identifier": EMAIL, "action": "find"}).text
    )
    response = admin.post(URL, {"identifier": EMAIL, "action": "withdraw_publication", "consent": consent_pk})
    assert "Согласие на публикацию отозвано" in response.text
    assert "Иванова Аня" not in reader.get(story.url).text
    assert ConsentRecord.objects.get(pk=consent_pk).withdrawn_at is not None


def test_the_request_export_includes_the_participant(story, admin):
    response = admin.post(URL, {"identifier": EMAIL, "action": "download"})
    document = json.loads(response.content)
    participants = document["Участники историй"]
    assert participants[0]["Имя"] == "Иванова Аня"
    assert participants[0]["История"] == "Юные техники Урала"


def test_erasure_removes_the_participant_from_the_page_and_the_revisions(client, story, admin):
    admin.post(URL, {"identifier": EMAIL, "action": "erase", "confirm": "yes"})
    assert not StoryParticipant.objects.exists()
    assert "Иванова Аня" not in client.get(story.url).text
    page = Page.objects.get(pk=story.pk).specific
    for revision in page.revisions.all():
        assert "Иванова Аня" not in json.dumps(revision.content, ensure_ascii=False)


def test_erasure_leaves_a_namesake_in_the_revisions(story, admin):
    StoryParticipant.objects.create(
        story=story,
        name="Иванова Аня",
        about="ученица 7 класса, другой человек",
        consent_given_by="Иванов Пётр, папа",
        consent_email="papa@example.org",
        consent_document="Согласие от 01.04.2026",
    )
    story.save_revision().publish()
    admin.post(URL, {"identifier": EMAIL, "action": "erase", "confirm": "yes"})
    assert StoryParticipant.objects.get().about == "ученица 7 класса, другой человек"
    latest = Page.objects.get(pk=story.pk).specific.revisions.order_by("-pk").first()
    assert "ученица 7 класса, другой человек" in json.dumps(latest.content, ensure_ascii=False)
    names = [item["name"] for item in latest.content["participants"]]
    assert names.count("Иванова Аня") == 1
