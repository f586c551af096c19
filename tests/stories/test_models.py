import datetime

from django.core.exceptions import ValidationError

from wagtail.test.utils import WagtailPageTestCase

import pytest

from home.models import HomePage, StandardPage
from stories.factories import HeroPageFactory, StoryPageFactory
from stories.models import HeroIndexPage, HeroPage, StoryIndexPage, StoryPage, StoryTag
from stories.transliteration import latin_slug


class PageTypeRulesTests(WagtailPageTestCase):
    def test_story_index_lives_under_home_and_holds_only_stories(self):
        self.assertAllowedParentPageTypes(StoryIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(StoryIndexPage, {StoryPage})

    def test_stories_live_only_in_the_story_index_and_have_no_children(self):
        self.assertAllowedParentPageTypes(StoryPage, {StoryIndexPage})
        self.assertAllowedSubpageTypes(StoryPage, set())

    def test_hero_index_lives_under_home_and_holds_only_heroes(self):
        self.assertAllowedParentPageTypes(HeroIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(HeroIndexPage, {HeroPage})
        self.assertAllowedParentPageTypes(HeroPage, {HeroIndexPage})
        self.assertAllowedSubpageTypes(HeroPage, set())

    def test_one_index_of_each_kind(self):
        self.assertEqual(StoryIndexPage.max_count, 1)
        self.assertEqual(HeroIndexPage.max_count, 1)
        self.assertCanNotCreateAt(StandardPage, StoryPage)


pytestmark = pytest.mark.django_db


def test_hero_years_must_be_real_years(hero_index):
    hero = HeroPage(title="Иванов", slug="ivanov", profession="токарь", birth_year=38)
    with pytest.raises(ValidationError) as error:
        hero.clean()
    assert "четыре цифры" in error.value.message_dict["birth_year"][0]


def test_hero_cannot_die_before_being_born(hero_index):
    hero = HeroPage(title="Иванов", slug="ivanov", profession="токарь", birth_year=1950, death_year=1940)
    with pytest.raises(ValidationError) as error:
        hero.clean()
    assert error.value.message_dict["death_year"] == ["Год смерти не может быть раньше года рождения."]


def test_years_of_life(hero_index):
    assert HeroPage(birth_year=1931, death_year=2012).years_of_life == "1931–2012"
    assert HeroPage(birth_year=1960).years_of_life == "род. в 1960 г."
    assert HeroPage().years_of_life == ""


def test_tag_addresses_are_in_latin_letters(story_index):
    StoryPageFactory(parent=story_index, tag_names=["Трудовая династия", "Щедрый урожай"])
    assert set(StoryTag.objects.values_list("slug", flat=True)) == {"trudovaya-dinastiya", "schedryy-urozhay"}


def test_latin_slug_treats_yo_as_e():
    assert latin_slug("Шахтёр Ёлкин") == "shahter-elkin"


def test_stories_are_listed_newest_first(story_index):
    old = StoryPageFactory(parent=story_index, date=datetime.date(2020, 5, 1))
    new = StoryPageFactory(parent=story_index, date=datetime.date(2024, 5, 1))
    middle = StoryPageFactory(parent=story_index, date=datetime.date(2022, 5, 1))
    assert list(story_index.stories().newest_first()) == [new, middle, old]


def test_related_stories_prefer_shared_heroes_then_topics_then_region(catalogue, story_index):
    stories = catalogue["stories"]
    steel = StoryPage.objects.get(pk=stories["steel"].pk)
    related = list(steel.related_stories())
    # The interview shares the hero (and a topic and the region); the news shares only a topic.
    assert related[0] == stories["steel_interview"]
    assert stories["news"] in related
    assert stories["farm"] not in related
    assert steel not in related


def test_related_stories_skip_unpublished(catalogue):
    stories = catalogue["stories"]
    stories["steel_interview"].unpublish()
    assert stories["steel_interview"] not in list(stories["steel"].related_stories())


def test_hero_list_hides_unpublished_heroes(catalogue):
    story = catalogue["stories"]["steel"]
    catalogue["heroes"]["steelmaker"].unpublish()
    assert StoryPage.objects.get(pk=story.pk).hero_list == []


def test_a_hero_is_linked_to_a_story_only_once(story_index, hero_index):
    from django.db import IntegrityError

    from stories.models import StoryHero

    hero = HeroPageFactory(parent=hero_index)
    story = StoryPageFactory(parent=story_index, heroes=[hero])
    with pytest.raises(IntegrityError):
        StoryHero.objects.create(story=story, hero=hero)
