"""The movement at a glance on the home page: its numbers, counted live, and the ways in.

Each app contributes what it knows through a Wagtail hook (apps import from home, never the other way round):
- `movement_numbers`: `fn(request) -> list[Figure]`, one aggregate query per figure, whatever the data;
- `ways_in`: `fn(request) -> WayIn | None`, the first screen's calls to action.
No cache of their own: the whole-page cache serves anonymous readers (home/page_cache.py).
"""

from dataclasses import dataclass

from wagtail import hooks

MOVEMENT_NUMBERS_HOOK = "movement_numbers"
WAYS_IN_HOOK = "ways_in"


def russian_plural(number: int, one: str, few: str, many: str) -> str:
    """1 история, 3 истории, 5 историй, 21 история, 12 историй."""
    number = abs(int(number))
    if number % 10 == 1 and number % 100 != 11:
        return one
    if 2 <= number % 10 <= 4 and not 12 <= number % 100 <= 14:
        return few
    return many


@dataclass(frozen=True)
class Figure:
    order: int
    value: int
    forms: tuple[str, str, str]  # «герой», «героя», «героев»
    url: str = ""

    @property
    def label(self) -> str:
        return russian_plural(self.value, *self.forms)


@dataclass(frozen=True)
class WayIn:
    order: int
    label: str
    description: str
    url: str


def movement_numbers(request) -> list[Figure]:
    figures = [figure for hook in hooks.get_hooks(MOVEMENT_NUMBERS_HOOK) for figure in hook(request)]
    return sorted(figures, key=lambda figure: figure.order)


def ways_in(request) -> list[WayIn]:
    ways = [way for hook in hooks.get_hooks(WAYS_IN_HOOK) if (way := hook(request))]
    return sorted(ways, key=lambda way: way.order)
