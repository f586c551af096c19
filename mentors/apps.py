from django.apps import AppConfig


class MentorsConfig(AppConfig):
    name = "mentors"
    verbose_name = "Наставники"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Registers the e-mail builders that background tasks look up by name.
        from mentors import emails  # noqa: F401
