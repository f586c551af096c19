"""Requests no browser sends, refused with a clear Russian message before any view reads them.

- Query strings with NUL characters: no reader types them, and PostgreSQL cannot store or compare them (a
  filter value with one would otherwise end in a database error).
- Forms posted in a character set other than UTF-8 (`charset=koi8-r`, `utf-16`, `windows-1251`, or a name
  Python does not know): every page of the site is UTF-8, so a browser posts UTF-8; decoding anything else
  fails somewhere between the CSRF check and the view and ended in a server error.
"""

from django.http import HttpResponseBadRequest
from django.template.loader import render_to_string
from django.utils.http import parse_header_parameters

MESSAGE = (
    "В адресе страницы есть недопустимый символ. "
    "Проверьте ссылку или откройте раздел заново с главной страницы."
)
# Exactly the label Django accepts for url-encoded forms (HttpRequest._load_post_and_files).
ACCEPTED_CHARSETS = frozenset({"utf-8"})
METHODS_WITH_BODY = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class RejectNulCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any(
            "\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()
        ):
            return HttpResponseBadRequest(MESSAGE, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


def posted_charset(request) -> str | None:
    """The charset named in the request's Content-Type, lower-cased; None when none is named."""
    _content_type, parameters = parse_header_parameters(request.META.get("CONTENT_TYPE", ""))
    charset = parameters.get("charset")
    return charset.strip().strip('"').lower() if charset is not None else None


class RejectNonUtf8FormsMiddleware:
    """Must come before anything that reads request.POST (the CSRF check, the session, the views)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in METHODS_WITH_BODY:
            charset = posted_charset(request)
            if charset is not None and charset not in ACCEPTED_CHARSETS:
                html = render_to_string("400_charset.html")
                response = HttpResponseBadRequest(html)
                response["Cache-Control"] = "no-store"
                return response
        return self.get_response(request)
