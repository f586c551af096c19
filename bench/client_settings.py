"""The production settings, served on 127.0.0.1 for client-side measurements (bench/lighthouse.py,
bench/screenshots.py): DEBUG off, whitenoise with compressed, hashed static files, plain HTTP on loopback."""

from settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.client_urls"
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# HSTS over plain HTTP on loopback means nothing to the browser; left out so the header list stays honest.
SECURE_HSTS_SECONDS = 0
