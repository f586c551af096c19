"""Development: the embedded defaults (SQLite under var/, local-memory cache, mail to the console)."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
WHITENOISE_AUTOREFRESH = True

try:  # noqa: SIM105 (a star import cannot sit inside contextlib.suppress)
    from .local import *  # noqa: F403
except ImportError:
    pass

# Developers see every template change at once.
PAGE_CACHE_SECONDS = 0

# Demo administrators sign in with a password only, unless REQUIRE_2FA=1.
ADMIN_TWO_FACTOR_ENFORCED = os.environ.get("REQUIRE_2FA") == "1"
