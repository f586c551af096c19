"""Rendered StreamField bodies are cached by content and content generation (home/fragment_cache.py)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.rich_text import RichText

import pytest

from home.factories import CustomImageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    settings.PAGE_CACHE_SECONDS = 0  # the body cache works under the whole-page cache, and without it


@pytest.fixture
def image():
    return CustomImageFactory(description="Токарь у станка")


@pytest.fixture
def page(home_page, image):
    page = StandardPageFactory(
        parent=home_page,
        slug="o-zavode",
        body=[("paragraph", RichText("<p>Первый вариант</p>")), ("image", {"image": image, "caption": ""})],
    )
    page.save_revision().publish()
    return page


def image_queries(queries):
    return [q["sql"] for q in queries.captured_queries if "home_customimage" in q["sql"]]


def test_a_body_is_rendered_once_and_then_served_from_the_cache(client, page):
    with CaptureQueriesContext(connection) as first:
        html = client.get("/o-zavode/").text
    with CaptureQueriesContext(connection) as second:
        assert client.get("/o-zavode/").text == html
    assert image_queries(first)
    assert not image_queries(second)


def test_an_edited_alt_text_shows_on_the_next_request(client, page, image):
    assert 'alt="Токарь у станка"' in client.get("/o-zavode/").text
    image.description = "Токарь за работой"
    image.save()
    assert 'alt="Токарь за работой"' in client.get("/o-zavode/").text


def test_a_published_edit_shows_on_the_next_request(client, page):
    client.get("/o-zavode/")
    page.body = [("paragraph", RichText("<p>Второй вариант</p>"))]
    page.save_revision().publish()
    html = client.get("/o-zavode/").text
    assert "Второй вариант" in html
    assert "Первый вариант" not in html


def test_unsaved_content_renders_as_itself(page):
    from home.blocks import BodyStreamBlock

    block = BodyStreamBlock()
    first = block.render(block.to_python([{"type": "paragraph", "value": "<p>Раз</p>"}]))
    second = block.render(block.to_python([{"type": "paragraph", "value": "<p>Два</p>"}]))
    assert "Раз" in first and "Два" in second and "Раз" not in second


def test_a_deploy_retires_every_cached_body(client, page):
    import io

    from django.core.management import call_command

    from home.page_cache import current_generation

    before = current_generation()
    call_command("new_content_generation", stdout=io.StringIO())
    assert current_generation() != before
