"""Public pages run the same number of SQL queries with 3 items as with 30: tags, heroes, awards and pictures
are fetched in batches, never one query per item."""

import pytest

from home.factories import CustomImageFactory
from stories.factories import (
    AwardFactory,
    HeroAwardFactory,
    HeroPageFactory,
    HeroTimelineEventFactory,
    IndustryFactory,
    StoryPageFactory,
)
from stories.models import StoryHero

from .conftest import count_queries, region

pytestmark = pytest.mark.django_db

# A ceiling as well, so that a page cannot become slow for everybody alike.
MAX_QUERIES = 40


def add_stories(story_index, hero_index, count, start):
    industry = IndustryFactory(name="Металлургия", slug="metallurgiya")
    for number in range(start, start + count):
        hero = HeroPageFactory(parent=hero_index, slug=f"geroy-{number}", industry=industry)
        HeroAwardFactory(hero=hero, award=AwardFactory(name="Герой Социалистического Труда"))
        StoryPageFactory(
            parent=story_index,
            slug=f"istoriya-{number}",
            cover_image=CustomImageFactory(),
            region=region("moskva"),
            heroes=[hero],
            tag_names=[f"тема {number}", "наставничество"],
        )


def assert_same_queries(client, url, grow):
    small, _ = count_queries(client, url)
    grow()
    large, response = count_queries(client, url)
    assert small == large, f"{url}: {small} queries with few items, {large} with many"
    assert large <= MAX_QUERIES, large
    return response


@pytest.mark.parametrize(
    "query",
    ["", "?tag=nastavnichestvo&region=moskva&award=hero_socialist_labour&industry=metallurgiya&kind=story"],
)
def test_story_index(client, story_index, hero_index, query):
    add_stories(story_index, hero_index, 3, 0)
    response = assert_same_queries(
        client, story_index.url + query, lambda: add_stories(story_index, hero_index, 27, 3)
    )
    assert response.text.count('class="card story-card"') == 12


def test_tag_page(client, story_index, hero_index):
    add_stories(story_index, hero_index, 3, 0)
    url = story_index.tag_url("nastavnichestvo")
    assert_same_queries(client, url, lambda: add_stories(story_index, hero_index, 27, 3))


def test_story_page(client, story_index, hero_index):
    story = StoryPageFactory(parent=story_index, slug="glavnaya", cover_image=CustomImageFactory())
    neighbours = []

    def grow_to(count):
        for number in range(len(story.story_heroes.all()), count):
            hero = HeroPageFactory(parent=hero_index, slug=f"geroy-{number}")
            StoryHero.objects.create(story=story, hero=hero, sort_order=number)
            neighbours.append(
                StoryPageFactory(parent=story_index, heroes=[hero], cover_image=CustomImageFactory())
            )
        story.tags.add(*[f"тема {number}" for number in range(count)])
        pictures = [CustomImageFactory() for _ in range(count)]
        story.body = [
            ("gallery", {"title": "Архив", "images": [{"image": p, "caption": p.title} for p in pictures]}),
            *[("image", {"image": p, "caption": "", "credit": ""}) for p in pictures],
        ]
        story.save()

    grow_to(3)
    response = assert_same_queries(client, story.url, lambda: grow_to(30))
    assert response.text.count('class="block-gallery__item"') == 30
    assert response.text.count('class="tag"') == 30


def test_hero_page(client, story_index, hero_index):
    hero = HeroPageFactory(parent=hero_index, slug="geroy", portrait=CustomImageFactory())

    def grow_to(count, start):
        for number in range(start, count):
            HeroAwardFactory(hero=hero, award=AwardFactory(name=f"Награда {number}"), year=1960 + number)
            HeroTimelineEventFactory(hero=hero, year=1950 + number)
            StoryPageFactory(parent=story_index, heroes=[hero], cover_image=CustomImageFactory())

    grow_to(3, 0)
    response = assert_same_queries(client, hero.url, lambda: grow_to(30, 3))
    assert response.text.count('class="card story-card"') == 30
    assert response.text.count('class="award award--') == 30


def test_hero_index(client, hero_index):
    def grow_to(count, start):
        for _ in range(start, count):
            hero = HeroPageFactory(parent=hero_index, portrait=CustomImageFactory(), region=region("moskva"))
            HeroAwardFactory(hero=hero, award=AwardFactory(name="Герой Социалистического Труда"))

    grow_to(3, 0)
    assert_same_queries(client, f"{hero_index.url}?region=moskva", lambda: grow_to(30, 3))


def test_home_page_sections(client, story_index, hero_index, home_page):
    add_stories(story_index, hero_index, 3, 0)
    assert_same_queries(client, "/", lambda: add_stories(story_index, hero_index, 27, 3))


def test_feed(client, story_index, hero_index):
    add_stories(story_index, hero_index, 3, 0)
    assert_same_queries(client, "/istorii/rss/", lambda: add_stories(story_index, hero_index, 27, 3))
