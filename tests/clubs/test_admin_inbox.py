"""The club applications inbox at scale (home/applications/admin_inbox.py): the search by reference number and
by name, the capped count with pages that still lead on, the filters, and a query count that does not grow
with the number of applications or clubs."""

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import factory
import pytest

from clubs.factories import ClubApplicationFactory, ClubPageFactory
from clubs.models import Status
from home.applications.admin_inbox import CappedCountPaginator, thousands
from home.models import ReferenceSequence

pytestmark = pytest.mark.django_db

INDEX = "/admin/club_applications/"
YEAR = timezone.localdate().year
NAMES = ("Первый Ребёнок", "Второй Ребёнок", "Третий Ребёнок", "Прошлогодний Ребёнок", "Ребёнок Бета")


@pytest.fixture
def two_clubs(club_index):
    club_a = ClubPageFactory(parent=club_index, title="Кружок А", slug="a")
    club_b = ClubPageFactory(parent=club_index, title="Кружок Б", slug="b")
    return club_a, club_b


@pytest.fixture
def numbered(two_clubs):
    """Applications with known reference numbers: this year's 123, 124 and 1230, last year's 123."""
    club_a, club_b = two_clubs
    for year in (YEAR - 1, YEAR):
        ReferenceSequence.objects.get_or_create(year=year, defaults={"last_number": 5000})

    def make(number, name, club=club_a, **fields):
        return ClubApplicationFactory(club=club, reference_number=number, child_name=name, **fields)

    return {
        "first": make(f"{YEAR}-000123", "Первый Ребёнок", guardian_name="Сидорова Анна Petrovna"),
        "second": make(f"{YEAR}-000124", "Второй Ребёнок"),
        "third": make(f"{YEAR}-001230", "Третий Ребёнок"),
        "last_year": make(f"{YEAR - 1}-000123", "Прошлогодний Ребёнок"),
        "other_club": make(f"{YEAR}-000125", "Ребёнок Бета", club=club_b),
    }


@pytest.fixture
def superuser(client):
    user = get_user_model().objects.create_superuser("root", "root@example.org", "long-enough-password")
    client.force_login(user)
    return user


def found(client, query):
    response = client.get(INDEX, {"q": query})
    assert response.status_code == 200
    return {name for name in NAMES if name in response.text}


# --- search -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        f"{YEAR}-000123",
        f"{YEAR}000123",
        f" {YEAR} 000123 ",
        f"№ {YEAR}-000123",
        f"№{YEAR}-000123",
        f"Заявка № {YEAR}–000123",  # en dash, as in a word processor
        f"заявка № {YEAR}-000123",
    ],
)
def test_a_reference_number_is_found_however_it_is_typed(client, superuser, numbered, query):
    assert found(client, query) == {"Первый Ребёнок"}


def test_the_start_of_a_reference_number_lists_every_number_starting_so(client, superuser, numbered):
    assert found(client, f"{YEAR}-0001") == {"Первый Ребёнок", "Второй Ребёнок", "Ребёнок Бета"}
    assert found(client, f"{YEAR}0001") == {"Первый Ребёнок", "Второй Ребёнок", "Ребёнок Бета"}
    assert found(client, f"{YEAR}-00123") == {"Третий Ребёнок"}


def test_a_bare_number_finds_that_number_of_every_year(client, superuser, numbered):
    assert found(client, "123") == {"Первый Ребёнок", "Прошлогодний Ребёнок"}
    assert found(client, "000123") == {"Первый Ребёнок", "Прошлогодний Ребёнок"}
    assert found(client, "№ 1230") == {"Третий Ребёнок"}
    assert found(client, "99999") == set()


def test_names_are_found_anywhere_in_them_as_before(client, superuser, numbered):
    assert found(client, "Ребёнок") == set(NAMES)
    assert found(client, "торой") == {"Второй Ребёнок"}
    assert found(client, "Сидорова") == {"Первый Ребёнок"}  # the guardian's name
    assert found(client, "petrovna") == {"Первый Ребёнок"}  # case aside (Latin letters on every database)
    assert found(client, "Ребёнок 2026") == set()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite's LIKE ignores the case of Latin letters only"
)
def test_names_are_found_whatever_the_case_of_cyrillic_letters(client, superuser, numbered):
    assert found(client, "второй ребёнок") == {"Второй Ребёнок"}
    assert found(client, "СИДОРОВА") == {"Первый Ребёнок"}


