from django.urls import path

from clubs.views import ClubApplicationStatusView

urlpatterns = [
    path(
        "zayavka/kruzhok/<str:token>/",
        ClubApplicationStatusView.as_view(),
        name="club_application_status",
    ),
]
