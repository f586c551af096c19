"""«Мои черновики и страницы на утверждении» on the admin dashboard: what an author (or any editor) has
written and not yet seen published, and where each page stands in moderation.

Wagtail's own panels already cover the rest of what editors act on: «В ожидании вашего отзыва» (chief editors
approve), «Ваши страницы и фрагменты в рабочем процессе» and «Ваши последние правки». The coordinators'
panels live with their applications (clubs/wagtail_hooks.py, mentors/dashboard.py).
"""

from django.db.models import Q

from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState
from wagtail.permissions import policy_registry

from home.moderation_feedback import changes_requested, with_workflow_states

DRAFTS_SHOWN = 10


def writes_pages(user) -> bool:
    # The registered policy (clubs/regional_editors.py adds regional editors' grants), never a plain
    # PagePermissionPolicy(): both cache their answer on the user under one name, so asking the plain one
    # first would hide the Pages menu and the explorer from regional editors for the rest of the request.
    policy = policy_registry.get_by_type(Page)
    return user.is_active and policy.user_has_any_permission(user, ["add", "change"])


def state_of(page) -> str:
    workflow_state = page.current_workflow_state  # prefetched
    if workflow_state is not None and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return "Возвращена на доработку"
    if workflow_state is not None:
        return "На утверждении"
    if page.approved_schedule:
        return "Запланирована"
    if page.expired:
        return "Снята с публикации по сроку"
    if page.live:
        return "Опубликована, есть неопубликованные правки"
    return "Черновик"


class MyDraftsPanel(Component):
    name = "my_drafts"
    template_name = "home/admin/my_drafts_panel.html"
    order = 205  # just before Wagtail's «Ваши страницы и фрагменты в рабочем процессе»

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        unpublished = Page.objects.filter(owner=self.user).filter(
            Q(live=False) | Q(has_unpublished_changes=True)
        )
        pages = list(
            with_workflow_states(unpublished)
            .annotate_approved_schedule()
            .order_by("-latest_revision_created_at", "-pk")[:DRAFTS_SHOWN]
        )
        return {
            "rows": [
                {"page": page, "state": state_of(page), "changes_requested": changes_requested(page)}
                for page in pages
            ],
            "total": unpublished.count(),
            "shown": DRAFTS_SHOWN,
        }
