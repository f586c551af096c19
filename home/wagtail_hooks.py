from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import Region


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    menu_label = "Регионы"
    add_to_admin_menu = False
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]
    ordering = ["name"]


register_snippet(RegionViewSet)
