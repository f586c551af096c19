"""Chief editors and authors may upload and edit audio and video (wagtailmedia) in every collection, as Wagtail
lets them do with images and documents.

wagtailmedia's own migration grants this to the groups named "Editors" and "Moderators", which this site has
renamed (home/migrations/0004), so on an existing database it finds nobody. This grants the same permissions
by the Russian names, on the root collection (so every collection below it). Regional editors' media rights
per region are managed with their collections (clubs/regional_editors.py).
"""

from django.db import migrations

GROUPS = ["Главные редакторы", "Авторы"]
CODENAMES = [
    ("add_media", "Can add media"),
    ("change_media", "Can change media"),
    ("delete_media", "Can delete media"),
]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtailmedia", model="media")
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )[0]
        for codename, name in CODENAMES
    ]
    for group in Group.objects.filter(name__in=GROUPS):
        for permission in permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=permission
            )


def revoke(apps, schema_editor):
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupCollectionPermission.objects.filter(
        group__name__in=GROUPS,
        permission__content_type__app_label="wagtailmedia",
        permission__codename__in=[codename for codename, _ in CODENAMES],
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0003_story_media_block"),
        ("home", "0004_russian_role_groups"),
        ("wagtailmedia", "0005_alter_media_options"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
