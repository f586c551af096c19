"""A chief editor opens the preview panel of every page type in the editor and sees the page inside it."""

from wagtail.models import get_page_models

import pytest
from playwright.sync_api import expect

from tests.e2e.test_editorial_journey import CHIEF_EDITOR, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def one_demo_page_of_each_type():
    models = [model for model in get_page_models() if model.__module__.split(".")[0] != "wagtail"]
    pages = {model: model.objects.order_by("depth", "path").first() for model in models}
    missing = [model.__name__ for model, page in pages.items() if page is None]
    assert not missing, f"the demo site has no page of these types: {missing}"
    return pages


def test_the_preview_panel_shows_every_page_type(page, live_server, demo_site):
    sign_in(page, live_server, *CHIEF_EDITOR)
    blocked = []
    page.on("console", lambda message: blocked.append(message.text) if "frame" in message.text else None)
    for model, demo_page in one_demo_page_of_each_type().items():
        page.goto(f"{live_server.url}/admin/pages/{demo_page.pk}/edit/")
        page.locator("[data-side-panel-toggle=preview]").click()
        frame = page.frame_locator("#w-preview-iframe")
        shown = getattr(demo_page, "heading", "") or demo_page.title
        expect(frame.locator("main"), model.__name__).to_contain_text(shown, timeout=15_000)
    assert not blocked, blocked
