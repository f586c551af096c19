"""Turning a valid application form into an application: capacity, waiting list, duplicates, consent, e-mail.

Capacity rule: applications in PLACE_TAKING_STATUSES (new, contacted, enrolled) take a place. When they fill
the club, a new application goes to the waiting list. The club's row is locked (SELECT ... FOR UPDATE) for the
whole check-and-insert, so two simultaneous applications for the last place are decided one after the other:
one gets the place, the other the waiting list. (SQLite has no row locks, but it serialises writing
transactions; the settings open them with BEGIN IMMEDIATE.)
"""

from dataclasses import dataclass

from django.db import transaction

from clubs import emails
from clubs.models import ACTIVE_STATUSES, ClubApplication, ClubPage, Status
from home.applications.names import person_name_key


class ClubClosed(Exception):
    pass


@dataclass
class Submission:
    application: ClubApplication | None
    status_token: str | None = None
    duplicate: bool = False

    @property
    def waiting_list(self) -> bool:
        return self.application is not None and self.application.status == Status.WAITING


def count_taken_places(club: ClubPage) -> int:
    return club.count_taken_places()


def submit_application(club: ClubPage, form, request, status_url_for) -> Submission:
    """`status_url_for(token)` builds the absolute status link sent by e-mail."""
    data = form.cleaned_data
    with transaction.atomic():
        locked_club = ClubPage.objects.select_for_update(of=("self",)).get(pk=club.pk)
        if not locked_club.accepting_applications:
            raise ClubClosed
        duplicate = ClubApplication.objects.filter(
            club=locked_club,
            child_key=person_name_key(data["child_name"]),
            birth_date=data["birth_date"],
            status__in=ACTIVE_STATUSES,
        ).exists()
        if duplicate:
            return Submission(application=None, duplicate=True)

        has_place = count_taken_places(locked_club) < locked_club.capacity
        application = ClubApplication(
            club=locked_club,
            status=Status.NEW if has_place else Status.WAITING,
            **{field: data.get(field, "") for field in APPLICATION_FIELDS},
        )
        token = application.issue_reference_and_token()
        name, email = form.consent_giver()
        application.consent = form.record_consent(
            request,
            name=name,
            email=email,
            covers=f"Заявка № {application.reference_number} в кружок «{locked_club.title}»",
            text=form.guardian_consent_text if form.is_minor else None,
        )
        application.save()
        application.status_changes.create(
            from_status="",
            to_status=application.status,
            note="Заявка подана на сайте." if has_place else "Мест нет: заявка поставлена в лист ожидания.",
        )
        emails.application_received(application, status_url_for(token))
    return Submission(application=application, status_token=token)


APPLICATION_FIELDS = [
    "child_name",
    "birth_date",
    "phone",
    "email",
    "school",
    "grade",
    "motivation",
    "guardian_name",
    "guardian_phone",
    "guardian_email",
]
