"""Gives Wagtail's two default groups the Russian names of the site's roles.

Wagtail's "Moderators" already may add, edit and publish every page and approve moderation (chief editors);
its "Editors" may add and edit but only submit for moderation (authors).
"""

from django.db import migrations

RENAMES = [("Moderators", "Главные редакторы"), ("Editors", "Авторы")]


def rename(apps, schema_editor, pairs):
    Group = apps.get_model("auth.Group")
    for old, new in pairs:
        Group.objects.filter(name=old).update(name=new)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_create_homepage"),
        ("wagtailcore", "0002_initial_data"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0002_initial_data"),
        ("wagtaildocs", "0002_initial_data"),
    ]

    operations = [
        migrations.RunPython(
            lambda apps, editor: rename(apps, editor, RENAMES),
            lambda apps, editor: rename(apps, editor, [(new, old) for old, new in RENAMES]),
        )
    ]
