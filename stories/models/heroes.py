from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.html import strip_tags

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, TitleFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import PARAGRAPH_FEATURES
from home.page_cache import accept_query
from home.routing import ChildOfOneTypeRouting
from stories import images, sharing
from stories.filters import Facet, FacetedFilter
from stories.pagination import paginate

from .taxonomy import AwardKind

EARLIEST_YEAR = 1850


def _year_help(what):
    return f"{what} — четыре цифры, например 1938."


class HeroIndexPage(ChildOfOneTypeRouting, Page):
    intro = models.TextField("Вступление", blank=True, max_length=800)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.HeroPage"]
    max_count = 1

    per_page = 24

    class Meta:
        verbose_name = "список героев"
        verbose_name_plural = "списки героев"

    @staticmethod
    def facets():
        from home.models import Region

        from .taxonomy import Industry

        return [
            Facet("region", "Регион", "Все регионы", "region__slug", "region__name", model=Region),
            Facet(
                "award",
                "Награда",
                "Все награды",
                "awards__award__kind",
                choices=tuple(AwardKind.choices),
                multi_valued=True,
                every_value=True,
            ),
            Facet(
                "industry",
                "Отрасль",
                "Все отрасли",
                "industry__slug",
                "industry__name",
                model=Industry,
                every_value=True,
            ),
        ]

    def heroes(self):
        return HeroPage.objects.live().child_of(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = FacetedFilter(self.heroes(), self.facets(), request.GET)
        by_name = HeroPage.for_listing(filters.queryset.order_by("title", "pk"))
        pagination = paginate(by_name, request.GET.get("page"), self.per_page)
        accept_query(request, *filters.accepted_params, *pagination.accepted_params)
        context.update(filters=filters, pagination=pagination, heroes=pagination.page.object_list)
        return context


class HeroPage(Page):
    portrait = models.ForeignKey(
        "home.CustomImage",
        verbose_name="Портрет",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    birth_year = models.PositiveSmallIntegerField("Год рождения", null=True, blank=True)
    death_year = models.PositiveSmallIntegerField(
        "Год смерти", null=True, blank=True, help_text="Оставьте пустым, если герой жив."
    )
    region = models.ForeignKey(
        "home.Region",
        verbose_name="Регион",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="heroes",
        help_text="Где прошла трудовая жизнь героя.",
    )
    profession = models.CharField("Профессия", max_length=200, help_text="Например: «сталевар», «доярка».")
    industry = models.ForeignKey(
        "stories.Industry",
        verbose_name="Отрасль",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="heroes",
    )
    biography = RichTextField("Краткая биография", features=PARAGRAPH_FEATURES, blank=True)

    content_panels = [
        TitleFieldPanel("title", heading="Фамилия, имя, отчество"),
        FieldPanel("portrait"),
        FieldRowPanel([FieldPanel("birth_year"), FieldPanel("death_year")], heading="Годы жизни"),
        MultiFieldPanel(
            [FieldPanel("profession"), FieldPanel("industry"), FieldPanel("region")],
            heading="Труд",
        ),
        InlinePanel("awards", label="Награды", heading="Награды"),
        FieldPanel("biography"),
        InlinePanel("timeline_events", label="Событие", heading="Хроника жизни"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("profession", boost=2),
        index.SearchField("biography"),
        index.RelatedFields("region", [index.SearchField("name", boost=2)]),
        index.RelatedFields("industry", [index.SearchField("name", boost=2)]),
        index.RelatedFields("awards", [index.RelatedFields("award", [index.SearchField("name")])]),
        index.RelatedFields("timeline_events", [index.SearchField("text")]),
        index.RelatedFields("portrait", [index.SearchField("title")]),
        index.FilterField("region_id"),
    ]

    parent_page_types = ["stories.HeroIndexPage"]
    subpage_types = []

    def get_sitemap_urls(self, request=None):
        from stories.sitemap import hero_lastmod

        return [
            {**entry, "lastmod": hero_lastmod(self, request)} for entry in super().get_sitemap_urls(request)
        ]

    class Meta:
        verbose_name = "герой"
        verbose_name_plural = "герои"

    def clean(self):
        super().clean()
        errors = {}
        this_year = timezone.localdate().year
        for name, what in (("birth_year", "Год рождения"), ("death_year", "Год смерти")):
            year = getattr(self, name)
            if year is not None and not EARLIEST_YEAR <= year <= this_year:
                errors[name] = f"{_year_help(what)} Допустимо от {EARLIEST_YEAR} до {this_year}."
        if self.birth_year and self.death_year and self.death_year < self.birth_year and not errors:
            errors["death_year"] = "Год смерти не может быть раньше года рождения."
        if errors:
            raise ValidationError(errors)

    @staticmethod
    def _portrait():
        return Prefetch("portrait", queryset=images.images_with_renditions(*images.PORTRAIT))

    @classmethod
    def for_listing(cls, queryset):
        """Hero cards: portrait renditions, region and industry in a bounded number of queries."""
        return queryset.select_related("region", "industry").prefetch_related(cls._portrait())

    @property
    def years_of_life(self):
        if self.birth_year and self.death_year:
            return f"{self.birth_year}–{self.death_year}"
        if self.birth_year:
            return f"род. в {self.birth_year} г."
        return ""

    @property
    def listing_image(self):
        return self.portrait

    @property
    def listing_summary(self):
        return self.search_description or strip_tags(self.biography)

    def get_context(self, request, *args, **kwargs):
        from .stories import StoryPage

        context = super().get_context(request, *args, **kwargs)
        awards = list(self.awards.select_related("award").order_by("year", "sort_order"))
        portrait = self._portrait_with_renditions()
        share = sharing.share_context(self, request, portrait, description=self.listing_summary)
        stories = StoryPage.objects.live().filter(story_heroes__hero=self).defer("body").newest_first()
        context.update(
            awards=awards,
            timeline=list(self.timeline_events.order_by("year", "sort_order")),
            stories=StoryPage.for_listing(stories),
            portrait=portrait,
            share=share,
            structured_data=sharing.person_data(self, share, awards),
        )
        return context

    def _portrait_with_renditions(self):
        if not self.portrait_id:
            return None
        specs = (*images.PORTRAIT, *images.SHARE)
        return images.images_with_renditions(*specs).filter(pk=self.portrait_id).first()


class HeroAward(Orderable):
    hero = ParentalKey(HeroPage, related_name="awards", on_delete=models.CASCADE)
    award = models.ForeignKey(
        "stories.Award", verbose_name="Награда", on_delete=models.PROTECT, related_name="holders"
    )
    year = models.PositiveSmallIntegerField("Год награждения", null=True, blank=True)

    panels = [FieldPanel("award"), FieldPanel("year")]

    class Meta(Orderable.Meta):
        verbose_name = "награда героя"
        verbose_name_plural = "награды героя"

    def __str__(self):
        return f"{self.award} ({self.year})" if self.year else str(self.award)

    def clean(self):
        super().clean()
        this_year = timezone.localdate().year
        if self.year is not None and not EARLIEST_YEAR <= self.year <= this_year:
            raise ValidationError(
                {"year": f"{_year_help('Год награждения')} Допустимо от {EARLIEST_YEAR} до {this_year}."}
            )


class HeroTimelineEvent(Orderable):
    hero = ParentalKey(HeroPage, related_name="timeline_events", on_delete=models.CASCADE)
    year = models.PositiveSmallIntegerField("Год")
    text = models.CharField("Событие", max_length=300)

    panels = [FieldPanel("year"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = "событие хроники"
        verbose_name_plural = "хроника жизни"

    def __str__(self):
        return f"{self.year}: {self.text}"
