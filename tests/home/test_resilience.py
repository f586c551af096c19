import json
import os
import re
import subprocess
import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import OperationalError, close_old_connections, connection
from django.test import Client, RequestFactory

import pytest

from home.cache import CacheUnavailable, ResilientRedisCache
from home.resilience import DatabaseUnavailableMiddleware
from tests.clubs.conftest import application_data as club_application_data
from tests.mentors.conftest import application_data as mentor_application_data
from tests.support.tcp_proxy import TcpProxy

CLOSED_PORT_REDIS = "redis://127.0.0.1:1/0"
REAL_REDIS = "redis://127.0.0.1:6379/15"


def resilient_cache(location):
    return {
        "BACKEND": "home.cache.ResilientRedisCache",
        "LOCATION": location,
        "KEY_PREFIX": "tests",
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
    }


def test_database_errors_become_a_friendly_503():
    middleware = DatabaseUnavailableMiddleware(lambda request: None)
    request = RequestFactory().post("/kruzhki/robototehnika/", {"child_name": "Иван"})
    response = middleware.process_exception(request, OperationalError("connection refused"))
    assert response.status_code == 503
    assert response["Retry-After"]
    html = response.content.decode()
    assert "Сайт временно недоступен" in html
    assert "не отправлена" in html


def test_other_errors_are_left_alone():
    middleware = DatabaseUnavailableMiddleware(lambda request: None)
    assert middleware.process_exception(RequestFactory().get("/"), ValueError("bug")) is None


@pytest.mark.parametrize(
    "message",
    ['fts5: syntax error near """', "no such column: foo", 'near "SELEC": syntax error', "no such table: x"],
)
def test_a_query_the_database_rejects_is_a_bug_not_an_outage(message):
    """Treating every OperationalError as an outage hid bugs (and answered 503 to a quote in a search)."""
    middleware = DatabaseUnavailableMiddleware(lambda request: None)
    assert middleware.process_exception(RequestFactory().get("/"), OperationalError(message)) is None


@pytest.mark.postgres
@pytest.mark.django_db
def test_a_postgres_syntax_error_is_not_an_outage():
    from django.db import ProgrammingError

    from home.resilience import is_outage

    with pytest.raises((OperationalError, ProgrammingError)) as error, connection.cursor() as cursor:
        cursor.execute("SELECT to_tsquery('russian', '((')")
    assert not is_outage(error.value)


@pytest.mark.parametrize("message", ["unable to open database file", "database is locked"])
def test_an_sqlite_file_that_cannot_be_used_is_an_outage(message):
    middleware = DatabaseUnavailableMiddleware(lambda request: None)
    assert (
        middleware.process_exception(RequestFactory().get("/"), OperationalError(message)).status_code == 503
    )


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_pages_answer_503_while_postgres_is_down_and_recover_without_restart(client, home_page):
    original = dict(connection.settings_dict)
    proxy = TcpProxy(original["HOST"] or "127.0.0.1", int(original["PORT"] or 5432))
    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT=str(proxy.port), CONN_MAX_AGE=0)

    def get_home():
        # A WSGI server closes unusable connections at the end of each request; Django's test client
        # deliberately does not, so do what the server does.
        response = client.get("/")
        close_old_connections()
        return response

    editor = Client(raise_request_exception=False)
    editor.force_login(
        get_user_model().objects.create_superuser("ed", "ed@example.org", "long-enough-password-1")
    )
    try:
        assert get_home().status_code == 200
        proxy.cut()
        response = get_home()
        assert response.status_code == 503
        assert "Сайт временно недоступен" in response.text
        assert get_home().status_code == 503
        # Outside a view too: the 404 page and the admin of a logged-in editor read the database.
        anonymous = Client(raise_request_exception=False)
        assert anonymous.get("/net-takoy-stranicy/").status_code == 503
        close_old_connections()
        assert editor.get("/admin/").status_code == 503
        close_old_connections()
        proxy.restore()
        assert get_home().status_code == 200
    finally:
        connection.close()
        connection.settings_dict.update(original)
        proxy.stop()


