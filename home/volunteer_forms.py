"""The public side and the admin listing of volunteer forms (home.models.forms.FormPage).

Kept apart from the models because the form classes build on the shared application machinery
(home/applications), which itself imports home.models.
"""

import datetime
import hashlib
import json
import re
import unicodedata

from django import forms
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property

from wagtail.contrib.forms.forms import BaseForm, FormBuilder
from wagtail.contrib.forms.views import SubmissionsListView
from wagtail.models import Page

from home.applications.consent import ConsentFormMixin
from home.applications.exports import FORMATS, can_export, export_response, stored_filters
from home.applications.exports import Column as ExportColumn
from home.applications.fields import (
    EMAIL_MESSAGE,
    AccessibleErrorsMixin,
    PhoneField,
    full_years,
    guardian_contact_fields,
)
from home.applications.notifications import send_later
from home.applications.ratelimit import APPLICATION_SUBMISSIONS, RATE_LIMITED_MESSAGE
from home.applications.references import next_reference_number
from home.applications.spam import SpamProtectionFormMixin
from home.applications.views import keep_private
from home.models import ConsentText
from home.models.forms import (
    GUARDIAN_FIELD_NAMES,
    SUBMISSION_RECEIVED,
    VolunteerFormSubmission,
)

ADULT_AGE = 18
# Limits of free-text answers: a name or a city fits in a line, a story about oneself in a page.
SINGLE_LINE_MAX_LENGTH = 255
MULTI_LINE_MAX_LENGTH = 2000
# An applicant-age field without bounds set by the editor still refuses impossible ages.
AGE_BOUNDS = (1, 120)
OLDEST_BIRTH_YEAR = 1900
# The same answers sent again within this time are refused as a repeat (a reload, Back and send, a double
# click), instead of being stored and mailed twice.
REPEAT_WINDOW = datetime.timedelta(hours=24)
SENT_SESSION_KEY = "home:form-sent"

TOO_LONG_MESSAGE = "Сократите ответ до %(limit_value)d знаков: сейчас %(show_value)d."
NUMBER_MESSAGES = {
    "invalid": "Введите целое число цифрами, например 17.",
    "min_value": "Число должно быть не меньше %(limit_value)s.",
    "max_value": "Число должно быть не больше %(limit_value)s.",
}
DATE_MESSAGE = "Введите дату в виде ДД.ММ.ГГГГ, например 14.03.2008."
REPEAT_MESSAGE = (
    "Такая анкета уже отправлена {when} — второй раз отправлять её не нужно: координатор свяжется с вами. "
    "Если хотите что-то исправить или добавить, измените ответы и отправьте анкету снова."
)
GUARDIAN_CONSENT_LABEL = (
    "Я — родитель или законный представитель заявителя, которому нет 18 лет, и даю согласие на обработку "
    "его и моих персональных данных"
)

# The form's own fields: the consent checkbox and the spam protection (home/applications/spam.py).
OWN_FIELDS = frozenset({"consent", "guardian_consent", "website", "form_started"})
NAME_LABEL = re.compile(r"фамил|имя|фио|ф\.и\.о", re.IGNORECASE)
UNNAMED = "Имя не указано в форме"


