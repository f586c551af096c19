from django.core.management import call_command

from wagtail.models import Site

import pytest


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home_page(site):
    return site.root_page.specific


@pytest.fixture
def demo_site(db):
    """The whole demo site, as `make run` builds it."""
    call_command("load_demo_content", accounts=True, stdout=_Quiet())
    return Site.objects.get(is_default_site=True)


class _Quiet:
    def write(self, *args, **kwargs):
        pass

    def flush(self):
        pass


def pytest_collection_modifyitems(config, items):
    from django.db import connection

    for item in items:
        if _is_transactional(item):
            _restore_migrated_data(item)
    if connection.vendor == "postgresql":
        return
    # Tests marked `postgres` (concurrency, Russian stemming) run only on PostgreSQL.
    skip = pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL=postgres://…")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


def _is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    return bool(marker and marker.kwargs.get("transaction")) or bool(
        {"live_server", "transactional_db"} & set(fixtures)
    )


def _restore_migrated_data(item):
    """A transactional test empties every table when it ends, including what data migrations loaded (regions,
    the home page, groups). Serialized rollback reloads that data when each transactional test starts, so
    they pass in any order (concurrency tests, live-server browser tests, backup and outage tests)."""
    marker = item.get_closest_marker("django_db")
    kwargs = dict(marker.kwargs) if marker else {}
    kwargs.update(transaction=True, serialized_rollback=True)
    item.add_marker(pytest.mark.django_db(**kwargs), append=False)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: Wagtail caches site root paths (with the site's address), and the
    page cache, rate-limit counters and renditions live there too; none of it may leak between tests."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
