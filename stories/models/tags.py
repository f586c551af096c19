from django.db import models

from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase

from stories.transliteration import latin_slug


class StoryTag(TagBase):
    """A topic of stories. Its own model so that slugs are in Latin letters: tag addresses stay readable."""

    free_tagging = True

    class Meta:
        verbose_name = "тема"
        verbose_name_plural = "темы"

    def slugify(self, tag, i=None):
        slug = latin_slug(tag, max_length=90) or "tema"
        return slug if i is None else f"{slug}-{i}"


class StoryPageTag(ItemBase):
    tag = models.ForeignKey(StoryTag, related_name="tagged_stories", on_delete=models.CASCADE)
    content_object = ParentalKey("stories.StoryPage", related_name="tagged_items", on_delete=models.CASCADE)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tag", "content_object"], name="unique_story_tag")]
