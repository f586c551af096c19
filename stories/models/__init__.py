from .heroes import HeroAward, HeroIndexPage, HeroPage, HeroTimelineEvent
from .participants import StoryParticipant
from .stories import StoryHero, StoryIndexPage, StoryKind, StoryPage
from .tags import StoryPageTag, StoryTag
from .taxonomy import Award, AwardKind, Industry

__all__ = [
    "Award",
    "AwardKind",
    "HeroAward",
    "HeroIndexPage",
    "HeroPage",
    "HeroTimelineEvent",
    "Industry",
    "StoryHero",
    "StoryIndexPage",
    "StoryKind",
    "StoryPage",
    "StoryPageTag",
    "StoryParticipant",
    "StoryTag",
]
