from wagtail import hooks

from home.models.pages import HOME_PAGE_SECTIONS_HOOK
from mentors.admin_views import VIEWSET_NAME, MentorApplicationViewSet
from mentors.models import MentorCallIndexPage, MentorCallPage

HOME_PAGE_CALLS = 3


@hooks.register("register_admin_viewset")
def register_mentor_applications():
    return MentorApplicationViewSet(VIEWSET_NAME)


@hooks.register(HOME_PAGE_SECTIONS_HOOK)
def mentor_calls_on_home_page(page, request):
    """The open calls with the nearest deadlines, in three queries whatever the number of calls."""
    index = MentorCallIndexPage.objects.live().first()
    if index is None:
        return None
    calls = list(
        MentorCallPage.objects.live()
        .public()
        .child_of(index)
        .open()
        .select_related("region")
        .prefetch_related("audiences")
        .order_by("deadline", "pk")[:HOME_PAGE_CALLS]
    )
    if not calls:
        return None
    return {"template": "mentors/includes/home_section.html", "calls": calls, "index": index}
