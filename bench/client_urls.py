"""The site's URLs plus media, served the way deploy/nginx.conf serves them (30 days of caching)."""

from django.conf import settings
from django.urls import include, path
from django.views.decorators.cache import cache_control

from home.views import serve_media

urlpatterns = [
    path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", cache_control(max_age=30 * 24 * 3600)(serve_media)),
    path("", include("urls")),
]
