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
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField, AbstractFormSubmission
from wagtail.coreutils import safe_snake_case, string_to_ascii
from wagtail.fields import RichTextField

from home.applications.notifications import email_builder, render_email, send_later

CLEAN_NAME_MAX_LENGTH = 60
# Names the form itself uses (spam protection, consent) or the submissions listing adds.
RESERVED_CLEAN_NAMES = frozenset({"consent", "website", "form_started", "submit_time", "consent_record"})
SUBMISSION_RECEIVED = "home.form_submission.recipients"


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

    class Meta(AbstractFormField.Meta):
        verbose_name = "поле формы"
        verbose_name_plural = "поля формы"

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
    consent = models.ForeignKey(
        "home.ConsentRecord",
        verbose_name="Согласие на обработку персональных данных",
        on_delete=models.PROTECT,
        related_name="+",
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
        return [self.consent]

    def privacy_summary(self) -> str:
        return f"Анкета «{self.page.title}», отправлена {timezone.localtime(self.submit_time):%d.%m.%Y}"

    def anonymise(self, now, *, on_request=False):
        from home.privacy.holders import strip_consents, withdraw_consents

        if on_request:
            withdraw_consents([self.consent_id], now)
        strip_consents([self.consent_id])
        self.delete()

    def personal_data_export(self) -> dict:
        from home.privacy.holders import consent_export, plain

        labels = {field.clean_name: field.label for field in self.page.specific.get_form_fields()}
        return {
            "Вид записи": str(self._meta.verbose_name),
            "Форма": self.page.title,
            "Отправлена": plain(self.submit_time),
            "Ответы": {labels.get(key, key): value for key, value in self.form_data.items()},
            "Согласия": [consent_export(self.consent)],
        }

    def get_data(self):
        consent = self.consent
        return {
            **super().get_data(),
            "consent_record": f"{consent.text}, {timezone.localtime(consent.given_at):%d.%m.%Y %H:%M}"
            + (f", IP {consent.ip_address}" if consent.ip_address else ""),
        }


class FormPage(AbstractEmailForm):
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

    def get_data_fields(self):
        return [*super().get_data_fields(), ("consent_record", "Согласие на обработку персональных данных")]

    def serve(self, request, *args, **kwargs):
        from home.volunteer_forms import serve_form_page

        return serve_form_page(self, request, *args, **kwargs)

    def process_form_submission(self, form, request=None):
        """Stores the submission with its consent record and e-mails the recipients after the commit."""
        from home.volunteer_forms import consent_giver

        fields = list(self.get_form_fields())
        name, email = consent_giver(fields, form.cleaned_data)
        with transaction.atomic():
            consent = form.record_consent(request, name=name, email=email, covers=f"Анкета «{self.title}»")
            submission = VolunteerFormSubmission.objects.create(
                form_data={
                    key: form.cleaned_data[field.clean_name] for field in fields if (key := field.clean_name)
                },
                page=self,
                consent=consent,
            )
            if self.to_address:
                send_later(SUBMISSION_RECEIVED, submission)
        return submission


@email_builder(SUBMISSION_RECEIVED)
def build_submission_email(submission, extra):
    page = submission.page.specific
    data = submission.form_data
    rows = []
    for field in page.get_form_fields():
        value = data.get(field.clean_name)
        if isinstance(value, list):
            value = ", ".join(value)
        rows.append((field.label, "" if value in (None, "") else value))
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
