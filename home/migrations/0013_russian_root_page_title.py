"""Wagtail's tree root and root collection are both called «Root», and editors meet them («Исследование: Root»,
«Коллекция: Root»): they get Russian names. The root page is never served, so nothing public changes."""

from django.db import migrations

RUSSIAN_TITLE = "Все сайты"
RUSSIAN_COLLECTION = "Общая коллекция"


def rename(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title="Root").update(title=RUSSIAN_TITLE, draft_title=RUSSIAN_TITLE)
    Collection = apps.get_model("wagtailcore", "Collection")
    Collection.objects.filter(depth=1, name="Root").update(name=RUSSIAN_COLLECTION)


def rename_back(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title=RUSSIAN_TITLE).update(title="Root", draft_title="Root")
    Collection = apps.get_model("wagtailcore", "Collection")
    Collection.objects.filter(depth=1, name=RUSSIAN_COLLECTION).update(name="Root")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0012_mentor_texts_name_pupils_data"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(rename, rename_back)]
