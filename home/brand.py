"""The organization's pictures that pages point to: the default sharing picture and the web app manifest.

The pictures themselves are drawn by bench/brand_assets.py and committed under static/img/.
"""

from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.templatetags.static import static
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from home.models import SiteIdentity

DEFAULT_SHARE_IMAGE = "img/og-default.png"
DEFAULT_SHARE_IMAGE_SIZE = (1200, 630)
THEME_COLOR = "#7a1f1f"
BACKGROUND_COLOR = "#f6f2ea"


def default_share_image(request) -> dict:
    """What a shared link shows for a page without a picture of its own: the emblem and the name."""
    identity = SiteIdentity.load(request_or_site=request)
    width, height = DEFAULT_SHARE_IMAGE_SIZE
    return {
        "url": request.build_absolute_uri(static(DEFAULT_SHARE_IMAGE)),
        "width": width,
        "height": height,
        "alt": f"Эмблема и название: {identity.short_name}",
    }


@require_GET
@cache_control(max_age=86400, public=True)
def web_manifest(request):
    """Name and icons for a page added to a phone's home screen; the name follows the site settings."""
    identity = SiteIdentity.load(request_or_site=request)
    icons = [
        {"src": static(f"img/icon-{size}.png"), "sizes": f"{size}x{size}", "type": "image/png"}
        for size in (192, 512)
    ]
    icons.append({"src": static("img/favicon.svg"), "sizes": "any", "type": "image/svg+xml"})
    manifest = {
        "name": identity.short_name,
        "short_name": identity.short_name,
        "description": identity.tagline or identity.organization_name,
        "lang": "ru",
        "start_url": "/",
        "display": "browser",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": icons,
    }
    response = JsonResponse(manifest, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    return response


@require_GET
def favicon(request):
    """Browsers and feed readers ask for /favicon.ico without reading the page's <link rel="icon">.

    The address is looked up per request, not when the URLs are loaded: the hashed static files' manifest
    may not exist yet then (`migrate` runs before `collectstatic` on a fresh server).
    """
    return HttpResponsePermanentRedirect(static("img/favicon.ico"))
