"""Recomputes `child_key` of every application with the new name normaliser (home/applications/names.py):
Unicode tricks and the order of words no longer make another child.

The normaliser is imported rather than copied: the stored keys must equal what the running code computes,
or the duplicate check would miss. Two live applications that now turn out to be the same child (they were
accepted under the old, weaker key) would break the unique constraint: the oldest keeps the plain key, which
new applications are compared with, and each later one gets its number appended; coordinators see both.
"""

from django.db import migrations

from home.applications.names import person_name_key

ACTIVE_STATUSES = ("new", "contacted", "enrolled", "waiting")


def recompute(apps, schema_editor):
    ClubApplication = apps.get_model("clubs", "ClubApplication")
    taken = set()
    new_keys = {}
    rows = (
        ClubApplication.objects.filter(anonymised_at__isnull=True)
        .order_by("created_at", "pk")
        .only("pk", "club_id", "birth_date", "status", "child_name", "child_key")
    )
    for application in rows.iterator(chunk_size=2000):
        key = person_name_key(application.child_name)
        if application.status in ACTIVE_STATUSES:
            identity = (application.club_id, application.birth_date, key)
            if identity in taken:
                key = f"{key[:180]} #{application.pk}"
            taken.add(identity)
        if key != application.child_key:
            new_keys[application.pk] = key
    # In two steps, so that a row never takes a key another row still holds for a moment.
    for pk in new_keys:
        ClubApplication.objects.filter(pk=pk).update(child_key=f"пересчёт {pk}")
    for pk, key in new_keys.items():
        ClubApplication.objects.filter(pk=pk).update(child_key=key)


class Migration(migrations.Migration):
    dependencies = [("clubs", "0006_normalise_stored_phones")]

    operations = [migrations.RunPython(recompute, migrations.RunPython.noop)]
