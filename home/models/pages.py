from django.db import models

from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import BodyStreamBlock

# Sections of the home page contributed by other apps (stories, clubs, calls for mentors).
# A hook function takes (page, request) and returns a dict with "template" and its context, or None.
HOME_PAGE_SECTIONS_HOOK = "home_page_sections"


class HomePage(Page):
    heading = models.CharField(
        "Заголовок на главной",
        max_length=200,
        default="Трудовая доблесть России",
        help_text="Главный заголовок страницы (h1).",
    )
    intro = models.TextField("Вступление", blank=True, max_length=600)
    hero_image = models.ForeignKey(
        "home.CustomImage",
        verbose_name="Главное изображение",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyStreamBlock(), verbose_name="О движении наставничества", blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("heading"),
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        InlinePanel("featured_pages", label="Избранное на главной", max_num=6),
        FieldPanel("body"),
    ]

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = "главная страница"
        verbose_name_plural = "главные страницы"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        featured = self.featured_pages.select_related("page")
        context["featured_pages"] = [item.page.specific for item in featured if item.page.live]
        sections = (hook(self, request) for hook in hooks.get_hooks(HOME_PAGE_SECTIONS_HOOK))
        context["sections"] = [section for section in sections if section]
        return context


class HomePageFeaturedPage(Orderable):
    home_page = ParentalKey(HomePage, related_name="featured_pages", on_delete=models.CASCADE)
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="Страница", on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = "избранная страница"
        verbose_name_plural = "избранные страницы"


class StandardPage(Page):
    lead = models.TextField(
        "Лид", blank=True, max_length=600, help_text="Короткое вступление под заголовком."
    )
    body = StreamField(BodyStreamBlock(), verbose_name="Содержание", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("lead"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = "обычная страница"
        verbose_name_plural = "обычные страницы"

    # Every page that can appear as a card (includes/page_card.html) provides these two.
    listing_image = None

    @property
    def listing_summary(self):
        return self.lead or self.search_description
