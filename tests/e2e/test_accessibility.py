"""axe-core in a real browser on every public page type, normally and in every special-version scheme."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SCHEMES = ["default", "black-on-white", "white-on-black", "blue"]


@pytest.fixture
def site_pages(demo_site):
    """Paths of one page of each public type, from the demo site."""
    from wagtail.models import Page

    paths = {
        "home": "/",
        "404": "/net-takoy-stranicy/",
        "special-version": "/special-version/",
        "my-applications": "/zayavka/moi/",
        "invalid-status-link": "/zayavka/kruzhok/" + "x" * 43 + "/",
        "senior-pupils-call": "/nastavnikam/starsheklassniki-vozhatye/",
        "search results": "/search/?q=шахтёр",
        "topics": "/istorii/tema/",
        "club directory, searched": "/kruzhki/?q=робот&city=москва",
    }
    for page in Page.objects.live().filter(depth__gt=2).specific().order_by("path"):
        paths.setdefault(type(page).__name__, page.url)
    return paths


def set_scheme(page, live_server, scheme):
    if scheme != "default":
        page.goto(f"{live_server.url}/special-version/?scheme={scheme}&size=large&next=/")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_axe_violations_on_any_page_type(page, live_server, site_pages, scheme):
    set_scheme(page, live_server, scheme)
    problems = {}
    for name, path in site_pages.items():
        page.goto(live_server.url + path)
        violations = axe_violations(page)
        if violations:
            problems[f"{name} {path}"] = violations
    assert problems == {}


def test_pages_reflow_at_320_px_without_horizontal_scrolling(phone, live_server, site_pages):
    too_wide = {}
    for name, path in site_pages.items():
        phone.goto(live_server.url + path)
        overflow = phone.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            too_wide[f"{name} {path}"] = overflow
    assert too_wide == {}


def test_special_version_is_reachable_by_keyboard(page, live_server, site_pages):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")  # the skip link comes first
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Tab")
    assert "Версия для слабовидящих" in page.evaluate("document.activeElement.textContent")
    page.keyboard.press("Enter")
    # Wait for each step to take effect before the next key: a button in a panel that is not open yet cannot
    # take the focus, and Enter would then close the panel instead of choosing the size.
    expect(page.locator("details.a11y-panel")).to_have_attribute("open", "")
    very_large = page.get_by_role("button", name="Очень крупный текст")
    very_large.focus()
    expect(very_large).to_be_focused()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    size = page.evaluate("getComputedStyle(document.documentElement).fontSize")
    assert float(size.rstrip("px")) >= 26
    page.goto(live_server.url + "/o-nas/")
    assert float(page.evaluate("getComputedStyle(document.documentElement).fontSize").rstrip("px")) >= 26
