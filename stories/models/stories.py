from django.db import models
from django.db.models import Case, Exists, OuterRef, Prefetch, Q, Value, When, prefetch_related_objects
from django.http import Http404
from django.utils import timezone

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    MultipleChooserPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from home.page_cache import accept_query
from home.routing import ChildOfOneTypeRouting
from stories import images, sharing
from stories.blocks import StoryBodyBlock
from stories.filters import Facet, FacetedFilter
from stories.pagination import paginate

from .tags import StoryPageTag, StoryTag
from .taxonomy import AwardKind


class StoryKind(models.TextChoices):
    STORY = "story", "История"
    INTERVIEW = "interview", "Интервью"
    PRACTICE = "practice", "Лучшая практика"
    NEWS = "news", "Новость"


class StoryIndexPage(RoutablePageMixin, ChildOfOneTypeRouting, Page):
    intro = models.TextField("Вступление", blank=True, max_length=800)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.StoryPage"]
    max_count = 1

    per_page = 12
    featured_count = 3

    class Meta:
        verbose_name = "список историй"
        verbose_name_plural = "списки историй"

    @staticmethod
    def facets():
        from home.models import Region

        from .taxonomy import Industry

        return [
            Facet("kind", "Жанр", "Все жанры", "kind", choices=tuple(StoryKind.choices), every_value=True),
            Facet("tag", "Тема", "Все темы", "tags__slug", "tags__name", model=StoryTag, multi_valued=True),
            Facet("region", "Регион", "Все регионы", "region__slug", "region__name", model=Region),
            Facet(
                "award",
                "Награда героя",
                "Все награды",
                "story_heroes__hero__awards__award__kind",
                choices=tuple(AwardKind.choices),
                multi_valued=True,
                every_value=True,
            ),
            Facet(
                "industry",
                "Отрасль",
                "Все отрасли",
                "story_heroes__hero__industry__slug",
                "story_heroes__hero__industry__name",
                model=Industry,
                multi_valued=True,
                every_value=True,
            ),
        ]

    def stories(self):
        # Listings, cards and feeds show the lead, never the body: a long story's body is not read for them.
        return StoryPage.objects.live().child_of(self).defer("body")

    # Addresses of the routes below, for templates and feeds.
    def route_url(self, name, full=False, **kwargs):
        base = self.full_url if full else self.url
        return base + self.reverse_subpage(name, kwargs=kwargs).lstrip("/")

    def tag_url(self, tag_slug, full=False):
        return self.route_url("tag", full=full, tag=tag_slug)

    def feed_url(self, tag_slug=None, atom=False, full=False):
        name = "atom_feed" if atom else "rss_feed"
        if tag_slug:
            return self.route_url(f"tag_{name}", full=full, tag=tag_slug)
        return self.route_url(name, full=full)

    def get_context(self, request, *args, tag=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self._listing_context(request, tag=tag))
        return context

    @path("tema/", name="topics")
    def topics(self, request):
        from django.template.response import TemplateResponse

        from stories.topics import topics_with_counts

        # Not self.render: that would build the whole story listing only to show the topics.
        context = {"page": self, "self": self, "topics": list(topics_with_counts(self))}
        return TemplateResponse(request, "stories/topics_index.html", context)

    def get_sitemap_urls(self, request=None):
        from stories.sitemap import topic_sitemap_urls

        return [*super().get_sitemap_urls(request), *topic_sitemap_urls(self, request)]

    @path("tema/<str:tag>/")
    def tag(self, request, tag):
        story_tag = StoryTag.objects.filter(slug=tag).first()
        if story_tag is None:
            raise Http404("Такой темы нет")
        return self.render(request, tag=story_tag)

    @path("rss/", name="rss_feed")
    def rss_feed(self, request):
        from stories.feeds import StoryRssFeed

        return StoryRssFeed()(request, index=self)

    @path("atom/", name="atom_feed")
    def atom_feed(self, request):
        from stories.feeds import StoryAtomFeed

        return StoryAtomFeed()(request, index=self)

    @path("tema/<str:tag>/rss/", name="tag_rss_feed")
    def tag_rss_feed(self, request, tag):
        from stories.feeds import StoryRssFeed

        return StoryRssFeed()(request, index=self, tag=tag)

    @path("tema/<str:tag>/atom/", name="tag_atom_feed")
    def tag_atom_feed(self, request, tag):
        from stories.feeds import StoryAtomFeed

        return StoryAtomFeed()(request, index=self, tag=tag)

    def _listing_context(self, request, tag=None):
        fixed = {"tag": tag.slug} if tag else None
        filters = FacetedFilter(self.stories(), self.facets(), request.GET, fixed=fixed)
        stories, featured, featured_pks = filters.queryset, [], []
        if tag is None and not filters.is_active:
            # The unfiltered list shows the featured stories on top, once: the list below goes on without them
            featured_pks = list(
                self.stories()
                .filter(featured=True)
                .newest_first()
                .values_list("pk", flat=True)[: self.featured_count]
            )
            stories = stories.exclude(pk__in=featured_pks)
        pagination = paginate(
            StoryPage.for_listing(stories.newest_first()), request.GET.get("page"), self.per_page
        )
        if featured_pks and pagination.page.number == 1:
            featured = StoryPage.for_listing(self.stories().filter(pk__in=featured_pks).newest_first())
        accept_query(request, *filters.accepted_params, *pagination.accepted_params)
        return {
            "filters": filters,
            "pagination": pagination,
            "stories": pagination.page.object_list,
            "featured_stories": featured,
            "story_count": pagination.page.paginator.count + len(featured_pks),
            "tag": tag,
            "reset_url": self.tag_url(tag.slug) if tag else self.url,
            "rss_url": self.feed_url(tag.slug if tag else None),
            "atom_url": self.feed_url(tag.slug if tag else None, atom=True),
            "canonical_url": self.tag_url(tag.slug, full=True) if tag else self.full_url,
        }


