"""Home page sections that depend only on published content are rendered once per content generation
(home/models/pages.py, `rendered_once_per_generation`)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from home.models import NavigationSettings, SiteIdentity
from stories.factories import HeroIndexPageFactory, HeroPageFactory, StoryIndexPageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def stories(home_page, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the sections' own cache, without the whole-page cache in front of it
    index = StoryIndexPageFactory(parent=home_page, slug="istorii")
    StoryPageFactory(parent=index, title="Сорок лет у мартеновской печи", slug="pech")
    heroes = HeroIndexPageFactory(parent=home_page, slug="geroi")
    HeroPageFactory(parent=heroes, title="Кузнецов Пётр Алексеевич", slug="kuznetsov")
    # The site's settings are created on first reading, which starts a content generation: create them now,
    # as a running site has them.
    SiteIdentity.load(), NavigationSettings.load()
    return index


def test_cached_sections_run_no_queries_of_their_own(client, home_page, stories):
    first = client.get(home_page.url).text
    with CaptureQueriesContext(connection) as queries:
        again = client.get(home_page.url).text
    assert again == first
    assert "Сорок лет у мартеновской печи" in again and "Кузнецов Пётр Алексеевич" in again
    # The movement's numbers are counted live (one aggregate query each, home/movement.py); the sections'
    # stories are not read again.
    reads = [query["sql"] for query in queries.captured_queries if "stories_storypage" in query["sql"]]
    assert not [sql for sql in reads if not sql.startswith('SELECT COUNT(*) AS "__count"')]


def test_a_published_story_is_on_the_home_page_at_once(client, home_page, stories):
    client.get(home_page.url)
    story = StoryPageFactory(parent=stories, title="Смена длиною в жизнь", slug="smena", live=False)
    story.save_revision().publish()  # as an editor publishes
    assert "Смена длиною в жизнь" in client.get(home_page.url).text


def test_an_unpublished_story_leaves_the_home_page_at_once(client, home_page, stories):
    client.get(home_page.url)
    stories.get_children().get(slug="pech").specific.unpublish()
    assert "Сорок лет у мартеновской печи" not in client.get(home_page.url).text


def test_the_top_of_the_home_page_is_cached_and_follows_publishing(client, home_page, stories):
    from home.models import HomePageFeaturedPage

    story = stories.get_children().first()
    HomePageFeaturedPage.objects.create(home_page=home_page, page=story, sort_order=0)
    home_page.heading = "Трудовая доблесть России"
    home_page.save_revision().publish()
    client.get(home_page.url)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(home_page.url).text
    assert 'id="featured-title"' in html
    assert not [q for q in queries.captured_queries if "featuredpage" in q["sql"]]  # from the cache
    home_page.heading = "Герои труда рядом с нами"
    home_page.save_revision().publish()
    assert "Герои труда рядом с нами</h1>" in client.get(home_page.url).text
    home_page.heading = "Черновик заголовка"  # not saved: a preview shows it, readers do not
    assert "Черновик заголовка</h1>" in home_page.make_preview_request().render().content.decode()
    assert "Черновик заголовка" not in client.get(home_page.url).text