@pytest.mark.django_db
def test_pages_still_render_when_redis_is_down(client, home_page, settings):
    settings.CACHES = {"default": resilient_cache(CLOSED_PORT_REDIS)}  # Django resets cache connections
    response = client.get("/")
    assert response.status_code == 200
    health = client.get("/healthz/")
    assert health.status_code == 503
    assert json.loads(health.content) == {"database": "ok", "cache": "fail"}


def test_a_counter_on_an_unreachable_redis_says_so():
    cache = ResilientRedisCache(CLOSED_PORT_REDIS, resilient_cache(CLOSED_PORT_REDIS))
    assert cache.get("missing", "default") == "default"
    assert cache.add("key", 1) is False
    with pytest.raises(CacheUnavailable):
        cache.incr("key")


def test_resilient_cache_works_against_the_real_redis():
    cache = ResilientRedisCache(REAL_REDIS, resilient_cache(REAL_REDIS))
    cache.delete("counter")
    assert cache.add("counter", 1, timeout=10)
    assert cache.incr("counter") == 2
    cache.delete("counter")


def test_cache_calls_share_one_redis_client_per_pool():
    """Django made a new redis.Redis per call, costlier than the GET it sent (home/cache.py)."""
    cache = ResilientRedisCache(REAL_REDIS, resilient_cache(REAL_REDIS))
    cache.set("shared", "значение", timeout=10)
    client = cache._cache.get_client("shared")
    assert cache.get("shared") == "значение"
    assert cache._cache.get_client("other") is client
    assert cache._cache.get_client("shared", write=True) is client  # one server: reads and writes share it
    cache.delete("shared")


@pytest.mark.django_db
def test_health_endpoint_reports_database_and_cache(client):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert json.loads(response.content) == {"database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def production_setting(name, **env):
    """A setting as site/settings/production.py computes it for `env` (in a fresh interpreter)."""
    root = Path(__file__).resolve().parents[2]
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    clean.update(env, PYTHONPATH=f"{root / 'site'}{os.pathsep}{root}")
    result = subprocess.run(
        [sys.executable, "-c", f"import settings.production as s; print(s.{name})"],
        env=clean,
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


PRODUCTION_WITH_REDIS = {"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "example.org", "REDIS_URL": REAL_REDIS}


@pytest.fixture
def production_sessions_and_dead_redis(settings):
    """Production's session engine, and its cache pointed at a port where no Redis answers."""
    settings.SESSION_ENGINE = production_setting("SESSION_ENGINE", **PRODUCTION_WITH_REDIS)
    settings.CACHES = {"default": resilient_cache(CLOSED_PORT_REDIS)}  # Django resets cache connections


def follow_to_success_page(client, url, data):
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:500]
    return client.get(response["Location"])


@pytest.mark.django_db
def test_a_club_application_sent_while_redis_is_down_shows_its_reference_and_link(
    client, home_page, production_sessions_and_dead_redis
):
    from clubs.factories import ClubIndexPageFactory, ClubPageFactory
    from clubs.models import ClubApplication

    club = ClubPageFactory(parent=ClubIndexPageFactory(parent=home_page, slug="kruzhki"), capacity=10)
    page = follow_to_success_page(client, club.url, club_application_data(age=12))
    assert page.status_code == 200
    application = ClubApplication.objects.get()
    html = page.content.decode()
    assert f'Заявка <span class="reference">№&nbsp;{application.reference_number}</span> отправлена' in html
    link = re.search(r'href="(http://testserver/zayavka/kruzhok/[^"]+/)"', html).group(1)
    assert client.get(link).status_code == 200


@pytest.mark.django_db
def test_a_mentor_application_sent_while_redis_is_down_shows_its_reference_and_link(
    client, home_page, production_sessions_and_dead_redis
):
    from mentors.factories import MentorCallIndexPageFactory, MentorCallPageFactory
    from mentors.models import MentorApplication

    call = MentorCallPageFactory(
        parent=MentorCallIndexPageFactory(parent=home_page, slug="nastavnikam"), audiences=["veterans"]
    )
    page = follow_to_success_page(client, call.url, mentor_application_data())
    assert page.status_code == 200
    application = MentorApplication.objects.get()
    html = page.content.decode()
    assert application.reference_number in html
    link = re.search(r'href="(http://testserver/zayavka/nastavnik/[^"]+/)"', html).group(1)
    assert client.get(link).status_code == 200
