import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from stories.factories import HeroTimelineEventFactory, StoryPageFactory

pytestmark = pytest.mark.django_db


def meta(html, attribute, name):
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', html)
    return match and match.group(1)


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


@pytest.fixture
def story(catalogue, image):
    story = catalogue["stories"]["steel"]
    story.cover_image = image
    story.lead = "Пётр Алексеевич выплавил сотни тысяч тонн стали."
    story.save()
    return story


def test_story_page_shows_what_the_story_is_about(client, story):
    html = client.get(story.url).text
    assert '<h1 class="story__title">Сорок лет у мартеновской печи</h1>' in html
    assert "Пётр Алексеевич выплавил сотни тысяч тонн стали." in html
    assert '<a href="/geroi/kuznetsov/">Кузнецов Пётр Алексеевич</a>' in html
    assert '<a class="tag" href="/istorii/tema/nastavnichestvo/">наставничество</a>' in html
    assert "Свердловская область" in html
    assert len(re.findall(r"<h1[ >]", html)) == 1


def test_story_cover_is_a_responsive_picture_with_size_set(client, story):
    html = client.get(story.url).text
    cover = html[html.index('class="story__cover"') :]
    cover = cover[: cover.index("</figure>")]
    assert 'type="image/avif"' in cover and 'type="image/webp"' in cover
    assert "srcset=" in cover
    assert re.search(r'<img[^>]*\bwidth="\d+"', cover) and re.search(r'<img[^>]*\bheight="\d+"', cover)
    assert 'fetchpriority="high"' in cover and 'loading="lazy"' not in cover


def test_story_page_has_opengraph_twitter_and_canonical(client, story):
    html = client.get(story.url).text
    url = "http://localhost/istorii/steel/"
    assert f'<link rel="canonical" href="{url}">' in html
    assert meta(html, "property", "og:type") == "article"
    assert meta(html, "property", "og:url") == url
    assert meta(html, "property", "og:title") == "Сорок лет у мартеновской печи"
    assert meta(html, "property", "og:description").startswith("Пётр Алексеевич")
    image = meta(html, "property", "og:image")
    assert image.startswith("http://testserver/") and image.endswith(".jpg")
    assert meta(html, "name", "twitter:card") == "summary_large_image"
    assert meta(html, "name", "twitter:image") == image
    assert meta(html, "property", "article:tag") in {"наставничество", "рабочие профессии"}


def test_story_structured_data_is_an_article_about_the_hero(client, story):
    [data] = json_ld(client.get(story.url).text)
    assert data["@type"] == "Article"
    assert data["headline"] == "Сорок лет у мартеновской печи"
    assert data["datePublished"] == story.date.isoformat()
    assert data["about"] == [
        {"@type": "Person", "name": "Кузнецов Пётр Алексеевич", "url": "http://localhost/geroi/kuznetsov/"}
    ]
    assert data["publisher"]["name"] == "Трудовая доблесть России"
    assert data["image"][0].endswith(".jpg")


def test_structured_data_cannot_break_out_of_its_script(client, story_index):
    story = StoryPageFactory(parent=story_index, title="</script><script>alert(1)</script>", slug="xss")
    html = client.get(story.url).text
    assert "<script>alert(1)" not in html
    [data] = json_ld(html)
    assert data["headline"] == "</script><script>alert(1)</script>"


def test_share_links_are_plain_links_to_vk_telegram_and_ok(client, story):
    html = client.get(story.url).text
    links = dict(re.findall(r'class="share__link share__link--(\w+)" href="([^"]+)"', html))
    assert set(links) == {"vk", "telegram", "ok"}
    expected_hosts = {"vk": "vk.com", "telegram": "t.me", "ok": "connect.ok.ru"}
    for network, href in links.items():
        parts = urlsplit(href.replace("&amp;", "&"))
        assert parts.netloc == expected_hosts[network]
        assert parse_qs(parts.query)["url"] == ["http://localhost/istorii/steel/"]
    # Nothing of theirs is loaded: no third-party scripts or frames.
    assert not re.search(r'<script[^>]+src="https?://', html)


