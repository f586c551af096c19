from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import Region
from home.region_chooser import REGIONS_PER_PAGE, RegionChooserViewSet


class RegionViewSet(SnippetViewSet):
    model = Region
    chooser_viewset_class = RegionChooserViewSet
    chooser_per_page = REGIONS_PER_PAGE
    icon = "site"
    menu_label = "Регионы"
    add_to_admin_menu = False
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]
    ordering = ["name"]


register_snippet(RegionViewSet)


# --- Shared application machinery (home/applications): consent texts, export log, audit-log actions ---

from wagtail import hooks  # noqa: E402
from wagtail.admin.admin_url_finder import NullAdminURLFinder  # noqa: E402
from wagtail.admin.views.generic import IndexView  # noqa: E402
from wagtail.admin.viewsets.model import ModelViewSet  # noqa: E402

from home.applications.base import STATUS_CHANGE_ACTION  # noqa: E402
from home.applications.exports import EXPORT_ACTION  # noqa: E402
from home.models import ConsentText, ExportLog  # noqa: E402


class ConsentTextViewSet(SnippetViewSet):
    model = ConsentText
    icon = "doc-full"
    menu_label = "Тексты согласий"
    add_to_admin_menu = False
    list_display = ["__str__", "kind", "version", "created_at"]
    list_filter = ["kind"]
    copy_view_enabled = False


class ReadOnlyIndexView(IndexView):
    def get_add_url(self):
        return None

    def get_edit_url(self, instance):
        return None

    def get_copy_url(self, instance):
        return None

    def get_delete_url(self, instance):
        return None


class ExportLogViewSet(ModelViewSet):
    """Read-only: entries are written by the export views, never typed in."""

    model = ExportLog
    index_view_class = ReadOnlyIndexView
    icon = "download"
    menu_label = "Журнал выгрузок"
    add_to_settings_menu = True
    list_display = ["exported_at", "username", "what_exported", "file_format", "row_count", "filters"]
    list_filter = ["file_format", "model_label"]
    copy_view_enabled = False
    form_fields = []

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns()
        return [pattern for pattern in patterns if pattern.name in {"index", "index_results"}]

    @property
    def url_finder_class(self):
        # No edit view to link to: the site history lists export entries without a link instead of failing
        # to reverse «export_log:edit».
        return NullAdminURLFinder


register_snippet(ConsentTextViewSet)


@hooks.register("register_admin_viewset")
def register_export_log_viewset():
    return ExportLogViewSet("export_log")


@hooks.register("register_log_actions")
def register_application_log_actions(actions):
    actions.register_action(STATUS_CHANGE_ACTION, "Статус заявки", "Статус заявки изменён")
    actions.register_action(EXPORT_ACTION, "Выгрузка", "Выгружены персональные данные")


# --- Volunteer forms (home/models/forms.py): their submissions hold personal data ---

from django.contrib.contenttypes.models import ContentType  # noqa: E402

from home.models import FormPage  # noqa: E402


@hooks.register("filter_form_submissions_for_user")
def volunteer_submissions_only_for_those_allowed(user, editable_forms):
    """Editing a form page is not enough to read what volunteers sent: that needs «Can view анкета волонтёра»
    (chief editors and administrators), so authors see no submissions."""
    if user.has_perm("home.view_volunteerformsubmission"):
        return editable_forms
    return editable_forms.exclude(
        content_type=ContentType.objects.get_for_model(FormPage, for_concrete_model=False)
    )


@hooks.register("register_admin_urls")
def two_factor_urls():
    from home import two_factor

    return two_factor.urlpatterns()


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    from django.urls import reverse

    return {
        "url": reverse("two_factor_setup"),
        "label": "Двухфакторный вход",
        "help_text": "Подключить приложение-аутентификатор: вход будет требовать одноразовый код.",
    }


# --- Personal data (home/privacy): people's requests, audit-log actions ---

from django.urls import path, reverse  # noqa: E402

from wagtail.admin.menu import MenuItem  # noqa: E402

from home.privacy import admin_views as privacy_views  # noqa: E402
from home.privacy import subject_requests  # noqa: E402


@hooks.register("register_admin_urls")
def privacy_urls():
    return [
        path(
            "privacy/requests/",
            privacy_views.SubjectRequestView.as_view(),
            name=privacy_views.URL_NAME,
        )
    ]


class SubjectRequestsMenuItem(MenuItem):
    def is_shown(self, request):
        return privacy_views.may_handle_requests(request.user)


@hooks.register("register_settings_menu_item")
def privacy_menu_item():
    return SubjectRequestsMenuItem(
        "Запросы о персональных данных",
        reverse(privacy_views.URL_NAME),
        icon_name="user",
        order=900,
    )


@hooks.register("register_log_actions")
def register_privacy_log_actions(actions):
    actions.register_action(
        subject_requests.EXPORT_ACTION,
        "Выгрузка по запросу о персональных данных",
        "Выгружены все данные человека по его запросу",
    )
    actions.register_action(
        subject_requests.ERASE_ACTION,
        "Удаление по запросу о персональных данных",
        "Персональные данные удалены по запросу человека",
    )
    actions.register_action(
        subject_requests.CONSENT_WITHDRAWN_ACTION,
        "Отзыв согласия на публикацию",
        "Согласие на публикацию имени отозвано",
    )


# --- Audit of personal data (home/applications/audit.py, home/personal_data_report.py) ---

from wagtail.admin.menu import AdminOnlyMenuItem  # noqa: E402

from home import personal_data_report  # noqa: E402
from home.applications.audit import VIEW_ACTION  # noqa: E402


@hooks.register("register_log_actions")
def register_application_view_action(actions):
    actions.register_action(VIEW_ACTION, "Просмотр заявки", "Открыта заявка с персональными данными")


@hooks.register("register_admin_urls")
def personal_data_report_urls():
    return personal_data_report.urlpatterns()


@hooks.register("register_reports_menu_item")
def personal_data_report_menu_item():
    return AdminOnlyMenuItem(
        personal_data_report.TITLE,
        reverse(personal_data_report.URL_NAME),
        icon_name="view",
        order=900,
    )


# --- The admin in Russian (home/admin_language.py, locale/ru) ---

from home import admin_language  # noqa: E402

hooks.register("construct_main_menu", admin_language.without_the_help_menu)


# --- The admin's own stylesheet (static/css/admin.css) ---


@hooks.register("insert_global_admin_css")
def admin_stylesheet():
    from django.templatetags.static import static
    from django.utils.html import format_html

    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


# --- Admin dashboard (home/dashboard.py) ---

from home.dashboard import MyDraftsPanel, writes_pages  # noqa: E402


@hooks.register("construct_homepage_panels")
def add_my_drafts_panel(request, panels):
    if writes_pages(request.user):
        panels.append(MyDraftsPanel(request.user))


@hooks.register("before_edit_page")
def show_the_request_for_changes(request, page):
    """The chief editor's comment at the top of the editor while the page waits for the author's changes."""
    from django.contrib import messages

    from home.moderation_feedback import changes_requested

    if request.method == "GET" and (feedback := changes_requested(page)):
        messages.warning(request, feedback.as_message())
