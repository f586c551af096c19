"""The admin stays within the screen when people type long unbroken values."""

from django.contrib.auth import get_user_model

import pytest

from clubs.factories import ClubApplicationFactory, ClubIndexPageFactory, ClubPageFactory
from tests.e2e.test_editorial_journey import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

UNBROKEN = "Щ" * 190


def test_a_190_letter_name_wraps_in_the_application_inbox(page, live_server, home_page):
    get_user_model().objects.create_superuser("admin", "admin@example.org", "parol-dlya-testa")
    club = ClubPageFactory(parent=ClubIndexPageFactory(parent=home_page, slug="kruzhki"), slug="yunyy-tehnik")
    ClubApplicationFactory(club=club, child_name=UNBROKEN)
    sign_in(page, live_server, "admin", "parol-dlya-testa")
    page.goto(f"{live_server.url}/admin/club_applications/")
    cell = page.locator("table.listing td", has_text=UNBROKEN[:20]).first
    assert cell.is_visible()
    viewport = page.viewport_size["width"]
    table_right = page.evaluate("() => document.querySelector('table.listing').getBoundingClientRect().right")
    assert table_right <= viewport, f"the table ends at {table_right}px on a {viewport}px screen"
    assert page.evaluate("() => document.documentElement.scrollWidth") <= viewport
    # Every column, the last one included, is on the screen.
    last_header = page.locator("table.listing thead th").last
    assert last_header.bounding_box()["x"] + last_header.bounding_box()["width"] <= viewport
    assert cell.evaluate("td => getComputedStyle(td).overflowWrap") == "anywhere"
