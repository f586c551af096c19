"""Stores every phone number of existing applications in E.164, as the forms now clean them.

A value libphonenumber cannot read is left as it was (the admin shows it unchanged): nothing is lost.
The parsing is written out here instead of importing home.phone_numbers, so the migration keeps doing what it
did when that module changes.
"""

from django.db import migrations

import phonenumbers

PHONE_FIELDS = ("phone", "guardian_phone")


def e164(value):
    try:
        number = phonenumbers.parse(value, "RU")
    except phonenumbers.NumberParseException:
        return value
    if not phonenumbers.is_possible_number(number):
        return value
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalise(apps, schema_editor):
    Application = apps.get_model("clubs", "ClubApplication")
    for application in Application.objects.only("pk", *PHONE_FIELDS).iterator(chunk_size=2000):
        changed = {
            name: e164(getattr(application, name)) for name in PHONE_FIELDS if getattr(application, name)
        }
        changed = {name: value for name, value in changed.items() if value != getattr(application, name)}
        if changed:
            Application.objects.filter(pk=application.pk).update(**changed)


class Migration(migrations.Migration):
    dependencies = [("clubs", "0005_application_name_search_indexes")]

    operations = [migrations.RunPython(normalise, migrations.RunPython.noop)]
