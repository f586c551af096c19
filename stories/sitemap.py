"""Sitemap entries beyond Wagtail's one per page: the topics, and dates that say when a page last changed."""

from django.db.models import Count, Max

from .models.tags import StoryTag
from .topics import live_stories_of


def topic_sitemap_urls(index, request=None):
    """Entries of the topics index and of every topic page, each dated by its newest story."""
    live = live_stories_of(index)
    topics = list(
        StoryTag.objects.annotate(
            story_count=Count("tagged_stories", filter=live),
            updated=Max("tagged_stories__content_object__last_published_at", filter=live),
        )
        .filter(story_count__gt=0)
        .order_by("name")
    )
    if not topics:
        return []
    base = index.get_full_url(request)
    dates = [topic.updated for topic in topics if topic.updated]
    entries = [{"location": base + "tema/", "lastmod": max(dates) if dates else None}]
    entries += [{"location": f"{base}tema/{topic.slug}/", "lastmod": topic.updated} for topic in topics]
    return entries


def hero_lastmod(hero, request=None):
    """A hero's page lists every story about the hero, so it changes when one is published: its date is the
    later of its own publication and its newest story's. Read for all heroes in one query per sitemap."""
    from .models import StoryPage

    newest = getattr(request, "_newest_story_of_hero", None)
    if newest is None:
        newest = dict(
            StoryPage.objects.live()
            .filter(story_heroes__isnull=False)
            .values_list("story_heroes__hero_id")
            .annotate(newest=Max("last_published_at"))
            .order_by()
        )
        if request is not None:
            request._newest_story_of_hero = newest
    dates = [date for date in (hero.last_published_at, newest.get(hero.pk)) if date]
    return max(dates) if dates else None
