"""The group «Координаторы кружков»: admin access, and viewing, processing and exporting applications.

Which applications a coordinator sees is decided per club (ClubPage.coordinators), not by the group.
Permissions are created here because Django creates them only after all migrations have run.
"""

from django.db import migrations

GROUP_NAME = "Координаторы кружков"
PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
    ("clubs", "clubapplication", "view_clubapplication", "Can view заявка в кружок"),
    ("clubs", "clubapplication", "change_clubapplication", "Can change заявка в кружок"),
    ("clubs", "clubapplication", "export_clubapplication", "Может выгружать заявки в кружки"),
]


def create_group(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group, _created = Group.objects.get_or_create(name=GROUP_NAME)
    for app_label, model, codename, name in PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        group.permissions.add(permission)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("clubs", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
