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
    assert '<form class="search-form" method="get" action="/search/#results" role="search"' in html
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
    assert "Сорок лет у <mark>мартеновской</mark> печи." in response.text
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


@pytest.mark.parametrize("text", ["𗀀", "шахтёр 𗀀", "а𗀀б"])
def test_letters_the_dictionary_cannot_name_are_searched_as_typed(client, pages, text):
    """pymorphy3 looks up Unicode names, and a Tangut letter has none: found by the fuzz test as a 500."""
    assert build_query(text) is not None
    assert client.get("/search/", {"q": text}).status_code == 200


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
    searches = [query["sql"] for query in queries.captured_queries if "@@" in query["sql"]]
    assert len(searches) == 2  # the counts by type, and the page of ranked results
    search_sql = searches[1]
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_get_indexdef('search_entry_title_body_gin'::regclass)")
        (gin_definition,) = cursor.fetchone()
        for scan in ("seqscan", "indexscan", "indexonlyscan"):
            cursor.execute(f"SET LOCAL enable_{scan} = off")
        cursor.execute("EXPLAIN " + search_sql)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    # The join: the planner, kept off full scans, joins through an index: with a handful of pages it may
    # start from the pages and use the entries' (content type, object id) index instead of page_id_as_text
    # (which a scale-100 plan uses), so check the SQL carries page_id_as_text's expression.
    assert "Seq Scan on wagtailsearch_indexentry" not in plan, plan
    assert '("wagtailcore_page"."id")::varchar(50)' in search_sql, search_sql
    # The match: with four pages the planner prefers another index, so compare the expressions as PostgreSQL
    # normalises them.
    assert "USING gin (((title || body)))" in gin_definition, gin_definition
    assert "(title || body) @@" in plan, plan


def test_a_new_page_is_found_at_once(client, pages):
    """No cache of results between the index and the reader: what is published is found on the next search."""
    assert found_titles(client, "шахтёр")[1] == {"Смена длиною в жизнь", "Горбунов Виктор Степанович"}
    stories = pages["hero_story"].get_parent()
    StoryPageFactory(parent=stories, title="Шахтёр и его ученики", slug="ucheniki").save_revision().publish()
    assert "Шахтёр и его ученики" in found_titles(client, "шахтёр")[1]
    pages["miner_story"].unpublish()
    assert "Смена длиною в жизнь" not in found_titles(client, "шахтёр")[1]


def test_the_header_has_a_search_form_on_every_page(client, pages):
    for url in ["/", "/istorii/geroy/", "/o-nas/", "/search/?q=труд"]:
        html = client.get(url).text
        assert '<form class="site-search" method="get" action="/search/#results" role="search"' in html, url
        assert '<label class="visually-hidden" for="site-search-query">Поиск по сайту</label>' in html
        assert '<button class="site-search__button" type="submit">Найти</button>' in html


def test_the_phone_menu_leads_to_search():
    from django.template.loader import render_to_string

    html = render_to_string(
        "includes/header_navigation.html", {"links": [{"href": "/istorii/", "text": "Истории"}]}
    )
    assert (
        '<li class="site-nav__search"><a class="site-nav__link" href="/search/">Поиск по сайту</a></li>'
        in html
    )


def test_results_can_be_narrowed_to_a_type_with_counts(client, pages):
    response = client.get("/search/", {"q": "шахтёр"})
    types = {t["key"]: t["count"] for t in response.context["types"]}
    assert types == {"stories": 1, "heroes": 1, "clubs": 0, "calls": 0, "pages": 0}
    assert 'Истории <span class="search-types__count">1</span></a>' in response.text
    response = client.get("/search/", {"q": "шахтёр", "type": "heroes"})
    assert [r["page"].title for r in response.context["results"]] == ["Горбунов Виктор Степанович"]
    assert response.context["total"] == 2 and response.context["found"] == 1
    # An unknown type shows everything.
    assert client.get("/search/", {"q": "шахтёр", "type": "x"}).context["found"] == 2


def test_matched_words_are_marked_and_the_rest_escaped(client, home_page):
    StandardPageFactory(
        parent=home_page, title="Заметка", slug="zametka", lead="Шахтёры & «шахтерские» династии 1<2"
    )
    response = client.get("/search/", {"q": "шахтер"})
    assert "<mark>Шахтёры</mark> &amp; «<mark>шахтерские</mark>» династии 1&lt;2</p>" in response.text


