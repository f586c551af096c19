"""Authors («Авторы») add images, documents and audio/video and choose them for their drafts, but no longer
hold «change» or «delete» on any collection: they change or delete only what they uploaded themselves and no
live page uses (home/media_permissions.py); anything else is changed by chief editors. Before this an author
could replace the file or the alt text of a published story's cover, live at once, without moderation.
"""

from django.db import migrations

AUTHORS = "Авторы"
TAKEN = [
    ("wagtailimages", "image", "change_image"),
    ("wagtailimages", "image", "delete_image"),
    ("wagtaildocs", "document", "change_document"),
    ("wagtaildocs", "document", "delete_document"),
    ("wagtailmedia", "media", "change_media"),
    ("wagtailmedia", "media", "delete_media"),
]
KEPT = [
    ("wagtailimages", "image", "add_image", "Can add image"),
    ("wagtailimages", "image", "choose_image", "Can choose image"),
    ("wagtaildocs", "document", "add_document", "Can add document"),
    ("wagtaildocs", "document", "choose_document", "Can choose document"),
    ("wagtailmedia", "media", "add_media", "Can add media"),
]


def _permission(apps, app_label, model, codename, name=None):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name or codename}
    )
    return permission


def _authors_and_root(apps):
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    return Group.objects.filter(name=AUTHORS).first(), Collection.objects.filter(depth=1).first()


def restrict(apps, schema_editor):
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    authors, root = _authors_and_root(apps)
    if authors is None or root is None:
        return
    for app_label, model, codename in TAKEN:
        GroupCollectionPermission.objects.filter(
            group=authors,
            permission__content_type__app_label=app_label,
            permission__content_type__model=model,
            permission__codename=codename,
        ).delete()
    for spec in KEPT:
        GroupCollectionPermission.objects.get_or_create(
            group=authors, collection=root, permission=_permission(apps, *spec)
        )


def restore(apps, schema_editor):
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    authors, root = _authors_and_root(apps)
    if authors is None or root is None:
        return
    for spec in TAKEN:
        GroupCollectionPermission.objects.get_or_create(
            group=authors, collection=root, permission=_permission(apps, *spec)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0007_story_featured_order"),
        ("wagtailimages", "0023_add_choose_permissions"),
        ("wagtaildocs", "0011_add_choose_permissions"),
        ("wagtailmedia", "0005_alter_media_options"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(restrict, restore)]
