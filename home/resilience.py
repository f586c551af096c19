"""Surviving an unavailable database: a friendly 503 instead of a 500, and recovery without a restart."""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views import defaults

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30


class DatabaseUnavailableMiddleware:
    """Answers 503 when the database cannot be reached.

    Every write happens inside a transaction (ATOMIC_REQUESTS for form views, or the view's own), so a request
    that fails here has saved nothing half-way. Django drops the broken connection at the end of the request,
    and the next request connects again: when the database returns, the site recovers by itself.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        return unavailable(request, exception)


def unavailable(request, exception) -> HttpResponse:
    # No personal data in logs: the path only, never the query string or the posted form.
    logger.error(
        "Database unavailable while serving %s %s: %s",
        request.method,
        request.path,
        type(exception).__name__,
    )
    html = render_to_string("503.html", {"is_post": request.method == "POST"})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request, *args, **kwargs):
    """handler500: a database error outside a view (a middleware reading an editor's session or user, the
    404 page reading the site's settings) is an outage too, answered with the 503 page."""
    exception = sys.exc_info()[1]
    if isinstance(exception, OperationalError | InterfaceError):
        return unavailable(request, exception)
    return defaults.server_error(request, *args, **kwargs)
