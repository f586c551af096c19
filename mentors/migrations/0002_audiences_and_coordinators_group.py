"""The fixed audiences of calls, and the group «Координаторы наставников»: admin access, viewing, processing
and exporting mentor applications, and matching mentors with clubs.

Permissions are created here because Django creates them only after all migrations have run.
"""

from django.db import migrations

AUDIENCES = ["activists", "alumni", "employers", "senior_pupils", "students", "veterans"]
GROUP_NAME = "Координаторы наставников"
PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
    ("mentors", "mentorapplication", "view_mentorapplication", "Can view заявка наставника"),
    ("mentors", "mentorapplication", "change_mentorapplication", "Can change заявка наставника"),
    ("mentors", "mentorapplication", "export_mentorapplication", "Может выгружать заявки наставников"),
    ("mentors", "mentormatch", "add_mentormatch", "Can add наставник кружка"),
]


def create_audiences(apps, schema_editor):
    CallAudience = apps.get_model("mentors", "CallAudience")
    for code in AUDIENCES:
        CallAudience.objects.get_or_create(code=code)


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
        ("mentors", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(create_audiences, migrations.RunPython.noop),
        migrations.RunPython(create_group, remove_group),
    ]
