"""Surviving an unavailable database: a friendly 503 instead of a 500, and recovery without a restart."""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views import defaults

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30

# PostgreSQL's SQLSTATEs that mean the server cannot serve us now: connection exceptions (class 08), an
# administrator's or crash shutdown, "cannot connect now" while starting, too many connections.
UNAVAILABLE_SQLSTATES = {"57P01", "57P02", "57P03", "53300"}
# SQLite has no codes in Django's exception: its messages for a file that cannot be used.
SQLITE_UNAVAILABLE_MESSAGES = (
    "unable to open database",
    "database is locked",
    "disk i/o error",
    "readonly database",
)
CONNECTION_WORDS = ("connect", "server closed", "terminating connection", "no connection")


def is_outage(exception) -> bool:
    """Whether a database error means the database cannot be reached, as opposed to a bug in a query (a
    syntax error, a missing column, an FTS5 query it cannot parse), which must stay a 500 and be seen."""
    if isinstance(exception, InterfaceError):
        return True  # the connection is already closed
    if not isinstance(exception, OperationalError):
        return False
    sqlstate = getattr(exception.__cause__, "sqlstate", None)
    if sqlstate:
        return sqlstate.startswith("08") or sqlstate in UNAVAILABLE_SQLSTATES
    message = str(exception).lower()
    # psycopg reports a refused or dropped connection without a SQLSTATE: only its message says so.
    return any(words in message for words in (*SQLITE_UNAVAILABLE_MESSAGES, *CONNECTION_WORDS))


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
        if not is_outage(exception):
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