def test_results_show_breadcrumbs_and_pictures(client, pages):
    from home.factories import CustomImageFactory

    pages["hero_story"].cover_image = CustomImageFactory(title="Печь")
    pages["hero_story"].save_revision().publish()
    response = client.get("/search/", {"q": "мартеновской"})
    assert '<ol><li><a href="/istorii/">' in response.text
    assert "format-avif.fill-160x120.avif" in response.text


def test_page_numbers_look_like_page_numbers(client, home_page):
    for number in range(23):
        StandardPageFactory(parent=home_page, title=f"Сталевары {number}", slug=f"s{number}")
    response = client.get("/search/", {"q": "сталевар", "page": "2"})
    assert response.context["page_obj"].number == 2
    assert (
        '<span class="pagination__link pagination__link--current" aria-current="page">2</span>'
        in response.text
    )
    assert 'aria-label="Страница 3">3</a>' in response.text
    assert "Страница 2 из 3" in response.text


def test_picture_titles_and_captions_inside_a_story_are_searched(client, home_page):
    from home.factories import CustomImageFactory

    stories = StoryIndexPageFactory(parent=home_page)
    picture = CustomImageFactory(title="Терриконы над посёлком")
    StoryPageFactory(
        parent=stories,
        title="Без слов",
        slug="bez-slov",
        body=[
            ("image", {"image": picture, "caption": "Вечерняя смена", "credit": ""}),
            (
                "gallery",
                {
                    "title": "",
                    "images": [{"image": picture, "caption": "Копёр"}, {"image": picture, "caption": ""}],
                },
            ),
        ],
    )
    for query in ["терриконы", "вечерняя смена", "копёр"]:
        assert found_titles(client, query)[1] == {"Без слов"}, query


def test_words_of_one_family_and_a_started_last_word(client, home_page):
    StandardPageFactory(parent=home_page, title="Шахтёрский посёлок", slug="poselok")
    StandardPageFactory(parent=home_page, title="Работа на шахте", slug="shakhta")
    StandardPageFactory(parent=home_page, title="Екатеринбург", slug="ekb")
    assert found_titles(client, "шахтер")[1] == {"Шахтёрский посёлок", "Работа на шахте"}
    assert found_titles(client, "екатеринбу")[1] == {"Екатеринбург"}
    # Only the last word is a prefix: «екатеринбу» typed first must be a whole word.
    assert not found_titles(client, "екатеринбу посёлок")[1]


def test_an_exact_title_comes_first(client, home_page):
    for number in range(5):
        StandardPageFactory(
            parent=home_page, title=f"Заметка {number}", slug=f"z{number}", lead="Юный техник " * (number + 3)
        )
    StandardPageFactory(parent=home_page, title="Юный техник", slug="yt", lead="Кружок.")
    response = client.get("/search/", {"q": "юный техник"})
    assert response.context["results"][0]["page"].title == "Юный техник"


def test_the_number_of_queries_does_not_grow_with_results(client, home_page, django_assert_max_num_queries):
    from home.factories import CustomImageFactory

    stories = StoryIndexPageFactory(parent=home_page)
    heroes = HeroIndexPageFactory(parent=home_page)
    for number in range(12):
        StoryPageFactory(
            parent=stories, title=f"Сталевар {number}", slug=f"st{number}", cover_image=CustomImageFactory()
        )
        HeroPageFactory(parent=heroes, title=f"Сталеваров {number}", slug=f"h{number}", profession="сталевар")
    client.get("/search/", {"q": "сталевар"})  # the site, settings and content types read once per worker
    with django_assert_max_num_queries(16):
        response = client.get("/search/", {"q": "сталевар"})
    assert len(response.context["results"]) == 10


@pytest.mark.postgres
def test_a_misspelt_name_gets_a_suggestion(client, pages):
    """PostgreSQL's pg_trgm offers pages whose title is close to a query that found nothing."""
    response = client.get("/search/", {"q": "Горбунофф"})
    assert response.context["total"] == 0
    assert [page.title for page in response.context["suggestions"]] == ["Горбунов Виктор Степанович"]
    assert "Возможно, вы искали:" in response.text
    assert f'<a href="{pages["hero"].url}">Горбунов Виктор Степанович</a>' in response.text


def test_no_suggestions_without_trigrams_or_for_nonsense(client, pages):
    response = client.get("/search/", {"q": "ъъъщщщ"})
    assert response.context["total"] == 0
    assert response.context["suggestions"] == []