class VolunteerFormBase(AccessibleErrorsMixin, SpamProtectionFormMixin, ConsentFormMixin, BaseForm):
    """Every volunteer form: the editor's fields, a minor's guardian (when the editor marked a field as the
    applicant's age or birth date), then the consent checkbox; honeypot and fill time hidden."""

    consent_kind = ConsentText.Kind.VOLUNTEER
    guardian_names = (*GUARDIAN_FIELD_NAMES, "guardian_consent")
    applicant_age_field = None  # the clean name of the field marked as the applicant's age or birth date
    applicant_age_type = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.guardian_consent_text = None
        self.age = None
        if self.applicant_age_field:
            self.fields.update(guardian_fields())
            self.guardian_consent_text = ConsentText.objects.current(ConsentText.Kind.VOLUNTEER_GUARDIAN)
        self.order_fields([name for name in self.fields if name not in OWN_FIELDS] + ["consent"])

    @property
    def shown_guardian_consent_text(self) -> str:
        return self.consent_wording(self.guardian_consent_text)

    def asked_labels(self) -> list[str]:
        """The labels of everything the form asks a person, in the order shown."""
        return [str(field.label) for name, field in self.fields.items() if name not in OWN_FIELDS]

    def guardian_fields_bound(self):
        return [self[name] for name in self.guardian_names if name in self.fields]

    def applicant_age(self) -> int | None:
        value = self.cleaned_data.get(self.applicant_age_field)
        if value is None or value == "":
            return None
        if self.applicant_age_type == "date":
            return full_years(value, timezone.localdate())
        return int(value)

    def clean(self):
        cleaned_data = super().clean()
        if not self.applicant_age_field:
            return cleaned_data
        self.age = self.applicant_age()
        if self.is_minor:
            if not cleaned_data.get("guardian_name") and "guardian_name" not in self.errors:
                self.add_error(
                    "guardian_name",
                    "Вам нет 18 лет: укажите фамилию, имя и отчество родителя или законного представителя.",
                )
            has_contact = cleaned_data.get("guardian_phone") or cleaned_data.get("guardian_email")
            contact_errors = "guardian_phone" in self.errors or "guardian_email" in self.errors
            if not has_contact and not contact_errors:
                self.add_error("guardian_phone", "Укажите телефон или электронную почту родителя.")
            if not cleaned_data.get("guardian_consent"):
                self.add_error(
                    "guardian_consent",
                    "Вам нет 18 лет: нужно согласие родителя или законного представителя. Попросите его "
                    "отметить галочку.",
                )
        else:
            # An adult's form keeps nothing about a guardian, whatever was typed there.
            for name in (*GUARDIAN_FIELD_NAMES, "guardian_consent"):
                cleaned_data.pop(name, None)
        return cleaned_data

    @property
    def is_minor(self) -> bool:
        return self.age is not None and self.age < ADULT_AGE

    def answers(self, fields) -> dict:
        """What is stored: the editor's fields, and a minor's guardian."""
        data = {field.clean_name: self.cleaned_data[field.clean_name] for field in fields if field.clean_name}
        if self.is_minor:
            data.update({name: self.cleaned_data.get(name, "") for name in GUARDIAN_FIELD_NAMES})
        return data

    def consent_wording(self, text) -> str:
        """Editors choose the fields, so the fixed text is followed by the list of this form's fields: the
        consent names exactly the data asked, and the record keeps these very words."""
        if text is None:
            return ""
        asked = ", ".join(f"«{label.rstrip(' ?:.')}»" for label in self.asked_labels())
        return f"{text.text}\n\nАнкета спрашивает: {asked}."


def guardian_fields() -> dict:
    """The fields a form with an applicant-age field adds: required only when the applicant is under 18."""
    return {
        **dict(zip(GUARDIAN_FIELD_NAMES, guardian_contact_fields(), strict=True)),
        "guardian_consent": forms.BooleanField(label=GUARDIAN_CONSENT_LABEL, required=False),
    }


class VolunteerFormBuilder(FormBuilder):
    """Wagtail's form builder with fields that check what people type, in Russian."""

    def create_singleline_field(self, field, options):
        return forms.CharField(
            max_length=SINGLE_LINE_MAX_LENGTH, error_messages={"max_length": TOO_LONG_MESSAGE}, **options
        )

    def create_multiline_field(self, field, options):
        return forms.CharField(
            max_length=MULTI_LINE_MAX_LENGTH,
            widget=forms.Textarea(attrs={"rows": 4}),
            error_messages={"max_length": TOO_LONG_MESSAGE},
            **options,
        )

    def create_number_field(self, field, options):
        low, high = field.min_value, field.max_value
        if field.is_applicant_age:
            low = AGE_BOUNDS[0] if low is None else low
            high = AGE_BOUNDS[1] if high is None else high
        return forms.IntegerField(
            min_value=low,
            max_value=high,
            widget=forms.NumberInput(attrs={"inputmode": "numeric", "step": "1"}),
            error_messages=NUMBER_MESSAGES,
            **options,
        )

    def create_email_field(self, field, options):
        return forms.EmailField(
            max_length=254,
            widget=forms.EmailInput(attrs={"autocomplete": "email"}),
            error_messages={"invalid": EMAIL_MESSAGE},
            **options,
        )

    def create_phone_field(self, field, options):
        return PhoneField(**options)

    def create_date_field(self, field, options):
        date_field = forms.DateField(
            input_formats=["%Y-%m-%d", "%d.%m.%Y"],
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            error_messages={"invalid": DATE_MESSAGE},
            **options,
        )
        if field.is_applicant_age:
            date_field.validators.append(validate_birth_date)
            date_field.widget.attrs["autocomplete"] = "bday"
        return date_field

    def get_form_class(self):
        age_field = next((field for field in self.fields if field.is_applicant_age), None)
        attributes = dict(self.formfields)
        if age_field is not None:
            attributes.update(
                applicant_age_field=age_field.clean_name, applicant_age_type=age_field.field_type
            )
        return type("VolunteerForm", (VolunteerFormBase,), attributes)


