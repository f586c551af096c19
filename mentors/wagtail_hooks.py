from wagtail import hooks

from home.models.pages import HOME_PAGE_SECTIONS_HOOK
from home.movement import MOVEMENT_NUMBERS_HOOK, WAYS_IN_HOOK, Figure, WayIn
from home.page_deletion import refuse_deleting
from mentors.admin_views import VIEWSET_NAME, MentorApplicationViewSet
from mentors.choices import Status
from mentors.models import MentorApplication, MentorCallIndexPage, MentorCallPage, MentorMatch

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


# A call's applications are personal data with their consent records: deleting the call would delete or orphan
# them, so the admin refuses and says why (home/page_deletion.py).
refuse_deleting(
    lambda pages: pages.filter(pk__in=MentorApplication.objects.values("call_id")), KEEP_CALLS_MESSAGE
)


# --- Admin dashboard (mentors/dashboard.py) ---

from mentors.dashboard import MentorApplicationsPanel, shows_mentor_applications_panel  # noqa: E402


@hooks.register("construct_homepage_panels")
def add_mentor_applications_panel(request, panels):
    if shows_mentor_applications_panel(request.user):
        panels.append(MentorApplicationsPanel())


@hooks.register(MOVEMENT_NUMBERS_HOOK)
def mentors_in_numbers(request):
    """Mentors at work: those a coordinator has attached to a published club."""
    at_work = (
        MentorMatch.objects.filter(mentor__status=Status.MATCHED, club__live=True)
        .values("mentor")
        .distinct()
        .count()
    )
    index = MentorCallIndexPage.objects.live().first()
    return [
        Figure(
            50,
            at_work,
            ("наставник за работой", "наставника за работой", "наставников за работой"),
            index.get_url(request) if index else "",
        ),
    ]


@hooks.register(WAYS_IN_HOOK)
def mentors_way_in(request):
    index = MentorCallIndexPage.objects.live().first()
    if index is None:
        return None
    return WayIn(
        20, "Стать наставником", "Передайте своё мастерство тем, кто только начинает", index.get_url(request)
    )
