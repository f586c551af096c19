"""Volunteer forms that editors build themselves (Wagtail's form builder).

What the form builder does not do on its own, and this adds:
- a required consent checkbox on every form, not made by editors and impossible to remove; each submission
  points at the ConsentRecord of the version agreed to, with time and address;
- the honeypot, the minimum fill time and the per-address rate limit shared with every application form;
- readable field names: Wagtail turns the label «Ваш возраст» into "u0412u0430u0448_u0432u043e…"; here it is
  transliterated to "vash_vozrast". The name is fixed when the field is first saved (the submissions already
  stored use it as their key), and it is unique within the form;
- e-mail to the form's recipients through the background mail task, retried when the mail server fails;
- exports of the submissions through the shared, permission-checked and logged export
  (home/applications/exports.py), with the Russian labels as column headings.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import WagtailAdminFormPageForm
from wagtail.contrib.forms.models import (
    FORM_FIELD_CHOICES,
    AbstractEmailForm,
    AbstractFormField,
    AbstractFormSubmission,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.coreutils import safe_snake_case, string_to_ascii
from wagtail.fields import RichTextField

from home.applications.fields import GUARDIAN_LABELS
from home.applications.notifications import email_builder, render_email

CLEAN_NAME_MAX_LENGTH = 60
# Names the form itself uses (spam protection, consents, a minor's guardian) or the submissions listing adds.
GUARDIAN_FIELD_NAMES = ("guardian_name", "guardian_phone", "guardian_email")
RESERVED_CLEAN_NAMES = frozenset(
    {
        "consent",
        "guardian_consent",
        "website",
        "form_started",
        "submit_time",
        "consent_record",
        "reference_number",
        *GUARDIAN_FIELD_NAMES,
    }
)
SUBMISSION_RECEIVED = "home.form_submission.recipients"
# Wagtail's types plus a phone number, checked and stored as +7XXXXXXXXXX (home/applications/fields.py).
FIELD_TYPES = (*FORM_FIELD_CHOICES[:3], ("phone", "Телефон"), *FORM_FIELD_CHOICES[3:])
BOUNDED_TYPES = ("number",)
AGE_TYPES = ("number", "date")


def readable_clean_name(label: str, taken=()) -> str:
    """«Ваш возраст» → "vash_vozrast": Latin letters, digits and underscores, unique among `taken`."""
    name = safe_snake_case(string_to_ascii(label))[:CLEAN_NAME_MAX_LENGTH].strip("_") or "pole"
    if name in RESERVED_CLEAN_NAMES or name[0].isdigit():
        name = f"pole_{name}"
    unique, number = name, 2
    while unique in taken:
        unique = f"{name}_{number}"
        number += 1
    return unique


class FormField(AbstractFormField):
    page = ParentalKey("home.FormPage", on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField("Тип поля", max_length=16, choices=FIELD_TYPES)
    field_type.required_on_save = True  # as Wagtail's own field: previews build the form from it
    min_value = models.IntegerField(
        "Наименьшее значение", null=True, blank=True, help_text="Для поля «число»: например, 14 для возраста."
    )
    max_value = models.IntegerField(
        "Наибольшее значение", null=True, blank=True, help_text="Для поля «число»."
    )
    is_applicant_age = models.BooleanField(
        "Возраст или дата рождения заявителя",
        default=False,
        help_text="Для поля «число» (возраст) или «дата» (дата рождения). Если заявителю нет 18 лет, форма "
        "попросит данные и согласие родителя или законного представителя.",
    )

    panels = [
        *AbstractFormField.panels,
        FieldPanel("min_value"),
        FieldPanel("max_value"),
        FieldPanel("is_applicant_age"),
    ]

    class Meta(AbstractFormField.Meta):
        verbose_name = "поле формы"
        verbose_name_plural = "поля формы"

    def clean(self):
        super().clean()
        errors = {}
        bounds_given = self.min_value is not None or self.max_value is not None
        if bounds_given and self.field_type not in BOUNDED_TYPES:
            errors["min_value"] = "Наименьшее и наибольшее значения задаются только у поля «число»."
        elif self.min_value is not None and self.max_value is not None and self.min_value > self.max_value:
            errors["max_value"] = "Наибольшее значение должно быть не меньше наименьшего."
        if self.is_applicant_age and self.field_type not in AGE_TYPES:
            errors["is_applicant_age"] = (
                "Возрастом заявителя может быть только поле «число» (возраст) или «дата» (дата рождения)."
            )
        if errors:
            raise ValidationError(errors)

    def get_field_clean_name(self):
        return readable_clean_name(self.label)

    def save(self, *args, **kwargs):
        if not self.clean_name:
            try:
                siblings = list(self.page.form_fields.all())
            except FormPage.DoesNotExist:
                siblings = []
            taken = {field.clean_name for field in siblings if field is not self and field.clean_name}
            self.clean_name = readable_clean_name(self.label, taken)
        super().save(*args, **kwargs)


class VolunteerFormSubmission(AbstractFormSubmission):
    reference_number = models.CharField("Номер анкеты", max_length=20, blank=True, db_index=True)
    # SHA-256 of the normalised answers (home/volunteer_forms.py): the same answers sent again soon after are
    # refused instead of stored twice.
    answers_digest = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    consent = models.ForeignKey(
        "home.ConsentRecord",
        verbose_name="Согласие на обработку персональных данных",
        on_delete=models.PROTECT,
        related_name="+",
    )
    guardian_consent = models.ForeignKey(
        "home.ConsentRecord",
        verbose_name="Согласие родителя или законного представителя",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = "анкета волонтёра"
        verbose_name_plural = "анкеты волонтёров"
        permissions = [("export_volunteerformsubmission", "Может выгружать анкеты волонтёров")]

    # Personal data (home/privacy/holders.py). A submission has no status and its answers are free-form, so
    # nothing in it can be kept as statistics: when the retention period after it was sent ends, or on the
    # person's request, it is deleted. Its consent record stays, stripped of name, e-mail and address, as
    # evidence of which text version was agreed to and when.
    holds_personal_data = True

    @classmethod
    def retention_expired(cls, cutoff):
        return cls.objects.filter(submit_time__lt=cutoff)

    @classmethod
    def of_person(cls, person):
        # The answers are JSON whose keys editors chose: every answer is compared as an e-mail or a phone.
        matching = [
            pk
            for pk, data in cls.objects.values_list("pk", "form_data")
            if isinstance(data, dict) and any(person.matches_any(value) for value in data.values())
        ]
        return cls.objects.filter(pk__in=matching)

    def linked_consents(self) -> list:
        return [consent for consent in (self.consent, self.guardian_consent) if consent is not None]

    def privacy_summary(self) -> str:
        return f"Анкета «{self.page.title}», отправлена {timezone.localtime(self.submit_time):%d.%m.%Y}"

    def anonymise(self, now, *, on_request=False):
        from home.privacy.holders import strip_consents, withdraw_consents

        consent_ids = [self.consent_id, self.guardian_consent_id]
        if on_request:
            withdraw_consents(consent_ids, now)
        strip_consents(consent_ids)
        self.delete()

    def personal_data_export(self) -> dict:
        from home.privacy.holders import consent_export, plain

        labels = self.page.specific.answer_labels()
        return {
            "Вид записи": str(self._meta.verbose_name),
            "Форма": self.page.title,
            "Номер анкеты": self.reference_number,
            "Отправлена": plain(self.submit_time),
            "Ответы": {labels.get(key, key): value for key, value in self.form_data.items()},
            "Согласия": [consent_export(consent) for consent in self.linked_consents()],
        }

    def get_data(self):
        consent = self.consent
        data = {
            **super().get_data(),
            "reference_number": self.reference_number,
            "consent_record": _consent_cell(consent),
        }
        if self.guardian_consent_id:
            data["guardian_consent_record"] = _consent_cell(self.guardian_consent)
        return data


def _consent_cell(consent) -> str:
    return f"{consent.text}, {timezone.localtime(consent.given_at):%d.%m.%Y %H:%M}" + (
        f", IP {consent.ip_address}" if consent.ip_address else ""
    )


class FormPageAdminForm(WagtailAdminFormPageForm):
    """Wagtail's checks of a form's fields, and at most one field marked as the applicant's age."""

    def clean(self):
        cleaned_data = super().clean()
        marked = [
            form
            for form in self.formsets["form_fields"].forms
            if getattr(form, "cleaned_data", None)
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("is_applicant_age")
        ]
        for form in marked[1:]:
            form.add_error(
                "is_applicant_age",
                "Возрастом или датой рождения заявителя можно отметить только одно поле формы.",
            )
        return cleaned_data


