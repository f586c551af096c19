from django.apps import AppConfig


class ClubsConfig(AppConfig):
    name = "clubs"
    verbose_name = "Кружки, отделения и наставники"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Registers the e-mail builders that background tasks look up by name.
        from clubs import emails  # noqa: F401
