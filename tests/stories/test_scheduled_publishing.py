"""Scheduled publishing with a frozen clock: a story approved for a future time goes live only when
`publish_scheduled` runs after that time, and an expiry date takes it down again."""

import datetime
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

import pytest
import time_machine

from stories.factories import StoryPageFactory
from stories.models import StoryPage

MOSCOW = datetime.timezone(datetime.timedelta(hours=3))
NOW = datetime.datetime(2026, 11, 20, 9, 0, tzinfo=MOSCOW)


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def schedule(story, go_live_at=None, expire_at=None):
    story.go_live_at = go_live_at
    story.expire_at = expire_at
    story.save_revision().publish()
    story.refresh_from_db()
    return story


def story_is_public(client, story_index, story):
    listing = client.get(story_index.url).content.decode()
    feed = client.get(story_index.feed_url()).content.decode()
    page = client.get(story_index.url + story.slug + "/")
    return (story.title in listing, story.title in feed, page.status_code)


def test_a_story_goes_live_only_after_its_time_when_the_command_runs(client, clock, story_index):
    story = StoryPageFactory(parent=story_index, title="Первая смена", slug="pervaya-smena", live=False)
    story = schedule(story, go_live_at=NOW + datetime.timedelta(hours=2))
    assert not story.live
    assert story.get_latest_revision().approved_go_live_at is not None

    call_command("publish_scheduled", stdout=StringIO())
    assert not StoryPage.objects.get(pk=story.pk).live
    assert story_is_public(client, story_index, story) == (False, False, 404)

    clock.move_to(NOW + datetime.timedelta(hours=2, minutes=5))
    call_command("publish_scheduled", stdout=StringIO())
    story.refresh_from_db()
    assert story.live
    assert story.first_published_at == timezone.now()
    assert story_is_public(client, story_index, story) == (True, True, 200)


def test_an_expiry_date_takes_the_story_down(client, clock, story_index):
    story = StoryPageFactory(parent=story_index, title="Итоги конкурса", slug="itogi-konkursa")
    story = schedule(story, expire_at=NOW + datetime.timedelta(days=1))
    assert story.live
    assert story_is_public(client, story_index, story) == (True, True, 200)

    clock.move_to(NOW + datetime.timedelta(days=1, minutes=1))
    call_command("publish_scheduled", stdout=StringIO())
    story.refresh_from_db()
    assert not story.live
    assert story.expired
    assert story_is_public(client, story_index, story) == (False, False, 404)


def test_the_development_scheduler_runs_publish_scheduled(clock, story_index):
    story = StoryPageFactory(parent=story_index, title="Ночной выпуск", slug="nochnoy-vypusk", live=False)
    story = schedule(story, go_live_at=NOW + datetime.timedelta(minutes=10))
    clock.move_to(NOW + datetime.timedelta(minutes=11))
    call_command("run_scheduler", once=True, stdout=StringIO())
    story.refresh_from_db()
    assert story.live


@pytest.fixture
def chief_editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("glavred", "g@example.org", "x"))
    return client


def go_live_field(client, page):
    from django.urls import reverse

    from wagtail.test.utils.form_data import querydict_from_html

    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    return querydict_from_html(html, form_id="page-edit-form").get("go_live_at")


@pytest.mark.parametrize("already_live", [False, True])
def test_cancelling_a_scheduled_publication_clears_its_go_live_date(
    chief_editor, clock, story_index, already_live
):
    from django.urls import reverse

    story = StoryPageFactory(parent=story_index, title="Новая смена", slug="novaya-smena", live=already_live)
    if already_live:
        story.save_revision().publish()
    story = schedule(story, go_live_at=NOW + datetime.timedelta(days=3))
    revision = story.get_latest_revision()
    assert revision.approved_go_live_at is not None
    assert go_live_field(chief_editor, story)

    response = chief_editor.post(
        reverse("wagtailadmin_pages:revisions_unschedule", args=[story.pk, revision.pk]), follow=True
    )
    assert response.status_code == 200
    story.refresh_from_db()
    revision.refresh_from_db()
    assert revision.approved_go_live_at is None
    assert story.go_live_at is None
    assert revision.content["go_live_at"] is None
    assert not go_live_field(chief_editor, story)
    assert story.get_latest_revision().as_object().go_live_at is None
    # Publishing it again publishes it now, not on the forgotten date.
    story.get_latest_revision().publish()
    story.refresh_from_db()
    assert story.live and story.get_latest_revision().approved_go_live_at is None
