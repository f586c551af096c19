"""Whole-page cache for anonymous readers that is never stale: any write to content starts a new generation.

Cached copies are tagged with a *content generation*. Saving or deleting a row of any model (or changing its
many-to-many links), except the short list of models public pages never show (`PRIVATE_MODELS`), starts a
new generation, and so do Wagtail's page signals (a move rewrites paths without saving rows one by one).
Every page that could show the change is then rebuilt on its next request. A new model needs no declaration:
forgetting to declare a private one costs needless rebuilds, never stale pages. Editors publish a few times
an hour while readers arrive in bursts, so a whole-generation switch costs little.

Only responses that are the same for every anonymous reader are stored: no cookies set, nothing marked
private (form and status pages are `private, no-store`), HTML, feeds and sitemaps only, and only at a
canonical address: a query string is kept only when the view accepted every parameter in it
(`accept_query`), so junk parameters cannot fill the cache.

The middleware stands before sessions, authentication, CSRF and two-factor: a hit needs none of them. A reader
with a session cookie (an editor, someone who sent a form) always gets the page rendered for them.
"""

import hashlib
import logging
import threading
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse

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
MAX_PATH_LENGTH = 2000

# Models whose rows no public page shows: writing them starts no new generation. Everything else does.
PRIVATE_MODELS = frozenset(
    {
        # Derived from content on a reader's request: created while a page renders, so they must not
        # retire the page being cached. What they derive from (an image, a URL in a block) is content.
        "home.CustomRendition",
        "wagtailimages.Rendition",
        "wagtailembeds.Embed",
        # Applications and what hangs on them (free places on cards may lag by PAGE_CACHE_SECONDS: README).
        "home.ReferenceSequence",
        # A withdrawn publication consent starts a new generation itself (home/privacy/).
        "home.ConsentRecord",
        "home.ExportLog",
        "home.VolunteerFormSubmission",
        "wagtailforms.FormSubmission",
        "clubs.ClubApplication",
        "clubs.ClubApplicationStatusChange",
        "mentors.MentorApplication",
        "mentors.MentorApplicationStatusChange",
        # Accounts, permissions, sign-in and its protection.
        "auth.User",
        "auth.Group",
        "auth.Permission",
        "wagtailusers.UserProfile",
        "sessions.Session",
        "axes.AccessAttempt",
        "axes.AccessAttemptExpiration",
        "axes.AccessFailureLog",
        "axes.AccessLog",
        "otp_totp.TOTPDevice",
        "wagtailcore.APIToken",
        "wagtailcore.GroupPagePermission",
        "wagtailcore.GroupCollectionPermission",
        "wagtailcore.GroupSitePermission",
        # The editors' workspace: drafts, moderation, comments, logs, uploads in progress.
        "wagtailcore.Revision",
        "wagtailcore.Workflow",
        "wagtailcore.WorkflowContentType",
        "wagtailcore.WorkflowPage",
        "wagtailcore.WorkflowState",
        "wagtailcore.WorkflowTask",
        "wagtailcore.Task",
        "wagtailcore.GroupApprovalTask",
        "wagtailcore.TaskState",
        "wagtailcore.Comment",
        "wagtailcore.CommentReply",
        "wagtailcore.PageSubscription",
        "wagtailcore.PageLogEntry",
        "wagtailcore.ModelLogEntry",
        "wagtailcore.ReferenceIndex",
        "wagtailcore.UploadedFile",
        "wagtailadmin.Admin",
        "wagtailadmin.EditingSession",
        "wagtailadmin.FormState",
        "admin.LogEntry",
        # Background jobs (mail).
        "django_tasks_database.DBTaskResult",
    }
)


# Fields Wagtail fills in from a file the first time it is asked for them, possibly while a page renders (a
# document's size): saving only these is no change of content.
DERIVED_FIELDS = frozenset({"file_size", "file_hash"})


def is_public_content(model) -> bool:
    return model._meta.concrete_model._meta.label not in PRIVATE_MODELS


def current_generation() -> str:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = uuid.uuid4().hex
        if not cache.add(GENERATION_KEY, generation, timeout=None):
            generation = cache.get(GENERATION_KEY, generation)
    return generation


# Set in a process whose last switch did not reach the cache: until one does, it serves no cached page.
_switch_failed = threading.Event()


