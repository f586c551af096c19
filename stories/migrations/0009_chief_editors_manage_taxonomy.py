"""Chief editors add, change and delete awards, industries and story topics (the stories' taxonomy snippets):
they edit every hero and story, and the lists these pages choose from are part of that work. Until now only
administrators could extend them."""

from django.db import migrations

GROUP = "Главные редакторы"
MODELS = ["award", "industry", "storytag"]
ACTIONS = ["add", "change", "delete"]


def taxonomy_permissions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    permissions = []
    for model in MODELS:
        content_type, _ = ContentType.objects.get_or_create(app_label="stories", model=model)
        for action in ACTIONS:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            permissions.append(permission)
    return permissions


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.add(*taxonomy_permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.remove(*taxonomy_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0008_authors_change_only_own_unused_media"),
        ("home", "0004_russian_role_groups"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