class StoryPageQuerySet(PageQuerySet):
    def newest_first(self):
        return self.order_by("-date", "-pk")


StoryPageManager = PageManager.from_queryset(StoryPageQuerySet)


class StoryPage(Page):
    lead = models.TextField("Лид", max_length=600, help_text="Два-три предложения: о ком и о чём история.")
    cover_image = models.ForeignKey(
        "home.CustomImage",
        verbose_name="Обложка",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Показывается в начале истории, в списках и при отправке ссылки в соцсети.",
    )
    kind = models.CharField("Жанр", max_length=20, choices=StoryKind.choices, default=StoryKind.STORY)
    date = models.DateField("Дата публикации", default=timezone.localdate)
    region = models.ForeignKey(
        "home.Region",
        verbose_name="Регион",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
    )
    tags = ClusterTaggableManager("Темы", through=StoryPageTag, blank=True)
    featured = models.BooleanField(
        "Избранная", default=False, help_text="Избранные истории показываются первыми в списке и на главной."
    )
    body = StreamField(StoryBodyBlock(), verbose_name="Текст истории")

    objects = StoryPageManager()

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        FieldPanel("cover_image"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
        MultipleChooserPanel(
            "story_heroes", chooser_field_name="hero", label="Герой", heading="О ком эта история"
        ),
        MultiFieldPanel(
            [FieldPanel("region"), FieldPanel("tags"), FieldPanel("featured")], heading="Рубрики"
        ),
        FieldPanel("body"),
        InlinePanel(
            "participants",
            heading="Участники истории, кроме героев",
            label="Участник",
            help_text="Имя и фото ребёнка или другого человека публикуются только с его согласием (для "
            "несовершеннолетнего — с согласием родителя). Если согласие отзовут, участник исчезнет "
            "со страницы.",
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("lead", boost=2),
        # Every block's text, captions and the titles of the pictures in it (home/blocks.py).
        index.SearchField("body"),
        # Names and places weigh like the lead (PostgreSQL only: see home/search_ranking.py).
        index.RelatedFields("region", [index.SearchField("name", boost=2)]),
        index.RelatedFields(
            "story_heroes", [index.RelatedFields("hero", [index.SearchField("title", boost=2)])]
        ),
        index.RelatedFields("tags", [index.SearchField("name", boost=2)]),
        index.RelatedFields("cover_image", [index.SearchField("title")]),
        index.FilterField("kind"),
        index.FilterField("date"),
    ]

    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []

    related_count = 3

    class Meta:
        verbose_name = "история"
        verbose_name_plural = "истории"
        # Listings read stories newest first (newest_first), the home page featured first: with these indexes
        # the database walks the first rows in order and stops after a page, instead of sorting every story.
        indexes = [
            models.Index(fields=["date", "page_ptr"], name="story_date_order"),
            models.Index(fields=["featured", "date", "page_ptr"], name="story_featured_order"),
        ]

    @staticmethod
    def _relations():
        return [
            Prefetch("tagged_items", queryset=StoryPageTag.objects.select_related("tag")),
            Prefetch(
                "story_heroes", queryset=StoryHero.objects.select_related("hero").order_by("sort_order")
            ),
        ]

    @classmethod
    def _card_relations(cls):
        return [
            Prefetch("cover_image", queryset=images.images_with_renditions(*images.CARD)),
            *cls._relations(),
        ]

    @classmethod
    def for_listing(cls, queryset):
        """Story cards: cover renditions, region, tags and heroes in a bounded number of queries."""
        return queryset.select_related("region").prefetch_related(*cls._card_relations())

    @property
    def listing_image(self):
        return self.cover_image

    @property
    def listing_summary(self):
        return self.lead

    # Cards and pages read tags and heroes from the prefetched through rows (see for_listing).
    @property
    def tag_list(self):
        return [item.tag for item in self.tagged_items.all()]

    @property
    def hero_list(self):
        return [link.hero for link in self.story_heroes.all() if link.hero.live]

    def related_stories(self):
        """Stories sharing heroes, topics or the region with this one: the closest first, then the newest.

        Shared heroes weigh 4, shared topics 2, the same region 1. Scoring every live story grows with the
        catalogue, so the stories are taken tier by tier, each tier a short
        index-driven query, until there are enough: the stories sharing a hero (a handful per hero), scored;
        then, among the rest, the newest sharing a topic and the region (3), a topic only (2), the region
        only (1). Every story of a tier outranks every story of the tiers after it, so this picks exactly what
        a full ranking would (tests/stories/test_related_stories.py checks it against one)."""
        wanted = self.related_count
        hero_ids = [link.hero_id for link in self.story_heroes.all()]
        tag_ids = [item.tag_id for item in self.tagged_items.all()]
        shares_tag = Q(Exists(StoryPageTag.objects.filter(content_object=OuterRef("pk"), tag_id__in=tag_ids)))
        same_region = Q(region_id=self.region_id)
        others = StoryPage.objects.live().exclude(pk=self.pk)
        chosen = []
        if hero_ids:
            hero_story_ids = StoryHero.objects.filter(hero_id__in=hero_ids).values("story_id")
            weight = Case(When(shares_tag, then=Value(2)), default=Value(0)) + Case(
                When(same_region, then=Value(1)), default=Value(0)
            )
            sharing_heroes = others.filter(pk__in=hero_story_ids).annotate(closeness=weight)
            chosen += sharing_heroes.order_by("-closeness", "-date", "-pk").values_list("pk", flat=True)[
                :wanted
            ]
            others = others.exclude(pk__in=hero_story_ids)
        tiers = []
        if tag_ids:
            tiers += [shares_tag & same_region, shares_tag & ~same_region] if self.region_id else [shares_tag]
        if self.region_id:
            tiers.append(same_region & ~shares_tag if tag_ids else same_region)
        for tier in tiers:
            if len(chosen) >= wanted:
                break
            newest = others.filter(tier).order_by("-date", "-pk").values_list("pk", flat=True)
            chosen += newest[: wanted - len(chosen)]
        if not chosen:
            return []
        found = {story.pk: story for story in StoryPage.for_listing(StoryPage.objects.filter(pk__in=chosen))}
        return [found[pk] for pk in chosen]

    def shown_participants(self, preview=False):
        """Participants whose publication consent is in force. A preview also shows those added in the editor,
        whose consent is recorded when the story is published."""
        if preview:
            return [p for p in self.participants.all() if p.consent is None or p.may_be_shown]
        return [p for p in self.participants.select_related("consent", "photo") if p.may_be_shown]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        preview = getattr(request, "is_preview", False)
        if not preview:
            # A preview shows the editor's unsaved tags and heroes, held in memory: only live pages prefetch.
            prefetch_related_objects([self], *self._relations())
        cover = self._cover_with_renditions()
        share = sharing.share_context(self, request, cover, description=self.lead)
        index_page = self.get_parent().specific
        heroes, tags = self.hero_list, self.tag_list
        context.update(
            participants=self.shown_participants(preview=preview),
            cover=cover,
            heroes=heroes,
            tags=[(tag, index_page.tag_url(tag.slug)) for tag in tags],
            related_stories=self.related_stories,  # a callable: the template asks for it once
            share=share,
            index_page=index_page,
            rss_url=index_page.feed_url(),
            atom_url=index_page.feed_url(atom=True),
            structured_data=sharing.article_data(self, request, share, heroes, tags),
        )
        return context

    def _cover_with_renditions(self):
        if not self.cover_image_id:
            return None
        specs = (*images.COVER, *images.SHARE)
        return images.images_with_renditions(*specs).filter(pk=self.cover_image_id).first()


class StoryHero(Orderable):
    story = ParentalKey(StoryPage, related_name="story_heroes", on_delete=models.CASCADE)
    hero = models.ForeignKey(
        "stories.HeroPage", verbose_name="Герой", on_delete=models.CASCADE, related_name="story_links"
    )

    panels = [PageChooserPanel("hero", page_type="stories.HeroPage")]

    class Meta(Orderable.Meta):
        verbose_name = "герой истории"
        verbose_name_plural = "герои истории"
        constraints = [models.UniqueConstraint(fields=["story", "hero"], name="unique_story_hero")]
