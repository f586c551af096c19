import io

from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.models import Page

import pytest

from home.models import CustomImage

pytestmark = pytest.mark.django_db


def live_pages():
    return Page.objects.live().filter(depth__gt=1).specific()


def test_every_live_page_answers_with_its_title(shared_demo_site, client):
    pages = list(live_pages())
    assert len(pages) >= 4
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title in response.text or getattr(page, "heading", "") in response.text, page.url


def test_superuser_can_open_every_page_in_the_admin_editor(shared_demo_site, client):
    admin = get_user_model().objects.get(username="admin")
    client.force_login(admin)
    for page in live_pages():
        response = client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200, page.url


def test_rerun_adds_nothing(shared_demo_site):
    counts = (Page.objects.count(), CustomImage.objects.count(), get_user_model().objects.count())
    call_command("load_demo_content", accounts=True, stdout=io.StringIO())
    assert (Page.objects.count(), CustomImage.objects.count(), get_user_model().objects.count()) == counts


def test_if_empty_skips_content_but_prints_logins(shared_demo_site):
    output = io.StringIO()
    call_command("load_demo_content", if_empty=True, accounts=True, stdout=output)
    assert "уже загружено" in output.getvalue()
    assert "логин: admin" in output.getvalue()
    assert "логин: chief" in output.getvalue()


def test_accounts_are_not_created_without_debug(db):
    call_command("load_demo_content", stdout=io.StringIO())
    assert not get_user_model().objects.exists()


def test_demo_accounts_belong_to_their_roles(shared_demo_site):
    users = get_user_model().objects
    assert users.get(username="admin").is_superuser
    assert list(users.get(username="chief").groups.values_list("name", flat=True)) == ["Главные редакторы"]
    assert list(users.get(username="author").groups.values_list("name", flat=True)) == ["Авторы"]


def test_the_demo_regional_editor_edits_the_sverdlovsk_branch_only(shared_demo_site, client):
    from clubs.models import BranchPage

    output = io.StringIO()
    call_command("load_demo_content", if_empty=True, accounts=True, stdout=output)
    assert "логин: regional" in output.getvalue() and "demo-regional-2026" in output.getvalue()
    regional = get_user_model().objects.get(username="regional")
    assert regional.check_password("demo-regional-2026")
    assert set(regional.groups.values_list("name", flat=True)) == {
        "Региональные редакторы",
        "Региональные редакторы: Свердловская область",
    }
    own = BranchPage.objects.get(regional_editors=regional)
    assert own.region.slug == "sverdlovskaya-oblast"
    client.force_login(regional)
    assert client.get(f"/admin/pages/{own.pk}/edit/").status_code == 200
    other = BranchPage.objects.exclude(pk=own.pk).first()
    assert client.get(f"/admin/pages/{other.pk}/edit/").status_code in (302, 403)


def test_demo_images_are_drawn_with_alt_text(shared_demo_site):
    images = CustomImage.objects.all()
    assert images.exists()
    for image in images:
        assert image.description
        assert image.width > 0 and image.height > 0


def test_scale_must_be_positive(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("load_demo_content", scale=0, stdout=io.StringIO())
