import io

from django.core.management import call_command

import pytest

from stories.models import AwardKind, HeroPage, StoryKind, StoryPage

pytestmark = pytest.mark.django_db


def test_demo_has_heroes_from_several_regions_with_awards_and_timelines(shared_demo_site):
    heroes = HeroPage.objects.live()
    assert heroes.count() == 12
    assert heroes.values("region").distinct().count() >= 10
    kinds = set(heroes.values_list("awards__award__kind", flat=True))
    assert {
        AwardKind.HERO_OF_SOCIALIST_LABOUR,
        AwardKind.HERO_OF_LABOUR,
        AwardKind.ORDER_OF_LABOUR_GLORY,
        AwardKind.STATE_PRIZE,
    } <= kinds
    for hero in heroes:
        assert hero.portrait_id and hero.timeline_events.exists() and hero.awards.exists(), hero


def test_demo_has_stories_of_every_kind_with_galleries_quotes_and_tags(shared_demo_site):
    stories = StoryPage.objects.live()
    assert 30 <= stories.count() <= 40
    assert set(stories.values_list("kind", flat=True)) == set(StoryKind.values)
    assert stories.filter(featured=True).exists()
    blocks = {block.block_type for story in stories for block in story.body}
    assert {"gallery", "quote", "timeline", "image", "heading", "call_to_action"} <= blocks
    assert all(story.tags.exists() for story in stories)


def test_demo_stories_invite_to_clubs_or_mentoring(shared_demo_site):
    story = StoryPage.objects.live().filter(kind=StoryKind.STORY).order_by("pk").first()
    [cta] = [block for block in story.body if block.block_type == "call_to_action"]
    assert cta.value["page"].specific_class.__name__ in {
        "MentorCallPage",
        "MentorCallIndexPage",
        "ClubPage",
        "ClubIndexPage",
    }


def test_demo_story_filters_find_something(shared_demo_site, client):
    html = client.get("/istorii/?award=hero_labour").text
    assert "Историй с такими условиями пока нет." not in html


def test_larger_scale_adds_heroes_and_about_a_hundred_stories_per_step(db):
    call_command("load_demo_content", scale=2, stdout=io.StringIO())
    assert HeroPage.objects.count() == 24
    # 136 less the interviews the heroes who have died cannot give (tests/home/test_demo_coherence.py).
    assert StoryPage.objects.count() == 132
    # Generated stories are searchable too: they were indexed in batches.
    assert StoryPage.objects.live().search("Разговор с наставником").count() > 0