def test_a_coordinator_finds_only_their_clubs_applications(client, numbered, make_coordinator, two_clubs):
    client.force_login(make_coordinator("coord_a", two_clubs[0]))
    assert found(client, f"{YEAR}-000125") == set()  # club B's
    assert found(client, f"{YEAR}-0001") == {"Первый Ребёнок", "Второй Ребёнок"}
    assert found(client, "Бета") == set()


# --- the count --------------------------------------------------------------------------------------------


@pytest.fixture
def forty_five(two_clubs):
    return ClubApplicationFactory.create_batch(45, club=two_clubs[0])


def test_a_long_list_says_more_than_the_cap_and_its_pages_lead_on(client, superuser, forty_five, monkeypatch):
    monkeypatch.setattr(CappedCountPaginator, "cap", 40)
    html = client.get(INDEX).text
    assert "Более 40 заявок" in html
    assert "Страница 1 из более чем 2" in html
    assert "45" not in html.split("pagination__end")[1][:200]
    assert "?p=2" in html

    # Page 2 counts the next 40: the end is in sight, and the count is exact again.
    html = client.get(INDEX, {"p": 2}).text
    assert "Страница 2 из 3" in html
    assert "45 заявок" in html
    assert "Более 40" not in html
    page_3 = client.get(INDEX, {"p": 3}).text
    assert page_3.count("Участник Номер") == 5


def test_a_filtered_list_past_the_cap_says_so(client, superuser, forty_five, monkeypatch):
    monkeypatch.setattr(CappedCountPaginator, "cap", 40)
    assert "Найдено более 40 заявок" in client.get(INDEX, {"status": Status.NEW}).text
    assert "Найдено более" not in client.get(INDEX, {"status": Status.ENROLLED}).text


def test_a_short_list_is_counted_exactly(client, superuser, numbered):
    html = client.get(INDEX).text
    assert "Страница 1 из 1" in html and "5 заявок" in html
    assert "Более" not in html


def test_the_capped_count_is_written_the_russian_way():
    assert thousands(10_000) == "10\u00a0000"


# --- filters ----------------------------------------------------------------------------------------------


def test_several_statuses_list_each_application_once(client, superuser, numbered):
    numbered["second"].change_status(Status.CONTACTED)
    html = client.get(f"{INDEX}?status=new&status=contacted").text
    assert html.count("Второй Ребёнок") == 1 and "Первый Ребёнок" in html


def test_the_club_filter_lists_the_clubs_and_keeps_the_choice(client, superuser, numbered, two_clubs):
    club_a, club_b = two_clubs
    html = client.get(INDEX, {"club": club_b.pk}).text
    assert f'<option value="{club_b.pk}" selected>Кружок Б</option>' in html
    assert f'<option value="{club_a.pk}">Кружок А</option>' in html
    assert "Ребёнок Бета" in html and "Первый Ребёнок" not in html
    html = client.get(INDEX, {"club": club_b.pk, "status": Status.ENROLLED}).text
    assert "Ребёнок Бета" not in html


def test_club_titles_in_the_filter_are_escaped(client, superuser, club_index):
    ClubPageFactory(parent=club_index, title='Кружок <script>alert("x")</script>', slug="x")
    html = client.get(INDEX).text
    assert '<script>alert("x")' not in html
    assert "Кружок &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


# --- queries ----------------------------------------------------------------------------------------------


def inbox_queries(client, **params):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(INDEX, params).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "params", [{}, {"status": Status.NEW}, {"q": "Ребёнок"}, {"q": f"{YEAR}-0001"}, {"overdue": "false"}]
)
def test_the_inbox_query_count_does_not_grow_with_the_data(
    client, superuser, numbered, two_clubs, club_index, params, django_assert_max_num_queries
):
    small = inbox_queries(client, **params)
    for number in range(12):
        club = ClubPageFactory(parent=club_index, title=f"Ещё кружок {number}", slug=f"more-{number}")
        ClubApplicationFactory.create_batch(
            3, club=club, child_name=factory.Sequence(lambda n: f"Ребёнок Номер {n}")
        )
    with django_assert_max_num_queries(16):
        large = inbox_queries(client, **params)
    assert large == small


def test_a_coordinators_inbox_query_count_does_not_grow_either(
    client, numbered, two_clubs, make_coordinator, django_assert_max_num_queries
):
    coordinator = make_coordinator("coord_a", two_clubs[0])
    client.force_login(coordinator)
    small = inbox_queries(client)
    ClubApplicationFactory.create_batch(30, club=two_clubs[0])
    ClubApplicationFactory.create_batch(30, club=two_clubs[1])
    with django_assert_max_num_queries(16):
        large = inbox_queries(client)
    assert large == small
