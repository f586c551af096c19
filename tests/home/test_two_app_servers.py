"""Two gunicorn app servers on 127.0.0.1 against the same PostgreSQL and Redis: nothing that one server
needs is kept in the other's memory or disk (sessions, rate-limit counters, the page cache's generation)."""

import os
import re
import socket
import subprocess
import time
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection

import pytest
import requests

from clubs.factories import ClubIndexPageFactory, ClubPageFactory
from home.applications.spam import MIN_FILL_SECONDS
from home.factories import StandardPageFactory
from home.models import NavigationSettings, SiteIdentity

ROOT = Path(__file__).resolve().parents[2]
# Emptied when the servers start. Each pytest-xdist worker (gw0, gw1, …) that runs tests of this module starts
# servers of its own, on its own test database and Redis database: 11, 10, … (12 is the benchmark's).
REDIS_DATABASE = 11 - int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw"))
assert 0 < REDIS_DATABASE <= 11, "at most 11 pytest-xdist workers"
REDIS_URL = f"redis://127.0.0.1:6379/{REDIS_DATABASE}"

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def two_servers(tmp_path_factory, django_db_setup, django_db_blocker):
    tmp_path = tmp_path_factory.mktemp("two-servers")
    subprocess.run(["redis-cli", "-n", str(REDIS_DATABASE), "FLUSHDB"], check=True, capture_output=True)
    with django_db_blocker.unblock():
        db = dict(connection.settings_dict)
    database_url = (
        f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    )
    servers, processes = [], []
    for _ in range(2):
        port = free_port()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.support.two_servers_settings",
            "PYTHONPATH": f"{ROOT / 'site'}{os.pathsep}{ROOT}",
            "SECRET_KEY": "two-servers-test-secret-key-0123456789-abcdefghijklmnop",
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": database_url,
            "REDIS_URL": REDIS_URL,
            "VAR_DIR": str(tmp_path),
            "PAGE_CACHE_SECONDS": "600",
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "GUNICORN_WORKERS": "1",
        }
        processes.append(
            subprocess.Popen(
                [str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", "deploy/gunicorn.conf.py"],
                env=env,
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        servers.append(f"http://127.0.0.1:{port}")
    try:
        for base in servers:
            deadline = time.monotonic() + 90
            while True:
                try:
                    if requests.get(f"{base}/healthz/", timeout=10).status_code == 200:
                        break
                except requests.RequestException:  # still starting: refused, or slow to answer
                    pass
                assert time.monotonic() < deadline, f"{base} did not start"
                time.sleep(0.3)
        yield servers
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=30)


@pytest.fixture(autouse=True)
def _empty_servers_cache():
    """Each test starts with the servers' Redis empty, as tests/conftest.py empties the test process's own
    cache: since the servers last read the database it was emptied and restored (transactional tests), so
    what they keep under the old content generation (the site, the navigation) is stale. Without this, a test
    that comes first after the servers started on an emptied database met a site they had not found."""
    subprocess.run(["redis-cli", "-n", str(REDIS_DATABASE), "FLUSHDB"], check=True, capture_output=True)


def csrf_token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_a_session_started_on_one_server_holds_on_the_other(two_servers, settings):
    first, second = two_servers
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]  # what the servers use
    # A chief editor: administrators would first be sent to set up two-factor login (tested elsewhere).
    editor = get_user_model().objects.create_user("editor", "editor@example.org", "long-enough-password")
    editor.groups.add(Group.objects.get(name="Главные редакторы"))
    browser = requests.Session()
    login_page = browser.get(f"{first}/admin/login/")
    response = browser.post(
        f"{first}/admin/login/",
        {
            "username": "editor",
            "password": "long-enough-password",
            "csrfmiddlewaretoken": csrf_token(login_page.text),
        },
        headers={"Referer": f"{first}/admin/login/"},
        allow_redirects=False,
    )
    assert response.status_code == 302
    dashboard = browser.get(f"{second}/admin/", allow_redirects=False)
    assert dashboard.status_code == 200


def test_the_rate_limit_counts_across_both_servers(two_servers, home_page):
    """Accepted applications are counted (home/applications/ratelimit.py) in the Redis both servers share."""
    from tests.clubs.conftest import application_data

    club = ClubPageFactory(
        parent=ClubIndexPageFactory(parent=home_page, slug="kruzhki"), slug="robototehnika"
    )
    children = ["Иванов Артём", "Петров Илья", "Сидоров Гоша", "Козлов Пётр", "Орлов Глеб"]
    opened = []
    for attempt in range(len(children)):
        base = two_servers[attempt % 2]
        browser = requests.Session()
        form = browser.get(f"{base}{club.url}").text
        started = re.search(r'name="form_started" value="([^"]+)"', form).group(1)
        opened.append((base, browser, csrf_token(form), started))
    time.sleep(MIN_FILL_SECONDS + 0.2)  # as a person fills the form in (the servers refuse faster posts)
    statuses = []
    for (base, browser, token, started), child in zip(opened, children, strict=True):
        data = application_data(child_name=child, csrfmiddlewaretoken=token, form_started=started)
        response = browser.post(
            f"{base}{club.url}", data, headers={"Referer": f"{base}{club.url}"}, allow_redirects=False
        )
        statuses.append(response.status_code)
    assert statuses[:3] == [302, 302, 302]  # accepted: each counts, on whichever server it arrived
    assert statuses[3:] == [429, 429]


def test_a_published_change_shows_on_both_servers_at_once(two_servers, home_page, settings):
    # Publishing here signals through the Redis the servers share, as an editor's publish on any server does.
    settings.CACHES = {
        "default": {"BACKEND": "home.cache.ResilientRedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": "site"}
    }
    # A site in service has its settings rows; creating them on a first request starts a new generation.
    SiteIdentity.load()
    NavigationSettings.load()
    page = StandardPageFactory(parent=home_page, title="Новости", slug="novosti", lead="Старый текст")
    page.save_revision().publish()
    for base in two_servers:
        assert "Старый текст" in requests.get(f"{base}/novosti/").text
        assert requests.get(f"{base}/novosti/").headers["X-Page-Cache"] == "hit"
    page.lead = "Новый текст"
    page.save_revision().publish()
    for base in two_servers:
        assert "Новый текст" in requests.get(f"{base}/novosti/").text
