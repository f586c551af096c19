"""Site search: any page type, any Russian word form, «ё» the same as «е», bad input answered in Russian."""

import pytest

from home.factories import StandardPageFactory
from home.search_query import build_query, word_forms
from stories.factories import HeroIndexPageFactory, HeroPageFactory, StoryIndexPageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home_page):
    stories = StoryIndexPageFactory(parent=home_page)
    heroes = HeroIndexPageFactory(parent=home_page)
    return {
        "hero_story": StoryPageFactory(
            parent=stories, title="Герой нашего завода", slug="geroy", lead="Сорок лет у мартеновской печи."
        ),
        "miner_story": StoryPageFactory(
            parent=stories,
            title="Смена длиною в жизнь",
            slug="smena",
            lead="Рассказ о том, как шахтёр стал наставником.",
        ),
        "hero": HeroPageFactory(
            parent=heroes, title="Горбунов Виктор Степанович", slug="gorbunov", profession="шахтёр"
        ),
        "about": StandardPageFactory(
            parent=home_page, title="О нас", slug="o-nas", lead="Мы объединяем ветеранов труда."
        ),
    }


def found_titles(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return response, response.context["results"] and {
        result["page"].title for result in response.context["results"]
    }


def test_search_page_has_a_labelled_search_form(client, home_page):
    html = client.get("/search/").text
    assert '<form class="search-form" method="get" action="/search/" role="search">' in html
    assert '<label for="search-query">' in html
    assert "<h1>Поиск по сайту</h1>" in html


def test_a_word_finds_every_page_type(client, pages):
    _, titles = found_titles(client, "шахтёр")
    assert titles == {"Смена длиною в жизнь", "Горбунов Виктор Степанович"}
    _, titles = found_titles(client, "ветеранов")
    assert titles == {"О нас"}


def test_other_word_form_finds_the_title(client, pages):
    """«героев» (genitive plural) finds a story titled with «Герой»."""
    _, titles = found_titles(client, "героев")
    assert "Герой нашего завода" in titles


def test_e_finds_yo(client, pages):
    """«шахтер» typed without «ё» finds «шахтёр»."""
    _, titles = found_titles(client, "шахтер")
    assert titles == {"Смена длиною в жизнь", "Горбунов Виктор Степанович"}


def test_yo_finds_e(client, home_page):
    StandardPageFactory(parent=home_page, title="Ученые Сибири", slug="uchenye", lead="Про ученых.")
    _, titles = found_titles(client, "учёные")
    assert titles == {"Ученые Сибири"}


def test_every_word_must_match(client, pages):
    _, titles = found_titles(client, "шахтер наставник")
    assert titles == {"Смена длиною в жизнь"}


def test_prepositions_do_not_spoil_the_query(client, pages):
    _, titles = found_titles(client, "о героях")
    assert "Герой нашего завода" in titles


def test_drafts_are_not_found(client, pages):
    pages["hero_story"].unpublish()
    response, titles = found_titles(client, "мартеновская")
    assert not titles
    assert "Ничего не нашлось" in response.text
    assert "Проверьте, нет ли опечатки" in response.text


def test_results_show_type_and_summary(client, pages):
    response, _ = found_titles(client, "мартеновской")
    assert '<p class="search-result__type">История</p>' in response.text
    assert "Сорок лет у мартеновской печи." in response.text
    assert 'href="/istorii/geroy/"' in response.text


@pytest.mark.parametrize("query", ["!!!", "«»", "-"])
def test_a_query_without_words_is_explained(client, pages, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert "В запросе нет слов" in response.text
    assert 'aria-describedby="search-error"' in response.text
    assert f'value="{query}"'.replace("«", "&laquo;") in response.text or query in response.text


def test_a_too_long_query_is_explained_and_kept(client, pages):
    response = client.get("/search/", {"q": "шахтёр " * 60})
    assert response.status_code == 200
    assert "Запрос слишком длинный" in response.text


@pytest.mark.parametrize("page", ["0", "abc", "999", "-1"])
def test_result_pages_never_fail(client, pages, page):
    response = client.get("/search/", {"q": "шахтёр", "page": page})
    assert response.status_code == 200
    assert response.context["results"]


def test_search_results_are_not_indexed_by_robots(client, home_page):
    assert '<meta name="robots" content="noindex, follow">' in client.get("/search/?q=труд").text


def test_word_forms_cover_the_lexeme_and_both_spellings():
    forms = word_forms("героев")
    assert {"герой", "героя", "героям", "героях"} <= set(forms)
    assert {"шахтёр", "шахтер", "шахтёрами", "шахтерами"} <= set(word_forms("шахтер"))
    assert word_forms("ГАЗ-66") == ("газ-66",)


def test_build_query_needs_words():
    assert build_query("  ") is None
    assert build_query("?!") is None


@pytest.mark.postgres
def test_postgres_backend_stems_russian(client, pages, settings):
    """On PostgreSQL the index itself is Russian-stemmed (SEARCH_CONFIG «russian»)."""
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    assert type(backend).__name__ == "PostgresSearchBackend"
    assert backend.config == "russian"
    from wagtail.models import Page

    # Without the word-form expansion: the stemmer alone finds «наставником» for «наставники».
    assert {page.title for page in Page.objects.live().search("наставники")} == {"Смена длиною в жизнь"}


@pytest.mark.postgres
def test_postgres_search_reads_matching_entries_through_indexes(client, pages):
    """The backend's match (`title || body @@ query`) and its join to pages (`object_id = id::varchar`) each
    have an index (home/migrations/0009): without them every search reads every entry and every page. An index
    only serves an expression written exactly like its own, so this checks against the SQL Wagtail writes."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get("/search/", {"q": "наставник"})
    search_sql = next(query["sql"] for query in queries.captured_queries if "@@" in query["sql"])
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_get_indexdef('search_entry_title_body_gin'::regclass)")
        (gin_definition,) = cursor.fetchone()
        for scan in ("seqscan", "indexscan", "indexonlyscan"):
            cursor.execute(f"SET LOCAL enable_{scan} = off")
        cursor.execute("EXPLAIN " + search_sql)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    # The join: the planner, kept off full scans, reads pages through the index.
    assert "page_id_as_text" in plan, plan
    # The match: with four pages the planner prefers another index, so compare the expressions as PostgreSQL
    # normalises them.
    assert "USING gin (((title || body)))" in gin_definition, gin_definition
    assert "(title || body) @@" in plan, plan
