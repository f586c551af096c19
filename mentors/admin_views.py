"""Processing mentor applications in the admin (group «Координаторы наставников»): list, filters, logged
exports, the application with its history, status changes with notes, and matching with clubs."""

from django import forms
from django.contrib import messages
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.views.generic import TemplateView

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import BooleanRadioSelect

import django_filters

from clubs.models import ClubPage, Direction
from home.applications.admin_inbox import ApplicationInboxMixin
from home.applications.audit import log_application_view
from home.applications.base import ERASED_READ_ONLY
from home.applications.exports import Column as ExportColumn
from home.applications.exports import can_export, export_response, stored_filters
from home.models import Region
from home.phone_numbers import display_phone
from mentors.choices import Audience, Status
from mentors.matching import record_match, suggested_clubs
from mentors.models import MentorApplication, MentorCallPage

VIEWSET_NAME = "mentor_applications"
CHANGE_PERMISSION = "mentors.change_mentorapplication"
MATCH_PERMISSION = "mentors.add_mentormatch"


class MentorApplicationFilterSet(WagtailFilterSet):
    # No DISTINCT: a filter on the application's own column cannot repeat a row.
    status = django_filters.MultipleChoiceFilter(
        label="Статус", choices=Status.choices, widget=forms.CheckboxSelectMultiple, distinct=False
    )
    region = django_filters.ModelChoiceFilter(label="Регион", queryset=Region.objects.all())
    audience = django_filters.ChoiceFilter(label="Кто", choices=Audience.choices)
    direction = django_filters.ChoiceFilter(
        label="Направление", choices=Direction.choices, method="filter_direction"
    )
    call = django_filters.ModelChoiceFilter(
        label="Призыв", queryset=MentorCallPage.objects.order_by("-deadline", "title")
    )
    created_at = django_filters.DateFromToRangeFilter(label="Дата подачи", widget=DateRangePickerWidget)
    overdue = django_filters.BooleanFilter(
        label="Без ответа 3 рабочих дня и дольше", method="filter_overdue", widget=BooleanRadioSelect
    )

    class Meta:
        model = MentorApplication
        fields = ["status", "region", "audience", "direction", "call", "created_at", "overdue"]

    def filter_direction(self, queryset, name, value):
        if not value:
            return queryset
        # Directions are a short JSON list; matching the quoted value works on SQLite and PostgreSQL alike.
        return queryset.filter(directions__icontains=f'"{value}"')

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = queryset.overdue()
        return overdue if value else queryset.exclude(pk__in=overdue.values("pk"))


EXPORT_COLUMNS = [
    ExportColumn("Номер", lambda a: a.reference_number),
    ExportColumn("Подана", lambda a: a.created_at),
    ExportColumn("Призыв", lambda a: a.call.title),
    ExportColumn("Статус", lambda a: a.get_status_display()),
    ExportColumn("Без ответа 3+ раб. дня", lambda a: a.is_overdue),
    ExportColumn("ФИО", lambda a: a.full_name),
    ExportColumn("Телефон", lambda a: display_phone(a.phone)),
    ExportColumn("Почта", lambda a: a.email),
    ExportColumn("Регион", lambda a: a.region.name),
    ExportColumn("Город", lambda a: a.city),
    ExportColumn("Кто", lambda a: a.get_audience_display()),
    ExportColumn("Профессия", lambda a: a.profession),
    ExportColumn("Опыт", lambda a: a.experience),
    ExportColumn("Направления", lambda a: a.directions_display),
    ExportColumn("Время", lambda a: a.availability),
    ExportColumn("Формат", lambda a: a.get_mentoring_format_display()),
    ExportColumn("Организация", lambda a: a.organization),
    ExportColumn("Предложения работодателя", lambda a: a.employer_offers_display),
    ExportColumn("Подробнее о предложении", lambda a: a.employer_offer_details),
    ExportColumn("Дата рождения", lambda a: a.birth_date),
    ExportColumn("Родитель", lambda a: a.guardian_name),
    ExportColumn("Телефон родителя", lambda a: display_phone(a.guardian_phone)),
    ExportColumn("Почта родителя", lambda a: a.guardian_email),
    ExportColumn("Согласие на публикацию имени", lambda a: a.agreed_to_be_shown),
    ExportColumn("Кружки", lambda a: ", ".join(match.club.title for match in a.matches.all())),
]


