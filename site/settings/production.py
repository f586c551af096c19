"""Production: everything comes from the environment; start-up stops when a required variable is missing."""

import os

from .base import *  # noqa: F403
from .environment import comma_list, database_from_env, required

DEBUG = False
SECRET_KEY = required("SECRET_KEY")
ALLOWED_HOSTS = comma_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("The environment variable ALLOWED_HOSTS must be set for production.")
CSRF_TRUSTED_ORIGINS = comma_list("CSRF_TRUSTED_ORIGINS")

DATABASES = {"default": database_from_env(VAR_DIR / "db.sqlite3", conn_max_age=600)}  # noqa: F405

REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    # Shared by every app server: page cache, a copy of the sessions and rate-limit counters. When Redis is
    # down, pages still render (home/cache.py); the rate limiter's behaviour then is documented in the README.
    _redis = {
        "BACKEND": "home.cache.ResilientRedisCache",
        "LOCATION": REDIS_URL,
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
    CACHES = {
        "default": {**_redis, "KEY_PREFIX": "site"},
        # Wagtail looks renditions up here; kept apart so that clearing the page cache keeps them.
        "renditions": {**_redis, "KEY_PREFIX": "renditions", "TIMEOUT": 7 * 24 * 3600},
    }

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "") == "1"

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
