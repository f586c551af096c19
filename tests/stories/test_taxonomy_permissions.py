"""Chief editors extend the lists heroes and stories choose from; authors do not."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import pytest

from stories.factories import AwardFactory, HeroAwardFactory, HeroPageFactory
from stories.models import Award, Industry, StoryTag

pytestmark = pytest.mark.django_db


def member_of(group_name, username):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_a_chief_editor_adds_changes_and_deletes_awards_industries_and_topics(client):
    client.force_login(member_of("Главные редакторы", "glavred"))
    assert "/admin/snippets/stories/award/" in client.get("/admin/").content.decode()

    response = client.post(
        "/admin/snippets/stories/award/add/",
        {"name": "Орден «Знак Почёта»", "kind": "other", "description": ""},
    )
    assert response.status_code == 302, response.content.decode()[:500]
    award = Award.objects.get(name="Орден «Знак Почёта»")
    response = client.post(
        f"/admin/snippets/stories/award/edit/{award.pk}/", {"name": "Орден «Знак Почёта»", "kind": "other"}
    )
    assert response.status_code == 302
    response = client.post(
        "/admin/snippets/stories/industry/add/", {"name": "Судостроение", "slug": "sudostroenie"}
    )
    assert response.status_code == 302 and Industry.objects.filter(slug="sudostroenie").exists()
    response = client.post("/admin/snippets/stories/storytag/add/", {"name": "Династии", "slug": "dinastii"})
    assert response.status_code == 302 and StoryTag.objects.filter(name="Династии").exists()
    response = client.post(f"/admin/snippets/stories/award/delete/{award.pk}/")
    assert response.status_code == 302 and not Award.objects.filter(pk=award.pk).exists()


def test_an_award_a_hero_holds_is_not_deleted(client, hero_index):
    client.force_login(member_of("Главные редакторы", "glavred"))
    award = AwardFactory(name="Герой Труда Российской Федерации", kind="hero_labour")
    HeroAwardFactory(hero=HeroPageFactory(parent=hero_index), award=award)
    response = client.post(f"/admin/snippets/stories/award/delete/{award.pk}/")
    assert response.status_code in (200, 302)
    assert Award.objects.filter(pk=award.pk).exists()


def test_authors_cannot_add_awards(client):
    client.force_login(member_of("Авторы", "avtor"))
    response = client.post(
        "/admin/snippets/stories/award/add/", {"name": "Самодельная награда", "kind": "other"}
    )
    assert response.status_code in (302, 403)
    assert not Award.objects.filter(name="Самодельная награда").exists()


def test_the_add_buttons_name_the_thing_in_the_accusative(client):
    client.force_login(member_of("Главные редакторы", "glavred"))
    assert "Добавить награду" in client.get("/admin/snippets/stories/award/").content.decode()
    assert "Добавить тему" in client.get("/admin/snippets/stories/storytag/").content.decode()
    assert "Добавить отрасль" in client.get("/admin/snippets/stories/industry/").content.decode()
