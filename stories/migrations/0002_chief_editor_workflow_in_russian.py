"""Wagtail's default workflow ("Moderators approval", on the root page, so on every page including stories and
heroes) is the site's moderation: authors submit, the group «Главные редакторы» approves. Its name is shown to
editors in the admin (status tags, the dashboard, e-mails), so it gets a Russian one."""

from django.db import migrations

RENAMES = [("Moderators approval", "Утверждение главным редактором")]


def rename(apps, schema_editor, pairs):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    for old, new in pairs:
        Workflow.objects.filter(name=old).update(name=new)
        Task.objects.filter(name=old).update(name=new)


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0001_initial"),
        ("wagtailcore", "0048_add_default_workflows"),
        ("home", "0004_russian_role_groups"),
    ]

    operations = [
        migrations.RunPython(
            lambda apps, editor: rename(apps, editor, RENAMES),
            lambda apps, editor: rename(apps, editor, [(new, old) for old, new in RENAMES]),
        )
    ]
