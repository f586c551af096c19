"""On the admin dashboard of mentor coordinators: the mentor applications waiting for an answer."""

from django.urls import reverse

from wagtail.admin.ui.components import Component

from mentors.admin_views import CHANGE_PERMISSION, VIEWSET_NAME
from mentors.models import MentorApplication


def shows_mentor_applications_panel(user) -> bool:
    return user.is_active and user.has_perm(CHANGE_PERMISSION)


class MentorApplicationsPanel(Component):
    name = "mentor_applications_waiting"
    template_name = "mentors/admin/dashboard_panel.html"
    order = 55

    def get_context_data(self, parent_context):
        index_url = reverse(f"{VIEWSET_NAME}:index")
        new = MentorApplication.objects.filter(status=MentorApplication.Status.NEW)
        return {
            "new_count": new.count(),
            "overdue_count": MentorApplication.objects.overdue().count(),
            "new_url": f"{index_url}?status={MentorApplication.Status.NEW}",
            "overdue_url": f"{index_url}?overdue=true",
        }
