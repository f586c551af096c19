"""What readers see after an editor's change, with the page cache and the generation caches on."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings, db):
    from home.models import NavigationSettings, SiteIdentity

    settings.PAGE_CACHE_SECONDS = 600
    SiteIdentity.load(), NavigationSettings.load()  # created on first reading, which starts a new generation


def queries_of_a_repeat(client, url):
    """The SQL of a second request for `url`, once it is known to give the same page as the first."""
    first = client.get(url).text
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url).text
    assert again == first, url
    return [query["sql"] for query in queries.captured_queries]


def test_renaming_an_industry_shows_in_the_filters_and_on_hero_pages(client, catalogue, story_index):
    from stories.models import Industry

    url = story_index.url
    assert "Металлургия" in client.get(url).text
    industry = Industry.objects.get(slug="metallurgiya")
    industry.name = "Чёрная металлургия"
    industry.save()
    assert "Чёрная металлургия" in client.get(url).text
    assert "Чёрная металлургия" in client.get(catalogue["heroes"]["steelmaker"].url).text


def test_renaming_a_tag_shows_on_the_story(client, catalogue):
    from stories.models import StoryTag

    story = catalogue["stories"]["farm"]
    assert "школьники" in client.get(story.url).text
    tag = StoryTag.objects.get(name="школьники")
    tag.name = "старшеклассники"
    tag.save()
    assert "старшеклассники" in client.get(story.url).text


def test_filter_counts_follow_publishing(client, catalogue, story_index, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the counts' own cache, without the whole-page cache in front of it
    url = f"{story_index.url}?kind=interview"
    client.get(url)
    with CaptureQueriesContext(connection) as warm:
        client.get(url)
    assert not [q for q in warm.captured_queries if "COUNT(DISTINCT" in q["sql"].upper()]
    catalogue["stories"]["steel_interview"].unpublish()
    html = client.get(url).text
    assert "Интервью со сталеваром" not in html
    assert "Интервью (0)" in html  # the chosen genre stays selected, with its new count


def test_story_cards_follow_a_renamed_hero(client, catalogue, story_index, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the cards' own cache (templates/stories/includes/story_card.html)
    client.get(story_index.url)
    assert "Кузнецов Пётр Алексеевич" in client.get(story_index.url).text  # a card from the cache
    hero = catalogue["heroes"]["steelmaker"]
    hero.title = "Кузнецов Пётр Алексеевич (1930–2011)"
    hero.save_revision().publish()
    assert "Кузнецов Пётр Алексеевич (1930–2011)" in client.get(story_index.url).text


def test_related_stories_follow_publishing(client, catalogue, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the section's own cache (templates/stories/story_page.html)
    steel, interview = catalogue["stories"]["steel"], catalogue["stories"]["steel_interview"]
    client.get(steel.url)
    related = client.get(steel.url).text.split('id="related-title"')[1]  # the section from the cache
    assert "Интервью со сталеваром" in related
    interview.unpublish()
    related = client.get(steel.url).text.split('id="related-title"')[1]
    assert "Интервью со сталеваром" not in related
    assert "Открылся центр наставничества" in related  # a shared topic takes the free place


def test_a_preview_neither_reads_nor_fills_the_related_stories_cache(client, catalogue, settings):
    from stories.models import StoryHero

    settings.PAGE_CACHE_SECONDS = 0
    farm = catalogue["stories"]["farm"]  # nothing shares its hero, topic or region
    # An editor adds the steelmaker without saving: the preview shows his stories…
    farm.story_heroes = [StoryHero(hero=catalogue["heroes"]["steelmaker"])]
    preview = farm.make_preview_request().render().content.decode()
    assert "Сорок лет у мартеновской печи" in preview.split('id="related-title"')[1]
    # …readers still see the published story, not the draft's neighbours…
    assert 'id="related-title"' not in client.get(farm.url).text
    # …and the next preview is not given the readers' version.
    assert 'id="related-title"' in farm.make_preview_request().render().content.decode()


def test_cached_cards_fetch_no_pictures_tags_or_heroes(client, catalogue, story_index, hero_index, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the cards' own cache, read for the whole listing at once
    card_data = ('FROM "stories_storypagetag"', 'FROM "stories_storyhero"', 'FROM "wagtailimages_rendition"')
    for url in (story_index.url, hero_index.url, catalogue["heroes"]["steelmaker"].url):
        fetched = [sql for sql in queries_of_a_repeat(client, url) if any(t in sql for t in card_data)]
        assert not fetched, url


ARTICLE_DATA = (
    'FROM "stories_storypagetag"',
    'FROM "stories_storyhero"',
    'FROM "stories_storyparticipant"',
    'FROM "stories_heroaward"',
    'FROM "stories_herotimelineevent"',
    'FROM "home_customimage"',
)


def test_story_and_hero_pages_are_rendered_from_their_parts_once_per_generation(client, catalogue, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the head's and the article's own caches (templates/stories/*_page.html)
    for url in (catalogue["stories"]["steel"].url, catalogue["heroes"]["steelmaker"].url):
        fetched = [sql for sql in queries_of_a_repeat(client, url) if any(t in sql for t in ARTICLE_DATA)]
        assert not fetched, url


def test_a_cached_story_follows_a_renamed_hero_and_a_new_award(client, catalogue, settings):
    from stories.factories import AwardFactory, HeroAwardFactory

    settings.PAGE_CACHE_SECONDS = 0
    story, hero = catalogue["stories"]["steel"], catalogue["heroes"]["steelmaker"]
    client.get(story.url), client.get(hero.url)
    hero.title = "Кузнецов Пётр Алексеевич (1930–2011)"
    HeroAwardFactory(hero=hero, award=AwardFactory(name="Орден Ленина"), year=1975)
    hero.save_revision().publish()
    assert "Кузнецов Пётр Алексеевич (1930–2011)</a>" in client.get(story.url).text  # «Герой истории» line
    assert "Орден Ленина" in client.get(hero.url).text


def test_absolute_addresses_in_a_cached_head_are_the_requests_host(client, catalogue, settings):
    from home.factories import CustomImageFactory

    settings.PAGE_CACHE_SECONDS = 0
    story = catalogue["stories"]["steel"]
    story.cover_image = CustomImageFactory()
    story.save_revision().publish()
    assert 'content="http://localhost/' in client.get(story.url, HTTP_HOST="localhost").text
    other = client.get(story.url, HTTP_HOST="127.0.0.1").text
    assert 'property="og:image" content="http://127.0.0.1/' in other


def test_a_preview_shows_the_editors_article_not_the_cached_one(client, catalogue, settings):
    settings.PAGE_CACHE_SECONDS = 0
    story = catalogue["stories"]["steel"]
    client.get(story.url)
    story.lead = "Черновик вступления, ещё не опубликованный"
    preview = story.make_preview_request().render().content.decode()
    assert "Черновик вступления" in preview
    assert "Черновик вступления" not in client.get(story.url).text


def test_a_listing_reads_its_filters_total_and_cards_from_the_cache(client, catalogue, story_index, settings):
    settings.PAGE_CACHE_SECONDS = 0
    for url in (f"{story_index.url}?kind=interview&region=sverdlovskaya-oblast", story_index.url):
        # The page's story ids, the count, the filters and the cards all come from the cache.
        repeated = queries_of_a_repeat(client, url)
        assert not repeated, repeated


def test_an_unknown_filter_value_is_reported_from_the_cache_too(client, catalogue, story_index, settings):
    settings.PAGE_CACHE_SECONDS = 0
    url = f"{story_index.url}?region=net-takogo-regiona&kind=interview"
    for _ in range(2):
        html = client.get(url).text
        assert "«net-takogo-regiona» нет среди значений фильтра «Регион»" in html
        assert "Интервью со сталеваром" in html  # the known filter still applies
    story = catalogue["stories"]["farm"]
    story.kind = "interview"
    story.save_revision().publish()
    assert "Клуб юных животноводов" in client.get(url).text


def test_a_cached_page_of_a_listing_keeps_its_notice_and_follows_publishing(
    client, catalogue, story_index, settings
):
    from stories.factories import StoryPageFactory

    settings.PAGE_CACHE_SECONDS = 0  # the listing's own caches (stories/pagination.py, page_of_pks)
    for _ in range(2):  # computed, then from the cache
        html = client.get(f"{story_index.url}?page=7").text
        assert "Такой страницы нет, поэтому показана последняя страница." in html
        assert "Интервью со сталеваром" in html
        html = client.get(f"{story_index.url}?page=abc").text
        assert "Номер страницы указан неверно" in html
    StoryPageFactory(parent=story_index, title="Свежая история", slug="svezhaya").save_revision().publish()
    assert "Свежая история" in client.get(f"{story_index.url}?page=7").text
