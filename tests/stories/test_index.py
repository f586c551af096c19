import re

from django.utils.html import escape

import pytest

from stories.factories import StoryPageFactory

pytestmark = pytest.mark.django_db


def titles(html):
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a></h3>', html)


def listing(html):
    """Card titles of the main list (not the featured block)."""
    section = html[html.index('id="list-title"') :]
    return titles(section)


def option(html, param, value):
    match = re.search(rf'<select id="filter-{param}" name="{param}".*?</select>', html, re.S)
    assert match, param
    found = re.search(rf'<option value="{re.escape(value)}"( selected)?>([^<]+)</option>', match.group(0))
    return found and (found.group(2), bool(found.group(1)))


ALL = {
    "Сорок лет у мартеновской печи",
    "Интервью со сталеваром",
    "Клуб юных животноводов",
    "Открылся центр наставничества",
}


def test_index_lists_stories_newest_first(client, catalogue, story_index):
    html = client.get(story_index.url).text
    stories = catalogue["stories"]
    expected = sorted(stories.values(), key=lambda story: story.date, reverse=True)
    assert listing(html) == [story.title for story in expected]
    assert "4 истории" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=interview", {"Интервью со сталеваром"}),
        (
            "tag=nastavnichestvo",
            {"Сорок лет у мартеновской печи", "Интервью со сталеваром", "Открылся центр наставничества"},
        ),
        ("region=belgorodskaya-oblast", {"Клуб юных животноводов"}),
        ("award=hero_socialist_labour", {"Сорок лет у мартеновской печи", "Интервью со сталеваром"}),
        ("award=order_labour_glory", {"Клуб юных животноводов"}),
        ("industry=selskoe-hozyaystvo", {"Клуб юных животноводов"}),
    ],
)
def test_each_filter_alone(client, catalogue, story_index, query, expected):
    assert set(listing(client.get(f"{story_index.url}?{query}").text)) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("tag=nastavnichestvo&kind=story", {"Сорок лет у мартеновской печи"}),
        ("tag=nastavnichestvo&region=moskva", {"Открылся центр наставничества"}),
        ("industry=metallurgiya&award=hero_socialist_labour&kind=interview", {"Интервью со сталеваром"}),
        (
            "region=sverdlovskaya-oblast&tag=nastavnichestvo&industry=metallurgiya",
            {"Сорок лет у мартеновской печи", "Интервью со сталеваром"},
        ),
    ],
)
def test_filters_combine(client, catalogue, story_index, query, expected):
    assert set(listing(client.get(f"{story_index.url}?{query}").text)) == expected


def test_counts_say_what_each_choice_would_give_with_the_other_filters(client, catalogue, story_index):
    html = client.get(f"{story_index.url}?tag=nastavnichestvo").text
    # Within the topic: two stories from Sverdlovsk oblast, one from Moscow, none from Belgorod.
    assert option(html, "region", "sverdlovskaya-oblast") == ("Свердловская область (2)", False)
    assert option(html, "region", "moskva") == ("Москва (1)", False)
    assert option(html, "region", "belgorodskaya-oblast") is None
    # The topic's own counts ignore the chosen topic, so other topics stay visible.
    assert option(html, "tag", "nastavnichestvo") == ("наставничество (3)", True)
    assert option(html, "tag", "shkolniki") == ("школьники (1)", False)
    assert option(html, "kind", "story") == ("История (1)", False)
    assert option(html, "kind", "news") == ("Новость (1)", False)


def test_filters_live_in_a_get_form_and_reset_link(client, catalogue, story_index):
    html = client.get(f"{story_index.url}?tag=nastavnichestvo&kind=story").text
    assert f'<form class="filters" method="get" action="{story_index.url}"' in html
    for param in ("kind", "tag", "region", "award", "industry"):
        assert f'<label for="filter-{param}">' in html
    assert f'<a class="button button--secondary" href="{story_index.url}">Сбросить фильтры</a>' in html
    # Each chosen filter can be removed on its own, keeping the other one.
    assert escape("?kind=story") in html and escape("?tag=nastavnichestvo") in html
    assert "Убрать фильтр «Жанр: История»" in html


def test_no_reset_link_without_filters(client, catalogue, story_index):
    assert "Сбросить фильтры" not in client.get(story_index.url).text


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("region=atlantida", "region"),
        ("tag=net-takoy-temy", "tag"),
        ("kind=poem", "kind"),
        ("award=medal", "award"),
    ],
)
def test_unknown_values_are_explained_and_not_applied(client, catalogue, story_index, query, param):
    response = client.get(f"{story_index.url}?{query}")
    assert response.status_code == 200
    value = query.split("=")[1]
    assert f"«{value}» нет среди значений фильтра" in response.text
    assert f'aria-describedby="filter-{param}-error"' in response.text
    assert set(listing(response.text)) == ALL


def test_empty_result_says_so_and_suggests_widening(client, catalogue, story_index):
    html = client.get(f"{story_index.url}?region=moskva&kind=interview").text
    assert "Историй с такими условиями пока нет." in html
    assert "Попробуйте расширить поиск" in html
    assert "без фильтра «Регион: Москва»" in html
    assert "без фильтра «Жанр: Интервью»" in html
    assert listing(html) == []


