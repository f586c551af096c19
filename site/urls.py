from django.conf import settings
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home import accessibility, brand, health, password_reset, site_history
from home import views as home_views

urlpatterns = [
    # Before Wagtail's admin: its site history report, without personal-data entries for non-administrators.
    *site_history.urlpatterns(),
    # Before Wagtail's admin: its password reset, rate-limited and with the letter sent by a task.
    path(
        "admin/password_reset/",
        password_reset.RateLimitedPasswordResetView.as_view(),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("manifest.webmanifest", brand.web_manifest, name="web_manifest"),
    path("favicon.ico", brand.favicon, name="favicon"),
    path("healthz/", health.health, name="health"),
    path("special-version/", accessibility.settings_view, name="accessibility_settings"),
    path("special-version.css", accessibility.stylesheet, name="accessibility_css"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("", include("home.urls")),
    path("", include("stories.urls")),
    path("", include("clubs.urls")),
    path("", include("mentors.urls")),
]

if settings.DEBUG or getattr(settings, "SERVE_MEDIA_FILES", False):
    urlpatterns += [path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", home_views.serve_media)]

# Wagtail's page serving catches everything else, so it comes last.
urlpatterns += [path("", include(wagtail_urls))]

# A database outage met outside a view answers with the 503 page too (home/resilience.py).
handler500 = "home.resilience.server_error"
