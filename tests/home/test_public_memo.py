"""The per-process memo of site, settings and navigation (home/public_memo.py): fewer queries, never stale."""

from django.contrib.auth import get_user_model

import pytest

from home.factories import StandardPageFactory
from home.models import FooterLink, HeaderLink, NavigationSettings, SiteIdentity

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    # The memo matters most where the whole-page cache does not answer.
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def about(home_page):
    page = StandardPageFactory(parent=home_page, title="О нас", slug="o-nas")
    page.save_revision().publish()
    HeaderLink.objects.create(navigation=NavigationSettings.load(), page=page, sort_order=0)
    SiteIdentity.load()
    return page


def test_site_settings_and_navigation_are_read_once_per_generation(
    client, about, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as first:
        client.get("/o-nas/")
    with CaptureQueriesContext(connection) as second:
        assert client.get("/o-nas/").status_code == 200
    chrome_tables = ("wagtailcore_site", "home_siteidentity", "home_navigationsettings", "home_headerlink")
    assert any(table in query["sql"] for query in first.captured_queries for table in chrome_tables)
    assert not [q["sql"] for q in second.captured_queries if any(t in q["sql"] for t in chrome_tables)]


def test_an_edited_menu_or_phone_shows_on_the_next_request(client, about, home_page):
    client.get("/o-nas/")
    identity = SiteIdentity.load()
    identity.phone = "+7 (999) 111-22-33"
    identity.save()
    contacts = StandardPageFactory(parent=home_page, title="Контакты", slug="kontakty")
    contacts.save_revision().publish()
    FooterLink.objects.create(navigation=NavigationSettings.load(), page=contacts, sort_order=0)
    html = client.get("/o-nas/").text
    assert "+7 (999) 111-22-33" in html
    assert 'href="/kontakty/"' in html


def test_an_unpublished_menu_page_leaves_the_menu_at_once(client, about):
    assert 'href="/o-nas/"' in client.get("/").text
    about.unpublish()
    assert 'href="/o-nas/"' not in client.get("/").text


def test_the_current_section_is_marked_per_request(client, about):
    assert 'aria-current="page"' in client.get("/o-nas/").text
    assert 'href="/o-nas/" aria-current' not in client.get("/").text


def test_the_admin_never_reads_the_memo(client, about):
    client.get("/o-nas/")
    admin = get_user_model().objects.create_superuser("ed", "ed@example.org", "long-enough-password")
    client.force_login(admin)
    request = client.get("/admin/settings/home/siteidentity/").wsgi_request
    assert not hasattr(request, "_content_generation")


def test_the_footers_year_turns_with_the_new_year_not_with_a_content_change(client, about):
    import datetime

    from django.utils import timezone

    import time_machine

    eve = timezone.make_aware(datetime.datetime(2026, 12, 31, 23, 58))
    with time_machine.travel(eve, tick=False):
        assert "© 2026" in client.get("/o-nas/").text
    with time_machine.travel(eve + datetime.timedelta(minutes=5), tick=False):
        assert "© 2027" in client.get("/o-nas/").text  # the footer itself comes from the worker's memo


def test_the_menu_marks_each_section_from_the_memo(client, about, home_page):
    child = StandardPageFactory(parent=about, title="История", slug="istoriya")
    child.save_revision().publish()

    def menu(url):
        return client.get(url).text.split('class="site-nav"')[1].split("</nav>")[0]

    for _ in range(2):  # rendered, then from the memo
        assert 'href="/o-nas/" aria-current="page"' in menu("/o-nas/")
        assert 'href="/o-nas/" aria-current="true"' in menu("/o-nas/istoriya/")
        assert "aria-current" not in menu("/")