class OverdueColumn(Column):
    def get_value(self, instance):
        return "⚠ нет ответа" if instance.is_overdue else ""


class MentorApplicationIndexView(ApplicationInboxMixin, IndexView):
    # Applications are neither added, copied nor deleted here (see MentorApplicationViewSet.get_urlpatterns).
    def get_add_url(self):
        return None

    def get_copy_url(self, instance):
        return None

    def get_delete_url(self, instance):
        return None

    def get_base_queryset(self):
        return MentorApplication.objects.select_related("call", "region")

    @cached_property
    def show_export_buttons(self):
        return can_export(self.request.user, MentorApplication)

    def as_spreadsheet(self, queryset, spreadsheet_format):
        if spreadsheet_format not in ("csv", "xlsx"):
            raise Http404
        return export_response(
            self.request,
            queryset.select_related("call", "region", "publication_consent").prefetch_related(
                "matches__club"
            ),
            EXPORT_COLUMNS,
            spreadsheet_format,
            filename="zayavki-nastavnikov",
            filters=stored_filters(self.request.GET, self.filters),
        )


class StatusChangeForm(forms.Form):
    status = forms.ChoiceField(label="Новый статус", choices=())
    public_message = forms.CharField(
        label="Сообщение заявителю",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Уйдёт в письме и будет видно на странице статуса. "
        "Например: «Приглашаем на собеседование в четверг в 15:00».",
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
        labels = dict(Status.choices)
        self.fields["status"].choices = [(value, labels[value]) for value in application.manual_next_statuses]
        self.fields["status"].error_messages["invalid_choice"] = (
            f"Из статуса «{application.get_status_display()}» так перейти нельзя. "
            "«Закреплён за кружком» ставится, когда вы закрепляете наставника за кружком ниже."
        )


class ClubChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, club):
        return f"{club.title} — {club.get_direction_display()}, {club.city}, {club.region.name}"


class MatchForm(forms.Form):
    club = ClubChoiceField(
        label="Кружок",
        queryset=ClubPage.objects.none(),
        empty_label="Выберите кружок",
        error_messages={"required": "Выберите кружок.", "invalid_choice": "Выберите кружок из списка."},
    )
    match_note = forms.CharField(
        label="Заметка",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Уйдёт наставнику и координаторам кружка. Например: «Первое занятие — 5 сентября».",
    )

    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["club"].queryset = (
            ClubPage.objects.live()
            .exclude(mentor_matches__mentor=application)
            .select_related("region")
            .order_by("region__name", "title")
        )


