"""Processing club applications in the admin: a club coordinator sees, filters, opens and exports only the
applications of the clubs they coordinate (ClubPage.coordinators); users with «Видит заявки всех кружков»
(and superusers) see all."""

from django import forms
from django.contrib import messages
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.views.generic import FormView

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import BooleanRadioSelect

import django_filters

from clubs.models import ClubApplication, ClubPage, Status
from home.applications.admin_inbox import ApplicationInboxMixin, LabelModelChoiceFilter
from home.applications.audit import log_application_view
from home.applications.base import ERASED_READ_ONLY
from home.applications.exports import Column as ExportColumn
from home.applications.exports import can_export, export_response, stored_filters
from home.applications.fields import full_years
from home.models import Region
from home.phone_numbers import display_phone

VIEWSET_NAME = "club_applications"


def sees_all_clubs(user) -> bool:
    return user.is_superuser or user.has_perm("clubs.view_all_clubapplications")


def visible_clubs(user):
    clubs = ClubPage.objects.all() if sees_all_clubs(user) else ClubPage.objects.filter(coordinators=user)
    return clubs.order_by("title")


class ClubApplicationFilterSet(WagtailFilterSet):
    # Every club for an administrator (3,000 at scale 100): listed from (id, title) rows, see admin_inbox.
    club = LabelModelChoiceFilter(label="Кружок", queryset=ClubPage.objects.none())
    # No DISTINCT: filtering on a column of the application itself cannot repeat a row (django-filter adds
    # DISTINCT to every multiple-choice filter, which made PostgreSQL sort whole joined rows).
    status = django_filters.MultipleChoiceFilter(
        label="Статус", choices=Status.choices, widget=forms.CheckboxSelectMultiple, distinct=False
    )
    region = django_filters.ModelChoiceFilter(
        label="Регион", field_name="club__region", queryset=Region.objects.all()
    )
    created_at = django_filters.DateFromToRangeFilter(label="Дата подачи", widget=DateRangePickerWidget)
    overdue = django_filters.BooleanFilter(
        label="Без ответа 3 рабочих дня и дольше", method="filter_overdue", widget=BooleanRadioSelect
    )

    class Meta:
        model = ClubApplication
        fields = ["club", "status", "region", "created_at", "overdue"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A coordinator can filter only to their own clubs: any other club is an invalid choice.
        self.filters["club"].queryset = visible_clubs(self.request.user)

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = queryset.overdue()
        return overdue if value else queryset.exclude(pk__in=overdue.values("pk"))


EXPORT_COLUMNS = [
    ExportColumn("Номер", lambda a: a.reference_number),
    ExportColumn("Подана", lambda a: a.created_at),
    ExportColumn("Кружок", lambda a: a.club.title),
    ExportColumn("Регион", lambda a: a.club.region.name),
    ExportColumn("Статус", lambda a: a.get_status_display()),
    ExportColumn("Без ответа 3+ раб. дня", lambda a: a.is_overdue),
    ExportColumn("Участник", lambda a: a.child_name),
    ExportColumn("Дата рождения", lambda a: a.birth_date),
    ExportColumn("Возраст при подаче", lambda a: full_years(a.birth_date, a.created_at.date())),
    ExportColumn("Телефон", lambda a: display_phone(a.phone)),
    ExportColumn("Почта", lambda a: a.email),
    ExportColumn("Школа", lambda a: a.school),
    ExportColumn("Класс", lambda a: a.grade),
    ExportColumn("Родитель", lambda a: a.guardian_name),
    ExportColumn("Телефон родителя", lambda a: display_phone(a.guardian_phone)),
    ExportColumn("Почта родителя", lambda a: a.guardian_email),
    ExportColumn("Почему хочет заниматься", lambda a: a.motivation),
]


class OverdueColumn(Column):
    def get_value(self, instance):
        return "⚠ нет ответа" if instance.is_overdue else ""


class ClubApplicationIndexView(ApplicationInboxMixin, IndexView):
    # Applications are neither added, copied nor deleted here (see ClubApplicationViewSet.get_urlpatterns).
    def get_add_url(self):
        return None

    def get_copy_url(self, instance):
        return None

    def get_delete_url(self, instance):
        return None

    def get_base_queryset(self):
        # The page's 20 clubs come in a second query: joined in the list's query, PostgreSQL joined every
        # match of a search (tens of thousands) to its club before keeping the newest 20.
        return ClubApplication.objects.visible_to(self.request.user).prefetch_related(
            Prefetch("club", queryset=ClubPage.objects.only("title"))
        )

    @cached_property
    def show_export_buttons(self):
        return can_export(self.request.user, ClubApplication)

    def as_spreadsheet(self, queryset, spreadsheet_format):
        if spreadsheet_format not in ("csv", "xlsx"):
            raise Http404
        return export_response(
            self.request,
            queryset.prefetch_related(None).select_related("club", "club__region"),
            EXPORT_COLUMNS,
            spreadsheet_format,
            filename="zayavki-v-kruzhki",
            filters=stored_filters(self.request.GET, self.filters),
        )


class StatusChangeForm(forms.Form):
    status = forms.ChoiceField(label="Новый статус", choices=Status.choices)
    public_message = forms.CharField(
        label="Сообщение заявителю",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Уйдёт в письме и будет видно на странице статуса. "
        "Например: «Ждём на первое занятие 5 сентября».",
    )
    note = forms.CharField(
        label="Заметка для координаторов",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Видна только в панели управления.",
    )

    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (value, label) for value, label in Status.choices if value != application.status
        ]


