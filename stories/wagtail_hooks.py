from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.admin_language import index_view_adding
from home.models.pages import HOME_PAGE_SECTIONS_HOOK
from home.movement import MOVEMENT_NUMBERS_HOOK, WAYS_IN_HOOK, Figure, WayIn

from .models import Award, HeroIndexPage, HeroPage, Industry, StoryIndexPage, StoryPage, StoryTag

HOME_STORIES_COUNT = 6
HOME_HEROES_COUNT = 4


class AwardViewSet(SnippetViewSet):
    model = Award
    index_view_class = index_view_adding(SnippetIndexView, "Добавить награду")
    icon = "pick"
    menu_label = "Награды"
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    list_export = ["name", "kind", "description"]
    export_filename = "nagrady"
    search_fields = ["name"]
    ordering = ["name"]


class IndustryViewSet(SnippetViewSet):
    model = Industry
    icon = "cogs"
    menu_label = "Отрасли"
    list_display = ["name", "slug"]
    list_export = ["name", "slug"]
    search_fields = ["name"]
    ordering = ["name"]


class StoryTagViewSet(SnippetViewSet):
    model = StoryTag
    index_view_class = index_view_adding(SnippetIndexView, "Добавить тему")
    icon = "tag"
    menu_label = "Темы историй"
    list_display = ["name", "slug"]
    search_fields = ["name"]
    ordering = ["name"]


class StoriesSnippetGroup(SnippetViewSetGroup):
    menu_label = "Истории и герои"
    menu_icon = "folder-open-inverse"
    menu_order = 210
    items = (AwardViewSet, IndustryViewSet, StoryTagViewSet)


register_snippet(StoriesSnippetGroup)


@hooks.register(HOME_PAGE_SECTIONS_HOOK)
def home_stories_section(page, request):
    """Featured stories first, then the newest: a fixed number of cards, a fixed number of queries."""
    index = StoryIndexPage.objects.live().child_of(page).first()
    if index is None:
        return None
    stories = index.stories().order_by("-featured", "-date", "-pk")[:HOME_STORIES_COUNT]
    stories = list(StoryPage.for_listing(stories))
    if not stories:
        return None
    return {"template": "stories/includes/home_stories.html", "index": index, "stories": stories}


@hooks.register(HOME_PAGE_SECTIONS_HOOK)
def home_heroes_section(page, request):
    index = HeroIndexPage.objects.live().child_of(page).first()
    if index is None:
        return None
    heroes = list(HeroPage.for_listing(index.heroes().order_by("-pk")[:HOME_HEROES_COUNT]))
    if not heroes:
        return None
    return {"template": "stories/includes/home_heroes.html", "index": index, "heroes": heroes}


@hooks.register(MOVEMENT_NUMBERS_HOOK)
def stories_in_numbers(request):
    heroes = HeroIndexPage.objects.live().first()
    stories = StoryIndexPage.objects.live().first()
    return [
        Figure(
            10,
            HeroPage.objects.live().public().count(),
            ("герой", "героя", "героев"),
            heroes.get_url(request) if heroes else "",
        ),
        Figure(
            20,
            StoryPage.objects.live().public().count(),
            ("история", "истории", "историй"),
            stories.get_url(request) if stories else "",
        ),
    ]


@hooks.register(WAYS_IN_HOOK)
def stories_way_in(request):
    index = StoryIndexPage.objects.live().first()
    if index is None:
        return None
    return WayIn(
        30, "Истории героев", "Как Герои Труда нашли своё дело и кого они учат", index.get_url(request)
    )
