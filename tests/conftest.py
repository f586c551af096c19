from django.core.management import call_command

from wagtail.models import Site

import pytest

from tests.support.demo_snapshot import load_demo_site
from tests.support.shared_data import shared_data, shared_fixture, uses_shared_data


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home_page(site):
    return site.root_page.specific


@pytest.fixture
def demo_site(request, db, serialized_migrated_data):
    """The whole demo site, as `make run` builds it. Transactional tests get it restored from the rows the
    command wrote the first time (tests/support/demo_snapshot.py)."""
    if _is_transactional(request.node):
        load_demo_site(_load_demo_content, serialized_migrated_data)
    else:
        _load_demo_content()
    return Site.objects.get(is_default_site=True)


@pytest.fixture(scope="session")
def serialized_migrated_data(django_db_setup, django_db_blocker):
    """The migrated data as serialized rollback restores it. Read from the connection made at set-up: once a
    browser test's Playwright runs an event loop in the thread, Django hands out other connection objects."""
    from django.db import DEFAULT_DB_ALIAS, connections

    return getattr(connections[DEFAULT_DB_ALIAS], "_test_serialized_contents", None)


def _load_demo_content():
    call_command("load_demo_content", accounts=True, stdout=_Quiet())


class _Quiet:
    def write(self, *args, **kwargs):
        pass

    def flush(self):
        pass


@shared_fixture
def shared_demo_content(django_db_setup, django_db_blocker):
    """The whole demo site, loaded once for the module's tests that ask for `shared_demo_site`."""
    with shared_data(django_db_blocker) as unblocked:
        with unblocked():
            _load_demo_content()
        yield


@pytest.fixture
def shared_demo_site(shared_demo_content, db):
    """As `demo_site`, but loaded once per module (tests/support/shared_data.py): for tests that only read it
    or whose changes are undone with their savepoint. Transactional tests use `demo_site`."""
    return Site.objects.get(is_default_site=True)


# After pytest's own reordering, so that nothing moves a test back into the shared data's transaction. Each
# pytest-xdist worker (`--dist load`, Makefile) runs its share of the tests in this order too.
@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    from django.db import connection

    _run_shared_data_tests_last(items)
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


def _run_shared_data_tests_last(items):
    """In each module, the tests that use shared data run after the module's other database tests
    (tests/support/shared_data.py).

    pytest-django has already put every database test that runs in a transaction (and so keeps the data
    between tests) before the transactional ones, which empty the database: only runs of one module's
    consecutive tests are reordered, so that order holds."""
    # A transactional test could follow the module's last shared-data test on a worker while the module's
    # transaction is still open.
    sharing = {getattr(item, "module", None) for item in items if uses_shared_data(item)}
    for item in items:
        if getattr(item, "module", None) in sharing and _is_transactional(item):
            raise pytest.UsageError(f"{item.nodeid}: a transactional test in a module with shared data")
    reordered, run = [], []
    for item in [*items, None]:
        if run and (item is None or getattr(item, "module", None) is not getattr(run[0], "module", None)):
            reordered += [i for i in run if not uses_shared_data(i)] + [i for i in run if uses_shared_data(i)]
            run = []
        if item is not None:
            run.append(item)
    items[:] = reordered


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
