"""The 404 page helps the reader on: a search form and the way home."""

import pytest


@pytest.mark.django_db
def test_the_not_found_page_offers_search_and_the_home_page(client, home_page):
    response = client.get("/net-takoy-stranicy/")
    assert response.status_code == 404
    html = response.text
    assert 'action="/search/"' in html and 'name="q"' in html
    assert '<label for="not-found-query">Поиск по сайту</label>' in html
    assert 'href="/"' in html
