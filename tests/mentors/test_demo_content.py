"""The demo content of calls for mentors and volunteer forms, as `make run` builds it."""

import io

from django.core.management import call_command

import pytest

from home.models import FormPage, VolunteerFormSubmission
from mentors.choices import Audience, Status
from mentors.models import MentorApplication, MentorCallIndexPage, MentorCallPage, MentorMatch

pytestmark = pytest.mark.django_db


def test_there_is_a_call_for_every_audience_and_one_in_the_archive(shared_demo_site):
    index = MentorCallIndexPage.objects.get()
    assert index.show_in_menus
    calls = MentorCallPage.objects.live().child_of(index)
    assert set(calls.values_list("audiences__code", flat=True)) == set(Audience.values)
    assert calls.archived().count() == 1


def test_applications_in_every_status_and_one_match_shown_on_its_club(shared_demo_site, client):
    assert set(MentorApplication.objects.values_list("status", flat=True)) == set(Status.values)
    match = MentorMatch.objects.select_related("mentor", "club").get()
    assert match.mentor.status == Status.MATCHED and match.mentor.agreed_to_be_shown
    assert match.club.region_id == match.mentor.region_id
    assert match.club.direction in match.mentor.directions
    assert match.mentor.full_name in client.get(match.club.url).text


def test_the_volunteer_form_is_in_the_menu_with_submissions(shared_demo_site, client):
    page = FormPage.objects.get(slug="stat-volonterom")
    assert page.title == "Стать волонтёром" and page.show_in_menus
    assert VolunteerFormSubmission.objects.filter(page=page).count() >= 3
    assert page.url in client.get("/").text  # the header navigation


def test_the_demo_mentor_coordinator_can_work(shared_demo_site, client):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username="mentors")
    assert list(user.groups.values_list("name", flat=True)) == ["Координаторы наставников"]
    client.force_login(user)
    assert client.get("/admin/mentor_applications/").status_code == 200


def test_a_rerun_adds_nothing(shared_demo_site):
    counts = (
        MentorCallPage.objects.count(),
        MentorApplication.objects.count(),
        VolunteerFormSubmission.objects.count(),
    )
    call_command("load_demo_content", accounts=True, stdout=io.StringIO())
    assert (
        MentorCallPage.objects.count(),
        MentorApplication.objects.count(),
        VolunteerFormSubmission.objects.count(),
    ) == counts
