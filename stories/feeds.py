"""RSS and Atom feeds of stories: all of them, and one per topic (served by StoryIndexPage routes)."""

import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from home.models import SiteIdentity

from .models import StoryPage, StoryTag

DEFAULT_DESCRIPTION = "Истории о героях труда, их наставниках и учениках."


class StoryRssFeed(Feed):
    limit = 20
    language = "ru"

    def get_object(self, request, index, tag=None):
        story_tag = None
        if tag is not None:
            story_tag = StoryTag.objects.filter(slug=tag).first()
            if story_tag is None:
                raise Http404("Такой темы нет")
        site_name = SiteIdentity.load(request_or_site=request).short_name
        return {"index": index, "tag": story_tag, "site_name": site_name}

    def title(self, obj):
        title = f"{obj['index'].title} — {obj['site_name']}"
        return f"{title}: {obj['tag'].name}" if obj["tag"] else title

    def link(self, obj):
        if obj["tag"]:
            return obj["index"].tag_url(obj["tag"].slug, full=True)
        return obj["index"].full_url

    def description(self, obj):
        return obj["index"].intro or DEFAULT_DESCRIPTION

    def items(self, obj):
        stories = obj["index"].stories()
        if obj["tag"]:
            stories = stories.filter(tagged_items__tag=obj["tag"])
        return StoryPage.for_listing(stories.newest_first())[: self.limit]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.full_url

    def item_pubdate(self, item):
        # The editor's publication date is what readers see; the time of day comes from the first publishing
        # when it happened that day, so that several stories of one day keep their order.
        published = item.first_published_at
        if published and timezone.localtime(published).date() == item.date:
            return published
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(9, 0)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [tag.name for tag in item.tag_list]


class StoryAtomFeed(StoryRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)