class ProcessMentorApplicationView(WagtailAdminTemplateMixin, TemplateView):
    """An application's details and history, the status form, and matching with clubs."""

    template_name = "mentors/admin/process_application.html"
    header_icon = "user"

    def dispatch(self, request, pk):
        if not request.user.has_perm(CHANGE_PERMISSION):
            raise PermissionDenied
        self.application = (
            MentorApplication.objects.select_related(
                "call",
                "region",
                "consent",
                "consent__text",
                "publication_consent",
                "publication_consent__text",
            )
            .filter(pk=pk)
            .first()
        )
        if self.application is None:
            raise Http404("Заявка не найдена")
        return super().dispatch(request, pk)

    def get(self, request, *args, **kwargs):
        log_application_view(request, self.application)
        return super().get(request, *args, **kwargs)

    @property
    def can_match(self) -> bool:
        return self.request.user.has_perm(MATCH_PERMISSION) and self.application.can_be_matched

    def get_page_title(self):
        return f"Заявка наставника № {self.application.reference_number}"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{VIEWSET_NAME}:index"), "label": "Заявки наставников"},
            {"url": "", "label": str(self.application)},
        ]

    def get_context_data(self, status_form=None, match_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        application = self.application
        context.update(
            application=application,
            history=application.status_changes.select_related("changed_by"),
            matches=application.matches.select_related("club", "club__region", "created_by"),
            status_form=status_form or StatusChangeForm(application=application),
            can_match=self.can_match,
            index_url=reverse(f"{VIEWSET_NAME}:index"),
            erased_read_only=ERASED_READ_ONLY if application.is_erased else "",
        )
        if self.can_match:
            context["suggestions"] = suggested_clubs(application)
            context["match_form"] = match_form or MatchForm(application=application)
        return context

    def post(self, request, pk):
        if self.application.is_erased:
            messages.error(request, ERASED_READ_ONLY)
            return redirect(reverse(f"{VIEWSET_NAME}:edit", args=[self.application.pk]))
        if request.POST.get("action") == "match":
            return self.post_match(request)
        form = StatusChangeForm(request.POST, application=self.application)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(status_form=form))
        data = form.cleaned_data
        self.application.change_status(
            data["status"], by=request.user, note=data["note"], public_message=data["public_message"]
        )
        messages.success(
            request,
            f"{self.application}: статус «{self.application.get_status_display()}». "
            "Заявителю отправлено письмо.",
        )
        return redirect(reverse(f"{VIEWSET_NAME}:edit", args=[self.application.pk]))

    def post_match(self, request):
        if not self.can_match:
            raise PermissionDenied
        form = MatchForm(request.POST, application=self.application)
        if form.is_valid():
            club = form.cleaned_data["club"]
            try:
                match = record_match(
                    self.application, club, by=request.user, note=form.cleaned_data["match_note"]
                )
            except ValidationError as error:
                form.add_error("club", error)
            else:
                told = (
                    "Наставнику и координаторам кружка отправлены письма."
                    if match.club_notified
                    else "Наставнику отправлено письмо. У кружка нет координатора, поэтому контакты "
                    "наставника никому в кружке не отправлены: сообщите их руководителю сами."
                )
                messages.success(
                    request, f"{self.application.full_name} закреплён(а) за кружком «{club.title}». {told}"
                )
                return redirect(reverse(f"{VIEWSET_NAME}:edit", args=[self.application.pk]))
        return self.render_to_response(self.get_context_data(match_form=form))


class MentorApplicationViewSet(ModelViewSet):
    model = MentorApplication
    icon = "user"
    menu_label = "Заявки наставников"
    menu_order = 260
    add_to_admin_menu = True
    index_view_class = MentorApplicationIndexView
    filterset_class = MentorApplicationFilterSet
    list_display = [
        "reference_number",
        "full_name",
        "audience",
        Column("region", label="Регион", accessor="region.name"),
        "status",
        "created_at",
        OverdueColumn("overdue", label="Срок ответа"),
    ]
    # Exports are built by home.applications.exports (formula-safe, permission-checked, logged).
    list_export = ["reference_number"]
    search_fields = ["reference_number", "full_name", "profession", "organization", "city"]
    ordering = ["-created_at"]
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = ["status"]

    def get_urlpatterns(self):
        # Applications come only from the public form: no add, copy or delete here. "edit" is processing.
        kept = [
            pattern for pattern in super().get_urlpatterns() if pattern.name in {"index", "index_results"}
        ]
        return [*kept, path("edit/<int:pk>/", ProcessMentorApplicationView.as_view(), name="edit")]

    def get_permissions_to_register(self):
        return Permission.objects.filter(
            content_type__app_label="mentors",
            codename__in=[
                "view_mentorapplication",
                "change_mentorapplication",
                "export_mentorapplication",
                "add_mentormatch",
            ],
        )
