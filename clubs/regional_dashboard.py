"""«Мои отделения и кружки» on a regional editor's dashboard: their branch pages and each branch's clubs, with
the ways to edit them, open a new club and browse them in «Страницы» (which shows them only what they may
edit: clubs/regional_editors.py)."""

from django.urls import reverse

from wagtail.admin.ui.components import Component

from clubs.models import ClubIndexPage, ClubPage
from clubs.regional_editors import branches_of, is_regional_editor


def page_state(page) -> str:
    if not page.live:
        return "Черновик"
    if page.has_unpublished_changes:
        return "Опубликована, есть неопубликованные правки"
    return "Опубликована"


class MyBranchesPanel(Component):
    name = "my_branches"
    template_name = "clubs/admin/my_branches_panel.html"
    order = 60

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        branches = list(branches_of(self.user).order_by("title"))
        clubs = (
            ClubPage.objects.filter(branch__in=branches)
            .order_by("title")
            .only("pk", "title", "draft_title", "live", "has_unpublished_changes", "branch_id", "url_path")
        )
        clubs_of = {branch.pk: [] for branch in branches}
        for club in clubs:
            clubs_of[club.branch_id].append({"page": club, "state": page_state(club)})
        club_index = ClubIndexPage.objects.first()
        return {
            "branches": [
                {"page": branch, "state": page_state(branch), "clubs": clubs_of[branch.pk]}
                for branch in branches
            ],
            "add_club_url": (
                reverse("wagtailadmin_pages:add", args=["clubs", "clubpage", club_index.pk])
                if club_index
                else None
            ),
            "club_index": club_index,
        }


def add_my_branches_panel(request, panels):
    if is_regional_editor(request.user) and branches_of(request.user).exists():
        panels.append(MyBranchesPanel(request.user))
