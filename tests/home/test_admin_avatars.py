"""Gravatar is a third-party origin the admin's CSP refuses: avatars are Wagtail's default picture (or an
uploaded one), never a Gravatar address."""

from django.contrib.auth import get_user_model

import pytest

pytestmark = pytest.mark.django_db


def test_the_admin_shows_no_gravatar_addresses(client, home_page):
    admin = get_user_model().objects.create_superuser("admin", "ivanova@example.org", "x")
    get_user_model().objects.create_user("author", "petrov@example.org", "x")
    client.force_login(admin)
    for address in ("/admin/", "/admin/users/", "/admin/account/", f"/admin/pages/{home_page.pk}/edit/"):
        html = client.get(address).content.decode()
        assert "gravatar" not in html.lower(), address
        assert "default-user-avatar" in html, address
