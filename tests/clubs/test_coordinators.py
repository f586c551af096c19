"""Choosing a club's coordinators grants access to personal data: who may do it, whom they may choose, how the
people are shown, the audit trail, and that nobody outside the group ever gets a mentor's contacts.

The yes/no per role lives in tests/home/test_permission_matrix.py (see_coordinators, set_coordinators,
make_self_coordinator); here is the machinery around it. (A club's region: test_regional_editors.py.)
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail

from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from clubs.coordinators import CHANGED_ACTION, DRAFT_ACTION, GRANT_CODENAME, GRANT_PERMISSION
from clubs.emails import coordinator_emails
from clubs.models import ClubPage

from .conftest import COORDINATORS_GROUP

pytestmark = pytest.mark.django_db


@pytest.fixture
def granter(db):
    """A chief editor who was also given the permission deliberately (Settings → Groups)."""
    user = get_user_model().objects.create_user(
        "granter", "granter@example.org", "x", first_name="Главная", last_name="Редакторша"
    )
    user.groups.add(Group.objects.get(name="Главные редакторы"))
    holders = Group.objects.create(name="Назначают доступ к ПД")
    holders.permissions.add(Permission.objects.get(codename=GRANT_CODENAME))
    user.groups.add(holders)
    return user


@pytest.fixture
def chief(db):
    user = get_user_model().objects.create_user("chief", "chief@example.org", "x")
    user.groups.add(Group.objects.get(name="Главные редакторы"))
    return user


def namesake(username, email):
    user = get_user_model().objects.create_user(username, email, "x", first_name="Анна", last_name="Петрова")
    user.groups.add(Group.objects.get(name=COORDINATORS_GROUP))
    return user


def club_form(club, coordinators, publish=True):
    data = nested_form_data(
        {
            "title": club.title,
            "slug": club.slug,
            "intro": club.intro,
            "photos": inline_formset([]),
            "direction": club.direction,
            "age_min": club.age_min,
            "age_max": club.age_max,
            "format": club.format,
            "is_free": "on",
            "region": club.region_id,
            "city": club.city,
            "schedule": club.schedule,
            "capacity": club.capacity,
            "accepting_applications": "on",
            "leader_name": club.leader_name,
            "branch": "",
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    )
    data["coordinators"] = [str(user.pk) for user in coordinators]
    if publish:
        data["action-publish"] = "action-publish"
    return data


def edit(client, club, coordinators, publish=True):
    return client.post(f"/admin/pages/{club.pk}/edit/", club_form(club, coordinators, publish))


def test_only_administrators_hold_the_permission_unless_given():
    holders = Group.objects.filter(permissions__codename=GRANT_CODENAME)
    assert not holders.exists()
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "x")
    assert admin.has_perm(GRANT_PERMISSION)


def test_the_field_offers_only_the_coordinators_group_by_full_name(client, club, granter):
    namesake("petrova_a", "anna.p@example.org")
    namesake("petrova_an", "petrova@example.org")
    get_user_model().objects.create_superuser("root", "root@example.org", "x")
    client.force_login(granter)
    response = client.get(f"/admin/pages/{club.pk}/edit/")
    field = response.context["form"].fields["coordinators"]
    # Two namesakes told apart; neither the administrator nor the editor is offered.
    assert {label for _value, label in field.choices} == {
        "Анна Петрова (petrova_a, anna.p@example.org)",
        "Анна Петрова (petrova_an, petrova@example.org)",
    }
    assert "Анна Петрова (petrova_an, petrova@example.org)" in response.text


def test_someone_outside_the_group_is_refused_with_a_message(client, club, granter):
    client.force_login(granter)
    response = edit(client, club, [granter])
    assert response.status_code == 200
    assert "coordinators" in response.context["form"].errors
    assert not ClubPage.objects.get(pk=club.pk).coordinators.exists()


def test_a_published_change_is_in_the_audit_log_with_who_was_added_and_removed(client, club, granter):
    anna = namesake("petrova_a", "anna.p@example.org")
    boris = namesake("borisov", "boris@example.org")
    client.force_login(granter)
    assert edit(client, club, [anna, boris]).status_code == 302
    assert set(ClubPage.objects.get(pk=club.pk).coordinators.all()) == {anna, boris}
    entry = PageLogEntry.objects.get(page=club, action=CHANGED_ACTION)
    assert entry.user == granter
    assert entry.data["added"] == [
        "Анна Петрова (borisov, boris@example.org)",
        "Анна Петрова (petrova_a, anna.p@example.org)",
    ]
    assert not PageLogEntry.objects.filter(action=DRAFT_ACTION).exists()  # a publish is logged once

    assert edit(client, club, [boris]).status_code == 302
    removal = PageLogEntry.objects.filter(page=club, action=CHANGED_ACTION).latest("timestamp")
    assert removal.data == {"added": [], "removed": ["Анна Петрова (petrova_a, anna.p@example.org)"]}
    history = client.get(f"/admin/pages/{club.pk}/history/").text
    assert "Координаторы кружка" in history and "убраны" in history


def test_a_draft_by_the_permitted_person_is_logged_and_takes_effect_when_published(
    client, club, granter, chief
):
    anna = namesake("petrova_a", "anna.p@example.org")
    client.force_login(granter)
    assert edit(client, club, [anna], publish=False).status_code == 302
    assert PageLogEntry.objects.get(page=club, action=DRAFT_ACTION).user == granter
    assert not ClubPage.objects.get(pk=club.pk).coordinators.exists()  # a draft grants nothing yet

    # A chief editor (no permission: the field is not in their form) publishes the draft as it is.
    client.force_login(chief)
    page = ClubPage.objects.get(pk=club.pk)
    data = club_form(page.get_latest_revision_as_object(), [])
    del data["coordinators"]
    assert client.post(f"/admin/pages/{club.pk}/edit/", data).status_code == 302
    assert list(ClubPage.objects.get(pk=club.pk).coordinators.all()) == [anna]
    entry = PageLogEntry.objects.get(page=club, action=CHANGED_ACTION)
    assert entry.user == chief and entry.data["added"]


def test_a_crafted_post_by_a_chief_editor_without_the_permission_changes_nothing(client, club, chief):
    anna = namesake("petrova_a", "anna.p@example.org")
    client.force_login(chief)
    page = client.get(f"/admin/pages/{club.pk}/edit/")
    assert 'name="coordinators"' not in page.text
    assert edit(client, club, [anna]).status_code == 302  # published: the other fields are taken
    assert not ClubPage.objects.get(pk=club.pk).coordinators.exists()
    assert not PageLogEntry.objects.filter(action__startswith="clubs.coordinators").exists()


def test_only_coordinators_in_their_group_get_a_clubs_e_mails(club, make_coordinator):
    """Defence in depth: a page saved before the field was restricted, or someone who has left the group."""
    kept = make_coordinator("ostalsya", club)
    left = make_coordinator("ushla", club)
    left.groups.clear()
    editor = get_user_model().objects.create_user("redaktor", "redaktor@example.org", "x")
    club.coordinators.add(editor)
    club.save()
    assert coordinator_emails(club) == [kept.email]
    mail.outbox.clear()
