"""The demo site tells a coherent story: clubs with names of their own, living leaders, no rooms online."""

from collections import Counter

import pytest

pytestmark = pytest.mark.django_db


def test_every_club_has_a_name_of_its_own(shared_demo_site):
    from clubs.models import ClubPage

    titles = Counter(ClubPage.objects.values_list("title", flat=True))
    assert [title for title, count in titles.items() if count > 1] == []


def test_heroes_who_lead_clubs_are_alive(shared_demo_site):
    from clubs.models import ClubPage

    leaders = ClubPage.objects.filter(leader_hero__isnull=False).select_related("leader_hero")
    assert leaders.exists()
    assert [club.title for club in leaders if club.leader_hero.specific.death_year] == []


def test_online_clubs_have_no_room(shared_demo_site, client):
    from clubs.models import ClubPage, Format

    online = ClubPage.objects.filter(format=Format.ONLINE)
    assert online.exists()
    assert list(online.exclude(address="").values_list("title", flat=True)) == []
    html = client.get(online.first().url).text
    assert "каб." not in html


def test_a_federal_city_is_named_once(shared_demo_site, client):
    from clubs.models import ClubIndexPage, ClubPage

    moscow = ClubPage.objects.filter(region__slug="moskva").first()
    assert moscow.place_display == "Москва"
    for path in (moscow.url, ClubIndexPage.objects.first().url):
        assert "Москва, Москва" not in client.get(path).text


def test_interviews_are_only_with_living_heroes_and_dates_agree_with_lives(shared_demo_site):
    from stories.models import HeroPage, StoryKind, StoryPage

    interviews = StoryPage.objects.filter(kind=StoryKind.INTERVIEW).prefetch_related("story_heroes")
    assert interviews.exists()
    for story in interviews:
        for hero in HeroPage.objects.filter(pk__in=[link.hero_id for link in story.story_heroes.all()]):
            assert not hero.death_year or hero.death_year >= story.date.year, (story.title, hero.title)
