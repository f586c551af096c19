"""Matching mentors with clubs end to end: suggestions, the match, e-mails, the club page."""

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from clubs.factories import ClubApplicationFactory, ClubPageFactory
from home.models import ConsentRecord, ConsentText, Region
from mentors.choices import Status
from mentors.factories import MentorApplicationFactory, MentorMatchFactory
from mentors.matching import record_match, suggested_clubs
from mentors.models import MentorMatch
from mentors.templatetags.mentor_tags import shown_mentors

pytestmark = pytest.mark.django_db


def edit_url(application):
    return f"/admin/mentor_applications/edit/{application.pk}/"


def publication_consent(name):
    return ConsentRecord.objects.create(
        text=ConsentText.objects.current(ConsentText.Kind.PUBLICATION), given_by_name=name, covers="тест"
    )


@pytest.fixture
def clubs(club_index):
    tatarstan = Region.objects.get(slug="respublika-tatarstan")
    roomy = ClubPageFactory(parent=club_index, title="Просторный техклуб", slug="roomy", capacity=20)
    busy = ClubPageFactory(parent=club_index, title="Загруженный техклуб", slug="busy", capacity=10)
    for _ in range(2):
        ClubApplicationFactory(club=busy)
    small = ClubPageFactory(
        parent=club_index, title="Мастерская профессий", slug="small", direction="labour", capacity=5
    )
    return {
        "roomy": roomy,
        "busy": busy,
        "small": small,
        "sport": ClubPageFactory(parent=club_index, title="Спортклуб", slug="sport", direction="sport"),
        "far": ClubPageFactory(parent=club_index, title="Казанский техклуб", slug="far", region=tatarstan),
        "draft": ClubPageFactory(parent=club_index, title="Черновик", slug="draft", live=False),
    }


@pytest.fixture
def mentor(call):
    return MentorApplicationFactory(
        call=call,
        status=Status.APPROVED,
        full_name="Кузнецов Виктор Павлович",
        profession="Токарь-универсал",
        phone="+79990001122",
        email="kuz@example.org",
        directions=["technical", "labour"],
        publication_consent=publication_consent("Кузнецов Виктор Павлович"),
    )


def test_suggestions_are_clubs_of_the_region_and_directions_with_most_free_places_first(mentor, clubs):
    suggested = suggested_clubs(mentor)
    assert [club.title for club in suggested] == [
        "Просторный техклуб",
        "Загруженный техклуб",
        "Мастерская профессий",
    ]
    assert [club.places_left for club in suggested] == [20, 8, 5]


def test_clubs_the_mentor_already_works_with_are_not_suggested(mentor, clubs):
    MentorMatchFactory(mentor=mentor, club=clubs["roomy"])
    assert "Просторный техклуб" not in [club.title for club in suggested_clubs(mentor)]


def test_among_equally_free_clubs_those_without_mentors_come_first(mentor, clubs, call):
    twin = ClubPageFactory(parent=clubs["roomy"].get_parent(), title="Ещё техклуб", slug="twin", capacity=20)
    other = MentorApplicationFactory(call=call, status=Status.MATCHED)
    MentorMatchFactory(mentor=other, club=clubs["roomy"])
    titles = [club.title for club in suggested_clubs(mentor)]
    assert titles.index("Ещё техклуб") < titles.index("Просторный техклуб")
    assert twin.places_left == 20


def test_the_whole_match_flow(
    client, mentor_coordinator, mentor, clubs, make_user, call, django_capture_on_commit_callbacks, mailoutbox
):
    club = clubs["busy"]
    club_coordinator = make_user("club_coord", "Координаторы кружков")
    club.coordinators.add(club_coordinator)
    club.save()
    client.force_login(mentor_coordinator)

    page = client.get(edit_url(mentor))
    assert [c.title for c in page.context["suggestions"]][:2] == ["Просторный техклуб", "Загруженный техклуб"]
    assert "Закрепить" in page.text

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            edit_url(mentor), {"action": "match", "club": club.pk, "match_note": "Начинаем в среду"}
        )
    assert response.status_code == 302
    match = MentorMatch.objects.get()
    assert (match.mentor, match.club, match.created_by) == (mentor, club, mentor_coordinator)
    mentor.refresh_from_db()
    assert mentor.status == Status.MATCHED
    last = mentor.status_changes.last()
    assert (last.from_status, last.to_status, last.changed_by) == ("approved", "matched", mentor_coordinator)
    assert "Загруженный техклуб" in last.note

    by_recipient = {message.to[0]: message for message in mailoutbox}
    assert set(by_recipient) == {"kuz@example.org", "club_coord@example.org"}  # no second status letter
    assert "Загруженный техклуб" in by_recipient["kuz@example.org"].body
    assert "Начинаем в среду" in by_recipient["kuz@example.org"].body
    club_letter = by_recipient["club_coord@example.org"]
    assert "Кузнецов Виктор Павлович" in club_letter.body and "+7 999 000-11-22" in club_letter.body

    club_page = client.get(club.url).text
    assert "Наставники кружка" in club_page
    assert "Кузнецов Виктор Павлович" in club_page and "Токарь-универсал" in club_page
    assert "+79990001122" not in club_page and "kuz@example.org" not in club_page


def test_a_mentor_can_work_with_a_second_club(client, mentor_coordinator, mentor, clubs):
    record_match(mentor, clubs["roomy"], by=mentor_coordinator)
    client.force_login(mentor_coordinator)
    response = client.post(edit_url(mentor), {"action": "match", "club": clubs["small"].pk})
    assert response.status_code == 302
    assert MentorMatch.objects.filter(mentor=mentor).count() == 2
    assert mentor.status_changes.filter(to_status="matched").count() == 1


