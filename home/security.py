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


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.public_policy = build_policy(admin=False)
        self.admin_policy = build_policy(admin=True)

    def __call__(self, request):
        response = self.get_response(request)
        is_admin = request.path.startswith("/admin/")
        response.setdefault("Content-Security-Policy", self.admin_policy if is_admin else self.public_policy)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
