"""E-mails about club applications, built when the background task runs (home/applications/notifications)."""

from django.urls import reverse

from clubs.coordinators import acting_coordinators
from home.applications.notifications import email_builder, render_email, send_later

RECEIVED_APPLICANT = "clubs.received.applicant"
RECEIVED_COORDINATORS = "clubs.received.coordinators"
STATUS_APPLICANT = "clubs.status.applicant"
WITHDRAWN_COORDINATORS = "clubs.withdrawn.coordinators"


def personal_data_emails(club) -> list[str]:
    """Where a letter carrying personal data (a mentor's contacts) may go: the club's coordinators who are in
    their group (clubs/coordinators), never the club's public address, which any editor of the page sets."""
    return [user.email for user in acting_coordinators(club) if user.email]


def coordinator_emails(club) -> list[str]:
    """For notices without personal data (a link to the admin): the club's address when nobody coordinates."""
    return personal_data_emails(club) or [club.email]


def application_received(application, status_url: str):
    send_later(RECEIVED_APPLICANT, application, status_url=status_url)
    send_later(RECEIVED_COORDINATORS, application)


def status_changed(application, change):
    send_later(STATUS_APPLICANT, application, change_id=change.pk)
    if change.changed_by_id is None and change.to_status == application.Status.WITHDRAWN:
        send_later(WITHDRAWN_COORDINATORS, application)


def _admin_url(application):
    from django.conf import settings

    return settings.WAGTAILADMIN_BASE_URL + reverse("club_applications:edit", args=[application.pk])


@email_builder(RECEIVED_APPLICANT)
def build_received_applicant(application, extra):
    club = application.club
    return render_email(
        "clubs/emails/received_applicant",
        {"application": application, "club": club, "status_url": extra["status_url"]},
        to=application.applicant_emails,
        reply_to=[club.email],
    )


@email_builder(RECEIVED_COORDINATORS)
def build_received_coordinators(application, extra):
    club = application.club
    return render_email(
        "clubs/emails/received_coordinators",
        {"application": application, "club": club, "admin_url": _admin_url(application)},
        to=coordinator_emails(club),
    )


@email_builder(STATUS_APPLICANT)
def build_status_applicant(application, extra):
    change = application.status_changes.filter(pk=extra["change_id"]).first()
    if change is None:
        return None
    club = application.club
    return render_email(
        "clubs/emails/status_applicant",
        {"application": application, "club": club, "change": change},
        to=application.applicant_emails,
        reply_to=[club.email],
    )


@email_builder(WITHDRAWN_COORDINATORS)
def build_withdrawn_coordinators(application, extra):
    club = application.club
    return render_email(
        "clubs/emails/withdrawn_coordinators",
        {"application": application, "club": club, "admin_url": _admin_url(application)},
        to=coordinator_emails(club),
    )
