"""Factories for heroes, awards and stories; used by the demo content and by the tests."""

import datetime

import factory
import wagtail_factories

from .models import (
    Award,
    AwardKind,
    HeroAward,
    HeroIndexPage,
    HeroPage,
    HeroTimelineEvent,
    Industry,
    StoryHero,
    StoryIndexPage,
    StoryKind,
    StoryPage,
)
from .transliteration import latin_slug


class IndustryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Отрасль {n}")
    slug = factory.LazyAttribute(lambda industry: latin_slug(industry.name))

    class Meta:
        model = Industry
        django_get_or_create = ("slug",)


class AwardFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Награда {n}")
    kind = AwardKind.HERO_OF_SOCIALIST_LABOUR

    class Meta:
        model = Award
        django_get_or_create = ("name",)


class HeroIndexPageFactory(wagtail_factories.PageFactory):
    title = "Герои"
    slug = "geroi"
    show_in_menus = True

    class Meta:
        model = HeroIndexPage


class HeroPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Иванов Иван Иванович {n}")
    profession = "сталевар"
    birth_year = 1938

    class Meta:
        model = HeroPage


class HeroAwardFactory(factory.django.DjangoModelFactory):
    hero = factory.SubFactory(HeroPageFactory)
    award = factory.SubFactory(AwardFactory)
    year = 1971

    class Meta:
        model = HeroAward


class HeroTimelineEventFactory(factory.django.DjangoModelFactory):
    year = factory.Sequence(lambda n: 1950 + n % 70)
    text = factory.Sequence(lambda n: f"Событие {n}")

    class Meta:
        model = HeroTimelineEvent


class StoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Истории"
    slug = "istorii"
    show_in_menus = True

    class Meta:
        model = StoryIndexPage


class StoryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"История {n}")
    lead = "Короткий рассказ о человеке труда."
    kind = StoryKind.STORY
    date = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n))
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Текст истории.</p>")])

    class Meta:
        model = StoryPage

    @factory.post_generation
    def heroes(story, create, heroes, **kwargs):
        if create and heroes:
            for order, hero in enumerate(heroes):
                StoryHero.objects.create(story=story, hero=hero, sort_order=order)

    @factory.post_generation
    def tag_names(story, create, names, **kwargs):
        if create and names:
            story.tags.add(*names)
            story.save()