def test_a_known_value_with_nothing_left_stays_selected(client, catalogue, story_index):
    html = client.get(f"{story_index.url}?region=moskva&kind=interview").text
    assert option(html, "kind", "interview") == ("Интервью (0)", True)


@pytest.fixture
def thirty_stories(story_index):
    return [StoryPageFactory(parent=story_index, title=f"История номер {n}") for n in range(30)]


@pytest.mark.parametrize(
    ("page", "shown", "notice"),
    [
        ("1", 1, ""),
        ("2", 2, ""),
        ("3", 3, ""),
        ("0", 1, "показана первая страница"),
        ("-5", 1, "показана первая страница"),
        ("abc", 1, "Номер страницы указан неверно"),
        ("99999", 3, "показана последняя страница"),
        ("99999999999999999999999999", 3, "показана последняя страница"),
        ("", 1, ""),
    ],
)
def test_pagination_edges_never_fail(client, story_index, thirty_stories, page, shown, notice):
    response = client.get(f"{story_index.url}?page={page}")
    assert response.status_code == 200
    assert f"Страница {shown} из 3" in response.text
    if notice:
        assert notice in response.text
    assert len(listing(response.text)) == (6 if shown == 3 else 12)


def test_pagination_has_russian_labels_and_keeps_filters(client, story_index, thirty_stories):
    html = client.get(f"{story_index.url}?kind=story&page=2").text
    assert 'aria-label="Страницы"' in html
    assert "← Предыдущая" in html and "Следующая →" in html
    assert 'href="?kind=story&amp;page=3"' in html
    assert '<span class="pagination__link pagination__link--current" aria-current="page">2</span>' in html


def test_featured_stories_show_first_on_the_unfiltered_first_page(client, catalogue, story_index):
    farm = catalogue["stories"]["farm"]
    farm.featured = True
    farm.save()
    html = client.get(story_index.url).text
    featured = html[html.index('id="featured-title"') : html.index('id="list-title"')]
    assert titles(featured) == ["Клуб юных животноводов"]
    # Not repeated straight below: the list goes on with the others, and the count still says all four.
    assert "Клуб юных животноводов" not in listing(html)
    assert set(listing(html)) == ALL - {"Клуб юных животноводов"}
    assert "4 истории" in html
    assert 'id="featured-title"' not in client.get(f"{story_index.url}?kind=news").text


def test_the_industry_filter_stays_when_its_counts_are_zero(client, catalogue, story_index):
    from stories.factories import IndustryFactory

    IndustryFactory(name="Энергетика", slug="energetika")
    html = client.get(story_index.url).text
    assert '<option value="energetika" disabled>Энергетика (0)</option>' in html
    # Under a filter that leaves no story with a hero, every industry counts zero: the field stays.
    html = client.get(f"{story_index.url}?kind=news").text
    assert 'id="filter-industry"' in html
    assert '<option value="metallurgiya" disabled>Металлургия (0)</option>' in html


def test_tag_page_has_a_clean_address(client, catalogue, story_index):
    url = story_index.tag_url("nastavnichestvo")
    assert url == "/istorii/tema/nastavnichestvo/"
    response = client.get(url)
    assert response.status_code == 200
    assert "<h1>Тема: наставничество</h1>" in response.text
    assert set(listing(response.text)) == {
        "Сорок лет у мартеновской печи",
        "Интервью со сталеваром",
        "Открылся центр наставничества",
    }
    assert f'<link rel="canonical" href="http://localhost{url}">' in response.text
    # Other filters still combine with the topic.
    assert set(listing(client.get(f"{url}?kind=news").text)) == {"Открылся центр наставничества"}


def test_unknown_tag_page_is_404(client, catalogue, story_index):
    assert client.get("/istorii/tema/net-takoy/").status_code == 404


def test_empty_index_says_stories_are_coming(client, story_index):
    html = client.get(story_index.url).text
    assert "Историй с такими условиями пока нет." in html
    assert "редакция готовит новые истории" in html


def test_cards_show_kind_date_region_and_heroes(client, catalogue, story_index):
    html = client.get(story_index.url).text
    assert '<span class="story-kind story-kind--interview">Интервью</span>' in html
    assert "Свердловская область" in html
    assert "Герой: Кузнецов Пётр Алексеевич" in html


def test_index_has_one_h1_and_labelled_sections(client, catalogue, story_index):
    html = client.get(story_index.url).text
    assert len(re.findall(r"<h1[ >]", html)) == 1
    assert 'aria-labelledby="list-title"' in html


def test_hero_index_filters_by_region_and_award(client, catalogue, hero_index):
    html = client.get(hero_index.url).text
    assert "Кузнецов Пётр Алексеевич" in html and "Лебедева Мария Ивановна" in html
    html = client.get(f"{hero_index.url}?award=order_labour_glory").text
    assert "Лебедева Мария Ивановна" in html and "Кузнецов Пётр Алексеевич" not in html
    html = client.get(f"{hero_index.url}?region=sverdlovskaya-oblast&page=abc").text
    assert "Кузнецов Пётр Алексеевич" in html and "Лебедева Мария Ивановна" not in html
    html = client.get(f"{hero_index.url}?region=moskva").text
    assert "Героев с такими условиями не нашлось." in html
