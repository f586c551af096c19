"""Data built once and shared by the tests of one module, as Django's `TestCase.setUpTestData` does.

A `@shared_fixture` is module-scoped: it builds its data inside a transaction that stays open while the
module's tests run and is rolled back after the last one. Each test still runs in its own savepoint inside it
(pytest-django's `db`), so whatever a test changes is undone before the next test starts, exactly as when
each test built the data itself.

tests/conftest.py runs a module's tests that use a shared fixture after its other database tests (a test
that does not ask for the data must not find it) and refuses transactional tests in such a module (they
cannot run inside the open transaction). Give each test fresh objects read from the database, not the
instances the fixture built, so that nothing a test caches on an instance or changes in memory reaches the
next test (the permission matrix's `world`, `shared_demo_site`).
"""

import contextlib

import pytest

SHARED_FIXTURES: set[str] = set()


def shared_fixture(function):
    """Declares a module-scoped fixture that builds shared data; build it under `shared_data`."""
    SHARED_FIXTURES.add(function.__name__)
    return pytest.fixture(scope="module")(function)


def uses_shared_data(item) -> bool:
    return any(name in SHARED_FIXTURES for name in getattr(item, "fixturenames", ()))


@contextlib.contextmanager
def shared_data(django_db_blocker):
    """Opens the module's transaction and yields a context manager that unblocks the database.

    In a `@shared_fixture` that also asks for `django_db_setup` and `django_db_blocker`:

        with shared_data(django_db_blocker) as unblocked:
            with unblocked():
                data = build()
            yield data  # inside the `with`: the transaction stays open while the module's tests run
    """
    from django.core.cache import caches
    from django.db import transaction

    with django_db_blocker.unblock():
        # As before every test (tests/conftest.py, _empty_cache): nothing an earlier test cached may shape it.
        for cache in caches.all():
            cache.clear()
        atomic = transaction.atomic()
        atomic.__enter__()
    try:
        yield django_db_blocker.unblock
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
