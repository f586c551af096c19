"""Whole-page cache for anonymous readers, with invalidation that never serves stale content.

Cached copies are keyed by a *content generation*. Publishing, unpublishing, moving or deleting any page,
or saving a model an app declared as public content (`watch_model`), starts a new generation, so every
page that could show the change (its own page, indexes, the home page, tag pages, feeds) is rebuilt on its
next request. Editors publish a few times an hour while readers arrive in bursts, so a whole-generation
switch costs little and can never miss a dependency.

Only responses that are the same for every anonymous reader are stored: no cookies set, nothing marked
private (form and status pages are `private, no-store`), HTML, feeds and sitemaps only. Pages stay identical
for every reader by design (the special version is a separate stylesheet), so nothing per-reader leaks.
"""

import hashlib
import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
CACHED_CONTENT_TYPES = (
    "text/html",
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/xml",
)
KEPT_HEADERS = ("Content-Type", "Content-Language", "Link")
SKIPPED_PREFIXES = ("/admin/", "/documents/", "/special-version", "/healthz/", "/media/", "/static/")


def current_generation() -> str:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = uuid.uuid4().hex
        if not cache.add(GENERATION_KEY, generation, timeout=None):
            generation = cache.get(GENERATION_KEY, generation)
    return generation


def request_generation(request) -> str:
    """The content generation, read from the shared cache once per request (the page cache, the memo and
    the fragment caches all key on it)."""
    generation = getattr(request, "_content_generation", None)
    if generation is None:
        generation = request._content_generation = current_generation()
    return generation


def new_generation(**kwargs) -> None:
    _bump_generation()
    # Signals fire inside the editor's transaction. A reader in another process can take the new generation
    # before that commits and store the old content under it; a second switch after the commit retires
    # whatever was stored meanwhile. (Outside a transaction on_commit runs at once: two switches, harmless.)
    transaction.on_commit(_bump_generation)


def _bump_generation() -> None:
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def watch_model(model) -> None:
    """Declares that saving or deleting `model` changes what public pages show."""
    uid = f"page-cache:{model._meta.label}"
    post_save.connect(new_generation, sender=model, dispatch_uid=f"{uid}:save", weak=False)
    post_delete.connect(new_generation, sender=model, dispatch_uid=f"{uid}:delete", weak=False)


def connect_page_signals() -> None:
    page_published.connect(new_generation, dispatch_uid="page-cache:published", weak=False)
    page_unpublished.connect(new_generation, dispatch_uid="page-cache:unpublished", weak=False)
    post_page_move.connect(new_generation, dispatch_uid="page-cache:moved", weak=False)
    # Deleting a live page removes it from listings; deleting a draft costs one needless rebuild at most.
    post_delete.connect(_page_deleted, dispatch_uid="page-cache:deleted", weak=False)
    # An alias is created live without page_published; the memo of view restrictions
    # (home/view_restrictions.py) must learn of it, since an alias takes its source's restrictions.
    post_save.connect(_alias_created, dispatch_uid="page-cache:alias-created", weak=False)


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        new_generation()


def _alias_created(sender, instance, created, **kwargs):
    if created and isinstance(instance, Page) and instance.alias_of_id is not None:
        new_generation()


def _cache_key(request, generation: str) -> str:
    location = f"{request.method}:{request.get_host()}:{request.get_full_path()}"
    return f"page-cache:{generation}:{hashlib.sha256(location.encode()).hexdigest()}"


def _request_is_cacheable(request) -> bool:
    return (
        getattr(settings, "PAGE_CACHE_SECONDS", 0) > 0
        and request.method in ("GET", "HEAD")
        and not request.path.startswith(SKIPPED_PREFIXES)
        and not request.user.is_authenticated
        and len(request.get_full_path()) <= 2000
    )


def _response_is_cacheable(response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
        and response.get("Content-Type", "").split(";")[0] in CACHED_CONTENT_TYPES
    )


class AnonymousPageCacheMiddleware:
    """Serves anonymous GETs from the cache; stores what `_response_is_cacheable` allows."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _request_is_cacheable(request):
            return self.get_response(request)
        key = _cache_key(request, request_generation(request))
        stored = cache.get(key)
        if stored is not None:
            return _rebuild(stored)
        response = self.get_response(request)
        if _response_is_cacheable(response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
            cache.set(key, (response.content, headers), timeout=settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response


def _rebuild(stored) -> HttpResponse:
    content, headers = stored
    response = HttpResponse(content)
    for name, value in headers.items():
        response[name] = value
    response["X-Page-Cache"] = "hit"
    return response
