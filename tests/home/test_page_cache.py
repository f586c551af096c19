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


def test_unknown_query_parameters_are_never_stored(about):
    """1,000 junk query strings from a stranger leave the cache as it was (an address is stored only with the
    parameters its view accepted: home.page_cache.accept_query)."""
    from django.core.cache import cache
    from django.http import HttpResponse
    from django.test import RequestFactory

    from home.page_cache import AnonymousPageCacheMiddleware, accept_query

    def view(request):
        accept_query(request, "page")  # as a listing does with a real page number
        return HttpResponse("<p>Страница</p>")

    middleware = AnonymousPageCacheMiddleware(view)
    factory = RequestFactory()
    middleware(factory.get("/o-nas/", {"page": "2"}))
    stored = len(cache._cache)
    assert middleware(factory.get("/o-nas/", {"page": "2"}))["X-Page-Cache"] == "hit"
    for number in range(1000):
        response = middleware(factory.get(f"/o-nas/?page=2&utm_source=spam{number}"))
        assert response.status_code == 200 and "X-Page-Cache" not in response
    assert len(cache._cache) == stored


def test_a_reader_with_a_session_gets_the_page_rendered_for_them(client, about):
    from django.conf import settings

    client.get("/o-nas/")
    assert client.get("/o-nas/")["X-Page-Cache"] == "hit"
    client.cookies[settings.SESSION_COOKIE_NAME] = "some-session"
    assert "X-Page-Cache" not in client.get("/o-nas/")


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


def test_every_installed_model_is_either_private_or_starts_a_new_generation():
    """A new model needs no declaration to keep pages fresh: any write to it starts a new generation, unless
    it is listed among the models public pages never show (and every name listed is a real model)."""
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save

    from home import page_cache

    labels = {model._meta.label for model in apps.get_models()}
    assert labels >= page_cache.PRIVATE_MODELS, page_cache.PRIVATE_MODELS - labels
    for model in apps.get_models():
        for signal in (post_save, post_delete):
            receivers, _async_receivers = signal._live_receivers(model)
            assert page_cache._content_saved_or_deleted in receivers, model._meta.label
        before = page_cache.current_generation()
        page_cache._content_saved_or_deleted(sender=model)
        switched = page_cache.current_generation() != before
        assert switched == (model._meta.label not in page_cache.PRIVATE_MODELS), model._meta.label


def test_renditions_made_while_a_page_renders_do_not_retire_it():
    from home.factories import CustomImageFactory
    from home.page_cache import current_generation

    image = CustomImageFactory()
    before = current_generation()
    image.get_rendition("fill-40x30")
    assert current_generation() == before


def test_a_switch_the_cache_did_not_take_is_logged_and_bypasses_the_cache(client, about, caplog, monkeypatch):
    from django.core.cache import cache

    from home import page_cache

    client.get("/o-nas/")
    assert client.get("/o-nas/")["X-Page-Cache"] == "hit"
    real_set = cache.set
    monkeypatch.setattr(cache, "set", lambda *args, **kwargs: None)  # the cache drops what it is given
    monkeypatch.setattr(cache, "get", lambda key, default=None, **kwargs: default)
    page_cache.new_generation()
    assert "could not start a new page-cache generation" in caplog.text
    monkeypatch.undo()  # the cache answers again, still holding the old copy
    assert cache.get(page_cache.GENERATION_KEY) is not None and real_set
    response = client.get("/o-nas/")
    assert response.status_code == 200 and response["X-Page-Cache"] == "miss"  # a new generation first
    assert client.get("/o-nas/")["X-Page-Cache"] == "hit"


def test_a_hit_is_served_before_the_work_it_does_not_need(settings):
    """Sessions, authentication, CSRF, two-factor and axes run only for requests the cache does not answer;
    the security headers wrap hits too."""
    order = settings.MIDDLEWARE
    cache_at = order.index("home.page_cache.AnonymousPageCacheMiddleware")
    assert order.index("home.security.SecurityHeadersMiddleware") < cache_at
    for later in (
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "django_otp.middleware.OTPMiddleware",
        "axes.middleware.AxesMiddleware",
        "home.resilience.DatabaseUnavailableMiddleware",
    ):
        assert order.index(later) > cache_at, later
