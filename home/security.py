"""Security headers that Django's SecurityMiddleware does not set: CSP and Permissions-Policy."""

from django.conf import settings

# Public pages run only our own scripts (static/js) and never inline ones; JSON-LD data blocks are not scripts
# for CSP. Images may come from our media storage (a separate origin when it is S3) and map tiles.
PUBLIC_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "media-src": ["'self'"],
    "frame-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}

# Wagtail's admin still renders some inline scripts and styles (panels, date widgets), and shows previews in
# a same-origin frame: the admin relaxes exactly these directives; everything else stays as on public pages.
ADMIN_OVERRIDES = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "frame-ancestors": ["'self'"],
}
ADMIN_ADDITIONS = {"img-src": ["blob:"]}

PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(self), payment=(), usb=()"


def build_policy(admin: bool) -> str:
    policy = {name: list(sources) for name, sources in PUBLIC_POLICY.items()}
    media_origins = list(getattr(settings, "CSP_MEDIA_ORIGINS", []))
    policy["img-src"] += media_origins + list(getattr(settings, "CSP_MAP_TILE_ORIGINS", []))
    policy["media-src"] += media_origins
    policy["frame-src"] += list(getattr(settings, "CSP_FRAME_ORIGINS", []))
    if admin:
        policy.update(ADMIN_OVERRIDES)
        for name, sources in ADMIN_ADDITIONS.items():
            policy[name] = policy[name] + sources
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in policy.items())


def is_admin_preview(request) -> bool:
    """True for the requests Wagtail makes up to render a preview (page, snippet, revision, moderation): they
    never come from outside, and Wagtail flags them before they enter the middleware chain."""
    return bool(getattr(request, "is_dummy", False) or getattr(request, "is_preview", False))


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.public_policy = build_policy(admin=False)
        self.admin_policy = build_policy(admin=True)

    def __call__(self, request):
        response = self.get_response(request)
        if is_admin_preview(request):
            # Wagtail renders a preview by running a made-up request for the page's public URL through the
            # whole middleware chain, then shows the result in the editor's same-origin frame: the public
            # "never be framed" rules would leave that frame empty.
            response["Content-Security-Policy"] = self.admin_policy
            response["X-Frame-Options"] = "SAMEORIGIN"
        is_admin = request.path.startswith("/admin/")
        response.setdefault("Content-Security-Policy", self.admin_policy if is_admin else self.public_policy)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
