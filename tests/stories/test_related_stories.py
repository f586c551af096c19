"""«Читайте также» scores bounded candidates, not the whole catalogue; it must still pick exactly what a full
ranking of every live story would pick."""

import datetime
import random

import pytest

from home.models import Region
from stories.factories import HeroPageFactory, StoryPageFactory
from stories.models import StoryPage


def full_ranking(story, related_count):
    """The definition, computed over every live story in Python."""
    heroes = {link.hero_id for link in story.story_heroes.all()}
    tags = {item.tag_id for item in story.tagged_items.all()}

    def closeness(other):
        shared_heroes = heroes & {link.hero_id for link in other.story_heroes.all()}
        shared_tags = tags & {item.tag_id for item in other.tagged_items.all()}
        same_region = story.region_id is not None and other.region_id == story.region_id
        return 4 * bool(shared_heroes) + 2 * bool(shared_tags) + bool(same_region)

    live = StoryPage.objects.live().exclude(pk=story.pk).prefetch_related("story_heroes", "tagged_items")
    others = [other for other in live if closeness(other) > 0]
    others.sort(key=lambda other: (closeness(other), other.date, other.pk), reverse=True)
    return [other.pk for other in others[:related_count]]


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_related_stories_match_a_full_ranking(story_index, hero_index, seed):
    rng = random.Random(seed)
    regions = list(Region.objects.order_by("pk")[:3]) + [None]
    heroes = [HeroPageFactory(parent=hero_index, slug=f"hero-{seed}-{n}") for n in range(4)]
    topics = ["Династия", "Урожай", "Сталь", "Наставники"]
    stories = []
    for n in range(40):
        story = StoryPageFactory(
            parent=story_index,
            title=f"История {n}",
            slug=f"story-{seed}-{n}",
            date=datetime.date(2020, 1, 1) + datetime.timedelta(days=rng.randrange(60)),
            region=rng.choice(regions),
            heroes=rng.sample(heroes, rng.choice([0, 0, 0, 1])),
            tag_names=rng.sample(topics, rng.choice([0, 1, 1, 2])),
        )
        stories.append(story)
    for story in rng.sample(stories, 5):
        story.unpublish()

    for story in StoryPage.objects.live().prefetch_related("story_heroes", "tagged_items"):
        for related_count in (1, 3, 5):
            story.related_count = related_count
            assert [s.pk for s in story.related_stories()] == full_ranking(story, related_count), story.title
