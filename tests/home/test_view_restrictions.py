"""Private pages stay private: at once when a restriction is set, for aliases and in listings."""

from wagtail.models import Page, PageViewRestriction

import pytest

from home.factories import StandardPageFactory
from home.models import NavigationSettings, SiteIdentity

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def settings_rows(db):
    SiteIdentity.load(), NavigationSettings.load()  # created on first reading, which starts a new generation


@pytest.fixture
def section(home_page):
    page = StandardPageFactory(parent=home_page, title="Раздел", slug="razdel")
    page.save_revision().publish()
    return page


@pytest.fixture
def inner(section):
    page = StandardPageFactory(parent=section, title="Внутренняя", slug="vnutrennyaya", lead="Текст страницы")
    page.save_revision().publish()
    return page


def test_a_section_made_private_is_closed_at_once_and_reopened(client, inner, section):
    assert client.get(inner.url).status_code == 200
    restriction = PageViewRestriction.objects.create(page=section, restriction_type="login")
    response = client.get(inner.url)
    assert response.status_code == 302 and "/login/" in response["Location"]
    restriction.delete()
    assert client.get(inner.url).status_code == 200


def test_a_password_restriction_still_asks_for_the_password(client, inner):
    client.get(inner.url)
    PageViewRestriction.objects.create(page=inner, restriction_type="password", password="секрет-2026")
    response = client.get(inner.url)
    assert response.status_code == 200 and "Текст страницы" not in response.text
    assert 'name="password"' in response.text


def test_an_alias_of_a_private_page_is_private_too(client, home_page, inner):
    PageViewRestriction.objects.create(page=inner, restriction_type="login")
    assert client.get(inner.url).status_code == 302
    alias = inner.create_alias(parent=home_page, update_slug="psevdonim")
    response = client.get("/psevdonim/")
    assert response.status_code == 302 and "Текст страницы" not in response.text
    assert alias.alias_of_id == inner.pk


def test_listings_leave_out_private_pages(inner, section, home_page):
    other = StandardPageFactory(parent=home_page, title="Открытый", slug="otkrytyy")
    PageViewRestriction.objects.create(page=section, restriction_type="login")
    shown = list(Page.objects.live().public())
    assert other.page_ptr in shown and inner.page_ptr not in shown and section.page_ptr not in shown
