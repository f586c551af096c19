"""The retention purge (manage.py purge_personal_data) with a frozen clock."""

import datetime
import io
import logging

from django.core.management import call_command
from django.utils import timezone

import pytest
import time_machine

from clubs.factories import ClubIndexPageFactory, ClubPageFactory
from clubs.models import ClubApplication
from clubs.models import Status as ClubStatus
from home.models import ConsentRecord, VolunteerFormSubmission
from home.privacy.holders import ERASED
from mentors.choices import Status as MentorStatus
from mentors.factories import MentorCallIndexPageFactory, MentorCallPageFactory
from mentors.models import MentorApplication

from .privacy_support import club_application, mentor_application, volunteer_form, volunteer_submission

pytestmark = pytest.mark.django_db

DECIDED = datetime.datetime(2025, 3, 10, 12, 0, tzinfo=datetime.UTC)
PERSONAL_VALUES = ["Соколова Мария", "sokolova@example.org", "+79161112233", "Кузнецов Виктор", "Школа № 57"]


@pytest.fixture
def records(home_page):
    """Applications decided on DECIDED, one still enrolled, and a volunteer form sent that day."""
    with time_machine.travel(DECIDED - datetime.timedelta(days=30), tick=False):
        club = ClubPageFactory(
            parent=ClubIndexPageFactory(parent=home_page, slug="kruzhki"), title="Юный техник", slug="tehnik"
        )
        call = MentorCallPageFactory(
            parent=MentorCallIndexPageFactory(parent=home_page, slug="nastavnikam"), slug="prizyv"
        )
        form_page = volunteer_form(home_page)
        declined, declined_token = club_application(
            club,
            child_name="Соколова Мария",
            email="sokolova@example.org",
            guardian_phone="+79161112233",
            birth_date=datetime.date(2013, 7, 14),
        )
        enrolled, _ = club_application(club, child_name="Орлов Пётр", email="orlov@example.org")
        mentor, mentor_token = mentor_application(
            call, full_name="Кузнецов Виктор", email="kuznetsov@example.org", publication=True
        )
    with time_machine.travel(DECIDED, tick=False):
        declined.change_status(
            ClubStatus.DECLINED, note="Мама Марии просила перезвонить", public_message="Мест нет"
        )
        enrolled.change_status(ClubStatus.ENROLLED)
        mentor.change_status(MentorStatus.WITHDRAWN)
        submission = volunteer_submission(form_page, name="Волков Илья", email="volkov@example.org")
    return {
        "declined": declined,
        "declined_token": declined_token,
        "enrolled": enrolled,
        "mentor": mentor,
        "mentor_token": mentor_token,
        "submission": submission,
    }


def purge(dry_run=False):
    out = io.StringIO()
    call_command("purge_personal_data", dry_run=dry_run, stdout=out)
    return out.getvalue()


