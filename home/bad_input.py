"""Refuses query strings with NUL characters: no reader types them, and PostgreSQL cannot store or compare
them (a filter value with one would otherwise end in a database error)."""

from django.http import HttpResponseBadRequest

MESSAGE = (
    "В адресе страницы есть недопустимый символ. "
    "Проверьте ссылку или откройте раздел заново с главной страницы."
)


class RejectNulCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any(
            "\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()
        ):
            return HttpResponseBadRequest(MESSAGE, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
