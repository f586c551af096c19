from django.db import models
from django.db.models import Count, Q

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyStreamBlock, DocumentBlock


class BranchIndexPage(Page):
    intro = models.TextField("Вступление", blank=True, max_length=1000)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["clubs.BranchPage"]
    max_count = 1

    class Meta:
        verbose_name = "список отделений"
        verbose_name_plural = "списки отделений"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["branches"] = (
            BranchPage.objects.live()
            .child_of(self)
            .select_related("region")
            .annotate(club_count=Count("clubs", filter=Q(clubs__live=True)))
            .order_by("region__name", "title")
        )
        return context


class BranchPage(Page):
    class Level(models.TextChoices):
        REGIONAL = "regional", "Региональное отделение"
        LOCAL = "local", "Местное отделение"

    level = models.CharField("Уровень", max_length=10, choices=Level.choices, default=Level.REGIONAL)
    region = models.ForeignKey(
        "home.Region", verbose_name="Регион", on_delete=models.PROTECT, related_name="branches"
    )
    city = models.CharField("Город", max_length=100)
    address = models.CharField("Адрес", max_length=300)
    phone = models.CharField("Телефон", max_length=50, blank=True)
    email = models.EmailField("Электронная почта", blank=True)
    head_name = models.CharField("Руководитель", max_length=200, blank=True)
    head_position = models.CharField("Должность руководителя", max_length=200, blank=True)
    has_mentoring_centre = models.BooleanField(
        "Есть методический центр наставничества",
        default=False,
        help_text="Центр обобщает и распространяет практики наставничества (пункт 3 резолюции форума).",
    )
    mentoring_centre_description = models.TextField("О методическом центре", blank=True, max_length=2000)
    intro = models.TextField("Коротко об отделении", blank=True, max_length=600)
    body = StreamField(BodyStreamBlock(), verbose_name="Об отделении", blank=True)
    documents = StreamField(
        [("document", DocumentBlock())],
        verbose_name="Документы",
        blank=True,
        help_text="Положения, планы работы, отчёты — для скачивания.",
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("level"), FieldPanel("region"), FieldPanel("city"), FieldPanel("address")],
            heading="Где",
        ),
        MultiFieldPanel(
            [
                FieldPanel("head_name"),
                FieldPanel("head_position"),
                FieldPanel("phone"),
                FieldPanel("email"),
            ],
            heading="Руководитель и контакты",
        ),
        MultiFieldPanel(
            [FieldPanel("has_mentoring_centre"), FieldPanel("mentoring_centre_description")],
            heading="Методический центр наставничества",
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("documents"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("city"),
        index.SearchField("intro"),
        index.SearchField("head_name"),
    ]

    parent_page_types = ["clubs.BranchIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "отделение"
        verbose_name_plural = "отделения"

    listing_image = None

    @property
    def listing_summary(self):
        return self.intro or f"{self.get_level_display()}, {self.region}"

    def get_context(self, request, *args, **kwargs):
        from .clubs import ClubIndexPage, ClubPage

        context = super().get_context(request, *args, **kwargs)
        clubs = ClubPage.objects.live().filter(branch=self).with_listing_data().order_by("title")
        context["clubs"] = clubs[: self.CLUBS_SHOWN]
        context["club_count"] = clubs.count()
        context["club_index"] = ClubIndexPage.objects.live().first()
        return context

    CLUBS_SHOWN = 12
