"""Public pages that carry a form are still for search engines: indexable and with a description."""

import re

import pytest

from clubs.factories import ClubIndexPageFactory, ClubPageFactory
from home.factories import FormPageFactory
from mentors.factories import MentorCallIndexPageFactory, MentorCallPageFactory


def robots_meta(html):
    match = re.search(r'<meta name="robots" content="([^"]*)"', html)
    return match.group(1) if match else ""


def description(html):
    match = re.search(r'<meta name="description" content="([^"]*)"', html)
    return match.group(1) if match else None


@pytest.mark.django_db
def test_pages_with_application_forms_may_be_indexed(client, home_page):
    club = ClubPageFactory(parent=ClubIndexPageFactory(parent=home_page, slug="kruzhki"), slug="tehnik")
    call = MentorCallPageFactory(parent=MentorCallIndexPageFactory(parent=home_page, slug="nastavnikam"))
    volunteer = FormPageFactory(parent=home_page, slug="volonteram")
    for page in (club, call, volunteer):
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert "noindex" not in response.get("X-Robots-Tag", ""), page.url
        assert "noindex" not in robots_meta(response.text), page.url
        # Still never stored by a shared cache: the form carries a CSRF token.
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_every_page_has_a_meta_description_falling_back_to_its_intro(client, home_page):
    club_index = ClubIndexPageFactory(parent=home_page, slug="kruzhki", intro="Кружки для детей и молодёжи.")
    club = ClubPageFactory(parent=club_index, slug="tehnik", intro="Собираем модели машин и станков.")
    club_index.search_description = "Описание от редактора."
    club_index.save_revision().publish()
    assert description(client.get(club.url).text) == "Собираем модели машин и станков."
    assert description(client.get(club_index.url).text) == "Описание от редактора."
    assert description(client.get("/").text)  # the home page: its intro or the site's own words
