import time

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache

import pytest

from clubs.factories import ClubIndexPageFactory, ClubPageFactory
from home.applications.spam import sign_started_at
from mentors.factories import MentorCallIndexPageFactory, MentorCallPageFactory

MENTOR_COORDINATORS = "Координаторы наставников"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def call_index(home_page):
    return MentorCallIndexPageFactory(parent=home_page, slug="nastavnikam")


@pytest.fixture
def call(call_index):
    return MentorCallPageFactory(
        parent=call_index, title="Наставники для юных техников", slug="yunye-tehniki"
    )


@pytest.fixture
def club_index(home_page):
    return ClubIndexPageFactory(parent=home_page, slug="kruzhki")


@pytest.fixture
def club(club_index):
    return ClubPageFactory(parent=club_index, title="Юный техник", slug="yunyy-tehnik", capacity=10)


@pytest.fixture
def make_user(db):
    def make(username, *group_names, **fields):
        user = get_user_model().objects.create_user(
            username=username, email=f"{username}@example.org", password="x", first_name=username, **fields
        )
        for name in group_names:
            user.groups.add(Group.objects.get(name=name))
        return user

    return make


@pytest.fixture
def mentor_coordinator(make_user):
    return make_user("nastavnik_koord", MENTOR_COORDINATORS)


def application_data(**overrides):
    """A valid mentor application, as the form posts it."""
    from home.models import Region

    data = {
        "full_name": "Кузнецов Виктор Павлович",
        "phone": "+7 912 345-67-89",
        "email": "kuznetsov@example.org",
        "region": str(Region.objects.get(slug="moskva").pk),
        "city": "Москва",
        "audience": "veterans",
        "profession": "Токарь-универсал, Герой Труда",
        "experience": "Сорок лет на заводе «Красный пролетарий», вырастил двенадцать учеников.",
        "directions": ["technical", "labour"],
        "availability": "2 часа в неделю по вечерам",
        "mentoring_format": "in_person",
        "organization": "",
        "employer_offer_details": "",
        "consent": "on",
        "website": "",
        "form_started": sign_started_at(time.time() - 60),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
