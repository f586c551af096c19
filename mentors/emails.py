"""E-mails about mentor applications and matches, built when the background task runs
(home/applications/notifications)."""

from django.conf import settings
from django.urls import reverse

from clubs.emails import personal_data_emails as club_personal_data_emails
from home.applications.notifications import email_builder, render_email, send_later
from mentors.choices import Status

RECEIVED_APPLICANT = "mentors.received.applicant"
RECEIVED_COORDINATORS = "mentors.received.coordinators"
STATUS_APPLICANT = "mentors.status.applicant"
WITHDRAWN_COORDINATORS = "mentors.withdrawn.coordinators"
MATCH_MENTOR = "mentors.match.mentor"
MATCH_CLUB = "mentors.match.club"


def application_received(application, status_url: str):
    send_later(RECEIVED_APPLICANT, application, status_url=status_url)
    send_later(RECEIVED_COORDINATORS, application)


def status_changed(application, change):
    # A match has its own letter naming the club (match_recorded), so the status letter would repeat it.
    if change.to_status != Status.MATCHED:
        send_later(STATUS_APPLICANT, application, change_id=change.pk)
    if change.changed_by_id is None and change.to_status == Status.WITHDRAWN:
        send_later(WITHDRAWN_COORDINATORS, application)


def match_recorded(match) -> bool:
    """Returns whether the club's coordinators are written to (the club may have none yet)."""
    send_later(MATCH_MENTOR, match)
    if not club_personal_data_emails(match.club):
        return False
    send_later(MATCH_CLUB, match)
    return True


def _admin_url(application):
    from mentors.admin_views import VIEWSET_NAME

    return settings.WAGTAILADMIN_BASE_URL + reverse(f"{VIEWSET_NAME}:edit", args=[application.pk])


def _call_contacts(call):
    return [call.contact_email]


@email_builder(RECEIVED_APPLICANT)
def build_received_applicant(application, extra):
    call = application.call
    return render_email(
        "mentors/emails/received_applicant",
        {"application": application, "call": call, "status_url": extra["status_url"]},
        to=application.applicant_emails,
        reply_to=[call.contact_email],
    )


@email_builder(RECEIVED_COORDINATORS)
def build_received_coordinators(application, extra):
    return render_email(
        "mentors/emails/received_coordinators",
        {"application": application, "call": application.call, "admin_url": _admin_url(application)},
        to=_call_contacts(application.call),
    )


@email_builder(STATUS_APPLICANT)
def build_status_applicant(application, extra):
    change = application.status_changes.filter(pk=extra["change_id"]).first()
    if change is None:
        return None
    call = application.call
    return render_email(
        "mentors/emails/status_applicant",
        {"application": application, "call": call, "change": change},
        to=application.applicant_emails,
        reply_to=[call.contact_email],
    )


@email_builder(WITHDRAWN_COORDINATORS)
def build_withdrawn_coordinators(application, extra):
    return render_email(
        "mentors/emails/withdrawn_coordinators",
        {"application": application, "call": application.call, "admin_url": _admin_url(application)},
        to=_call_contacts(application.call),
    )


@email_builder(MATCH_MENTOR)
def build_match_mentor(match, extra):
    mentor = match.mentor
    return render_email(
        "mentors/emails/match_mentor",
        {"application": mentor, "club": match.club, "match": match},
        to=[mentor.email],
        reply_to=[mentor.call.contact_email],
    )


@email_builder(MATCH_CLUB)
def build_match_club(match, extra):
    club = match.club
    return render_email(
        "mentors/emails/match_club",
        {"application": match.mentor, "club": club, "match": match},
        to=club_personal_data_emails(club),
        reply_to=[match.mentor.call.contact_email],
    )
