"""The header menu folds into a «Меню» button on phones (without JavaScript too) and is unchanged on wide
screens; shared form styles come with site.css, so form pages need no section stylesheet."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def phone_page(browser, **options):
    viewport = {"width": 375, "height": 740}
    context = browser.new_context(locale="ru-RU", viewport=viewport, is_mobile=True, **options)
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


def focused(page):
    return page.evaluate("document.activeElement.textContent.trim()")


def test_on_a_phone_the_menu_is_folded_and_opens_by_keyboard(browser, live_server, demo_site):
    page = phone_page(browser)
    page.goto(live_server.url + "/")
    nav = page.get_by_role("navigation", name="Основное меню")
    button = nav.locator("summary")
    links = nav.locator("a")
    assert button.is_visible() and links.count() >= 5
    assert not links.first.is_visible()
    expect(button).to_have_attribute("aria-expanded", "false")
    box = button.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44
    # The header stays two rows high: the logo and the button, then the search form.
    assert page.locator(".site-header__inner").bounding_box()["height"] < 180
    assert axe_violations(page) == []

    for _ in range(6):
        page.keyboard.press("Tab")
        if focused(page) == "Меню":
            break
    assert focused(page) == "Меню"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    assert all(link.is_visible() for link in links.all())
    page.keyboard.press("Tab")
    assert focused(page) == links.first.inner_text().strip()
    for link in links.all():
        assert link.bounding_box()["height"] >= 44
    assert axe_violations(page) == []

    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    assert not links.first.is_visible()
    assert focused(page) == "Меню"

    # Reaching a page by the menu.
    page.keyboard.press("Enter")
    target = links.nth(1)
    href = target.get_attribute("href")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(href)


def test_without_javascript_the_menu_still_opens_and_closes(browser, live_server, demo_site):
    page = phone_page(browser, java_script_enabled=False)
    page.goto(live_server.url + "/")
    nav = page.get_by_role("navigation", name="Основное меню")
    assert not nav.locator("a").first.is_visible()
    nav.locator("summary").click()
    assert nav.locator("a").first.is_visible()
    nav.locator("summary").click()
    assert not nav.locator("a").first.is_visible()


def test_on_a_wide_screen_the_menu_is_a_plain_row_of_links(page, live_server, demo_site):
    page.goto(live_server.url + "/")
    nav = page.get_by_role("navigation", name="Основное меню")
    assert not nav.locator("summary").is_visible()
    # The menu's link to the search page is for phones; a wide header shows the search form itself.
    assert all(link.is_visible() for link in nav.locator("li:not(.site-nav__search) a").all())
    assert not nav.locator(".site-nav__search a").is_visible()
    assert page.get_by_role("searchbox", name="Поиск по сайту").is_visible()


def test_form_pages_get_their_form_styles_without_the_clubs_stylesheet(page, live_server, demo_site):
    from home.models import FormPage
    from mentors.models import MentorCallPage

    for form_page in (FormPage.objects.live().first(), MentorCallPage.objects.live().first()):
        page.goto(live_server.url + form_page.url)
        stylesheets = page.evaluate("[...document.styleSheets].map(s => s.href || '')")
        assert not any("clubs" in href for href in stylesheets), (form_page.url, stylesheets)
        field = page.locator(".form-field input[type=text], .form-field input[type=email]").first
        assert field.bounding_box()["height"] >= 44
        label_weight = "getComputedStyle(document.querySelector('.form-field label')).fontWeight"
        assert page.evaluate(label_weight) == "700"
