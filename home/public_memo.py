"""A per-process memo of what every public page reads and only an edit can change.

Each public request used to ask the database for the Wagtail site, the organization's details, the
navigation settings and their links: seven queries and a tenth of the CPU time of a story page, for data that
changes a few times a year. The memo keeps them in the worker's memory under the *content generation* of
the page cache (home/page_cache.py): saving any of them, or publishing, moving or deleting a page, starts a
new generation in the shared cache, and every worker of every machine drops its memo on its next request.
So the memo is exact, like the page cache, and it also serves the requests the page cache does not (pages
with forms, a reader with a session, the page cache turned off).

Only anonymous-style reading uses it: the admin always reads the database, so an editor's form never works
on a shared instance.
"""

import contextlib

from django.db import InterfaceError, OperationalError

from wagtail.models import Site

from home.page_cache import current_generation, request_generation

ADMIN_PREFIXES = ("/admin/", "/django-admin/")

_memo = {"generation": None, "values": {}}


def memoized(request, key, build):
    """The value of build() for `key`, computed once per worker and content generation. Without a request
    (a form, a model method) the generation is read from the shared cache for this call."""
    global _memo
    generation = request_generation(request) if request is not None else current_generation()
    memo = _memo
    if memo["generation"] != generation:
        memo = _memo = {"generation": generation, "values": {}}
    try:
        return memo["values"][key]
    except KeyError:
        value = memo["values"][key] = build()
        return value


def site_settings(request, model):
    """A generic setting as `model.load(request)` gives it, from the memo."""
    return memoized(request, ("setting", model._meta.label), model.load)


class PublicMemoMiddleware:
    """Puts the memoized site and settings where Wagtail looks for them first (attributes of the request)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and not request.path.startswith(ADMIN_PREFIXES):
            # With the database down the view meets the error, where home/resilience.py answers 503 (raised
            # here, in a middleware, it would bypass that middleware's process_exception).
            with contextlib.suppress(OperationalError, InterfaceError):
                self.prepare(request)
        return self.get_response(request)

    @staticmethod
    def prepare(request):
        from home.models import NavigationSettings, SiteIdentity

        host = (request._get_raw_host(), request.get_port())
        request._wagtail_site = memoized(request, ("site", host), lambda: Site._find_for_request(request))
        for model in (SiteIdentity, NavigationSettings):
            setattr(request, model.get_cache_attr_name(), site_settings(request, model))
