"""«Журнал доступа к персональным данным»: an administrators' report (under «Отчёты») of who opened or
exported applications, and who answered people's requests about their data, and when.

The entries are Wagtail's own audit log (ModelLogEntry), written by the processing views
(`home.applications.audit`), the exports and the subject-request page. Only superusers may read it: the log
says whose data a colleague looked at, which coordinators do not need to know.
"""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.urls import path

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import ModelLogEntry

import django_filters

from home.applications.audit import VIEW_ACTION
from home.applications.exports import EXPORT_ACTION
from home.privacy import subject_requests

URL_NAME = "personal_data_access"
RESULTS_URL_NAME = "personal_data_access_results"
TITLE = "Журнал доступа к персональным данным"

PERSONAL_DATA_ACTIONS = [
    VIEW_ACTION,
    EXPORT_ACTION,
    subject_requests.EXPORT_ACTION,
    subject_requests.ERASE_ACTION,
]


def may_read_report(user) -> bool:
    return user.is_active and user.is_superuser


def access_entries():
    return ModelLogEntry.objects.filter(action__in=PERSONAL_DATA_ACTIONS)


def users_in_log(request):
    User = get_user_model()
    return User.objects.filter(pk__in=access_entries().values("user_id")).order_by(User.USERNAME_FIELD)


def action_choices():
    return [(action, log_action_registry.get_action_label(action)) for action in PERSONAL_DATA_ACTIONS]


class PersonalDataAccessFilterSet(WagtailFilterSet):
    user = django_filters.ModelChoiceFilter(label="Пользователь", empty_label="Все", queryset=users_in_log)
    action = django_filters.ChoiceFilter(label="Действие", empty_label="Все", choices=action_choices)
    timestamp = django_filters.DateFromToRangeFilter(label="Дата", widget=DateRangePickerWidget)

    class Meta:
        model = ModelLogEntry
        fields = ["user", "action", "timestamp"]


class PersonalDataAccessReportView(ReportView):
    page_title = TITLE
    header_icon = "view"
    results_template_name = "home/admin/personal_data_access_results.html"
    filterset_class = PersonalDataAccessFilterSet
    index_url_name = URL_NAME
    index_results_url_name = RESULTS_URL_NAME
    list_export = ["timestamp", "user_display_name", "action_label", "label", "object_id"]
    export_headings = {
        "timestamp": "Дата и время",
        "user_display_name": "Пользователь",
        "action_label": "Действие",
        "label": "Что",
        "object_id": "Номер записи",
    }

    def dispatch(self, request, *args, **kwargs):
        if not may_read_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return access_entries().select_related("user", "content_type").order_by("-timestamp", "-pk")

    def decorate_paginated_queryset(self, object_list):
        entries = list(object_list)
        for entry in entries:
            entry.action_label = log_action_registry.get_action_label(entry.action)
        return entries

    def get_filename(self):
        return f"zhurnal-dostupa-{datetime.date.today():%Y-%m-%d}"


def urlpatterns():
    view = PersonalDataAccessReportView
    return [
        path("reports/personal-data-access/", view.as_view(), name=URL_NAME),
        path("reports/personal-data-access/results/", view.as_view(results_only=True), name=RESULTS_URL_NAME),
    ]
