import time

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import pytest

from clubs.factories import ClubIndexPageFactory, ClubPageFactory, birth_date_for_age
from home.applications.spam import sign_started_at

COORDINATORS_GROUP = "Координаторы кружков"


@pytest.fixture
def club_index(home_page):
    return ClubIndexPageFactory(parent=home_page, slug="kruzhki")


@pytest.fixture
def club(club_index):
    return ClubPageFactory(parent=club_index, title="Юный техник", slug="yunyy-tehnik", capacity=10)


@pytest.fixture
def make_coordinator(db):
    def make(username, *clubs):
        user = get_user_model().objects.create_user(
            username=username, email=f"{username}@example.org", password="x", first_name=username
        )
        user.groups.add(Group.objects.get(name=COORDINATORS_GROUP))
        for club in clubs:
            club.coordinators.add(user)
            club.save()
        return user

    return make


def application_data(age=12, **overrides):
    """A valid application for a participant of `age`, as the form posts it."""
    data = {
        "child_name": "Иванов Артём",
        "birth_date": birth_date_for_age(age).isoformat(),
        "phone": "+7 912 345-67-89",
        "email": "ivanova@example.org",
        "school": "Школа № 5",
        "grade": "6 «Б»",
        "motivation": "Люблю собирать модели",
        "guardian_name": "Иванова Мария Петровна",
        "guardian_phone": "8 (900) 123-45-67",
        "guardian_email": "mama@example.org",
        "consent": "on",
        "website": "",
        "form_started": sign_started_at(time.time() - 60),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