def test_the_same_club_cannot_be_matched_twice(mentor_coordinator, mentor, clubs):
    record_match(mentor, clubs["roomy"], by=mentor_coordinator)
    with pytest.raises(ValidationError):
        record_match(mentor, clubs["roomy"], by=mentor_coordinator)
    assert MentorMatch.objects.count() == 1


@pytest.mark.parametrize("status", [Status.NEW, Status.INTERVIEW, Status.DECLINED, Status.WITHDRAWN])
def test_only_approved_mentors_are_matched(client, mentor_coordinator, call, clubs, status):
    application = MentorApplicationFactory(call=call, status=status)
    with pytest.raises(ValidationError):
        record_match(application, clubs["roomy"], by=mentor_coordinator)
    client.force_login(mentor_coordinator)
    assert "suggestions" not in client.get(edit_url(application)).context
    response = client.post(edit_url(application), {"action": "match", "club": clubs["roomy"].pk})
    assert response.status_code in (302, 403)  # Wagtail answers a denied admin view with a redirect
    assert not MentorMatch.objects.exists()


def test_a_club_coordinator_cannot_record_a_match(client, make_user, mentor, clubs):
    client.force_login(make_user("club_coord", "Координаторы кружков"))
    response = client.post(edit_url(mentor), {"action": "match", "club": clubs["roomy"].pk})
    assert response.status_code in (302, 403)
    assert not MentorMatch.objects.exists()


def test_the_club_page_shows_only_matched_mentors_who_agreed_to_be_named(client, call, clubs):
    club = clubs["roomy"]
    shown = MentorApplicationFactory(
        call=call,
        status=Status.MATCHED,
        full_name="Согласный Наставник",
        publication_consent=publication_consent("С"),
    )
    silent = MentorApplicationFactory(call=call, status=Status.MATCHED, full_name="Скромный Наставник")
    declined = MentorApplicationFactory(
        call=call,
        status=Status.DECLINED,
        full_name="Бывший Наставник",
        publication_consent=publication_consent("Б"),
    )
    withdrawn_consent = publication_consent("О")
    withdrawn_consent.withdrawn_at = withdrawn_consent.given_at
    withdrawn_consent.save()
    changed_mind = MentorApplicationFactory(
        call=call,
        status=Status.MATCHED,
        full_name="Передумавший Наставник",
        publication_consent=withdrawn_consent,
    )
    for application in (shown, silent, declined, changed_mind):
        MentorMatchFactory(mentor=application, club=club)
    html = client.get(club.url).text
    assert "Согласный Наставник" in html
    for hidden in ("Скромный Наставник", "Бывший Наставник", "Передумавший Наставник"):
        assert hidden not in html


def test_a_club_without_shown_mentors_has_no_mentors_section(client, clubs):
    assert "Наставники кружка" not in client.get(clubs["roomy"].url).text


def club_page_queries(client, club):
    from home.models import NavigationSettings, SiteIdentity

    # A site in service has its settings rows (creating them starts a new content generation).
    SiteIdentity.load()
    NavigationSettings.load()
    client.get(club.url)  # warm caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(club.url).status_code == 200
    return len(queries)


def test_the_club_page_needs_the_same_queries_for_3_and_30_mentors(
    client, call, clubs, django_assert_num_queries
):
    small, large = clubs["roomy"], clubs["busy"]
    for club, count in ((small, 3), (large, 30)):
        for number in range(count):
            application = MentorApplicationFactory(
                call=call,
                status=Status.MATCHED,
                full_name=f"Наставник {club.slug} {number}",
                publication_consent=publication_consent("Н"),
            )
            MentorMatchFactory(mentor=application, club=club)
    assert club_page_queries(client, small) == club_page_queries(client, large)
    with django_assert_num_queries(1):
        assert len(shown_mentors(large)) == 30


def test_a_new_match_shows_on_a_club_page_whose_description_is_cached(client, call, clubs):
    from home.models import NavigationSettings, SiteIdentity

    SiteIdentity.load(), NavigationSettings.load()  # created on first reading, which starts a new generation
    club = clubs["roomy"]
    client.get(club.url)
    assert "Наставники кружка" not in client.get(club.url).text  # the description from the cache
    mentor = MentorApplicationFactory(
        call=call,
        status=Status.MATCHED,
        full_name="Новый Наставник",
        publication_consent=publication_consent("Н"),
    )
    MentorMatchFactory(mentor=mentor, club=club)
    assert "Новый Наставник" in client.get(club.url).text


def test_a_mentors_contacts_go_only_to_coordinators_in_their_group(
    client, mentor_coordinator, mentor, clubs, make_user, django_capture_on_commit_callbacks, mailoutbox
):
    """Before: a regional editor who listed themselves as the club's coordinator (or set the club's public
    address to theirs) got the mentor's phone and e-mail with the next match."""
    club = clubs["busy"]
    editor = make_user("redaktor", "Региональные редакторы")
    club.coordinators.add(editor)
    club.email = "redaktor-kruzhka@example.org"
    club.save()
    client.force_login(mentor_coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url(mentor), {"action": "match", "club": club.pk}, follow=True)
    assert "У кружка нет координатора" in response.text
    recipients = {address for message in mailoutbox for address in message.to}
    assert recipients == {"kuz@example.org"}  # the mentor's own letter only
