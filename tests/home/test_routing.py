"""Listing indexes route to their pages with one query of the page's own type (home/routing.py), with
Wagtail's outcomes."""

from django.http import Http404
from django.test import RequestFactory

import pytest

from stories.factories import HeroIndexPageFactory, HeroPageFactory, StoryIndexPageFactory, StoryPageFactory
from stories.models import StoryPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def story_index(home_page):
    return StoryIndexPageFactory(parent=home_page, slug="istorii")


def test_a_story_is_found_as_its_own_type_in_one_query(story_index, django_assert_num_queries):
    story = StoryPageFactory(parent=story_index, slug="plavilshchik")
    with django_assert_num_queries(1):
        found = story_index.route(RequestFactory().get("/"), ["plavilshchik"]).page
    assert type(found) is StoryPage and found.pk == story.pk
    with django_assert_num_queries(0):
        assert found.get_parent().pk == story_index.pk


def test_a_draft_or_an_unknown_slug_is_not_found(story_index):
    draft = StoryPageFactory(parent=story_index, slug="chernovik")
    draft.unpublish()
    for slug in ("chernovik", "net-takoy"):
        with pytest.raises(Http404):
            story_index.route(RequestFactory().get("/"), [slug])


def test_only_children_of_this_index_are_found(client, home_page, story_index):
    heroes = HeroIndexPageFactory(parent=home_page, slug="geroi")
    HeroPageFactory(parent=heroes, slug="ivanov", title="Иванов Иван Иванович")
    assert client.get("/geroi/ivanov/").status_code == 200
    assert client.get("/istorii/ivanov/").status_code == 404  # a hero's slug under the stories


def test_the_index_own_routes_come_before_its_pages(client, story_index):
    StoryPageFactory(parent=story_index, slug="rss", title="История под именем rss")
    response = client.get("/istorii/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")


def test_a_renamed_section_is_routed_at_its_new_address_at_once(client, story_index):
    StoryPageFactory(parent=story_index, slug="plavilshchik")
    assert client.get("/istorii/plavilshchik/").status_code == 200
    story_index.slug = "rasskazy"
    story_index.save_revision().publish()
    assert client.get("/rasskazy/plavilshchik/").status_code == 200
    assert client.get("/istorii/plavilshchik/").status_code == 404


def test_a_club_comes_with_what_its_page_shows(home_page, django_assert_num_queries):
    from clubs.factories import ClubIndexPageFactory, ClubPageFactory

    index = ClubIndexPageFactory(parent=home_page, slug="kruzhki")
    ClubPageFactory(parent=index, slug="yunyy-tehnik")
    with django_assert_num_queries(1):
        club = index.route(RequestFactory().get("/"), ["yunyy-tehnik"]).page
        shown = (club.region.name, club.image)
    assert shown[0]


def test_a_published_change_of_address_or_an_unpublished_page_is_routed_at_once(client, story_index):
    story = StoryPageFactory(parent=story_index, slug="plavilshchik")
    assert client.get("/istorii/plavilshchik/").status_code == 200
    story.slug = "stalevar"
    story.save_revision().publish()
    assert client.get("/istorii/plavilshchik/").status_code == 404
    assert client.get("/istorii/stalevar/").status_code == 200
    story.unpublish()
    assert client.get("/istorii/stalevar/").status_code == 404
