from django.contrib import messages
from django.shortcuts import redirect

from wagtail import hooks
from wagtail.models import Page

from home.models.pages import HOME_PAGE_SECTIONS_HOOK
from mentors.admin_views import VIEWSET_NAME, MentorApplicationViewSet
from mentors.models import MentorApplication, MentorCallIndexPage, MentorCallPage

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


KEEP_CALLS_MESSAGE = (
    "«{title}» нельзя удалить: на призыв поданы заявки наставников, и они должны сохраниться. После срока "
    "приёма призыв сам уходит в архив; если его не нужно показывать на сайте, снимите его с публикации."
)


def _calls_with_applications(pages):
    """The pages among `pages` and their descendants that are calls with mentor applications."""
    paths = [page.path for page in pages]
    if not paths:
        return Page.objects.none()
    in_trees = Page.objects.none()
    for path in paths:
        in_trees |= Page.objects.filter(path__startswith=path)
    return in_trees.filter(pk__in=MentorApplication.objects.values("call_id"))


@hooks.register("before_delete_page")
def keep_calls_with_applications(request, page):
    """Deleting a call would delete or orphan the applications sent to it (personal data with its consent):
    refuse with an explanation instead of a server error."""
    blocked = _calls_with_applications([page]).first()
    if blocked is not None:
        messages.error(request, KEEP_CALLS_MESSAGE.format(title=blocked.title))
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("before_bulk_action")
def keep_calls_with_applications_in_bulk(request, action_type, objects, action_class_instance):
    if action_type != "delete" or not objects or not isinstance(objects[0], Page):
        return None
    blocked = _calls_with_applications(objects).first()
    if blocked is not None:
        messages.error(request, KEEP_CALLS_MESSAGE.format(title=blocked.title))
        return redirect("wagtailadmin_explore", objects[0].get_parent().pk)
    return None


# --- Admin dashboard (mentors/dashboard.py) ---

from mentors.dashboard import MentorApplicationsPanel, shows_mentor_applications_panel  # noqa: E402


@hooks.register("construct_homepage_panels")
def add_mentor_applications_panel(request, panels):
    if shows_mentor_applications_panel(request.user):
        panels.append(MentorApplicationsPanel())
