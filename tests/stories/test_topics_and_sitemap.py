"""The topics index (/istorii/tema/) and the sitemap's topics and hero dates."""

import datetime
import re

from django.utils import timezone

import pytest

from stories.factories import HeroPageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db


def at(day):
    return timezone.make_aware(datetime.datetime(2026, 3, day, 10, 0))


@pytest.fixture
def topics(story_index):
    StoryPageFactory(parent=story_index, slug="a", tag_names=["Наставничество", "Династии"])
    StoryPageFactory(parent=story_index, slug="b", tag_names=["Наставничество"])
    draft = StoryPageFactory(parent=story_index, slug="c", tag_names=["Черновая тема"])
    draft.unpublish()
    return story_index


def test_the_topics_index_lists_every_topic_with_its_count(client, topics, django_assert_max_num_queries):
    client.get("/istorii/tema/")  # site and settings read once per worker
    with django_assert_max_num_queries(12):
        response = client.get("/istorii/tema/")
    assert response.status_code == 200
    html = response.text
    assert "<h1>Темы историй</h1>" in html
    found = re.findall(
        r'<li><a href="(/istorii/tema/[^"]+/)">([^<]+)</a> <span class="topics-index__count">\((\d+)\)', html
    )
    assert found == [
        ("/istorii/tema/dinastii/", "Династии", "1"),
        ("/istorii/tema/nastavnichestvo/", "Наставничество", "2"),
    ]
    # A topic with only drafts is not offered.
    assert "Черновая тема" not in html
    for url, _name, _count in found:
        assert client.get(url).status_code == 200


def test_the_sitemap_lists_the_topics(client, topics):
    xml = client.get("/sitemap.xml").text
    assert "/istorii/tema/</loc>" in xml
    assert "/istorii/tema/nastavnichestvo/</loc>" in xml
    assert "/istorii/tema/chernovaya-tema/" not in xml


def test_a_hero_is_dated_by_the_newest_story_about_the_hero(client, story_index, hero_index):
    hero = HeroPageFactory(parent=hero_index, slug="geroy")
    quiet = HeroPageFactory(parent=hero_index, slug="tihiy")
    type(hero).objects.filter(pk__in=[hero.pk, quiet.pk]).update(last_published_at=at(1))
    story = StoryPageFactory(parent=story_index, slug="o-geroe", heroes=[hero])
    type(story).objects.filter(pk=story.pk).update(last_published_at=at(20))
    xml = client.get("/sitemap.xml").text
    assert "/geroi/geroy/</loc><lastmod>2026-03-20</lastmod>" in xml.replace(hero_index.url, "/geroi/")
    assert "/tihiy/</loc><lastmod>2026-03-01</lastmod>" in xml
