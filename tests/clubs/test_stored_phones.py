"""Phones of club applications: stored in E.164 by the form and by the migration for older rows."""

from importlib import import_module

from django.apps import apps

from clubs.factories import ClubApplicationFactory
from clubs.models import ClubApplication


def test_the_migration_stores_old_phones_in_e164(club):
    typed_before = ClubApplicationFactory(club=club, phone="8 (912) 345-67-89", guardian_phone="не помню")
    import_module("clubs.migrations.0006_normalise_stored_phones").normalise(apps, None)
    typed_before.refresh_from_db()
    # What cannot be read is kept as it was, never lost.
    assert (typed_before.phone, typed_before.guardian_phone) == ("+79123456789", "не помню")


def test_the_form_stores_e164_and_the_admin_shows_it_readably(client, club, admin_client):
    from tests.clubs.conftest import application_data

    response = client.post(club.url, application_data(age=15, phone="8 (912) 345 67 89"))
    assert response.status_code == 302
    application = ClubApplication.objects.get()
    assert application.phone == "+79123456789"
    page = admin_client.get(f"/admin/club_applications/edit/{application.pk}/")
    assert "+7 912 345-67-89" in page.content.decode()
