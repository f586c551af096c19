"""The header's search form, typed into as a reader would: on a wide screen, on a phone, and on a 320 px phone
with «очень крупный» text in the special version."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def search_from_the_header(page, base_url, start="/istorii/"):
    page.goto(base_url + start)
    field = page.get_by_role("searchbox", name="Поиск по сайту")
    expect(field).to_be_visible()
    field.fill("шахтер")
    page.get_by_role("button", name="Найти").first.click()
    page.wait_for_url(re.compile(r"/search/\?q=.*#results$"))
    expect(page.locator("#results-title")).to_contain_text("Найдено")
    expect(page.get_by_role("link", name="Горбунов Виктор Степанович")).to_be_visible()


@pytest.mark.parametrize("width", [1280, 375])
def test_search_from_the_header(browser, live_server, demo_site, width):
    context = browser.new_context(
        locale="ru-RU", viewport={"width": width, "height": 800}, is_mobile=width < 900
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    search_from_the_header(page, live_server.url)
    assert axe_violations(page) == []
    context.close()


def test_the_header_search_fits_a_320px_phone_with_very_large_text(phone, live_server, demo_site):
    phone.goto(live_server.url + "/special-version/?size=xlarge&next=/")
    field = phone.get_by_role("searchbox", name="Поиск по сайту")
    button = phone.locator(".site-search__button")
    for element in (field, button):
        box = element.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 320, box
        assert box["height"] >= 44
    assert phone.evaluate("document.documentElement.scrollWidth") <= 320
    search_from_the_header(phone, live_server.url, start="/")
