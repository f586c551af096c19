"""Processing applications in the admin: who sees what, status changes, exports, overdue applications."""

import csv
import datetime
import io
import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from clubs.factories import ClubApplicationFactory, ClubPageFactory
from clubs.models import ClubApplication, ClubPage, Status
from home.models import ExportLog

pytestmark = pytest.mark.django_db

INDEX = "/admin/club_applications/"


def edit_url(application):
    return f"{INDEX}edit/{application.pk}/"


@pytest.fixture
def two_clubs(club_index):
    club_a = ClubPageFactory(parent=club_index, title="Кружок А", slug="a")
    club_b = ClubPageFactory(parent=club_index, title="Кружок Б", slug="b", region__slug="moskva")
    return club_a, club_b


@pytest.fixture
def applications(two_clubs):
    club_a, club_b = two_clubs
    return (
        ClubApplicationFactory(club=club_a, child_name="Ребёнок Альфа"),
        ClubApplicationFactory(club=club_b, child_name="Ребёнок Бета"),
    )


@pytest.fixture
def coordinator_a(two_clubs, make_coordinator, client):
    user = make_coordinator("coord_a", two_clubs[0])
    client.force_login(user)
    return user


def export_csv(client, query=""):
    response = client.get(f"{INDEX}?export=csv{query}")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    return rows


def test_the_coordinators_group_exists_with_its_permissions():
    group = Group.objects.get(name="Координаторы кружков")
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {
        "access_admin",
        "view_clubapplication",
        "change_clubapplication",
        "export_clubapplication",
    } <= codenames
    assert "delete_clubapplication" not in codenames


# --- permission matrix: coordinator of club A and club B's application ------------------------------------


def test_coordinator_sees_only_their_clubs_applications(client, coordinator_a, applications):
    html = client.get(INDEX).text
    assert "Ребёнок Альфа" in html
    assert "Ребёнок Бета" not in html


def test_coordinator_cannot_filter_to_another_club(client, coordinator_a, applications, two_clubs):
    html = client.get(f"{INDEX}?club={two_clubs[1].pk}").text
    assert "Ребёнок Бета" not in html
    assert "Кружок Б" not in html  # not even offered as a filter choice


def test_coordinator_cannot_open_another_clubs_application_by_url(client, coordinator_a, applications):
    assert client.get(edit_url(applications[0])).status_code == 200
    assert client.get(edit_url(applications[1])).status_code == 404
    response = client.post(edit_url(applications[1]), {"status": Status.DECLINED})
    assert response.status_code == 404
    applications[1].refresh_from_db()
    assert applications[1].status == Status.NEW


def test_coordinator_exports_only_their_clubs(client, coordinator_a, applications, two_clubs):
    rows = export_csv(client)
    names = [row[6] for row in rows[1:]]
    assert names == ["Ребёнок Альфа"]
    rows = export_csv(client, f"&club={two_clubs[1].pk}")
    assert "Ребёнок Бета" not in str(rows)


def test_a_user_without_the_export_permission_cannot_export(client, coordinator_a, applications):
    coordinator_a.groups.first().permissions.remove(Permission.objects.get(codename="export_clubapplication"))
    assert "Download CSV" not in client.get(INDEX).text and "CSV" not in client.get(INDEX).text
    for file_format in ("csv", "xlsx"):
        response = client.get(f"{INDEX}?export={file_format}")
        assert response.status_code in (302, 403)  # Wagtail answers a denied admin view with a redirect
        assert "Content-Disposition" not in response
    assert not ExportLog.objects.exists()


def test_a_user_who_is_no_coordinator_sees_nothing(client, applications):
    user = get_user_model().objects.create_user("stranger", "s@example.org", "x")
    user.groups.add(Group.objects.get(name="Координаторы кружков"))
    client.force_login(user)
    html = client.get(INDEX).text
    assert "Ребёнок Альфа" not in html and "Ребёнок Бета" not in html
    assert client.get(edit_url(applications[0])).status_code == 404


def test_an_editor_without_application_permissions_is_kept_out(client, applications):
    user = get_user_model().objects.create_user("author", "a@example.org", "x")
    user.groups.add(Group.objects.get(name="Авторы"))
    client.force_login(user)
    assert client.get(edit_url(applications[0])).status_code in (302, 403)
    assert client.get(f"{INDEX}?export=csv").status_code in (302, 403)