class FormPage(RoutablePageMixin, AbstractEmailForm):
    intro = models.TextField("Вступление", blank=True, max_length=1000)
    thank_you_text = RichTextField(
        "Текст после отправки",
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Что увидит человек, отправивший анкету. Например: «Спасибо! Позвоним в течение недели».",
    )

    content_panels = [
        *AbstractEmailForm.content_panels,
        FieldPanel("intro"),
        InlinePanel("form_fields", label="Поля формы"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [FieldPanel("to_address"), FieldPanel("subject")],
            heading="Письмо о новой анкете",
            help_text="Согласие на обработку персональных данных добавляется к каждой форме автоматически.",
        ),
    ]

    base_form_class = FormPageAdminForm
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = "форма для волонтёров"
        verbose_name_plural = "формы для волонтёров"

    listing_image = None

    @property
    def listing_summary(self):
        return self.intro or self.search_description

    def get_form_class(self):
        from home.volunteer_forms import VolunteerFormBuilder

        return VolunteerFormBuilder(self.get_form_fields()).get_form_class()

    def get_submission_class(self):
        return VolunteerFormSubmission

    def get_submissions_list_view_class(self):
        from home.volunteer_forms import VolunteerSubmissionsListView

        return VolunteerSubmissionsListView

    def has_applicant_age(self) -> bool:
        return any(field.is_applicant_age for field in self.get_form_fields())

    def answer_labels(self) -> dict:
        """Stored answer key → the label people saw, the guardian's fields included."""
        return {**{field.clean_name: field.label for field in self.get_form_fields()}, **GUARDIAN_LABELS}

    def get_data_fields(self):
        submit_time, *answers = super().get_data_fields()
        fields = [submit_time, ("reference_number", "Номер анкеты"), *answers]
        if self.has_applicant_age():
            fields += list(GUARDIAN_LABELS.items())
        fields.append(("consent_record", "Согласие на обработку персональных данных"))
        if self.has_applicant_age():
            fields.append(("guardian_consent_record", "Согласие родителя или законного представителя"))
        return fields

    @path("")
    def form_view(self, request):
        from home.volunteer_forms import serve_form_page

        return serve_form_page(self, request)

    @path("otpravlena/", name="sent")
    def sent_view(self, request):
        from home.volunteer_forms import serve_sent_page

        return serve_sent_page(self, request)

    def serve_preview(self, request, mode_name):
        # Wagtail's form preview modes ("form", "landing"), not RoutablePageMixin's single route.
        return AbstractEmailForm.serve_preview(self, request, mode_name)

    def process_form_submission(self, form, request=None):
        """Stores the submission with its consent records and e-mails the recipients after the commit.

        Returns None when the same answers were sent shortly before (see home/volunteer_forms.py)."""
        from home.volunteer_forms import submit

        return submit(self, form, request)


@email_builder(SUBMISSION_RECEIVED)
def build_submission_email(submission, extra):
    page = submission.page.specific
    data = submission.form_data
    rows = [("Номер анкеты", submission.reference_number)]
    labels = page.answer_labels()
    for key in [field.clean_name for field in page.get_form_fields()] + [
        name for name in GUARDIAN_FIELD_NAMES if name in data
    ]:
        value = data.get(key)
        if isinstance(value, list):
            value = ", ".join(value)
        rows.append((labels[key], "" if value in (None, "") else value))
    reply_to = [data.get(field.clean_name) for field in page.get_form_fields() if field.field_type == "email"]
    return render_email(
        "home/emails/form_submission",
        {
            "page": page,
            "submission": submission,
            "rows": rows,
            "admin_url": settings.WAGTAILADMIN_BASE_URL
            + reverse("wagtailforms:list_submissions", args=[page.pk]),
        },
        to=[address.strip() for address in page.to_address.split(",")],
        reply_to=[address for address in reply_to if address],
    )