def test_related_stories_end_the_story(client, story, catalogue):
    html = client.get(story.url).text
    related = html[html.index('id="related-title"') :]
    assert "Интервью со сталеваром" in related
    assert "Клуб юных животноводов" not in related


def test_story_page_links_to_the_feeds(client, story):
    html = client.get(story.url).text
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Истории (RSS)" href="/istorii/rss/">' in html
    )
    assert (
        '<link rel="alternate" type="application/atom+xml" title="Истории (Atom)" href="/istorii/atom/">'
        in html
    )


def test_hero_page_shows_awards_timeline_and_stories(client, catalogue):
    hero = catalogue["heroes"]["steelmaker"]
    hero.birth_year, hero.death_year = 1931, 2012
    hero.biography = "<p>Пришёл на комбинат в шестнадцать лет.</p>"
    hero.save()
    HeroTimelineEventFactory(hero=hero, year=1958, text="Стал сталеваром печи № 5")
    HeroTimelineEventFactory(hero=hero, year=1947, text="Пришёл подручным")
    html = client.get(hero.url).text
    assert '<h1 class="hero__name">Кузнецов Пётр Алексеевич</h1>' in html
    assert "<dd>1931–2012</dd>" in html and "<dd>Сталевар</dd>" in html and "<dd>Металлургия</dd>" in html
    award = '<span class="award__name">Герой Социалистического Труда</span>, <span class="award__year">1971'
    assert award in html
    assert "Пришёл на комбинат в шестнадцать лет." in html
    # The timeline reads in order of years.
    assert html.index("Пришёл подручным") < html.index("Стал сталеваром печи № 5")
    stories = html[html.index('id="stories-title"') :]
    assert "Сорок лет у мартеновской печи" in stories and "Интервью со сталеваром" in stories
    assert "Клуб юных животноводов" not in stories


def test_hero_structured_data_is_a_person_with_awards(client, catalogue):
    hero = catalogue["heroes"]["steelmaker"]
    html = client.get(hero.url).text
    [data] = json_ld(html)
    assert data["@type"] == "Person"
    assert data["name"] == "Кузнецов Пётр Алексеевич"
    assert data["jobTitle"] == "сталевар"
    assert data["award"] == ["Герой Социалистического Труда (1971)"]
    assert data["homeLocation"]["name"] == "Свердловская область"
    assert meta(html, "property", "og:type") == "profile"


def test_hero_without_stories_says_so(client, hero_index):
    from stories.factories import HeroPageFactory

    hero = HeroPageFactory(parent=hero_index, title="Новый герой", slug="novyy")
    assert "Историй о герое пока нет." in client.get(hero.url).text


def test_story_preview_shows_unsaved_heroes_and_tags(catalogue):
    from stories.models import StoryHero

    story = catalogue["stories"]["news"]
    story.story_heroes = [StoryHero(hero=catalogue["heroes"]["milkmaid"])]
    story.tags.add("ветераны труда")
    html = story.make_preview_request().render().content.decode()
    assert '<a href="/geroi/lebedeva/">Лебедева Мария Ивановна</a>' in html
    assert "ветераны труда" in html


def test_home_page_shows_featured_then_newest_stories_and_heroes(client, catalogue, home_page):
    farm = catalogue["stories"]["farm"]
    farm.featured = True
    farm.save()
    html = client.get("/").text
    section = html[html.index('id="home-stories-title"') :]
    assert re.findall(r'class="card__title"><a href="[^"]+">([^<]+)<', section)[0] == "Клуб юных животноводов"
    assert 'href="/istorii/">Все истории</a>' in section
    assert 'id="home-heroes-title"' in html and "Лебедева Мария Ивановна" in html
