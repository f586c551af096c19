"""Page types of the clubs app: where they live, what they show, and the home page section."""

import re

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.test.utils import WagtailPageTestCase

import pytest

from clubs.factories import BranchIndexPageFactory, BranchPageFactory, ClubApplicationFactory, ClubPageFactory
from clubs.models import BranchIndexPage, BranchPage, ClubIndexPage, ClubPage, Status
from home.factories import CustomImageFactory
from home.models import HomePage


class PageTypeRulesTests(WagtailPageTestCase):
    def test_directories_live_under_the_home_page(self):
        self.assertAllowedParentPageTypes(ClubIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(BranchIndexPage, {HomePage})

    def test_clubs_and_branches_live_in_their_directories(self):
        self.assertAllowedSubpageTypes(ClubIndexPage, {ClubPage})
        self.assertAllowedSubpageTypes(BranchIndexPage, {BranchPage})
        self.assertAllowedSubpageTypes(ClubPage, set())
        self.assertAllowedSubpageTypes(BranchPage, set())


@pytest.mark.django_db
def test_age_range_and_coordinates_are_checked(club):
    club.age_min, club.age_max = 16, 10
    with pytest.raises(ValidationError, match="Верхняя граница"):
        club.full_clean()
    club.age_min, club.age_max = 10, 16
    club.latitude = 55.75
    with pytest.raises(ValidationError, match="обе координаты"):
        club.full_clean()


@pytest.mark.django_db
def test_club_page_tells_everything_about_the_club(client, club_index, home_page):
    branch_index = BranchIndexPageFactory(parent=home_page, slug="otdeleniya")
    branch = BranchPageFactory(parent=branch_index, title="Московское отделение", slug="moskva")
    club = ClubPageFactory(
        parent=club_index,
        slug="tehnik",
        title="Юный техник",
        branch=branch,
        is_free=False,
        price="1 000 ₽ в месяц",
        accepts_disabilities=True,
        capacity=5,
        image=CustomImageFactory(title="Мастерская", description="Ребята у верстака"),
    )
    ClubApplicationFactory(club=club, status=Status.ENROLLED)
    html = client.get(club.url).text
    assert len(re.findall(r"<h1[ >]", html)) == 1
    for text in [
        "Техническое творчество",
        "10–16 лет",
        "1 000 ₽ в месяц",
        "принимаем",
        "свободно 4 из 5",
        "Вторник и четверг, 16:00–18:00",
        "Петров Пётр Петрович",
        "Московское отделение",
    ]:
        assert text in html, text
    assert 'alt="Ребята у верстака"' in html
    assert "<picture" in html
    assert "css/clubs.css" in html


@pytest.mark.django_db
def test_branch_pages_list_branches_and_their_clubs(client, club_index, home_page):
    branch_index = BranchIndexPageFactory(parent=home_page, slug="otdeleniya")
    branch = BranchPageFactory(
        parent=branch_index, title="Московское отделение", slug="moskva", has_mentoring_centre=True
    )
    BranchPageFactory(parent=branch_index, title="Уральское отделение", slug="ural")
    ClubPageFactory(parent=club_index, title="Юный техник", slug="tehnik", branch=branch)
    html = client.get(branch_index.url).text
    assert "Московское отделение" in html and "Уральское отделение" in html
    assert "Кружков: 1" in html and "Кружков: 0" in html
    html = client.get(branch.url).text
    assert "Методический центр наставничества" in html
    assert "Юный техник" in html


@pytest.mark.django_db
def test_branch_page_queries_do_not_grow_with_its_clubs(client, club_index, home_page):
    branch_index = BranchIndexPageFactory(parent=home_page, slug="otdeleniya")
    branch = BranchPageFactory(parent=branch_index, slug="moskva")

    def queries():
        client.get(branch.url)
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            client.get(branch.url)
        return len(captured)

    for number in range(3):
        ClubPageFactory(parent=club_index, slug=f"a{number}", branch=branch, image=CustomImageFactory())
    with_three = queries()
    for number in range(27):
        ClubPageFactory(parent=club_index, slug=f"b{number}", branch=branch, image=CustomImageFactory())
    assert with_three == queries()


@pytest.mark.django_db
def test_home_page_shows_clubs_with_free_places_first(client, club_index, home_page):
    full = ClubPageFactory(parent=club_index, title="Полный кружок", slug="full", capacity=1)
    ClubApplicationFactory(club=full, status=Status.ENROLLED)
    for number in range(5):
        ClubPageFactory(parent=club_index, title=f"Открытый кружок {number}", slug=f"open-{number}")
    html = client.get(home_page.url).text
    assert "Кружки, где есть свободные места" in html
    assert html.count("Открытый кружок") == 4 and "Полный кружок" not in html
    assert f'href="{club_index.url}"' in html


@pytest.mark.django_db
def test_home_page_section_queries_are_bounded(client, club_index, home_page):
    def queries():
        client.get(home_page.url)
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            client.get(home_page.url)
        return len(captured)

    for number in range(3):
        ClubPageFactory(parent=club_index, slug=f"a{number}", image=CustomImageFactory())
    with_three = queries()
    for number in range(27):
        ClubPageFactory(parent=club_index, slug=f"b{number}", image=CustomImageFactory())
    assert with_three == queries()


@pytest.mark.django_db
def test_an_application_changes_the_home_pages_clubs_at_once(client, club_index, home_page):
    from home.models import NavigationSettings, SiteIdentity

    SiteIdentity.load(), NavigationSettings.load()  # created on first reading, which starts a new generation
    clubs = [
        ClubPageFactory(
            parent=club_index, title=f"Кружок {n}", slug=f"k{n}", capacity=2, image=CustomImageFactory()
        )
        for n in range(5)
    ]
    client.get(home_page.url)
    with CaptureQueriesContext(connection) as warm:
        html = client.get(home_page.url).text
    # Which clubs are newest is kept per generation and every card is cached: only the places are counted.
    # (The movement's numbers and the region map count clubs live: one aggregate query each.)
    assert not [
        q["sql"]
        for q in warm.captured_queries
        if ("customimage" in q["sql"] or "clubs_clubpage" in q["sql"]) and "COUNT(" not in q["sql"]
    ]
    assert "Кружок 0" not in html and html.count("Свободных мест: 2") == 4
    ClubApplicationFactory(club=clubs[4], status=Status.NEW)
    assert "Свободных мест: 1" in client.get(home_page.url).text
    ClubApplicationFactory(club=clubs[4], status=Status.ENROLLED)
    html = client.get(home_page.url).text
    assert "Кружок 4" not in html and "Кружок 0" in html  # full now: an open club takes its place


@pytest.mark.django_db
def test_a_cached_club_description_follows_its_free_places(client, club_index, home_page):
    from home.models import NavigationSettings, SiteIdentity

    SiteIdentity.load(), NavigationSettings.load()  # created on first reading, which starts a new generation
    club = ClubPageFactory(parent=club_index, slug="tehnik", capacity=2, image=CustomImageFactory())
    client.get(club.url)
    assert "свободно 2 из 2" in client.get(club.url).text  # from the cache
    ClubApplicationFactory(club=club, status=Status.NEW)
    assert "свободно 1 из 2" in client.get(club.url).text
    ClubApplicationFactory(club=club, status=Status.ENROLLED)
    assert "свободных мест нет (всего 2)" in client.get(club.url).text


@pytest.mark.django_db
def test_the_leader_may_be_linked_to_a_hero_page(club):
    from clubs.models.clubs import HeroChooserPanel, hero_page_model

    panel = HeroChooserPanel("leader_hero").bind_to_model(ClubPage)
    options = panel.get_form_options()
    chooser = options["widgets"]["leader_hero"] if hero_page_model() else None
    if hero_page_model() is not None:
        assert [model.__name__ for model in chooser.target_models] == ["HeroPage"]
    else:
        assert "leader_hero" not in options.get("widgets", {})


@pytest.mark.django_db
def test_a_new_consent_text_is_on_the_form_and_in_the_record_at_once(client, club_index, home_page):
    from home.models import ConsentText, NavigationSettings, SiteIdentity

    SiteIdentity.load(), NavigationSettings.load()  # created on first reading, which starts a new generation
    club = ClubPageFactory(parent=club_index, slug="tehnik")
    client.get(club.url)
    assert "Версия 1." in client.get(club.url).text  # the form's consent texts from the worker's memo
    text = ConsentText.objects.current(ConsentText.Kind.PERSONAL_DATA)
    text.text = "Новая редакция согласия на обработку персональных данных."
    text.save()
    html = client.get(club.url).text
    assert "Новая редакция согласия" in html and "Версия 2." in html
    from clubs.forms import ClubApplicationForm

    assert ClubApplicationForm(club=club).consent_text.version == 2  # the version a new record refers to
