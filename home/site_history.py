"""Wagtail's «История сайта» report without the entries about personal data, except for administrators.

Wagtail shows a log entry to anyone holding any permission on the entry's model, so a club coordinator would
read there which application another coordinator opened, changed or exported. Entries about records that hold
personal data (`holds_personal_data`, home/privacy/holders.py) and about exports are for administrators, who
read them in «Журнал доступа к персональным данным» (home/personal_data_report.py). site/urls.py puts this
view at the report's own address, ahead of Wagtail's.
"""

from django.contrib.contenttypes.models import ContentType
from django.urls import path

from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.audit_logging import LogEntriesView

from home.models import ExportLog
from home.privacy.holders import personal_data_models


def personal_content_type_ids() -> list[int]:
    models = [*personal_data_models(), ExportLog]
    return [content_type.pk for content_type in ContentType.objects.get_for_models(*models).values()]


class SiteHistoryWithoutPersonalData(LogEntriesView):
    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if self.request.user.is_superuser:
            return queryset
        return queryset.exclude(content_type_id__in=personal_content_type_ids())


def urlpatterns():
    view = SiteHistoryWithoutPersonalData
    return [
        path("admin/reports/site-history/", require_admin_access(view.as_view())),
        path("admin/reports/site-history/results/", require_admin_access(view.as_view(results_only=True))),
    ]
