"""An author writes a story with a picture and submits it; a chief editor approves it; readers see it."""

import re

import pytest
from playwright.sync_api import expect

from stories.models import StoryIndexPage, StoryPage

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# The demo accounts of README's table, made by load_demo_content (demo_site loads it with accounts).
AUTHOR = ("author", "demo-author-2026")
CHIEF_EDITOR = ("chief", "demo-chief-2026")
TITLE = "Мастер золотые руки из Тулы"


def sign_in(page, live_server, username, password):
    page.goto(f"{live_server.url}/admin/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(password)
    page.locator("form [type=submit]").first.click()
    page.wait_for_url("**/admin/")


def write_story_and_submit(page, live_server, index):
    page.goto(f"{live_server.url}/admin/pages/add/stories/storypage/{index.pk}/")
    page.locator("input[name=title]").fill(TITLE)
    page.locator("textarea[name=lead]").fill("Сорок лет у станка и двадцать учеников.")
    # The cover: an existing picture from the image library, chosen in Wagtail's chooser.
    page.get_by_role("button", name="Выберите изображение").click()
    page.locator(".modal a[data-chooser-modal-choice]").first.click()
    expect(page.locator("input[name=cover_image]")).to_have_value(re.compile(r"^\d+$"))
    # The body: one paragraph block, typed into the rich-text editor.
    page.locator("[id*=body-section] button.c-sf-add-button").first.click()
    page.get_by_role("option", name="Текст", exact=True).click()
    page.locator("[id*=body-section] .public-DraftEditor-content").first.click()
    page.keyboard.type("Иван Петрович пришёл на завод учеником в шестнадцать лет.")
    expect(page.locator("[id*=body-section] .public-DraftEditor-content").first).to_contain_text(
        "Иван Петрович"
    )
    # Wagtail 8 saves drafts by itself half a second after each change; submitting while such a save is on
    # its way races with it, so wait until it has settled, as a person reading their text over would.
    page.wait_for_timeout(1500)
    expect(page.locator("#w-autosave-indicator")).not_to_have_attribute(
        "data-w-autosave-state-value", "saving", timeout=15_000
    )
    # Submitting starts the moderation workflow (its name is in the button: «Отправить в "…"»).
    page.get_by_role("button", name="Больше действий").click()
    page.locator("button[name=action-submit]").click()
    errors = page.locator(".w-field__errors").all_inner_texts()
    expect(page.locator(".messages"), f"the admin refused the story: {errors}").to_contain_text(
        "отправлена на модерацию"
    )


def test_an_author_submits_a_story_with_a_picture_and_a_chief_editor_publishes_it(
    browser, page, live_server, demo_site
):
    index = StoryIndexPage.objects.live().first()
    sign_in(page, live_server, *AUTHOR)
    write_story_and_submit(page, live_server, index)

    story = StoryPage.objects.get(title=TITLE)
    assert not story.live
    assert story.get_latest_revision().as_object().cover_image_id is not None
    assert page.request.get(f"{live_server.url}{index.url}rss/").text().count(TITLE) == 0

    chief = browser.new_context(locale="ru-RU", viewport={"width": 1280, "height": 900}).new_page()
    sign_in(chief, live_server, *CHIEF_EDITOR)
    # The dashboard lists what awaits the chief editor's review; the row's menu approves it.
    row = chief.locator("tr", has=chief.get_by_role("link", name=TITLE))
    row.get_by_role("button", name="Действия").click()
    row.get_by_role("button", name="Одобрить", exact=True).click()
    # The approval is posted in the background and the dashboard reloads without the story.
    expect(chief.get_by_role("link", name=TITLE)).to_have_count(0, timeout=15_000)

    story.refresh_from_db()
    assert story.live
    reader = browser.new_context(locale="ru-RU").new_page()
    reader.goto(f"{live_server.url}{index.url}")
    reader.get_by_role("link", name=TITLE).first.click()
    expect(reader.get_by_role("heading", level=1)).to_have_text(TITLE)
    cover = reader.locator("main img").first
    expect(cover).to_be_visible()
    assert reader.evaluate("img => img.naturalWidth", cover.element_handle()) > 0
    feed = reader.request.get(f"{live_server.url}{index.url}rss/")
    assert feed.ok and TITLE in feed.text()
