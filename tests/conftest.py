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
    """Tests marked `postgres` (concurrency, Russian stemming) run only on PostgreSQL."""
    from django.db import connection

    if connection.vendor == "postgresql":
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL=postgres://…")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)
