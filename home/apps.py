from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Основа сайта"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from home import media_permissions, page_cache

        media_permissions.register()
        page_cache.connect_signals()
