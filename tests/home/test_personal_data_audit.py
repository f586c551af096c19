"""Every opening and export of an application is in Wagtail's audit log, and only administrators read the
report «Журнал доступа к персональным данным»."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from clubs.factories import ClubApplicationFactory, ClubIndexPageFactory, ClubPageFactory
from home.applications.audit import VIEW_ACTION
from home.applications.exports import EXPORT_ACTION
from mentors.factories import MentorApplicationFactory, MentorCallIndexPageFactory, MentorCallPageFactory

REPORT_URL = "/admin/reports/personal-data-access/"


def make_user(username, group_name=None, **fields):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="x", first_name=username, **fields
    )
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def club(home_page):
    index = ClubIndexPageFactory(parent=home_page, slug="kruzhki")
    return ClubPageFactory(parent=index, title="Юный техник", slug="yunyy-tehnik")


@pytest.fixture
def other_club(club):
    return ClubPageFactory(parent=club.get_parent(), title="Юный химик", slug="yunyy-himik")


@pytest.fixture
def coordinator(club):
    user = make_user("koordinator", "Координаторы кружков", last_name="Петрова")
    club.coordinators.add(user)
    club.save()
    return user


@pytest.fixture
def club_application(club):
    return ClubApplicationFactory(club=club, child_name="Соколов Миша")


@pytest.fixture
def mentor_application(home_page):
    index = MentorCallIndexPageFactory(parent=home_page, slug="nastavnikam")
    call = MentorCallPageFactory(parent=index, slug="prizyv")
    return MentorApplicationFactory(call=call, full_name="Кузнецов Виктор Павлович")


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser("admin", "admin@example.org", "x")


def view_entries():
    return ModelLogEntry.objects.filter(action=VIEW_ACTION)


def test_opening_a_club_application_is_logged_with_who_and_when(client, coordinator, club_application):
    client.force_login(coordinator)
    before = timezone.now()
    response = client.get(reverse("club_applications:edit", args=[club_application.pk]))
    assert response.status_code == 200
    entry = view_entries().get()
    assert entry.user == coordinator
    assert entry.object_id == str(club_application.pk)
    assert entry.label == f"Заявка № {club_application.reference_number}"
    assert entry.timestamp >= before
    assert entry.message == "Открыта заявка с персональными данными"


def test_opening_a_mentor_application_is_logged(client, mentor_application):
    user = make_user("nastavniki", "Координаторы наставников")
    client.force_login(user)
    response = client.get(reverse("mentor_applications:edit", args=[mentor_application.pk]))
    assert response.status_code == 200
    entry = view_entries().get()
    assert entry.user == user
    assert entry.content_type.model == "mentorapplication"


def test_an_application_one_may_not_see_is_not_shown_and_not_logged(client, other_club):
    outsider = make_user("chuzhoy", "Координаторы кружков")
    application = ClubApplicationFactory(club=other_club)
    client.force_login(outsider)
    assert client.get(reverse("club_applications:edit", args=[application.pk])).status_code == 404
    assert not view_entries().exists()


def test_the_report_lists_views_and_exports_for_the_administrator(
    client, admin_user, coordinator, club_application
):
    client.force_login(coordinator)
    client.get(reverse("club_applications:edit", args=[club_application.pk]))
    assert client.get("/admin/club_applications/?export=csv").status_code == 200
    assert ModelLogEntry.objects.filter(action=EXPORT_ACTION, user=coordinator).exists()

    client.force_login(admin_user)
    client.get("/admin/")  # the administrator's own visits to the dashboard are not personal data
    response = client.get(REPORT_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Журнал доступа к персональным данным" in html
    assert "Просмотр заявки" in html
    assert "Выгрузка" in html
    assert f"Заявка № {club_application.reference_number}" in html
    assert "koordinator Петрова" in html

    menu = client.get("/admin/").content.decode()
    assert REPORT_URL in menu


def test_the_report_filters_by_user_action_and_date(client, admin_user, coordinator, club_application):
    client.force_login(coordinator)
    client.get(reverse("club_applications:edit", args=[club_application.pk]))
    client.get("/admin/club_applications/?export=csv")
    ModelLogEntry.objects.filter(action=VIEW_ACTION).update(
        timestamp=timezone.now() - datetime.timedelta(days=10)
    )
    client.force_login(admin_user)
    client.get(reverse("club_applications:edit", args=[club_application.pk]))

    def listed(query):
        html = client.get(REPORT_URL + "results/?" + query).content.decode()
        return html.count("<tr>") - 1  # minus the heading row

    assert listed("") == 3
    assert listed(f"user={coordinator.pk}") == 2
    assert listed(f"user={admin_user.pk}") == 1
    assert listed(f"action={VIEW_ACTION}") == 2
    assert listed(f"action={EXPORT_ACTION}") == 1
    today = timezone.localdate()
    assert listed(f"timestamp_from={today:%Y-%m-%d}") == 2
    ten_days_ago = today - datetime.timedelta(days=10)
    assert listed(f"timestamp_from={ten_days_ago:%Y-%m-%d}&timestamp_to={ten_days_ago:%Y-%m-%d}") == 1


def test_coordinators_and_chief_editors_cannot_open_the_report(client, coordinator, club_application):
    chief = make_user("glavred", "Главные редакторы")
    for user in (coordinator, chief):
        client.force_login(user)
        assert client.get(REPORT_URL).status_code in (302, 403)
        assert client.get(REPORT_URL + "results/").status_code in (302, 403)
        assert REPORT_URL not in client.get("/admin/").content.decode()


def test_site_history_hides_personal_data_entries_from_everyone_but_administrators(
    client, admin_user, coordinator, club_application, other_club
):
    colleague = make_user("kollega", "Координаторы кружков")
    other_club.coordinators.add(colleague)
    other_club.save()
    elsewhere = ClubApplicationFactory(club=other_club)
    client.force_login(colleague)
    client.get(reverse("club_applications:edit", args=[elsewhere.pk]))
    assert view_entries().count() == 1

    for url in ("/admin/reports/site-history/", "/admin/reports/site-history/results/"):
        client.force_login(coordinator)
        response = client.get(url)
        assert response.status_code == 200
        assert elsewhere.reference_number not in response.content.decode()
        client.force_login(admin_user)
        assert elsewhere.reference_number in client.get(url).content.decode()
    client.logout()
    assert client.get("/admin/reports/site-history/").status_code == 302  # to the login page
