"""Browser journeys: pytest-django's live server, driven by Playwright in Debian's Chromium.

Playwright never downloads a browser here: it is pointed at /usr/bin/chromium (installed by `make test`).
"""

import json
import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls made by fixtures in that same
# thread are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE_SOURCE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    missing = [
        what for what, path in (("Chromium", CHROMIUM), ("axe-core", AXE_SOURCE)) if not Path(path).exists()
    ]
    if not missing:
        return
    if os.environ.get("E2E_REQUIRED"):
        raise pytest.UsageError(
            f"Browser tests need {', '.join(missing)}: run `make test` as root, or see README"
        )
    skip = pytest.mark.skip(reason=f"{', '.join(missing)} not installed (`make test` installs them)")
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture
def browser(transactional_db):
    """A browser per test, started after the database is ready.

    Playwright keeps an event loop running while it is open, and Django's per-context connection objects
    then differ from those prepared at database set-up: restoring the migrated data (serialized rollback)
    must happen before the browser starts.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which(CHROMIUM) or CHROMIUM, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="ru-RU", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="ru-RU", viewport={"width": 320, "height": 640}, is_mobile=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def axe_violations(page, *, exclude=()):
    """Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page and returns its violations, readably."""
    page.evaluate(AXE_SOURCE.read_text())
    options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
    result = page.evaluate(
        "([exclude, options]) => axe.run(exclude.length ? {exclude} : document, options)",
        [[[selector] for selector in exclude], options],
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} → "
        + json.dumps([n["target"] for n in v["nodes"][:5]], ensure_ascii=False)
        for v in result["violations"]
    ]
