"""The home page's first screen (three ways in, a search field) and the movement in numbers, counted live."""

import re

import pytest

from home.movement import russian_plural

pytestmark = pytest.mark.django_db


def figures(html):
    """{label: number} of the «Движение в цифрах» section."""
    section = html.split('aria-labelledby="movement-title"')[1].split("</section>")[0]
    pairs = re.findall(
        r'movement__value">([\d\s\xa0]+)</span>\s*<span class="movement__label">([^<]+)<', section
    )
    return {label: int(re.sub(r"\D", "", value)) for value, label in pairs}


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (1, "герой"),
        (2, "героя"),
        (5, "героев"),
        (11, "героев"),
        (12, "героев"),
        (21, "герой"),
        (104, "героя"),
    ],
)
def test_russian_plural(number, expected):
    assert russian_plural(number, "герой", "героя", "героев") == expected


def test_first_screen_offers_three_ways_in_and_a_search(shared_demo_site, client):
    html = client.get("/").text
    hero = html.split('class="home-hero"')[1].split("</section>")[0]
    ways = re.findall(
        r'class="ways-in__link[^"]*" href="([^"]+)"><span class="ways-in__label">([^<]+)<', hero
    )
    assert [label for _url, label in ways] == ["Найти кружок", "Стать наставником", "Истории героев"]
    for url, _label in ways:
        assert client.get(url).status_code == 200
    assert re.search(r'<form class="home-search" method="get" action="/search/">', hero)
    assert 'type="search" name="q"' in hero


def test_numbers_are_those_of_the_site(shared_demo_site, client):
    from clubs.models import ClubPage
    from mentors.choices import Status
    from mentors.models import MentorMatch
    from stories.models import HeroPage, StoryPage

    clubs = list(ClubPage.objects.live().public())
    expected = {
        "героев": HeroPage.objects.live().public().count(),
        "историй": StoryPage.objects.live().public().count(),
        "кружков": len(clubs),
        "регионов": len({club.region_id for club in clubs}),
    }
    shown = figures(client.get("/").text)
    for label, number in expected.items():
        assert shown[russian_plural(number, *_forms(label))] == number, label
    free = sum(club.places_left for club in clubs if club.accepting_applications)
    assert free in shown.values()
    at_work = (
        MentorMatch.objects.filter(mentor__status=Status.MATCHED, club__live=True)
        .values("mentor")
        .distinct()
        .count()
    )
    assert shown[russian_plural(at_work, *_forms("наставников за работой"))] == at_work
    assert len(shown) == 6


def _forms(many):
    return {
        "героев": ("герой", "героя", "героев"),
        "историй": ("история", "истории", "историй"),
        "кружков": ("кружок", "кружка", "кружков"),
        "регионов": ("регион", "региона", "регионов"),
        "наставников за работой": ("наставник за работой", "наставника за работой", "наставников за работой"),
    }[many]


def test_numbers_follow_the_content_at_once(shared_demo_site, client):
    from clubs.models import ClubPage

    before = sum(figures(client.get("/").text).values())
    club = ClubPage.objects.live().filter(accepting_applications=True).first()
    club.unpublish()
    after = figures(client.get("/").text)
    assert sum(after.values()) < before
