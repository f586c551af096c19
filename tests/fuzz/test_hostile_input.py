"""Random and hostile input at every public form and every GET parameter of every listing: never a 500."""

from urllib.parse import urlencode

from django.core import mail

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clubs.factories import ClubIndexPageFactory, ClubPageFactory
from clubs.models import ClubApplication
from home.factories import FormPageFactory
from mentors.factories import MentorCallIndexPageFactory, MentorCallPageFactory
from mentors.models import MentorApplication
from stories.factories import HeroIndexPageFactory, StoryIndexPageFactory

pytestmark = pytest.mark.django_db

HOSTILE = st.sampled_from(
    [
        "",
        "\x00",
        "a\x00b",
        "' OR 1=1 --",
        "1; DROP TABLE wagtailcore_page;",
        '"><script>alert(1)</script>',
        "<img src=x onerror=alert(1)>",
        "{{ 7*7 }}{% debug %}",
        "../../etc/passwd",
        "%00%ff%fe",
        "9" * 400,
        "-1",
        "0",
        "1e308",
        "NaN",
        "ё" * 5000,
        "\ud7ff\ue000\U0010ffff",
        '=HYPERLINK("http://evil")',
        "null",
        "[]",
    ]
)
TEXT = st.one_of(
    HOSTILE,
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1000, max_size=20000),
)
FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def params_for(names):
    return st.dictionaries(st.sampled_from(names), TEXT, max_size=len(names))


@pytest.fixture
def listings(home_page):
    stories = StoryIndexPageFactory(parent=home_page, slug="istorii")
    heroes = HeroIndexPageFactory(parent=home_page, slug="geroi")
    clubs = ClubIndexPageFactory(parent=home_page, slug="kruzhki")
    calls = MentorCallIndexPageFactory(parent=home_page, slug="nastavnikam")
    return {
        stories.url: ["kind", "tag", "region", "award", "industry", "page"],
        f"{stories.url}rss/": ["page"],
        heroes.url: ["region", "award", "industry", "page"],
        clubs.url: [
            "q",
            "region",
            "city",
            "direction",
            "age",
            "format",
            "disabilities",
            "free_places",
            "free",
            "sort",
            "page",
        ],
        calls.url: ["region", "audience", "state", "page"],
        "/search/": ["q", "page"],
        "/special-version/": ["size", "scheme", "images", "spacing", "next", "reset"],
    }


@FUZZ
@given(data=st.data())
def test_no_listing_answers_500_to_hostile_parameters(client, listings, data):
    path = data.draw(st.sampled_from(sorted(listings)))
    params = data.draw(params_for(listings[path]))
    response = client.get(f"{path}?{urlencode(params)}")
    assert response.status_code < 500, (path, params)


@pytest.fixture
def forms(home_page):
    club = ClubPageFactory(parent=ClubIndexPageFactory(parent=home_page, slug="kruzhki"), slug="kruzhok")
    call = MentorCallPageFactory(
        parent=MentorCallIndexPageFactory(parent=home_page, slug="nastavnikam"), slug="prizyv"
    )
    volunteer = FormPageFactory(parent=home_page, slug="volontery")
    return {
        club.url: [
            "child_name",
            "birth_date",
            "phone",
            "email",
            "school",
            "grade",
            "motivation",
            "guardian_name",
            "guardian_phone",
            "guardian_email",
            "consent",
            "website",
            "form_started",
        ],
        call.url: [
            "full_name",
            "phone",
            "email",
            "region",
            "city",
            "audience",
            "profession",
            "experience",
            "directions",
            "availability",
            "mentoring_format",
            "organization",
            "employer_offers",
            "consent",
            "website",
            "form_started",
        ],
        volunteer.url: ["consent", "website", "form_started", "name", "email"],
    }


@FUZZ
@given(data=st.data())
def test_no_public_form_answers_500_and_bad_posts_store_nothing(client, forms, settings, data):
    settings.APPLICATION_RATE_LIMIT = 10**6
    path = data.draw(st.sampled_from(sorted(forms)))
    posted = data.draw(params_for(forms[path]))
    response = client.post(path, posted)
    assert response.status_code < 500, (path, posted)
    # Without a valid signed fill-time token, nothing random can be stored or mailed.
    assert not ClubApplication.objects.exists()
    assert not MentorApplication.objects.exists()
    assert mail.outbox == []


def test_a_nul_character_in_the_address_is_a_clear_400(client, listings):
    response = client.get("/geroi/?region=moskva%00")
    assert response.status_code == 400
    assert "недопустимый символ" in response.content.decode()
