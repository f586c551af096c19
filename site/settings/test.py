"""Tests: fast hashing, local memory, plain static storage, tasks run immediately, mail in memory."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Serve static files from the finders, as in development: tests never run collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# The test client logs in without a request, which django-axes refuses; its own tests switch it back on.
AXES_ENABLED = False
# Browser tests load images from the in-memory storage through Django (home.views.serve_media).
SERVE_MEDIA_FILES = True
# Tests of the page cache switch it on (tests/home/test_page_cache.py).
PAGE_CACHE_SECONDS = 0
# Demo pictures at a quarter size keep AVIF renditions fast (home/demo/pictures.py).
DEMO_PICTURE_SIZE_FACTOR = 0.25
# Tests sign editors in with force_login; tests/home/test_two_factor.py switches enforcement back on.
ADMIN_TWO_FACTOR_ENFORCED = False
