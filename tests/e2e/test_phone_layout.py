"""Listings on a phone: portraits of heroes two to a row, not one screen-tall portrait after another."""

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_heroes_are_listed_two_to_a_row_on_a_phone(browser, live_server, demo_site):
    from stories.models import HeroIndexPage

    context = browser.new_context(locale="ru-RU", viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    page.goto(live_server.url + HeroIndexPage.objects.live().first().url)
    cards = page.locator(".card-grid--heroes .hero-card")
    first, second = cards.nth(0).bounding_box(), cards.nth(1).bounding_box()
    assert first["y"] == second["y"] and second["x"] > first["x"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    context.close()
