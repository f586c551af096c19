from django.urls import path

from mentors.views import MentorApplicationStatusView

urlpatterns = [
    path(
        "zayavka/nastavnik/<str:token>/",
        MentorApplicationStatusView.as_view(),
        name="mentor_application_status",
    ),
]
