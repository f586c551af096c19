"""Long application forms on wide screens: the club or call summarised beside them, not an empty column."""

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_summary_stays_beside_the_form_while_one_fills_it_in(page, phone, live_server, demo_site):
    from clubs.models import ClubPage
    from mentors.models import MentorCallPage

    club = ClubPage.objects.live().filter(accepting_applications=True).first()
    call = next(call for call in MentorCallPage.objects.live() if call.is_open_now)
    for target in (club, call):
        page.goto(live_server.url + target.url)
        summary, form = page.locator(".apply-summary"), page.locator("#zayavka")
        assert target.title in summary.inner_text()
        beside = summary.bounding_box()
        assert beside["x"] + beside["width"] <= form.bounding_box()["x"], "the summary sits left of the form"
        page.locator("#zayavka button[type=submit]").last.scroll_into_view_if_needed()
        top = summary.bounding_box()["y"]
        assert 0 <= top < page.viewport_size["height"], "the summary is still in view at the end of the form"

        # On a phone the facts above the form say it all: no second copy.
        phone.goto(live_server.url + target.url)
        assert not phone.locator(".apply-summary").is_visible()