def validate_birth_date(value):
    if value > timezone.localdate():
        raise forms.ValidationError("Дата рождения не может быть в будущем.")
    if value.year < OLDEST_BIRTH_YEAR:
        raise forms.ValidationError("Проверьте год рождения.")


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


def answers_digest(page, data: dict) -> str:
    """The same answers give the same digest whatever their case, spacing or Unicode form."""

    def normal(value):
        if isinstance(value, list):
            return sorted(normal(item) for item in value)
        text = unicodedata.normalize("NFKC", str(value)).casefold().replace("ё", "е")
        return " ".join(text.split())

    canonical = json.dumps({key: normal(value) for key, value in data.items()}, sort_keys=True)
    return hashlib.sha256(f"{page.pk}:{canonical}".encode()).hexdigest()


def submit(page, form, request):
    """Stores the answers with their consent records and a reference number; None for a repeat."""
    fields = list(page.get_form_fields())
    data = form.answers(fields)
    digest = answers_digest(page, data)
    name, email = consent_giver(fields, form.cleaned_data)
    with transaction.atomic():
        # One submission of a form at a time: a double click cannot slip two copies past the check.
        Page.objects.select_for_update().filter(pk=page.pk).first()
        repeat = VolunteerFormSubmission.objects.filter(
            page=page, answers_digest=digest, submit_time__gte=timezone.now() - REPEAT_WINDOW
        ).first()
        if repeat is not None:
            form.repeat_of = repeat
            return None
        reference = next_reference_number()
        covers = f"Анкета № {reference} «{page.title}»"
        guardian_consent = None
        if form.is_minor:
            guardian_consent = form.record_consent(
                request,
                name=form.cleaned_data["guardian_name"],
                email=form.cleaned_data.get("guardian_email", ""),
                covers=f"{covers}, за заявителя младше 18 лет",
                text=form.guardian_consent_text,
            )
        submission = VolunteerFormSubmission.objects.create(
            page=page,
            form_data=data,
            reference_number=reference,
            answers_digest=digest,
            consent=form.record_consent(request, name=name, email=email, covers=covers),
            guardian_consent=guardian_consent,
        )
        if page.to_address:
            send_later(SUBMISSION_RECEIVED, submission)
    return submission


def serve_form_page(page, request):
    """The form; a POST is checked against the shared rate limit and spam rules before anything is stored,
    and a stored one redirects to the thank-you address (a reload there sends nothing again)."""
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
            if submission is None:
                sent_at = timezone.localtime(form.repeat_of.submit_time)
                notice = REPEAT_MESSAGE.format(when=f"{sent_at:%d.%m.%Y в %H:%M}")
                status = 409
            else:
                APPLICATION_SUBMISSIONS.record(request)
                request.session[SENT_SESSION_KEY] = {
                    "page": page.pk,
                    "reference": submission.reference_number,
                }
                return HttpResponseRedirect(page.url + page.reverse_subpage("sent"))
    else:
        form = page.get_form(page=page, user=request.user)
    context = page.get_context(request)
    context.update(form=form, notice=notice)
    return keep_private(TemplateResponse(request, page.get_template(request), context, status=status))


def serve_sent_page(page, request):
    """Thanks with the reference number, once; a reload or a bookmark goes back to the form."""
    sent = request.session.pop(SENT_SESSION_KEY, None)
    if not sent or sent.get("page") != page.pk:
        return HttpResponseRedirect(page.url)
    context = page.get_context(request)
    context.update(reference_number=sent["reference"])
    return keep_private(TemplateResponse(request, page.get_landing_page_template(request), context))


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