class ProcessApplicationView(WagtailAdminTemplateMixin, FormView):
    """An application's details and history, and the form to move it to another status."""

    template_name = "clubs/admin/process_application.html"
    form_class = StatusChangeForm
    header_icon = "group"

    def dispatch(self, request, pk):
        if not request.user.has_perm("clubs.change_clubapplication"):
            raise PermissionDenied
        self.application = (
            ClubApplication.objects.visible_to(request.user)
            .select_related("club", "club__region", "consent", "consent__text")
            .filter(pk=pk)
            .first()
        )
        if self.application is None:
            raise Http404("Заявка не найдена")
        return super().dispatch(request, pk)

    def get(self, request, *args, **kwargs):
        log_application_view(request, self.application)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.application.is_erased:
            messages.error(request, ERASED_READ_ONLY)
            return redirect(reverse(f"{VIEWSET_NAME}:edit", args=[self.application.pk]))
        return super().post(request, *args, **kwargs)

    def get_page_title(self):
        return str(self.application)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{VIEWSET_NAME}:index"), "label": "Заявки в кружки"},
            {"url": "", "label": str(self.application)},
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "application": self.application}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        application = self.application
        context.update(
            application=application,
            history=application.status_changes.select_related("changed_by"),
            age=full_years(application.birth_date, application.created_at.date()),
            index_url=reverse(f"{VIEWSET_NAME}:index"),
            erased_read_only=ERASED_READ_ONLY if application.is_erased else "",
        )
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        self.application.change_status(
            data["status"], by=self.request.user, note=data["note"], public_message=data["public_message"]
        )
        messages.success(
            self.request,
            f"{self.application}: статус «{self.application.get_status_display()}». "
            "Заявителю отправлено письмо.",
        )
        return redirect(reverse(f"{VIEWSET_NAME}:edit", args=[self.application.pk]))


class ClubApplicationViewSet(ModelViewSet):
    model = ClubApplication
    icon = "group"
    menu_label = "Заявки в кружки"
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = ClubApplicationIndexView
    filterset_class = ClubApplicationFilterSet
    list_display = [
        "reference_number",
        "child_name",
        Column("club", label="Кружок", accessor="club.title"),
        "status",
        "created_at",
        OverdueColumn("overdue", label="Срок ответа"),
    ]
    # Exports are built by home.applications.exports (formula-safe, permission-checked, logged).
    list_export = ["reference_number"]
    search_fields = ["reference_number", "child_name", "guardian_name"]
    ordering = ["-created_at"]
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = ["status"]

    def get_urlpatterns(self):
        # Applications come only from the public form and leave only by the retention rules: no add, copy or
        # delete here. "edit" is the processing view.
        kept = [
            pattern for pattern in super().get_urlpatterns() if pattern.name in {"index", "index_results"}
        ]
        return [*kept, path("edit/<int:pk>/", ProcessApplicationView.as_view(), name="edit")]

    def get_permissions_to_register(self):
        return Permission.objects.filter(
            content_type__app_label="clubs",
            codename__in=[
                "view_clubapplication",
                "change_clubapplication",
                "export_clubapplication",
                "view_all_clubapplications",
            ],
        )
