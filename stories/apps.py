from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = "Истории и герои"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from home import page_cache
        from stories.models import Award, Industry, StoryTag

        # Snippets shown on published pages (filter options, hero awards, tags): renaming one changes pages.
        for model in (Award, Industry, StoryTag):
            page_cache.watch_model(model)
