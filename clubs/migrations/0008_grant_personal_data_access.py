"""Choosing a club's coordinators grants access to children's and mentors' personal data, so it gets a
permission of its own, «Может назначать доступ к персональным данным», held by no group: administrators
(superusers) have it implicitly, and an administrator may give it deliberately in Settings → Groups.
Coordinators can be chosen only among active members of «Координаторы кружков» (clubs/coordinators.py).
The permission is created here because Django creates permissions only after all migrations have run.
"""

from django.conf import settings
from django.db import migrations

import modelcluster.fields

GRANT = ("grant_personal_data_access", "Может назначать доступ к персональным данным")


def create_permission(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="clubs", model="clubpage")
    Permission.objects.get_or_create(
        content_type=content_type, codename=GRANT[0], defaults={"name": GRANT[1]}
    )


def remove_permission(apps, schema_editor):
    apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="clubs", codename=GRANT[0]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("clubs", "0007_name_keys_ignore_unicode_and_word_order"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="clubpage",
            options={
                "permissions": [GRANT],
                "verbose_name": "кружок",
                "verbose_name_plural": "кружки",
            },
        ),
        migrations.AlterField(
            model_name="clubpage",
            name="coordinators",
            field=modelcluster.fields.ParentalManyToManyField(
                blank=True,
                help_text="Видят и обрабатывают заявки в этот кружок, получают письма о новых заявках.",
                limit_choices_to={"groups__name": "Координаторы кружков", "is_active": True},
                related_name="coordinated_clubs",
                to=settings.AUTH_USER_MODEL,
                verbose_name="Координаторы",
            ),
        ),
        migrations.RunPython(create_permission, remove_permission),
    ]
