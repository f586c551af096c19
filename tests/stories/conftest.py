import pytest

from stories.factories import HeroIndexPageFactory, StoryIndexPageFactory


@pytest.fixture
def story_index(home_page):
    return StoryIndexPageFactory(parent=home_page)


@pytest.fixture
def hero_index(home_page):
    return HeroIndexPageFactory(parent=home_page)
