"""Ordering of search matches, the same on SQLite and PostgreSQL.

Wagtail's database backend ranks by BM25 on SQLite and by `ts_rank` on PostgreSQL. Field boosts count only on
PostgreSQL (they become the tsvector weights A–D); SQLite's index has two columns, title and body, and ignores
every other boost. So that a title that names what was asked for comes first on both, matches are ordered in
tiers before the backend's own score:

0. the title is exactly the query (case, «ё» and punctuation aside);
1. the title contains every word of the query in some form (home.search_query.title_markers);
2. everything else.
"""

import re

from django.db import connection
from django.db.models import Case, IntegerField, Q, Value, When

from home.search_query import normalise, title_markers, words_of

SCORE = "_score"


def letters_pattern(text: str) -> str:
    """A regular expression (valid for Python and PostgreSQL alike) for `text` with «е» matching «ё»."""
    return "".join("[её]" if letter == "е" else re.escape(letter) for letter in normalise(text))


def title_tier(text: str):
    words = words_of(text)
    markers = title_markers(text)
    if not words:
        return Value(2, output_field=IntegerField())
    exact = r"^\W*" + r"\W+".join(letters_pattern(word) for word in words) + r"\W*$"
    contains_all = Q()
    for marker in markers:
        contains_all &= Q(title__iregex=letters_pattern(marker))
    return Case(
        When(title__iregex=exact, then=Value(0)),
        When(contains_all, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )


def ranked(queryset, text: str, query):
    """The pages of `queryset` matching `query` (built from `text`), best first."""
    matches = queryset.search(query).annotate_score(SCORE).get_queryset()
    # BM25 on SQLite is lower for a better match; ts_rank on PostgreSQL higher.
    score_order = SCORE if connection.vendor == "sqlite" else f"-{SCORE}"
    return matches.annotate(title_tier=title_tier(text)).order_by("title_tier", score_order, "-pk")


def matching(queryset, query):
    """The matches of `query` in `queryset`, unordered: for counting and filtering."""
    return queryset.order_by().search(query, order_by_relevance=False).get_queryset().order_by()
