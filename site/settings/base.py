"""Settings shared by every environment. Safe for production by default: `dev` relaxes them."""

import os
from pathlib import Path

from .environment import comma_list, database_from_env

SITE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = SITE_DIR.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = comma_list("ALLOWED_HOSTS")

INSTALLED_APPS = [
    "home",
    "stories",
    "clubs",
    "mentors",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtailmedia",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "home.security.SecurityHeadersMiddleware",
    # Inside the security headers (a hit carries them too), before everything a hit does not need: sessions,
    # authentication, CSRF, two-factor, axes, the database.
    "home.page_cache.AnonymousPageCacheMiddleware",
    "home.resilience.DatabaseUnavailableMiddleware",
    "home.bad_input.RejectNulCharactersMiddleware",
    # Before the CSRF check and the views: they read request.POST, which a non-UTF-8 body breaks.
    "home.bad_input.RejectNonUtf8FormsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-factor admin login (home/two_factor.py): django-otp marks verified users, ours asks for codes.
    "django_otp.middleware.OTPMiddleware",
    "home.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Login brute-force protection: after 5 failures a username, and separately the address they came from,
# are locked out for 30 minutes. Attempts live in the database, so every app server sees them.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.5  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True
AXES_LOCKOUT_TEMPLATE = "account_locked.html"
AXES_CLIENT_IP_CALLABLE = "home.client_ip.axes_client_ip"
AXES_USERNAME_FORM_FIELD = "username"

# Administrators (superusers) must sign in to the admin with a code from an authenticator app; other
# editors may switch it on for themselves (home/two_factor.py).
ADMIN_TWO_FACTOR_ENFORCED = True
OTP_TOTP_ISSUER = "Трудовая доблесть России"

# Number of reverse proxies (nginx, a load balancer) in front of the app servers, whose X-Forwarded-For
# entries are trusted for the visitor's address (home/client_ip.py). 0 means REMOTE_ADDR is the visitor.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

ROOT_URLCONF = "urls"
WSGI_APPLICATION = "wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {"default": database_from_env(VAR_DIR / "db.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Russian everywhere a person looks.
LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", "Русский")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Russian overrides of Wagtail's catalogue (README «Russian admin»); read before the apps' own catalogues.
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Moscow"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# The page editor posts many fields for long StreamFields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# A caching proxy in front (nginx proxy_cache, Varnish) is told to drop a page when it is published or
# unpublished. Only the page itself is purged, so such a proxy must keep listings briefly (README).
FRONTEND_CACHE_PURGE_URL = os.environ.get("FRONTEND_CACHE_PURGE_URL", "").strip()
if FRONTEND_CACHE_PURGE_URL:
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }

# Days after an application reaches a final status (or a volunteer form is sent) before its personal data
# is erased by `manage.py purge_personal_data` (home/privacy/retention.py).
PERSONAL_DATA_RETENTION_DAYS = int(os.environ.get("PERSONAL_DATA_RETENTION_DAYS", "365"))

# Anonymous readers get whole pages from the cache (home/page_cache.py); 0 turns it off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))

# Content-Security-Policy additions (home/security.py): media storage (S3), map tiles, video frames.
CSP_MEDIA_ORIGINS = comma_list("CSP_MEDIA_ORIGINS")
CSP_MAP_TILE_ORIGINS = comma_list("CSP_MAP_TILE_ORIGINS")
CSP_FRAME_ORIGINS = comma_list("CSP_FRAME_ORIGINS")
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# Sessions live in the database and are read through the cache: when the cache (Redis) is down, an applicant
# still gets the success page with the reference number and the status link, and editors can still sign in.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Editors are signed out after two weeks without a visit, and at once when they sign out.
SESSION_COOKIE_AGE = 14 * 24 * 3600

# Mail goes out from background tasks (see home/notifications); immediate unless a worker is configured.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Трудовая доблесть России <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = "Трудовая доблесть России"
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILIMAGES_IMAGE_MODEL = "home.CustomImage"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "docx",
    "doc",
    "odt",
    "rtf",
    "txt",
    "xlsx",
    "xls",
    "ods",
    "pptx",
    "odp",
    "csv",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 25 * 1024 * 1024
# Documents are served by Wagtail's view (permissions, download headers), never straight from media/.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "home.uploads.SafeDocumentForm"
# Audio and video for stories (wagtailmedia): formats every current browser plays, limits per kind, and the
# content checks of home/media_uploads.py. nginx allows bodies this large only under /admin/media/.
WAGTAILMEDIA = {
    "MEDIA_MODEL": "wagtailmedia.Media",
    "MEDIA_FORM_BASE": "home.media_uploads.SafeMediaForm",
    "AUDIO_EXTENSIONS": ["mp3", "m4a", "ogg"],
    "VIDEO_EXTENSIONS": ["mp4", "webm"],
}
MEDIA_AUDIO_MAX_UPLOAD_SIZE = 25 * 1024 * 1024
MEDIA_VIDEO_MAX_UPLOAD_SIZE = 200 * 1024 * 1024
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "home.search_backend",
        # Russian stemming on PostgreSQL; SQLite FTS5 ignores it (no stemming there).
        "SEARCH_CONFIG": "russian",
    }
}
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_COMMENTS_ENABLED = True
# Gravatar is a third-party origin our CSP refuses (and it would tell it who edits the site): Wagtail then
# shows its own default avatar, or the picture a user uploads in their account.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Database errors lose the row values PostgreSQL adds to them (home/privacy/log_filters.py).
    "filters": {"no_database_detail": {"()": "home.privacy.log_filters.DropDatabaseErrorDetail"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["no_database_detail"]}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
    },
}
