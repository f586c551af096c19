"""Two applications for the last place at the same moment: exactly one gets it (PostgreSQL row locks)."""

import threading
import time

from django.db import connection
from django.test import Client

import pytest

from clubs import submission
from clubs.factories import ClubPageFactory
from clubs.models import ClubApplication, Status

from .conftest import application_data


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_concurrent_applications_for_the_last_place(home_page, monkeypatch):
    from clubs.factories import ClubIndexPageFactory

    index = ClubIndexPageFactory(parent=home_page, slug="kruzhki")
    club = ClubPageFactory(parent=index, slug="posledniy", capacity=1)

    # Widen the race window: each request pauses between counting the places and saving its application.
    # Without the row lock both would count 0 taken places and both would get the place.
    real_count = submission.count_taken_places

    def slow_count(locked_club):
        taken = real_count(locked_club)
        time.sleep(0.5)
        return taken

    monkeypatch.setattr(submission, "count_taken_places", slow_count)
    start = threading.Barrier(2)
    responses = {}

    def apply(name):
        try:
            start.wait()
            responses[name] = Client().post(club.url, application_data(child_name=name)).status_code
        finally:
            connection.close()

    threads = [threading.Thread(target=apply, args=(name,)) for name in ("Первый Ребёнок", "Второй Ребёнок")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(responses.values()) == [302, 302]
    statuses = sorted(ClubApplication.objects.values_list("status", flat=True))
    assert statuses == sorted([Status.NEW, Status.WAITING])
