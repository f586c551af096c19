"""Turning a valid mentor application form into an application: duplicates, consents, history, e-mail."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q

from home.applications.names import person_name_key
from mentors import emails
from mentors.choices import Status
from mentors.models import MentorApplication

APPLICATION_FIELDS = [
    "full_name",
    "phone",
    "email",
    "region",
    "city",
    "audience",
    "profession",
    "experience",
    "directions",
    "availability",
    "mentoring_format",
    "organization",
    "employer_offers",
    "employer_offer_details",
    "birth_date",
    "guardian_name",
    "guardian_phone",
    "guardian_email",
]
# Fields a call may not ask (employers' offers, a pupil's birth date and parent) are stored empty.
EMPTY_VALUES = {"employer_offers": [], "birth_date": None}
# A second application of the same person to the same call while the first is alive is a duplicate.
LIVE_STATUSES = (Status.NEW, Status.INTERVIEW, Status.APPROVED, Status.MATCHED)


@dataclass
class Submission:
    application: MentorApplication | None
    status_token: str | None = None
    duplicate: bool = False


def find_duplicate(call, data) -> bool:
    """Same call, same contact and the same name however it was typed (home/applications/names.py). Names are
    compared in Python, among the few applications to this call with this contact."""
    same_contact = Q()
    if data.get("email"):
        same_contact |= Q(email__iexact=data["email"])
    if data.get("phone"):
        same_contact |= Q(phone=data["phone"])
    names = MentorApplication.objects.filter(call=call, status__in=LIVE_STATUSES).filter(same_contact)
    key = person_name_key(data["full_name"])
    return any(person_name_key(name) == key for name in names.values_list("full_name", flat=True))


def submit_application(call, form, request, status_url_for) -> Submission:
    """`status_url_for(token)` builds the absolute status link sent by e-mail."""
    data = form.cleaned_data
    with transaction.atomic():
        if find_duplicate(call, data):
            return Submission(application=None, duplicate=True)
        application = MentorApplication(
            call=call,
            status=Status.NEW,
            **{name: data.get(name, EMPTY_VALUES.get(name, "")) for name in APPLICATION_FIELDS},
        )
        token = application.issue_reference_and_token()
        covers = f"Заявка наставника № {application.reference_number} на призыв «{call.title}»"
        application.consent = form.record_consent(
            request, name=data["full_name"], email=data["email"], covers=covers
        )
        if data.get("publication") and form.publication_consent_text is not None:
            application.publication_consent = form.record_consent(
                request,
                name=data["full_name"],
                email=data["email"],
                covers=f"Имя и профессия на страницах кружков; заявка № {application.reference_number}",
                text=form.publication_consent_text,
            )
        if form.is_minor_pupil:
            # The parent agrees for the pupil: a consent record of its own, with the guardian text.
            application.guardian_consent = form.record_consent(
                request,
                name=data["guardian_name"],
                email=data.get("guardian_email", ""),
                covers=f"За несовершеннолетнего наставника: {data['full_name']}; {covers}",
                text=form.guardian_consent_text,
            )
        application.save()
        application.status_changes.create(
            from_status="", to_status=Status.NEW, note="Заявка подана на сайте."
        )
        emails.application_received(application, status_url_for(token))
    return Submission(application=application, status_token=token)
