import os
import subprocess
import sys
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

import pytest

from settings.environment import database_from_env

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "url",
    ["not a url", "postgres://", "mysql://user@host/db", "postgres://user@host:notaport/db"],
)
def test_malformed_database_url_names_the_variable(monkeypatch, url):
    monkeypatch.setenv("DATABASE_URL", url)
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        database_from_env(Path("unused.sqlite3"))


def test_postgres_url_is_parsed(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/site")
    config = database_from_env(Path("unused.sqlite3"), conn_max_age=60)
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["NAME"] == "site"
    assert config["CONN_MAX_AGE"] == 60


def test_sqlite_is_the_embedded_default(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    config = database_from_env(Path("var/db.sqlite3"))
    assert config["ENGINE"] == "django.db.backends.sqlite3"


def import_production_settings(**env):
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"}}
    clean.update(env, PYTHONPATH=f"{ROOT / 'site'}{os.pathsep}{ROOT}")
    return subprocess.run(
        [sys.executable, "-c", "import settings.production"],
        env=clean,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


@pytest.mark.parametrize(
    ("env", "missing"),
    [
        ({"ALLOWED_HOSTS": "example.org"}, "SECRET_KEY"),
        ({"SECRET_KEY": "x" * 50}, "ALLOWED_HOSTS"),
        (
            {"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "example.org", "DATABASE_URL": "nonsense"},
            "DATABASE_URL",
        ),
    ],
)
def test_production_start_up_stops_naming_the_variable(env, missing):
    result = import_production_settings(**env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr


def test_production_settings_load_with_everything_set():
    result = import_production_settings(SECRET_KEY="x" * 50, ALLOWED_HOSTS="example.org")
    assert result.returncode == 0, result.stderr


def test_site_speaks_russian(settings):
    assert settings.LANGUAGE_CODE == "ru"
    assert settings.TIME_ZONE == "Europe/Moscow"


def documented_production_environment():
    env = {}
    for line in (ROOT / "deploy" / "env.example").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, value = line.partition("=")
            env[name] = value
    return env


def test_check_deploy_is_clean_with_the_documented_environment():
    # DJANGO_ALLOW_ASYNC_UNSAFE is set by the browser tests in the same session; a server never has it.
    unset = {"DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env.update(documented_production_environment())
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
