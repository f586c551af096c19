"""Site search over every live page type (stories, heroes, clubs, calls for mentors), in any word form.

The query means what it means in the club directory (home/search_query.py); matches are ordered by
home/search_ranking.py. Results can be narrowed to one type, each type showing how many it holds; each result
shows its picture, where it sits on the site and the words that matched. Nothing is cached apart from the
whole-page cache for anonymous readers: a search is as fresh as the index.
"""

from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, ForeignKey
from django.shortcuts import render
from django.utils.html import strip_tags
from django.views.decorators.http import require_GET

from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Page

from home.search_query import MAX_QUERY_LENGTH, build_query, highlight_terms, normalise
from home.search_ranking import matching, ranked
from home.search_snippets import snippet

RESULTS_PER_PAGE = 10
MAX_SUGGESTIONS = 3
SUGGESTION_SIMILARITY = 0.5
# templates/home/search.html: the result's picture (the operations in the template's order).
THUMBNAIL = Filter.expand_spec(["format-{avif,webp,jpeg}", "fill-{160x120,320x240}"])


@dataclass(frozen=True)
class ResultType:
    key: str
    label: str
    models: tuple[str, ...]  # empty: every other page type


RESULT_TYPES = (
    ResultType("stories", "Истории", ("stories.StoryPage",)),
    ResultType("heroes", "Герои", ("stories.HeroPage",)),
    ResultType("clubs", "Кружки", ("clubs.ClubPage",)),
    ResultType("calls", "Призывы", ("mentors.MentorCallPage",)),
    ResultType("pages", "Страницы", ()),
)


def _type_of_content_types(content_type_ids):
    """{content type id: ResultType key} for the content types found."""
    by_model = {}
    for result_type in RESULT_TYPES:
        for label in result_type.models:
            model = apps.get_model(label)
            by_model[ContentType.objects.get_for_model(model).pk] = result_type.key  # cached by Django
    return {pk: by_model.get(pk, "pages") for pk in content_type_ids}


def _searchable_pages():
    # The site's home page (depth 2) matches nearly everything and says nothing: it is not a result.
    return Page.objects.live().public().filter(depth__gt=2)


def _counts_by_type(pages, query):
    rows = matching(pages, query).values("content_type").annotate(found=Count("pk")).order_by()
    rows = list(rows)
    type_of = _type_of_content_types([row["content_type"] for row in rows])
    counts = dict.fromkeys((result_type.key for result_type in RESULT_TYPES), 0)
    content_types = {result_type.key: [] for result_type in RESULT_TYPES}
    for row in rows:
        key = type_of[row["content_type"]]
        counts[key] += row["found"]
        content_types[key].append(row["content_type"])
    return counts, content_types


def _attach_pictures(pages):
    """Every page's image foreign keys filled from one query (with the thumbnail's renditions)."""
    image_model = get_image_model()
    fields_of = {}
    for page in pages:
        fields_of.setdefault(
            type(page),
            [
                field
                for field in type(page)._meta.concrete_fields
                if isinstance(field, ForeignKey) and field.related_model is image_model
            ],
        )
    wanted = {getattr(page, field.attname) for page in pages for field in fields_of[type(page)]} - {None}
    images = image_model.objects.prefetch_renditions(*THUMBNAIL).in_bulk(wanted) if wanted else {}
    for page in pages:
        for field in fields_of[type(page)]:
            field.set_cached_value(page, images.get(getattr(page, field.attname)))


def _breadcrumbs(pages, request):
    """{page pk: [(title, url) of the sections above it]} from one query."""
    paths = {page.pk: [page.path[: Page.steplen * depth] for depth in range(3, page.depth)] for page in pages}
    wanted = {path for page_paths in paths.values() for path in page_paths}
    ancestors = {
        page.path: page for page in Page.objects.filter(path__in=wanted).only("title", "url_path", "path")
    }
    return {
        pk: [
            (ancestors[path].title, ancestors[path].get_url(request))
            for path in page_paths
            if path in ancestors
        ]
        for pk, page_paths in paths.items()
    }


def _suggestions(pages, text):
    """Pages whose title is close to what was typed, for a query that found nothing (typo tolerance).
    PostgreSQL's pg_trgm only; SQLite has no trigram similarity."""
    if connection.vendor != "postgresql":
        return []
    from django.contrib.postgres.search import TrigramWordSimilarity

    return list(
        pages.annotate(similarity=TrigramWordSimilarity(normalise(text), "title"))
        .filter(similarity__gte=SUGGESTION_SIMILARITY)
        .order_by("-similarity", "title")
        .only("title", "url_path")[:MAX_SUGGESTIONS]
    )


def _page_number(requested, num_pages):
    try:
        number = int(requested)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), max(num_pages, 1))


def _results(request, query_text, query):
    pages = _searchable_pages()
    counts, content_types = _counts_by_type(pages, query)
    chosen = request.GET.get("type", "")
    if chosen not in counts:
        chosen = ""
    total = sum(counts.values())
    found = counts[chosen] if chosen else total
    paginator = Paginator(range(found), RESULTS_PER_PAGE)
    page_obj = paginator.page(_page_number(request.GET.get("page"), paginator.num_pages))
    results = []
    if found:
        candidates = pages.filter(content_type__in=content_types[chosen]) if chosen else pages
        pks = list(
            ranked(candidates, query_text, query).values_list("pk", flat=True)[
                page_obj.start_index() - 1 : page_obj.end_index()
            ]
        )
        # One query per page type, not per result, for titles, summaries, pictures and addresses.
        specific = {page.pk: page for page in Page.objects.filter(pk__in=pks).specific()}
        shown = [specific[pk] for pk in pks if pk in specific]
        _attach_pictures(shown)
        crumbs = _breadcrumbs(shown, request)
        forms, prefixes = highlight_terms(query_text)
        type_of = _type_of_content_types({page.content_type_id for page in shown})
        labels = {result_type.key: result_type.label for result_type in RESULT_TYPES}
        for page in shown:
            summary = strip_tags(getattr(page, "listing_summary", "") or page.search_description or "")
            results.append(
                {
                    "page": page,
                    "type": str(page._meta.verbose_name).capitalize(),
                    "type_label": labels[type_of[page.content_type_id]],
                    "image": getattr(page, "listing_image", None),
                    "snippet": snippet(summary, forms, prefixes),
                    "breadcrumbs": crumbs[page.pk],
                }
            )
    return {
        "results": results,
        "page_obj": page_obj,
        "total": total,
        "found": found,
        "chosen_type": chosen,
        "types": [
            {"key": result_type.key, "label": result_type.label, "count": counts[result_type.key]}
            for result_type in RESULT_TYPES
        ],
        "suggestions": _suggestions(pages, query_text) if not total else [],
    }


@require_GET
def search(request):
    query_text = request.GET.get("q", "").replace("\x00", "").strip()
    context = {"query": query_text[:MAX_QUERY_LENGTH], "results": [], "page_obj": None, "error": ""}
    if len(query_text) > MAX_QUERY_LENGTH:
        context["error"] = f"Запрос слишком длинный: оставьте до {MAX_QUERY_LENGTH} символов."
    elif query_text:
        query = build_query(query_text)
        if query is None:
            context["error"] = "В запросе нет слов: напишите, что вы ищете, например «сталевар» или «Урал»."
        else:
            context.update(_results(request, query_text, query))
    return render(request, "home/search.html", context)
