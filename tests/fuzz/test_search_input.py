"""Hostile text typed into site search and the club directory's search and city fields: the database's own
query syntax (FTS5 on SQLite, tsquery on PostgreSQL), quotes, brackets, NUL bytes, very long input and any
unicode, mixed with words that exist on the site so that the query reaches the full-text index. Never a 5xx:
not a 500, and not the 503 that an unparseable query used to be taken for. Runs on both databases."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clubs.factories import ClubIndexPageFactory, ClubPageFactory
from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

SYNTAX = st.sampled_from(
    [
        '"',
        "'",
        "''",
        '""',
        "(",
        ")",
        "((",
        "))",
        "[",
        "]",
        "{",
        "}",
        "*",
        "**",
        "-",
        "--",
        "+",
        "^",
        ":",
        ":*",
        "!",
        "&",
        "|",
        "<->",
        "<1>",
        "NEAR",
        "NEAR(",
        "NEAR/2",
        "AND",
        "OR",
        "NOT",
        "MATCH",
        "\\",
        "\\'",
        ";",
        "\x00",
        "\u202e",
        "\ufeff",
        "ё",
        "Ё",
        "ß",
        "İ",
        "𝔘𝔫𝔦",
        "😀",
        "ـ",
        "\u0301",
        "_",
        "__",
        "%",
        "%%",
        "#",
    ]
)
WORDS = st.sampled_from(["шахтёр", "шахтер", "кружок", "робот", "Москва", "юный", "техник", "a", "1", "и"])
TOKEN = st.one_of(SYNTAX, WORDS, st.text(max_size=12))
QUERY = st.one_of(
    st.lists(TOKEN, max_size=12).map(" ".join),
    st.lists(TOKEN, max_size=12).map("".join),
    st.text(max_size=300),
    st.text(min_size=200, max_size=3000),
)
FUZZ = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def searchable(home_page):
    clubs = ClubIndexPageFactory(parent=home_page, slug="kruzhki")
    ClubPageFactory(
        parent=clubs, title="Юный техник", slug="yunyy-tehnik", intro="Роботы и шахтёрские машины."
    )
    StandardPageFactory(parent=home_page, title="Шахтёры", slug="shahtery", lead="О шахтёрах и шахтах.")
    return clubs


@FUZZ
@given(
    query=QUERY,
    page=st.one_of(st.none(), st.text(max_size=5)),
    kind=st.one_of(st.none(), st.text(max_size=8)),
)
def test_site_search_never_answers_5xx(client, searchable, query, page, kind):
    params = {"q": query}
    if page is not None:
        params["page"] = page
    if kind is not None:
        params["type"] = kind
    response = client.get("/search/", params)
    assert response.status_code < 500, params


@FUZZ
@given(query=QUERY, city=QUERY)
def test_the_directory_never_answers_5xx(client, searchable, query, city):
    response = client.get(searchable.url, {"q": query, "city": city})
    assert response.status_code < 500, (query, city)
