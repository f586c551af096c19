"""Moderation end to end through the admin's own URLs: an author writes a story and submits it, cannot publish
it, a chief editor sees it on the dashboard and approves (or rejects) it, and only then is it on the site."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Page, Workflow, WorkflowState
from wagtail.test.utils.form_data import querydict_from_html

import pytest

from stories.factories import HeroPageFactory, StoryPageFactory
from stories.models import StoryPage

CHIEF_EDITORS = "Главные редакторы"
AUTHORS = "Авторы"


@pytest.fixture
def make_user(db):
    def make(username, group_name):
        user = get_user_model().objects.create_user(
            username=username, email=f"{username}@example.org", password="x", first_name=username
        )
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


@pytest.fixture
def author(make_user):
    return make_user("avtor", AUTHORS)


@pytest.fixture
def chief(make_user):
    return make_user("glavred", CHIEF_EDITORS)


def story_form_data(client, parent, image, **fields):
    """The add form as the browser would post it: every field Wagtail renders, then what the author typed."""
    add_url = reverse("wagtailadmin_pages:add", args=["stories", "storypage", parent.pk])
    response = client.get(add_url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data.update(
        {
            "title": "Мастер золотые руки",
            "slug": "master-zolotye-ruki",
            "lead": "История токаря, который вырастил сорок учеников.",
            "cover_image": str(image.pk),
            "kind": "story",
            "date": "2026-11-20",
        }
    )
    data.update(body_data(image))
    data.update(fields)
    return add_url, data


def body_data(image):
    """A paragraph and a picture: StreamField inputs are drawn by JavaScript, so they are not in the HTML."""
    return {
        "body-count": "2",
        "body-0-type": "paragraph",
        "body-0-value": '{"blocks": [{"key": "a", "type": "unstyled", "text": "Сорок лет у станка.", '
        '"depth": 0, "inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}',
        "body-0-deleted": "",
        "body-0-order": "0",
        "body-0-id": "",
        "body-1-type": "image",
        "body-1-value-image": str(image.pk),
        "body-1-value-caption": "За станком",
        "body-1-value-credit": "Фото из семейного архива",
        "body-1-deleted": "",
        "body-1-order": "1",
        "body-1-id": "",
    }


def edit_form_data(client, story, image):
    page = client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])).content.decode()
    data = querydict_from_html(page, form_id="page-edit-form")
    data.update(body_data(image))
    return page, data


def submit_story(client, author, story_index, image):
    client.force_login(author)
    add_url, data = story_form_data(client, story_index, image)
    data["action-submit"] = "action-submit"
    response = client.post(add_url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    return StoryPage.objects.get(slug="master-zolotye-ruki")


def test_the_chief_editors_workflow_covers_stories_and_heroes(story_index, hero_index):
    workflow = Workflow.objects.get(workflow_pages__page=Page.get_first_root_node())
    assert workflow.active
    assert workflow.name == "Утверждение главным редактором"
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [CHIEF_EDITORS]
    assert StoryPageFactory(parent=story_index).get_workflow() == workflow
    assert HeroPageFactory(parent=hero_index).get_workflow() == workflow


def test_comments_are_enabled_in_the_editor(client, chief, story_index):
    from django.conf import settings

    assert getattr(settings, "WAGTAILADMIN_COMMENTS_ENABLED", True) is True
    client.force_login(chief)
    story = StoryPageFactory(parent=story_index)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[story.pk]))
    assert b'id="comments-data"' in response.content
    assert b"w-comments:init" in response.content


def test_author_submits_a_story_the_chief_editor_approves_it_and_it_goes_live(
    client, author, chief, story_index, image
):
    story = submit_story(client, author, story_index, image)
    assert not story.live
    assert story.owner == author
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(story.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert story.latest_revision.as_object().body[1].block_type == "image"

    # The author cannot publish: no publish button, and a direct publish is refused.
    edit_url = reverse("wagtailadmin_pages:edit", args=[story.pk])
    page, data = edit_form_data(client, story, image)
    assert 'name="action-publish"' not in page
    data["action-publish"] = "action-publish"
    client.post(edit_url, data)
    story.refresh_from_db()
    assert not story.live
    assert client.get(story_index.url + story.slug + "/").status_code == 404

    # The chief editor sees it on the dashboard, awaiting their review.
    client.force_login(chief)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "В ожидании вашего отзыва" in dashboard
    assert "Мастер золотые руки" in dashboard

    task_state = state.current_task_state
    approve_url = reverse("wagtailadmin_pages:workflow_action", args=[story.pk, "approve", task_state.pk])
    response = client.post(
        approve_url, {"comment": "Хорошая история"}, headers={"x-requested-with": "XMLHttpRequest"}
    )
    assert response.status_code == 200
    assert response.json()["step"] == "success"

    story.refresh_from_db()
    assert story.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert "Мастер золотые руки" in client.get(story_index.url).content.decode()
    feed = client.get(story_index.feed_url()).content.decode()
    assert "Мастер золотые руки" in feed


def test_rejected_story_returns_to_the_author(client, author, chief, story_index, image):
    story = submit_story(client, author, story_index, image)
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(story.pk))

    client.force_login(chief)
    reject_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[story.pk, "reject", state.current_task_state.pk]
    )
    response = client.post(
        reject_url,
        {"comment": "Уточните даты в третьем абзаце"},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.json()["step"] == "success"

    story.refresh_from_db()
    assert not story.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert "Мастер золотые руки" not in client.get(story_index.url).content.decode()

    # The author sees the request for changes, edits and resubmits.
    client.force_login(author)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Мастер золотые руки" in dashboard
    edit_url = reverse("wagtailadmin_pages:edit", args=[story.pk])
    page, data = edit_form_data(client, story, image)
    assert "Уточните даты в третьем абзаце" in page
    data["lead"] = "Исправленный лид с точными датами."
    data["action-restart-workflow"] = "action-restart-workflow"
    assert client.post(edit_url, data).status_code == 302
    state = WorkflowState.objects.active().get(base_content_type__model="page", object_id=str(story.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
