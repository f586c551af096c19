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


@pytest.mark.parametrize("size", ["normal", "large", "xlarge"])
def test_pages_reflow_at_320_px_without_horizontal_scrolling(phone, live_server, site_pages, size):
    if size != "normal":
        phone.goto(f"{live_server.url}/special-version/?size={size}&next=/")
    too_wide = {}
    for name, path in site_pages.items():
        phone.goto(live_server.url + path)
        overflow = phone.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            too_wide[f"{name} {path}"] = overflow
    assert too_wide == {}


def _box(page, selector):
    return page.locator(selector).first.bounding_box()


@pytest.mark.parametrize("size", ["normal", "large", "xlarge"])
def test_header_holds_at_320_px_in_every_text_size(phone, live_server, site_pages, size):
    if size != "normal":
        phone.goto(f"{live_server.url}/special-version/?size={size}&next=/")
    phone.goto(live_server.url + "/")
    toggle = _box(phone, ".a11y-panel__toggle")
    skip = _box(phone, ".skip-link")
    # Unfocused, the skip link is wholly above the page: it covers nothing.
    assert skip["y"] + skip["height"] <= 0
    menu = _box(phone, ".site-nav__button")
    assert menu["x"] >= 0 and menu["x"] + menu["width"] <= 320, menu
    expect(phone.locator(".site-nav__button")).to_be_visible()
    # Focused, it takes its own place instead of covering «Версия для слабовидящих».
    phone.keyboard.press("Tab")
    expect(phone.locator(".skip-link")).to_be_focused()
    skip, toggle = _box(phone, ".skip-link"), _box(phone, ".a11y-panel__toggle")
    assert skip["y"] + skip["height"] <= toggle["y"], (skip, toggle)
    assert skip["x"] + skip["width"] <= 320


def test_the_panel_shows_which_settings_are_on(page, live_server, site_pages):
    page.goto(live_server.url + "/")
    page.locator(".a11y-panel__toggle").click()
    normal = page.get_by_role("button", name="Обычный размер текста")
    very_large = page.get_by_role("button", name="Очень крупный текст")
    expect(normal).to_have_attribute("aria-pressed", "true")
    expect(very_large).to_have_attribute("aria-pressed", "false")
    expect(page.get_by_role("button", name="Обычная версия")).to_have_attribute("aria-pressed", "true")
    with page.expect_navigation():
        very_large.click()
    page.locator(".a11y-panel__toggle").click()
    expect(very_large).to_have_attribute("aria-pressed", "true")
    expect(normal).to_have_attribute("aria-pressed", "false")
    expect(page.get_by_role("button", name="Обычная версия")).to_have_attribute("aria-pressed", "false")
    mark = page.evaluate(
        "getComputedStyle(document.querySelector('button[name=size][value=xlarge]'), '::after').content"
    )
    assert "✓" in mark


def test_with_images_off_each_picture_is_replaced_by_its_description(page, live_server, site_pages):
    path = site_pages["HeroPage"]
    page.goto(live_server.url + path)
    alt = page.locator("main img[alt]:not(.card__image img)").first.get_attribute("alt")
    assert alt
    page.goto(f"{live_server.url}/special-version/?images=off&next={path}")
    expect(page.locator("main img").first).to_be_hidden()
    expect(page.get_by_text(f"Изображение: {alt}")).to_be_visible()
    assert "Изображение скрыто" not in page.locator("main").inner_text()


def test_the_special_stylesheet_is_kept_between_pages_until_a_new_choice(page, live_server, site_pages):
    from django.core.signals import request_started

    asked = []

    def count(sender, environ, **kwargs):
        if environ.get("PATH_INFO") == "/special-version.css":
            asked.append(environ.get("HTTP_COOKIE", ""))

    request_started.connect(count)
    try:
        page.goto(f"{live_server.url}/special-version/?size=large&next=/")
        page.goto(live_server.url + site_pages["StandardPage"])
        page.goto(live_server.url + site_pages["HeroIndexPage"])
        assert len(asked) == 1, asked
        with page.expect_navigation():
            page.goto(f"{live_server.url}/special-version/?scheme=blue&next=/")
        assert len(asked) == 2, "a new choice must fetch the stylesheet afresh"
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert background == "rgb(157, 209, 255)"
    finally:
        request_started.disconnect(count)


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


def test_the_region_map_works_by_keyboard(page, live_server, site_pages):
    page.goto(live_server.url + site_pages["ClubIndexPage"])
    first = page.locator("a.region-map__tile").first
    name = first.get_attribute("aria-label")
    first.focus()
    expect(first).to_be_focused()
    ring = page.evaluate("getComputedStyle(document.activeElement.querySelector('rect')).strokeWidth")
    assert ring == "4px", "the focused region shows a focus ring"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    count = int(name.split(": ")[1].split(" ")[0])
    expect(page.locator(".result-count strong")).to_have_text(str(count))
    assert page.evaluate("document.activeElement.tagName") in ("BODY", "MAIN")
