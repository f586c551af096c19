from django.contrib.auth import get_user_model
from django.db.models import Count
from django.urls import reverse

from wagtail import hooks
from wagtail.admin.ui.components import Component

from clubs.admin_views import VIEWSET_NAME, ClubApplicationViewSet, sees_all_clubs
from clubs.models import ClubApplication, ClubIndexPage, ClubPage, Status
from home.models.pages import HOME_PAGE_SECTIONS_HOOK
from home.page_deletion import refuse_deleting

HOME_PAGE_CLUBS = 4


@hooks.register("register_admin_viewset")
def register_club_applications():
    return ClubApplicationViewSet(VIEWSET_NAME)


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
    index = ClubIndexPage.objects.live().first()
    if index is None:
        return None
    clubs = list(
        ClubPage.objects.live()
        .public()
        .descendant_of(index)
        .filter(accepting_applications=True)
        .with_listing_data()
        .order_by("-first_published_at", "-pk")[: HOME_PAGE_CLUBS * 3]
    )
    # Clubs with free places first; a full club still shows when there are too few open ones.
    clubs.sort(key=lambda club: club.places_left == 0)
    if not clubs:
        return None
    return {"template": "clubs/includes/home_section.html", "clubs": clubs[:HOME_PAGE_CLUBS], "index": index}


KEEP_CLUBS_MESSAGE = (
    "Кружок «{title}» нельзя удалить: в него поданы заявки, и они должны сохраниться вместе с согласиями. "
    "Если кружок закрылся, снимите отметку «Принимает заявки» или снимите страницу с публикации."
)

# Applications protect their club (on_delete=PROTECT): without this the admin would answer with a 500.
refuse_deleting(
    lambda pages: pages.filter(pk__in=ClubApplication.objects.values("club_id")), KEEP_CLUBS_MESSAGE
)
