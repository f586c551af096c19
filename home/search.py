"""Site search over every live page type (stories, heroes, clubs, calls for mentors), in any word form."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from wagtail.models import Page

from home.search_query import MAX_QUERY_LENGTH, build_query

RESULTS_PER_PAGE = 10


def _page_number(requested, num_pages):
    try:
        number = int(requested)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), max(num_pages, 1))


def _type_label(page):
    return str(page._meta.verbose_name).capitalize()


def _found(request, query, requested):
    """(number of results, the page's number, its pages' pks, best first)."""
    results = Page.objects.live().public().exclude(depth__lte=1).search(query)
    paginator = Paginator(results, RESULTS_PER_PAGE)
    page_obj = paginator.page(_page_number(requested, paginator.num_pages))
    return paginator.count, page_obj.number, [page.pk for page in page_obj.object_list]


@require_GET
def search(request):
    query_text = request.GET.get("q", "").strip()
    context = {"query": query_text[:MAX_QUERY_LENGTH], "results": [], "page_obj": None, "error": ""}
    if len(query_text) > MAX_QUERY_LENGTH:
        context["error"] = f"Запрос слишком длинный: оставьте до {MAX_QUERY_LENGTH} символов."
    elif query_text:
        query = build_query(query_text)
        if query is None:
            context["error"] = "В запросе нет слов: напишите, что вы ищете, например «сталевар» или «Урал»."
        else:
            requested = request.GET.get("page")
            count, number, pks = _found(request, query, requested)
            # The page of a paginator over nothing but the count: the template's numbers and links.
            page_obj = Paginator(range(count), RESULTS_PER_PAGE).page(number)
            # One query per page type, not per result, for titles, summaries and addresses.
            specific = {page.pk: page for page in Page.objects.filter(pk__in=pks).specific()}
            context["results"] = [
                {"page": specific[pk], "type": _type_label(specific[pk])} for pk in pks if pk in specific
            ]
            context["page_obj"] = page_obj
    return render(request, "home/search.html", context)
