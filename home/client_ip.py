"""The visitor's IP address, in one place for the rate limiter, the login lockout and consent records."""

from django.conf import settings


def client_ip(request) -> str:
    """REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT reverse proxies the address the outermost one saw.

    Only addresses appended by our own proxies are trusted: a visitor can put anything at the left of
    X-Forwarded-For, so we count from the right.
    """
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def axes_client_ip(request, *args, **kwargs) -> str:
    return client_ip(request)
