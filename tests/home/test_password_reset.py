"""The admin's password reset: the answer does not tell whether an e-mail is registered, and one address
cannot ask for letters without end (home/password_reset.py)."""

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

pytestmark = pytest.mark.django_db

URL = "/admin/password_reset/"


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()


@pytest.fixture
def editor():
    return get_user_model().objects.create_user("ed", "ed@example.org", "long-enough-password-1")


def test_a_known_address_gets_a_letter_an_unknown_one_the_same_answer(client, editor):
    known = client.post(URL, {"email": "ed@example.org"})
    unknown = client.post(URL, {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["ed@example.org"]
    assert "/admin/password_reset/confirm/" in mail.outbox[0].body


def test_the_request_only_enqueues_the_letter(client, editor, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with CaptureQueriesContext(connection) as queries:
        client.post(URL, {"email": "ed@example.org"})
    # No account is looked up while the reader waits: the answer takes as long for any address.
    assert not [q for q in queries.captured_queries if "auth_user" in q["sql"]]
    assert not mail.outbox


def test_one_address_is_limited_to_five_requests_an_hour(client, editor):
    for _ in range(5):
        assert client.post(URL, {"email": "ed@example.org"}).status_code == 302
    response = client.post(URL, {"email": "ed@example.org"})
    assert response.status_code == 200
    assert "Слишком много запросов на сброс пароля" in response.text
    assert len(mail.outbox) == 5
