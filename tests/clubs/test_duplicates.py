"""The same child cannot apply to one club twice by spelling the name differently; the refusal says what to
do next, depending on whether an e-mail was given."""

from importlib import import_module

from django.apps import apps

import pytest

from clubs.factories import ClubApplicationFactory
from clubs.models import ClubApplication, Status
from tests.clubs.conftest import application_data
from tests.home.test_name_keys import SPELLINGS_OF_ONE_CHILD


@pytest.fixture
def apply(client):
    def post(club, data):
        return client.post(club.url, data)

    return post


def test_ten_spellings_of_one_child_give_one_application(apply, club):
    responses = [apply(club, application_data(child_name=name)) for name in SPELLINGS_OF_ONE_CHILD]
    assert [response.status_code for response in responses] == [302] + [200] * 9
    assert ClubApplication.objects.count() == 1
    assert all("уже подана" in response.text for response in responses[1:])


@pytest.mark.parametrize(
    ("contacts", "says", "never_says"),
    [
        ({}, "личной ссылке из письма", "которую мы показали"),
        (
            {"email": "", "guardian_email": ""},
            "которую мы показали после отправки",
            "из письма",
        ),
    ],
)
def test_the_refusal_mentions_the_letter_only_when_an_email_was_given(
    apply, club, contacts, says, never_says
):
    apply(club, application_data())
    response = apply(club, application_data(child_name="Артём Иванов", **contacts))
    assert says in response.text
    assert never_says not in response.text


def test_the_migration_recomputes_keys_and_keeps_earlier_twins_apart(club):
    older = ClubApplicationFactory(club=club, child_name="Иванов Артём")
    twin = ClubApplicationFactory(
        club=club, child_name="Артём Иванов", birth_date=older.birth_date, status=Status.WITHDRAWN
    )
    # As the old key stored them: two live applications of one child.
    ClubApplication.objects.filter(pk=older.pk).update(child_key="иванов артём")
    ClubApplication.objects.filter(pk=twin.pk).update(child_key="артем иванов", status=Status.NEW)
    import_module("clubs.migrations.0007_name_keys_ignore_unicode_and_word_order").recompute(apps, None)
    older.refresh_from_db()
    twin.refresh_from_db()
    # The oldest keeps the plain key, which the next application is compared with.
    assert older.child_key == "артем иванов"
    assert twin.child_key == f"артем иванов #{twin.pk}"