def test_nothing_changes_before_the_period_ends(records, client, settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = 365
    with time_machine.travel(DECIDED + datetime.timedelta(days=364), tick=False):
        output = purge()
        assert client.get(f"/zayavka/kruzhok/{records['declined_token']}/").status_code == 200
    assert "clubs.ClubApplication: обезличено 0" in output
    declined = ClubApplication.objects.get(pk=records["declined"].pk)
    assert declined.child_name == "Соколова Мария" and declined.anonymised_at is None
    assert VolunteerFormSubmission.objects.filter(pk=records["submission"].pk).exists()
    assert declined.consent.ip_address == "203.0.113.7"


def test_after_the_period_personal_fields_are_erased_and_statistics_stay(records, client, settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = 365
    after = DECIDED + datetime.timedelta(days=366)
    with time_machine.travel(after, tick=False):
        output = purge()
    assert "clubs.ClubApplication: обезличено 1" in output
    assert "mentors.MentorApplication: обезличено 1" in output
    assert "home.VolunteerFormSubmission: обезличено 1" in output

    declined = ClubApplication.objects.get(pk=records["declined"].pk)
    assert declined.child_name == ERASED and declined.guardian_name == ERASED
    assert declined.email == declined.phone == declined.guardian_phone == declined.guardian_email == ""
    assert declined.school == ERASED and declined.motivation == ERASED
    assert declined.birth_date == datetime.date(2013, 1, 1)
    assert declined.anonymised_at == after
    # Statistics: club, dates, status, reference number.
    assert declined.club_id == records["declined"].club_id
    assert declined.status == ClubStatus.DECLINED
    assert declined.created_at == records["declined"].created_at
    assert declined.status_changed_at == DECIDED
    assert declined.reference_number == records["declined"].reference_number
    assert declined.status_token_digest != records["declined"].status_token_digest
    assert all(not change.note and not change.public_message for change in declined.status_changes.all())

    consent = ConsentRecord.objects.get(pk=declined.consent_id)
    assert (consent.ip_address, consent.given_by_name, consent.given_by_email) == (None, ERASED, "")
    assert consent.text.version >= 1 and consent.given_at < DECIDED

    mentor = MentorApplication.objects.get(pk=records["mentor"].pk)
    assert (mentor.full_name, mentor.email, mentor.profession) == (ERASED, "", ERASED)
    assert mentor.experience == ERASED
    assert mentor.region.slug == "moskva" and mentor.status == MentorStatus.WITHDRAWN
    publication = ConsentRecord.objects.get(pk=mentor.publication_consent_id)
    assert (publication.ip_address, publication.given_by_name) == (None, ERASED)

    assert not VolunteerFormSubmission.objects.filter(pk=records["submission"].pk).exists()
    submission_consent = ConsentRecord.objects.get(pk=records["submission"].consent_id)
    assert (submission_consent.given_by_name, submission_consent.given_by_email) == (ERASED, "")

    assert client.get(f"/zayavka/kruzhok/{records['declined_token']}/").status_code == 404
    assert client.get(f"/zayavka/nastavnik/{records['mentor_token']}/").status_code == 404


def test_non_final_applications_stay_however_old(records, settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = 365
    with time_machine.travel(DECIDED + datetime.timedelta(days=3650), tick=False):
        purge()
    enrolled = ClubApplication.objects.get(pk=records["enrolled"].pk)
    assert enrolled.child_name == "Орлов Пётр" and enrolled.email == "orlov@example.org"
    assert enrolled.anonymised_at is None
    assert ConsentRecord.objects.get(pk=enrolled.consent_id).ip_address == "203.0.113.7"


def test_a_second_run_changes_nothing(records, settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = 365
    with time_machine.travel(DECIDED + datetime.timedelta(days=400), tick=False):
        purge()
    first = ClubApplication.objects.get(pk=records["declined"].pk)
    with time_machine.travel(DECIDED + datetime.timedelta(days=401), tick=False):
        output = purge()
    for label in ("clubs.ClubApplication", "mentors.MentorApplication", "home.VolunteerFormSubmission"):
        assert f"{label}: обезличено 0" in output
    again = ClubApplication.objects.get(pk=records["declined"].pk)
    assert again.anonymised_at == first.anonymised_at
    assert again.status_token_digest == first.status_token_digest


def test_dry_run_counts_and_changes_nothing(records, settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = 365
    with time_machine.travel(DECIDED + datetime.timedelta(days=366), tick=False):
        output = purge(dry_run=True)
    assert "clubs.ClubApplication: будет обезличено 1" in output
    assert ClubApplication.objects.get(pk=records["declined"].pk).child_name == "Соколова Мария"
    assert VolunteerFormSubmission.objects.filter(pk=records["submission"].pk).exists()


def test_the_period_comes_from_the_setting(records, settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = 30
    with time_machine.travel(DECIDED + datetime.timedelta(days=31), tick=False):
        purge()
    assert ClubApplication.objects.get(pk=records["declined"].pk).anonymised_at is not None


def test_the_log_and_the_output_hold_counts_only(records, settings, caplog):
    settings.PERSONAL_DATA_RETENTION_DAYS = 365
    with caplog.at_level(logging.DEBUG), time_machine.travel(DECIDED + datetime.timedelta(days=366)):
        output = purge()
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "Retention purge: clubs.ClubApplication: 1" in logged
    for value in [*PERSONAL_VALUES, records["declined"].reference_number, "203.0.113.7"]:
        assert value not in logged and value not in output


def test_the_default_period_is_a_year():
    from django.conf import settings

    assert settings.PERSONAL_DATA_RETENTION_DAYS == 365
    assert timezone.now()  # settings load without the variable set