def test_superuser_sees_every_application(client, applications):
    client.force_login(get_user_model().objects.create_superuser("root", "r@example.org", "x"))
    html = client.get(INDEX).text
    assert "Ребёнок Альфа" in html and "Ребёнок Бета" in html


# --- filters ---------------------------------------------------------------------------------------------


def test_filters_by_status_region_and_date(client, two_clubs):
    club_a, _club_b = two_clubs
    client.force_login(get_user_model().objects.create_superuser("root", "r@example.org", "x"))
    ClubApplicationFactory(club=club_a, child_name="Записанный Ребёнок", status=Status.ENROLLED)
    ClubApplicationFactory(
        club=club_a, child_name="Давний Ребёнок", created_at=timezone.now() - datetime.timedelta(days=60)
    )
    html = client.get(f"{INDEX}?status=enrolled").text
    assert "Записанный Ребёнок" in html and "Давний Ребёнок" not in html
    since = (timezone.localdate() - datetime.timedelta(days=7)).isoformat()
    html = client.get(f"{INDEX}?created_at_from={since}").text
    assert "Записанный Ребёнок" in html and "Давний Ребёнок" not in html
    html = client.get(f"{INDEX}?region={club_a.region_id}").text
    assert "Записанный Ребёнок" in html
    other_region = club_a.region.__class__.objects.exclude(pk=club_a.region_id).first()
    assert "Записанный Ребёнок" not in client.get(f"{INDEX}?region={other_region.pk}").text


# --- processing -------------------------------------------------------------------------------------------


def test_changing_the_status_records_history_and_tells_the_applicant(
    client, coordinator_a, applications, django_capture_on_commit_callbacks
):
    application = applications[0]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            edit_url(application),
            {"status": Status.CONTACTED, "note": "Созвонились с мамой", "public_message": "Ждём 5 сентября"},
        )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Status.CONTACTED
    change = application.status_changes.last()
    assert (change.from_status, change.to_status, change.changed_by) == ("new", "contacted", coordinator_a)
    assert change.note == "Созвонились с мамой"
    assert [message.to for message in mail.outbox] == [["family@example.org"]]
    assert "Связались" in mail.outbox[0].subject.capitalize() or "связались" in mail.outbox[0].subject
    assert "Ждём 5 сентября" in mail.outbox[0].body
    assert ModelLogEntry.objects.filter(action="home.application.status", user=coordinator_a).exists()
    html = client.get(edit_url(application)).text
    assert "Созвонились с мамой" in html and "coord_a" in html


def test_every_status_is_reachable(client, coordinator_a, applications):
    application = applications[0]
    for status in [Status.CONTACTED, Status.WAITING, Status.ENROLLED, Status.DECLINED, Status.WITHDRAWN]:
        client.post(edit_url(application), {"status": status})
        application.refresh_from_db()
        assert application.status == status
    assert application.status_changes.count() == 5


def test_the_current_status_is_not_offered_again(client, coordinator_a, applications):
    response = client.post(edit_url(applications[0]), {"status": Status.NEW})
    assert response.status_code == 200
    assert ClubApplication.objects.get(pk=applications[0].pk).status_changes.count() == 0


# --- exports ---------------------------------------------------------------------------------------------


