from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from home.factories import CustomImageFactory
from home.models import Region
from stories.factories import (
    AwardFactory,
    HeroAwardFactory,
    HeroIndexPageFactory,
    HeroPageFactory,
    IndustryFactory,
    StoryIndexPageFactory,
    StoryPageFactory,
)
from stories.models import AwardKind


@pytest.fixture
def story_index(home_page):
    return StoryIndexPageFactory(parent=home_page)


@pytest.fixture
def hero_index(home_page):
    return HeroIndexPageFactory(parent=home_page)


@pytest.fixture
def image():
    return CustomImageFactory(title="Сталевар у печи", description="Сталевар у мартеновской печи")


def region(slug):
    return Region.objects.get(slug=slug)


@pytest.fixture
def catalogue(story_index, hero_index):
    """A small catalogue in which every filter has something to find, and something to leave out."""
    metallurgy = IndustryFactory(name="Металлургия", slug="metallurgiya")
    farming = IndustryFactory(name="Сельское хозяйство", slug="selskoe-hozyaystvo")
    socialist_hero = AwardFactory(
        name="Герой Социалистического Труда", kind=AwardKind.HERO_OF_SOCIALIST_LABOUR
    )
    labour_glory = AwardFactory(name="Орден Трудовой Славы I степени", kind=AwardKind.ORDER_OF_LABOUR_GLORY)
    steelmaker = HeroPageFactory(
        parent=hero_index,
        title="Кузнецов Пётр Алексеевич",
        slug="kuznetsov",
        industry=metallurgy,
        region=region("sverdlovskaya-oblast"),
    )
    HeroAwardFactory(hero=steelmaker, award=socialist_hero, year=1971)
    milkmaid = HeroPageFactory(
        parent=hero_index,
        title="Лебедева Мария Ивановна",
        slug="lebedeva",
        profession="доярка",
        industry=farming,
        region=region("belgorodskaya-oblast"),
    )
    HeroAwardFactory(hero=milkmaid, award=labour_glory, year=1980)
    stories = {
        "steel": StoryPageFactory(
            parent=story_index,
            title="Сорок лет у мартеновской печи",
            slug="steel",
            kind="story",
            region=region("sverdlovskaya-oblast"),
            heroes=[steelmaker],
            tag_names=["наставничество", "рабочие профессии"],
        ),
        "steel_interview": StoryPageFactory(
            parent=story_index,
            title="Интервью со сталеваром",
            slug="steel-interview",
            kind="interview",
            region=region("sverdlovskaya-oblast"),
            heroes=[steelmaker],
            tag_names=["наставничество"],
        ),
        "farm": StoryPageFactory(
            parent=story_index,
            title="Клуб юных животноводов",
            slug="farm",
            kind="practice",
            region=region("belgorodskaya-oblast"),
            heroes=[milkmaid],
            tag_names=["школьники"],
        ),
        "news": StoryPageFactory(
            parent=story_index,
            title="Открылся центр наставничества",
            slug="news",
            kind="news",
            region=region("moskva"),
            tag_names=["наставничество"],
        ),
    }
    return {"heroes": {"steelmaker": steelmaker, "milkmaid": milkmaid}, "stories": stories}


def count_queries(client, url):
    """Queries of one request after a warm-up one (which makes the renditions); caches are emptied first, so
    renditions, like everything else, come from the database."""
    response = client.get(url)
    assert response.status_code == 200, url
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), response
