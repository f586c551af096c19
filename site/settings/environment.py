"""Reading configuration from the environment, with errors that name the variable to fix."""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

import dj_database_url

SUPPORTED_DATABASE_ENGINES = {
    "django.db.backends.postgresql",
    "django.db.backends.sqlite3",
}


def required(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} must be set for production.")
    return value


def comma_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def database_from_env(sqlite_path: Path, conn_max_age: int = 0) -> dict:
    """The default database: DATABASE_URL when set, otherwise the embedded SQLite file."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": sqlite_path,
            # Several processes (runserver reloader, background worker) share the file.
            "OPTIONS": {"timeout": 20, "transaction_mode": "IMMEDIATE"},
        }
    try:
        config = dj_database_url.parse(url, conn_max_age=conn_max_age, conn_health_checks=conn_max_age > 0)
    except Exception as error:  # dj-database-url raises several types for different defects
        raise ImproperlyConfigured(
            f"DATABASE_URL is malformed ({error}). Expected e.g. postgres://user:password@127.0.0.1:5432/name"
        ) from error
    if config.get("ENGINE") not in SUPPORTED_DATABASE_ENGINES or not config.get("NAME"):
        raise ImproperlyConfigured(
            "DATABASE_URL is malformed: it must name a PostgreSQL database, "
            "e.g. postgres://user:password@127.0.0.1:5432/name"
        )
    return config
