"""The ceiling: the same bytes as a real page, from memory, through the same server and middleware."""

import os
from functools import cache

from django.http import HttpResponse


@cache
def _page_bytes() -> bytes:
    with open(os.environ["BENCH_CEILING_FILE"], "rb") as source:
        return source.read()


def ceiling(request):
    return HttpResponse(_page_bytes(), content_type="text/html; charset=utf-8")
