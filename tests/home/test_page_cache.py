from django.contrib.auth import get_user_model

import pytest

from home.factories import StandardPageFactory
from home.models import SiteIdentity

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings, db):
    from django.core.cache import cache

    from home.models import NavigationSettings

    # A site in service has its settings rows; creating them on the first request starts a new generation.
    SiteIdentity.load()
    NavigationSettings.load()
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()


@pytest.fixture
def about(home_page):
    page = StandardPageFactory(parent=home_page, title="О нас", slug="o-nas", lead="Первый вариант")
    page.save_revision().publish()
    return page


def test_second_anonymous_request_is_served_from_the_cache(client, about, django_assert_num_queries):
    assert client.get("/o-nas/")["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        response = client.get("/o-nas/")
    assert response["X-Page-Cache"] == "hit"
    assert "Первый вариант" in response.text
    assert response["Content-Security-Policy"]  # headers of outer middleware are added to cached copies too


def test_a_published_change_is_visible_on_the_next_request(client, about, home_page):
    client.get("/o-nas/")
    client.get("/")
    about.lead = "Второй вариант"
    about.save_revision().publish()
    assert "Второй вариант" in client.get("/o-nas/").text
    home_page.title = "Главная страница"
    home_page.save_revision().publish()
    assert client.get("/")["X-Page-Cache"] == "miss"


def test_unpublishing_and_deleting_refresh_listings(client, about, home_page):
    from home.models import FooterLink, NavigationSettings

    FooterLink.objects.create(navigation=NavigationSettings.load(), page=about, sort_order=0)
    assert 'href="/o-nas/"' in client.get("/").text
    about.unpublish()
    assert 'href="/o-nas/"' not in client.get("/").text
    assert client.get("/o-nas/").status_code == 404


def test_settings_changes_refresh_every_page(client, about):
    client.get("/o-nas/")
    identity = SiteIdentity.load()
    identity.phone = "+7 (999) 111-22-33"
    identity.save()
    assert "+7 (999) 111-22-33" in client.get("/o-nas/").text


def test_a_page_made_private_leaves_the_cache_at_once(client, about):
    from wagtail.models import PageViewRestriction

    assert "Первый вариант" in client.get("/o-nas/").text
    restriction = PageViewRestriction.objects.create(page=about, restriction_type="login")
    response = client.get("/o-nas/")
    assert response.status_code == 302 and "Первый вариант" not in response.text  # to the login page
    restriction.delete()
    assert "Первый вариант" in client.get("/o-nas/").text


def test_editors_never_get_cached_pages(client, about):
    client.get("/o-nas/")
    editor = get_user_model().objects.create_superuser("ed", "ed@example.org", "long-enough-password")
    client.force_login(editor)
    assert "X-Page-Cache" not in client.get("/o-nas/")


def test_private_responses_and_cookies_are_never_stored(client, about):
    assert "X-Page-Cache" not in client.get("/special-version/")
    assert "X-Page-Cache" not in client.get("/net-takoy-stranicy/")


def test_query_strings_are_part_of_the_key(client, about):
    client.get("/o-nas/?a=1")
    assert client.get("/o-nas/?a=2")["X-Page-Cache"] == "miss"
    assert client.get("/o-nas/?a=1")["X-Page-Cache"] == "hit"


def test_the_generation_switches_again_when_the_editors_transaction_commits(
    django_capture_on_commit_callbacks,
):
    from home.page_cache import current_generation, new_generation

    before = current_generation()
    with django_capture_on_commit_callbacks(execute=True):
        new_generation()
        during = current_generation()
    # A reader who took `during` before the commit may have stored the old content under it.
    assert before != during != current_generation()