def test_exports_are_logged(client, coordinator_a, applications):
    assert "?export=csv" in client.get(INDEX).text  # the download buttons are offered
    export_csv(client, "&status=new")
    response = client.get(f"{INDEX}?export=xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    entries = list(ExportLog.objects.order_by("pk"))
    assert [(e.username, e.file_format, e.row_count) for e in entries] == [
        ("coord_a", "csv", 1),
        ("coord_a", "xlsx", 1),
    ]
    assert "status=new" in entries[0].filters
    assert ModelLogEntry.objects.filter(action="home.export", user=coordinator_a).count() == 2


def test_export_neutralises_formulas(client, coordinator_a, two_clubs):
    ClubApplicationFactory(club=two_clubs[0], child_name='=HYPERLINK("http://evil")', phone="+79001112233")
    rows = export_csv(client)
    assert rows[1][6] == '\'=HYPERLINK("http://evil")'
    assert rows[1][9] == "'+7 900 111-22-33"  # shown readably, and still neutralised


# --- overdue ---------------------------------------------------------------------------------------------


def test_unanswered_applications_are_flagged_filtered_and_counted(client, two_clubs, make_coordinator):
    club_a, club_b = two_clubs
    week_ago = timezone.now() - datetime.timedelta(days=7)
    ClubApplicationFactory(club=club_a, child_name="Забытый Ребёнок", created_at=week_ago)
    ClubApplicationFactory(
        club=club_a, child_name="Ответили Ребёнку", created_at=week_ago, status=Status.CONTACTED
    )
    ClubApplicationFactory(club=club_a, child_name="Свежий Ребёнок")
    ClubApplicationFactory(club=club_b, child_name="Забытый Бета", created_at=week_ago)
    coordinator = make_coordinator("coord_a", club_a)
    make_coordinator("coord_b", club_b)
    client.force_login(coordinator)

    html = client.get(INDEX).text
    assert html.count("⚠ нет ответа") == 1
    html = client.get(f"{INDEX}?overdue=true").text
    assert "Забытый Ребёнок" in html and "Свежий Ребёнок" not in html and "Ответили Ребёнку" not in html

    dashboard = client.get("/admin/").text
    assert "Заявки в кружки без ответа" in dashboard
    assert "Из них без ответа три рабочих дня и дольше: <strong>1</strong>" in dashboard

    client.force_login(get_user_model().objects.create_superuser("root", "r@example.org", "x"))
    dashboard = client.get("/admin/").text
    assert "без ответа три рабочих дня и дольше: <strong>2</strong>" in dashboard
    assert "<td>coord_a</td><td>1</td>" in dashboard and "<td>coord_b</td><td>1</td>" in dashboard


def test_editors_do_not_get_the_applications_panel(client, applications):
    client.force_login(get_user_model().objects.create_user("author", "a@example.org", "x", is_staff=False))
    user = get_user_model().objects.get(username="author")
    user.groups.add(Group.objects.get(name="Авторы"))
    assert "Заявки в кружки без ответа" not in client.get("/admin/").text


def test_the_export_log_is_readable_by_administrators(client, coordinator_a, applications):
    export_csv(client)
    client.force_login(get_user_model().objects.create_superuser("root", "r@example.org", "x"))
    response = client.get("/admin/export_log/")
    assert response.status_code == 200
    assert "coord_a" in response.text and "clubs.ClubApplication" not in response.text
    assert re.search(r"<td[^>]*>\s*Заявки в кружки\s*</td>", response.text)  # what was exported, in Russian


# --- erased applications and what a coordinator does not need --------------------------------------------


def test_an_erased_application_is_read_only(client, coordinator_a, two_clubs):
    """Before: the erased (withdrawn) application could be set back to «Новая», took a place again, and the
    message claimed an e-mail had gone to an applicant who no longer exists."""
    from home.applications.base import ERASED_READ_ONLY
    from tests.home.privacy_support import club_application

    club = two_clubs[0]
    application, _token = club_application(club, child_name="Стёртый Ребёнок", email="sterty@example.org")
    application.anonymise(timezone.now(), on_request=True)
    places_before = ClubPage.objects.get(pk=club.pk).places_left
    history_before = application.status_changes.count()

    page = client.get(edit_url(application))
    assert ERASED_READ_ONLY in page.text
    assert 'name="status"' not in page.text

    mail.outbox.clear()
    revive = {"status": Status.NEW, "public_message": "Ждём"}
    response = client.post(edit_url(application), revive, follow=True)
    assert response.status_code == 200
    assert ERASED_READ_ONLY in [str(message) for message in response.context["messages"]]
    application.refresh_from_db()
    assert application.status == Status.WITHDRAWN
    assert application.status_changes.count() == history_before
    assert ClubPage.objects.get(pk=club.pk).places_left == places_before
    assert not mail.outbox


def test_the_model_refuses_to_change_an_erased_application(two_clubs):
    from django.core.exceptions import ValidationError

    application = ClubApplicationFactory(club=two_clubs[0], status=Status.DECLINED)
    application.anonymise(timezone.now())
    with pytest.raises(ValidationError):
        application.change_status(Status.NEW)
    assert not application.can_withdraw


def test_the_coordinator_does_not_see_the_applicants_ip_address(client, coordinator_a, two_clubs):
    from tests.home.privacy_support import club_application

    application, _token = club_application(two_clubs[0], child_name="Ребёнок Гамма")
    html = client.get(edit_url(application)).text
    assert "Ребёнок Гамма" in html and "Согласие" in html
    assert "203.0.113.7" not in html and ", IP " not in html
    assert application.consent.ip_address == "203.0.113.7"  # kept as evidence in the consent record
