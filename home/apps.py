from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Основа сайта"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from home import admin_language, admin_plurals, media_permissions, page_cache, scheduling, srcset

        media_permissions.register()
        page_cache.connect_signals()
        scheduling.connect()
        admin_plurals.install()
        admin_language.russian_site_columns()
        srcset.install()
