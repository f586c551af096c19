from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("clubs", "0002_club_coordinators_group"),
    ]

    operations = [
        migrations.AddField(
            model_name="clubapplication",
            name="anonymised_at",
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name="Обезличена"),
        ),
    ]
