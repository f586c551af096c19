from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Основа сайта"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.models import PageViewRestriction, Site

        from wagtailmedia import get_media_model

        from home import page_cache, srcset
        from home.models import (
            ConsentText,
            CustomImage,
            FooterLink,
            HeaderLink,
            NavigationSettings,
            Partner,
            Region,
            SiteIdentity,
        )

        srcset.install()

        page_cache.connect_page_signals()
        for model in (
            CustomImage,
            FooterLink,
            HeaderLink,
            NavigationSettings,
            Partner,
            Region,
            Site,
            SiteIdentity,
        ):
            page_cache.watch_model(model)
        # Audio and video play on story pages: replacing a recording's file must show on them at once.
        page_cache.watch_model(get_media_model())
        # A page made private (or public again) must leave (or enter) the caches at once, not on expiry.
        page_cache.watch_model(PageViewRestriction)
        # Application forms show the current consent texts from the worker's memo: a new version, at once.
        page_cache.watch_model(ConsentText)
