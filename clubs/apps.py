from django.apps import AppConfig


class ClubsConfig(AppConfig):
    name = "clubs"
    verbose_name = "Кружки, отделения и наставники"
    default_auto_field = "django.db.models.BigAutoField"
