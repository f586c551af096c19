"""«Мои заявки»: a person who lost a status link gets fresh links to every live application by e-mail.

The page asks for the e-mail or the phone given in the application. Whatever is typed, the page answers the
same neutral message, so it never tells a stranger whether someone applied. Links go only to e-mail addresses
stored in the applications themselves: for an e-mail, to that address (one letter listing every application
given with it); for a phone, to the e-mails of the applications given with that phone, if any (a phone alone
cannot be written to, so the message tells those people to call the club).

Status tokens are stored as digests, so an old link cannot be sent again: each listed application gets a new
token and its old link stops working (the letter says so). Requests are limited per address and per e-mail or
phone, and logged with counts only.
"""

import hashlib
import logging

from django import forms
from django.apps import apps
from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

from home.applications.base import AbstractApplication
from home.applications.fields import AccessibleErrorsMixin
from home.applications.notifications import email_builder, render_email, send_later
from home.applications.ratelimit import RateLimit
from home.applications.spam import SpamProtectionFormMixin
from home.applications.views import keep_private
from home.privacy.identifiers import normalise_email, normalise_phone

logger = logging.getLogger(__name__)

LETTER = "applications.my_applications"
SENT_PARAMETER = "otpravleno"

# Each request may send letters and invalidate old links: every request is counted, not only accepted ones.
BY_ADDRESS = RateLimit(scope="my-applications", limit=10, window_seconds=3600)
BY_CONTACT = RateLimit(scope="my-applications-contact", limit=3, window_seconds=3600)
RATE_LIMITED_MESSAGE = (
    "Ссылки по этим данным уже запрашивали несколько раз за последний час. Проверьте почту (и папку «Спам»): "
    "письмо, скорее всего, уже пришло. Если нет — попробуйте через час или позвоните в кружок."
)
CONTACT_MESSAGE = (
    "Введите адрес электронной почты (например, ivanova@mail.ru) или телефон (например, +7 912 345-67-89)."
)


class MyApplicationsForm(AccessibleErrorsMixin, SpamProtectionFormMixin, forms.Form):
    contact = forms.CharField(
        label="Электронная почта или телефон из заявки",
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "email"}),
        help_text="То, что вы указали в заявке: свою почту или телефон, или почту и телефон родителя.",
        error_messages={"required": CONTACT_MESSAGE},
    )

    def clean_contact(self):
        value = self.cleaned_data["contact"].strip()
        if "@" in value:
            email = normalise_email(value)
            if email is None:
                raise forms.ValidationError("Проверьте адрес почты: например, ivanova@mail.ru.")
            self.email, self.phone = email, None
            return email
        phone = normalise_phone(value)
        if phone is None:
            raise forms.ValidationError(CONTACT_MESSAGE)
        self.email, self.phone = None, phone
        return phone


def application_models() -> list[type[AbstractApplication]]:
    return [
        model
        for model in apps.get_models()
        if issubclass(model, AbstractApplication) and getattr(model, "STATUS_URL_NAME", None)
    ]


def find_live_applications(*, email=None, phone=None) -> list:
    found = []
    for model in application_models():
        rows = model.live_of_email(email) if email else model.live_of_phone(phone)
        found.extend(rows.order_by("created_at"))
    return found


def send_fresh_links(request, *, email=None, phone=None) -> tuple[int, int]:
    """Rotates the tokens of the person's live applications and queues the letters; (found, letters)."""
    with transaction.atomic():
        applications = find_live_applications(email=email, phone=phone)
        links = {}
        letters: dict[str, list] = {}
        for application in applications:
            recipients = [email] if email else application.applicant_emails
            if not recipients:
                continue  # a phone only: nobody to write to, and the old link keeps working
            token = application.rotate_status_token()
            links[application] = request.build_absolute_uri(
                reverse(application.STATUS_URL_NAME, args=[token])
            )
            for address in recipients:
                letters.setdefault(address.lower(), []).append(application)
        for address, listed in letters.items():
            items = [{"model": a._meta.label, "pk": a.pk, "url": links[a]} for a in listed]
            send_later(LETTER, listed[0], to=address, items=items)
    return len(applications), len(letters)


def _contact_identity(value: str) -> str:
    return "contact:" + hashlib.sha256(value.encode()).hexdigest()


def my_applications(request):
    notice = None
    status = 200
    if request.method == "POST":
        form = MyApplicationsForm(request.POST)
        if form.is_valid():
            contact = form.cleaned_data["contact"]
            over_limit = not BY_ADDRESS.hit(request)
            over_limit = not BY_CONTACT.hit(request, identity=_contact_identity(contact)) or over_limit
            if over_limit:
                notice = RATE_LIMITED_MESSAGE
                status = 429
            else:
                found, sent = send_fresh_links(request, email=form.email, phone=form.phone)
                # Counts only: neither the address nor the contact asked about.
                logger.info("My applications: %s live applications found, %s letters queued", found, sent)
                return HttpResponseRedirect(f"{reverse('my_applications')}?{SENT_PARAMETER}=1")
    else:
        form = MyApplicationsForm()
    context = {"form": form, "notice": notice, "sent": request.GET.get(SENT_PARAMETER) == "1"}
    response = TemplateResponse(request, "home/my_applications.html", context, status=status)
    response["X-Robots-Tag"] = "noindex"
    return keep_private(response)


@email_builder(LETTER)
def build_letter(first_application, extra):
    listed = []
    for item in extra["items"]:
        application = apps.get_model(item["model"])._default_manager.filter(pk=item["pk"]).first()
        if application is not None and application.anonymised_at is None:
            listed.append({"application": application, "url": item["url"]})
    if not listed:
        return None
    return render_email(
        "home/emails/my_applications",
        {"listed": listed},
        to=[extra["to"]],
    )
