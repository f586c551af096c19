"""The mentor applications inbox shares the club inbox's search and capped count
(home/applications/admin_inbox.py)."""

import pytest

from home.applications.admin_inbox import CappedCountPaginator
from mentors.factories import MentorApplicationFactory

pytestmark = pytest.mark.django_db

INDEX = "/admin/mentor_applications/"


@pytest.fixture
def applications(call):
    return (
        MentorApplicationFactory(call=call, full_name="Кузнецов Виктор Павлович", profession="Токарь"),
        MentorApplicationFactory(call=call, full_name="Орлова Мария Игоревна", city="Тула"),
    )


@pytest.fixture
def coordinator(client, mentor_coordinator):
    client.force_login(mentor_coordinator)
    return mentor_coordinator


def test_a_reference_number_is_found_with_or_without_the_hyphen(client, coordinator, applications):
    first, second = applications
    for query in (
        first.reference_number,
        first.reference_number.replace("-", ""),
        f"№ {first.reference_number}",
    ):
        html = client.get(INDEX, {"q": query}).text
        assert "Кузнецов Виктор Павлович" in html and "Орлова" not in html, query


def test_names_professions_and_cities_are_found_as_before(client, coordinator, applications):
    assert "Кузнецов" in client.get(INDEX, {"q": "Виктор"}).text
    assert "Кузнецов" in client.get(INDEX, {"q": "Токарь"}).text
    html = client.get(INDEX, {"q": "Тула"}).text
    assert "Орлова" in html and "Кузнецов" not in html


def test_a_long_list_says_more_than_the_cap(client, coordinator, call, monkeypatch):
    monkeypatch.setattr(CappedCountPaginator, "cap", 40)
    MentorApplicationFactory.create_batch(41, call=call)
    html = client.get(INDEX).text
    assert "Более 40 заявок" in html and "Страница 1 из более чем 2" in html