def new_generation(**kwargs) -> None:
    _bump_generation()
    # Signals fire inside the editor's transaction. A reader in another process can take the new generation
    # before that commits and store the old content under it; a second switch after the commit retires
    # whatever was stored meanwhile. (Outside a transaction on_commit runs at once: two switches, harmless.)
    transaction.on_commit(_bump_generation)


def _bump_generation() -> bool:
    """Switches to a new generation; False (logged as an error) when the cache did not take it."""
    generation = uuid.uuid4().hex
    cache.set(GENERATION_KEY, generation, timeout=None)
    # The cache client logs and swallows its errors (home/cache.py): read back to know the switch happened.
    # Another process may have switched meanwhile, which is just as good.
    stored = cache.get(GENERATION_KEY)
    if stored is None:
        _switch_failed.set()
        logger.error(
            "A content change could not start a new page-cache generation (the cache did not answer): "
            "this process serves no cached page until a switch succeeds"
        )
        return False
    _switch_failed.clear()
    return True


def _content_saved_or_deleted(sender, update_fields=None, **kwargs):
    if is_public_content(sender) and not (update_fields and set(update_fields) <= DERIVED_FIELDS):
        new_generation()


def _links_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and is_public_content(type(instance)):
        new_generation()


def connect_signals() -> None:
    post_save.connect(_content_saved_or_deleted, dispatch_uid="page-cache:saved", weak=False)
    post_delete.connect(_content_saved_or_deleted, dispatch_uid="page-cache:deleted", weak=False)
    m2m_changed.connect(_links_changed, dispatch_uid="page-cache:links", weak=False)
    # Publishing also saves the page; a move and a publication by a queryset update (aliases) save nothing.
    page_published.connect(new_generation, dispatch_uid="page-cache:published", weak=False)
    page_unpublished.connect(new_generation, dispatch_uid="page-cache:unpublished", weak=False)
    post_page_move.connect(new_generation, dispatch_uid="page-cache:moved", weak=False)


# Canonical addresses -----------------------------------------------------------------------------------


def accept_query(request, *params) -> None:
    """Said by a view of the query parameters it read and found valid (a known filter value, a real page
    number). A response is cached under its query string only if every parameter in it was accepted."""
    accepted = getattr(request, "_page_cache_accepted", set())
    accepted.update(params)
    request._page_cache_accepted = accepted


def _query_is_canonical(request) -> bool:
    if not request.GET:
        return True
    accepted = getattr(request, "_page_cache_accepted", set())
    return all(name in accepted and len(values) == 1 for name, values in request.GET.lists())


def _cache_key(request) -> str:
    # Parameters in any order are one address. One entry per address: a copy from an older generation is
    # overwritten, not left to expire beside the new one.
    query = "&".join(f"{name}={value}" for name, value in sorted(request.GET.items()))
    location = f"{request.get_host()}:{request.path}?{query}"
    return f"page-cache:page:{hashlib.sha256(location.encode()).hexdigest()}"


def _request_is_cacheable(request) -> bool:
    return (
        getattr(settings, "PAGE_CACHE_SECONDS", 0) > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(SKIPPED_PREFIXES)
        and len(request.get_full_path()) <= MAX_PATH_LENGTH
    )


def _response_is_cacheable(request, response) -> bool:
    cache_control = response.get("Cache-Control", "")
    user = getattr(request, "user", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not (user is not None and user.is_authenticated)
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
        and response.get("Content-Type", "").split(";")[0] in CACHED_CONTENT_TYPES
        and _query_is_canonical(request)
    )


class AnonymousPageCacheMiddleware:
    """Serves anonymous GETs from the cache; stores what `_response_is_cacheable` allows."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _request_is_cacheable(request):
            return self.get_response(request)
        if _switch_failed.is_set() and not _bump_generation():
            return self.get_response(request)  # the cache may hold what a failed switch should have retired
        key = _cache_key(request)
        # The generation and the page in one round trip; a copy counts only under the current generation.
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY) or current_generation()
        stored = found.get(key)
        if stored is not None and stored[0] == generation:
            return _rebuild(stored)
        response = self.get_response(request)
        if _response_is_cacheable(request, response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
            # Tagged with the generation read before rendering: a change made meanwhile retires it.
            cache.set(key, (generation, response.content, headers), timeout=settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response


def _rebuild(stored) -> HttpResponse:
    _generation, content, headers = stored
    response = HttpResponse(content)
    for name, value in headers.items():
        response[name] = value
    response["X-Page-Cache"] = "hit"
    return response
