"""The public side and the admin listing of volunteer forms (home.models.forms.FormPage).

Kept apart from the models because the form classes build on the shared application machinery
(home/applications), which itself imports home.models.
"""

import re

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.functional import cached_property

from wagtail.contrib.forms.forms import BaseForm, FormBuilder
from wagtail.contrib.forms.views import SubmissionsListView

from home.applications.consent import ConsentFormMixin
from home.applications.exports import FORMATS, can_export, export_response, stored_filters
from home.applications.exports import Column as ExportColumn
from home.applications.fields import AccessibleErrorsMixin
from home.applications.ratelimit import APPLICATION_SUBMISSIONS, RATE_LIMITED_MESSAGE
from home.applications.spam import SpamProtectionFormMixin
from home.applications.views import keep_private
from home.models.forms import VolunteerFormSubmission

NAME_LABEL = re.compile(r"фамил|имя|фио|ф\.и\.о", re.IGNORECASE)
UNNAMED = "Имя не указано в форме"


class VolunteerFormBase(AccessibleErrorsMixin, SpamProtectionFormMixin, ConsentFormMixin, BaseForm):
    """Every volunteer form: the editor's fields, then the consent checkbox; honeypot and fill time hidden."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        own = {"consent", "website", "form_started"}
        self.order_fields([name for name in self.fields if name not in own] + ["consent"])


class VolunteerFormBuilder(FormBuilder):
    def get_form_class(self):
        return type("VolunteerForm", (VolunteerFormBase,), self.formfields)


def consent_giver(fields, cleaned_data) -> tuple[str, str]:
    """Who agreed: the answer to the field labelled as a name (or else the first one-line answer), and the
    first e-mail answer."""
    one_line = [field for field in fields if field.field_type == "singleline"]
    named = [field for field in one_line if NAME_LABEL.search(field.label)] or one_line
    name = next(
        (str(cleaned_data.get(f.clean_name) or "") for f in named if cleaned_data.get(f.clean_name)), ""
    )
    email = next(
        (
            cleaned_data.get(f.clean_name)
            for f in fields
            if f.field_type == "email" and cleaned_data.get(f.clean_name)
        ),
        "",
    )
    return name or UNNAMED, email


def serve_form_page(page, request, *args, **kwargs):
    """The form; a POST is checked against the shared rate limit and spam rules before anything is stored."""
    notice = None
    status = 200
    if request.method == "POST":
        form = page.get_form(request.POST, request.FILES, page=page, user=request.user)
        if not APPLICATION_SUBMISSIONS.allows(request):
            form.is_valid()  # show what else needs fixing, keep everything typed
            notice = RATE_LIMITED_MESSAGE
            status = 429
        elif form.is_valid():
            submission = page.process_form_submission(form, request)
            APPLICATION_SUBMISSIONS.record(request)
            return keep_private(page.render_landing_page(request, submission, *args, **kwargs))
    else:
        form = page.get_form(page=page, user=request.user)
    context = page.get_context(request)
    context.update(form=form, notice=notice)
    return keep_private(TemplateResponse(request, page.get_template(request), context, status=status))


class VolunteerSubmissionsListView(SubmissionsListView):
    """Wagtail's submissions listing, with exports through the shared permission-checked, logged export."""

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("consent", "consent__text")

    @cached_property
    def show_export_buttons(self):
        return can_export(self.request.user, VolunteerFormSubmission)

    def export_columns(self):
        return [
            ExportColumn(str(label), lambda submission, name=name: _cell(submission.get_data().get(name)))
            for name, label in self.form_page.get_data_fields()
        ]

    def as_spreadsheet(self, queryset, spreadsheet_format):
        if spreadsheet_format not in FORMATS:
            raise Http404
        return export_response(
            self.request,
            queryset,
            self.export_columns(),
            spreadsheet_format,
            filename=f"ankety-{self.form_page.slug}",
            filters=stored_filters(self.request.GET, self.filters, prefix=f"page={self.form_page.pk}"),
        )


def _cell(value):
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return value
