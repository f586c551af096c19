from django.db import models
from django.http import Http404
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import BodyStreamBlock
from home.fragment_cache import when_rendered
from home.view_restrictions import ViewRestrictionsFromMemo

# Sections of the home page contributed by other apps (stories, clubs, calls for mentors).
# A hook function takes (page, request) and returns a dict with "template" and its context, or None.
HOME_PAGE_SECTIONS_HOOK = "home_page_sections"


def rendered_once_per_generation(key):
    """Marks a home page section hook whose section depends on nothing but published content and on
    `key(page)` (a string): the section is then chosen and rendered once per content generation
    (home/fragment_cache.py), and its queries run only then. Sections that count applications (free places)
    must not be marked; one that depends on the date puts the date in its key."""

    def mark(hook):
        hook.generation_cache_key = key
        return hook

    return mark


class HomePage(ViewRestrictionsFromMemo, Page):
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

    def route(self, request, path_components):
        """Every address below the home page starts with one of its sections (stories, heroes, clubs…). They
        come from the worker's memo (home/public_memo.py), exact under the content generation: Wagtail would
        ask for the section as a Page, then again as its type, on every request."""
        if not path_components:
            return super().route(request, path_components)
        from home.public_memo import memoized

        section = memoized(request, ("sections", self.pk), self._sections_by_slug).get(path_components[0])
        if section is None:
            raise Http404
        return section.route(request, path_components[1:])

    def _sections_by_slug(self):
        sections = {page.slug: page for page in self.get_children().specific()}
        for page in sections.values():
            page._cached_parent_obj = self
        return sections

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        featured = self.featured_pages.select_related("page")
        context["featured_pages"] = when_rendered(  # only when the top of the page is not cached
            lambda: [item.page.specific for item in featured if item.page.live]
        )
        sections = (self._section(hook, request) for hook in hooks.get_hooks(HOME_PAGE_SECTIONS_HOOK))
        context["sections"] = [section for section in sections if section]
        return context

    def _section(self, hook, request):
        key = getattr(hook, "generation_cache_key", None)
        if key is None or getattr(request, "is_preview", False):
            return hook(self, request)
        from home.fragment_cache import cached_for_generation

        def render():
            section = hook(self, request)
            if not section:
                return ""
            return render_to_string(section["template"], {"section": section, "page": self}, request=request)

        html = cached_for_generation(f"home-section:{key(self)}", render, request=request)
        return {"html": mark_safe(html)} if html else None  # our own templates' HTML, escaped when rendered


class HomePageFeaturedPage(Orderable):
    home_page = ParentalKey(HomePage, related_name="featured_pages", on_delete=models.CASCADE)
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="Страница", on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = "избранная страница"
        verbose_name_plural = "избранные страницы"


class StandardPage(ViewRestrictionsFromMemo, Page):
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
