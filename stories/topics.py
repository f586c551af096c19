"""The topics of stories: the index at /istorii/tema/, every topic with its number of stories."""

from django.db.models import Count, Q

from .models.tags import StoryTag


def live_stories_of(index):
    return Q(
        tagged_stories__content_object__live=True,
        tagged_stories__content_object__path__startswith=index.path,
        tagged_stories__content_object__depth=index.depth + 1,
    )


def topics_with_counts(index):
    """Topics that have live stories under `index`, by name, each with `story_count`."""
    return (
        StoryTag.objects.annotate(story_count=Count("tagged_stories", filter=live_stories_of(index)))
        .filter(story_count__gt=0)
        .order_by("name")
    )
