import random as random_module
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.module_loading import autodiscover_modules

from .pictures import DemoPictures


@dataclass
class DemoContext:
    """What every builder gets: the scale, a seeded random generator, pictures and a log."""

    scale: int = 1
    seed: int = 2026
    create_accounts: bool = False
    log: Callable[[str], None] = print
    random: random_module.Random = field(init=False)
    pictures: DemoPictures = field(init=False)
    # Builders leave objects here for later builders (e.g. the home page, heroes for club leaders).
    shared: dict = field(default_factory=dict)
    # Logins to print at the end: (role, username, password).
    accounts: list = field(default_factory=list)

    def __post_init__(self):
        self.random = random_module.Random(self.seed)
        self.pictures = DemoPictures(seed=self.seed)


@dataclass(frozen=True)
class DemoBuilder:
    name: str
    order: int
    build: Callable[[DemoContext], None]
    # Runs even when `--if-empty` skips the content (e.g. the demo accounts, whose logins are printed).
    always: bool = False


_builders: dict[str, DemoBuilder] = {}


def demo_builder(order: int, always: bool = False):
    """Registers a builder; lower `order` runs first (home 0-99, stories 100-199, clubs 200-299)."""

    def register(function):
        name = f"{function.__module__}.{function.__name__}"
        _builders[name] = DemoBuilder(name=name, order=order, build=function, always=always)
        return function

    return register


def registered_builders() -> list[DemoBuilder]:
    autodiscover_modules("demo_content")
    return sorted(_builders.values(), key=lambda builder: (builder.order, builder.name))
