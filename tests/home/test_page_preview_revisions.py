"""Every page type can be previewed from the editor and keeps its revisions (history, view, compare,
draft)."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.fields import StreamField
from wagtail.models import get_page_models
from wagtail.test.utils.form_data import querydict_from_html

import pytest

from clubs.factories import BranchIndexPageFactory, BranchPageFactory, ClubIndexPageFactory, ClubPageFactory
from home.factories import FormPageFactory, StandardPageFactory
from mentors.factories import MentorCallIndexPageFactory, MentorCallPageFactory
from stories.factories import (
    HeroIndexPageFactory,
    HeroPageFactory,
    StoryIndexPageFactory,
    StoryPageFactory,
)


@pytest.fixture
def one_page_of_each_type(home_page):
    story_index = StoryIndexPageFactory(parent=home_page, slug="p1")
    hero_index = HeroIndexPageFactory(parent=home_page, slug="p2")
    branch_index = BranchIndexPageFactory(parent=home_page, slug="p3")
    club_index = ClubIndexPageFactory(parent=home_page, slug="p4")
    call_index = MentorCallIndexPageFactory(parent=home_page, slug="p5")
    pages = [
        home_page,
        StandardPageFactory(parent=home_page, slug="p6"),
        FormPageFactory(parent=home_page, slug="p7"),
        story_index,
        StoryPageFactory(parent=story_index, slug="p8"),
        hero_index,
        HeroPageFactory(parent=hero_index, slug="p9"),
        branch_index,
        BranchPageFactory(parent=branch_index, slug="p10"),
        club_index,
        ClubPageFactory(parent=club_index, slug="p11"),
        call_index,
        MentorCallPageFactory(parent=call_index, slug="p12"),
    ]
    return {type(page): page for page in pages}


@pytest.fixture
def chief_editor_client(client, db):
    client.force_login(get_user_model().objects.create_superuser("glavred", "g@example.org", "x"))
    return client


def test_the_fixture_has_every_page_type(one_page_of_each_type):
    site_models = {model for model in get_page_models() if model.__module__.split(".")[0] != "wagtail"}
    assert site_models == set(one_page_of_each_type)


def preview_data(client, page):
    """The edit form as posted: the visible inputs, plus the StreamFields (drawn by JavaScript in the browser)
    with the blocks they hold now."""
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            data.update(stream_form_data(field.name, getattr(page, field.name)))
    data["title"] = f"{page.title} (предпросмотр)"
    if "heading" in data:  # the home page shows its heading, not its title
        data["heading"] = data["title"]
    return data


def stream_form_data(name, stream_value):
    data = {f"{name}-count": str(len(stream_value))}
    for position, child in enumerate(stream_value):
        prefix = f"{name}-{position}"
        block_data = child.block.get_form_state(child.value)
        data.update({f"{prefix}-type": child.block_type, f"{prefix}-deleted": ""})
        data.update({f"{prefix}-id": child.id or "", f"{prefix}-order": str(position)})
        if isinstance(block_data, dict):
            data.update({f"{prefix}-value-{key}": value for key, value in block_data.items()})
        else:
            data[f"{prefix}-value"] = block_data
    return data


@pytest.mark.parametrize(
    "model_name",
    [
        "HomePage",
        "StandardPage",
        "FormPage",
        "StoryIndexPage",
        "StoryPage",
        "HeroIndexPage",
        "HeroPage",
        "BranchIndexPage",
        "BranchPage",
        "ClubIndexPage",
        "ClubPage",
        "MentorCallIndexPage",
        "MentorCallPage",
    ],
)
def test_every_page_type_previews_and_keeps_revisions(chief_editor_client, one_page_of_each_type, model_name):
    client = chief_editor_client
    page = next(page for model, page in one_page_of_each_type.items() if model.__name__ == model_name)

    # Preview from the editor: the form is checked, then the unsaved title is shown.
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    response = client.post(preview_url, preview_data(client, page))
    assert response.json() == {"is_valid": True, "is_available": True}, model_name
    response = client.get(preview_url)
    assert response.status_code == 200
    assert f"{page.title} (предпросмотр)" in response.content.decode()
    assert_framable_by_the_admin(response)

    # Two revisions: the published one and a draft with a new title.
    first = page.save_revision()
    first.publish()
    page.refresh_from_db()
    page.title = f"{page.title} — черновик"
    if hasattr(page, "heading"):
        page.heading = page.title
    draft = page.save_revision()

    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    assert response.status_code == 200
    assert page.title in response.content.decode()
    assert_framable_by_the_admin(response)
    history = client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    assert history.status_code == 200
    revision = client.get(reverse("wagtailadmin_pages:revisions_view", args=[page.pk, first.pk]))
    assert revision.status_code == 200
    assert_framable_by_the_admin(revision)
    compare = client.get(reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, first.pk, draft.pk]))
    assert compare.status_code == 200
    assert "черновик" in compare.content.decode()


def assert_framable_by_the_admin(response):
    """Previews are shown in the editor's frame: the admin's frame policy, not the public «never framed»."""
    policy = dict(part.split(" ", 1) for part in response["Content-Security-Policy"].split("; "))
    assert policy["frame-ancestors"] == "'self'"
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_public_pages_are_still_never_framed(client, one_page_of_each_type):
    for page in one_page_of_each_type.values():
        page.save_revision().publish()
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
        assert response["X-Frame-Options"] == "DENY"
