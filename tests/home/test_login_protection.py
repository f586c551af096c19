from django.contrib.auth import get_user_model
from django.test import RequestFactory, override_settings

import pytest

from home.client_ip import client_ip

pytestmark = pytest.mark.django_db

LOGIN_URL = "/admin/login/"


@pytest.fixture
def editor():
    return get_user_model().objects.create_user("editor", password="correct-horse-battery", is_staff=True)


def attempt(client, username, password, ip="203.0.113.5"):
    return client.post(LOGIN_URL, {"username": username, "password": password}, REMOTE_ADDR=ip)


@override_settings(AXES_ENABLED=True)
def test_five_failures_lock_the_account_even_with_the_right_password(client, editor):
    for _ in range(5):
        assert attempt(client, "editor", "wrong").status_code in (200, 429)
    response = attempt(client, "editor", "correct-horse-battery")
    assert response.status_code == 429
    assert "Вход временно заблокирован" in response.text
    assert "_auth_user_id" not in client.session


@override_settings(AXES_ENABLED=True)
def test_the_address_is_locked_for_other_usernames_too(client, editor):
    get_user_model().objects.create_user("other", password="another-good-password", is_staff=True)
    for _ in range(5):
        attempt(client, "editor", "wrong")
    assert attempt(client, "other", "another-good-password").status_code == 429


@override_settings(AXES_ENABLED=True)
def test_a_correct_login_below_the_limit_works_and_resets(client, editor):
    for _ in range(3):
        attempt(client, "editor", "wrong")
    response = attempt(client, "editor", "correct-horse-battery")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_client_ip_trusts_only_our_own_proxies(settings):
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.7")
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.2"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "198.51.100.7"
    settings.TRUSTED_PROXY_COUNT = 3  # fewer entries than proxies: the header cannot be trusted
    assert client_ip(request) == "10.0.0.2"


def test_weak_passwords_are_refused():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ("12345678901", "password", "короткий"):
        with pytest.raises(ValidationError):
            validate_password(weak)
