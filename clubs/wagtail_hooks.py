from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Count, F, Sum, Value
from django.db.models.functions import Greatest
from django.urls import reverse

from wagtail import hooks
from wagtail.admin.ui.components import Component

from clubs import coordinators
from clubs.admin_views import VIEWSET_NAME, ClubApplicationViewSet, sees_all_clubs
from clubs.models import ClubApplication, ClubIndexPage, ClubPage, Status
from clubs.models.applications import PLACE_TAKING_STATUSES
from clubs.region_map import clubs_by_region
from home.models.pages import HOME_PAGE_SECTIONS_HOOK
from home.movement import MOVEMENT_NUMBERS_HOOK, WAYS_IN_HOOK, Figure, WayIn
from home.page_deletion import refuse_deleting

HOME_PAGE_CLUBS = 4


@hooks.register("register_admin_viewset")
def register_club_applications():
    return ClubApplicationViewSet(VIEWSET_NAME)


@hooks.register("register_log_actions")
def register_coordinator_log_actions(actions):
    coordinators.register_log_actions(actions)


@hooks.register("register_permissions")
def access_granting_permissions():
    """Listed under Settings → Groups, so an administrator can give them to a group deliberately."""
    return Permission.objects.filter(
        content_type__app_label="clubs", codename__in=[coordinators.GRANT_CODENAME, "assign_regional_editors"]
    )


class OverdueApplicationsPanel(Component):
    """On the admin dashboard: how many applications wait for an answer too long, per coordinator."""

    name = "club_applications_overdue"
    template_name = "clubs/admin/overdue_panel.html"
    order = 50

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        visible = ClubApplication.objects.visible_to(self.user)
        overdue = visible.overdue()
        context = {
            "new_count": visible.filter(status=Status.NEW).count(),
            "overdue_count": overdue.count(),
            "overdue_url": reverse(f"{VIEWSET_NAME}:index") + "?overdue=true",
            "per_coordinator": [],
        }
        if sees_all_clubs(self.user):
            context["per_coordinator"] = overdue_per_coordinator(overdue)
        return context


def overdue_per_coordinator(overdue):
    counts = dict(
        overdue.exclude(club__coordinators=None)
        .values_list("club__coordinators")
        .annotate(count=Count("pk", distinct=True))
    )
    users = get_user_model().objects.filter(pk__in=counts).order_by("last_name", "username")
    rows = [{"name": user.get_full_name() or user.get_username(), "count": counts[user.pk]} for user in users]
    unassigned = overdue.filter(club__coordinators=None).count()
    if unassigned:
        rows.append({"name": "Кружки без координатора", "count": unassigned})
    return rows


@hooks.register("construct_homepage_panels")
def add_overdue_panel(request, panels):
    user = request.user
    if user.has_perm("clubs.change_clubapplication"):
        panels.append(OverdueApplicationsPanel(user))


@hooks.register(HOME_PAGE_SECTIONS_HOOK)
def clubs_on_home_page(page, request):
    """The newest clubs taking applications, those with free places first."""
    newest = _newest_open_clubs(request)
    if newest is None:
        return None
    taken = dict(
        ClubApplication.objects.filter(club_id__in=[pk for pk, _capacity in newest["clubs"]])
        .filter(status__in=PLACE_TAKING_STATUSES)
        .order_by()
        .values_list("club_id")
        .annotate(count=Count("pk"))
    )
    places = [(pk, ClubPage.free_places(capacity, taken.get(pk, 0))) for pk, capacity in newest["clubs"]]
    # Clubs with free places first; a full club still shows when there are too few open ones.
    places.sort(key=lambda entry: entry[1] == 0)
    clubs = ClubPage.cards([pk for pk, _places in places[:HOME_PAGE_CLUBS]])
    if not clubs:
        return None
    return {"template": "clubs/includes/home_section.html", "clubs": clubs, "index_url": newest["index_url"]}


@hooks.register(HOME_PAGE_SECTIONS_HOOK)
def clubs_map_on_home_page(page, request):
    """Clubs by region on the tile map, right after the newest clubs."""
    data = clubs_by_region(request)
    if not data:
        return None
    return {"template": "clubs/includes/home_map.html", "map": data}


def _newest_open_clubs(request):
    index = ClubIndexPage.objects.live().first()
    if index is None:
        return None
    clubs = (
        ClubPage.objects.live()
        .public()
        .descendant_of(index)
        .filter(accepting_applications=True)
        .order_by("-first_published_at", "-pk")
        .values_list("pk", "capacity")[: HOME_PAGE_CLUBS * 3]
    )
    return {"clubs": list(clubs), "index_url": index.get_url(request)}


KEEP_CLUBS_MESSAGE = (
    "Кружок «{title}» нельзя удалить: в него поданы заявки, и они должны сохраниться вместе с согласиями. "
    "Если кружок закрылся, снимите отметку «Принимает заявки» или снимите страницу с публикации."
)

# Applications protect their club (on_delete=PROTECT): without this the admin would answer with a 500.
refuse_deleting(
    lambda pages: pages.filter(pk__in=ClubApplication.objects.values("club_id")), KEEP_CLUBS_MESSAGE
)


# --- Regional editors' dashboard panel (clubs/regional_dashboard.py) ---

from clubs.regional_dashboard import add_my_branches_panel  # noqa: E402

hooks.register("construct_homepage_panels", add_my_branches_panel)


@hooks.register(MOVEMENT_NUMBERS_HOOK)
def clubs_in_numbers(request):
    """Clubs, their free places and the regions they are in: the same clubs the directory lists."""
    index = ClubIndexPage.objects.live().first()
    url = index.get_url(request) if index else ""
    clubs = ClubPage.objects.live().public()
    free = (
        clubs.filter(accepting_applications=True)
        .with_taken_places()
        .aggregate(free=Sum(Greatest(F("capacity") - F("taken_places"), Value(0))))["free"]
    )
    return [
        Figure(30, clubs.count(), ("кружок", "кружка", "кружков"), url),
        Figure(40, free or 0, ("свободное место", "свободных места", "свободных мест"), url),
        Figure(60, clubs.values("region").distinct().count(), ("регион", "региона", "регионов"), url),
    ]


@hooks.register(WAYS_IN_HOOK)
def clubs_way_in(request):
    index = ClubIndexPage.objects.live().first()
    if index is None:
        return None
    return WayIn(
        10, "Найти кружок", "Бесплатные кружки и клубы рядом с домом и онлайн", index.get_url(request)
    )
