from django.conf import settings
from django.db import models
from django.db.models import Count, Q

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyStreamBlock, DocumentBlock

ASSIGN_PERMISSION = "clubs.assign_regional_editors"


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
    # Assigning a user here is the whole of making them a regional editor: see clubs/regional_editors.py.
    regional_editors = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name="Региональные редакторы",
        blank=True,
        related_name="edited_branches",
        limit_choices_to={"is_active": True},
        help_text="Редактируют и публикуют страницу отделения и его кружков, пишут истории (через "
        "модерацию), загружают фото и документы в коллекцию региона. "
        "Вступает в силу после публикации страницы.",
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("level"),
                # The region decides whose media collection the branch's editors get: chief editors set it.
                FieldPanel("region", permission=ASSIGN_PERMISSION),
                FieldPanel("city"),
                FieldPanel("address"),
            ],
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
        FieldPanel("regional_editors", permission=ASSIGN_PERMISSION, heading="Региональные редакторы"),
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
        permissions = [("assign_regional_editors", "Может назначать региональных редакторов")]

    def save(self, *args, **kwargs):
        """Keeps the regional editors' groups and the region's collection in step with the page. Only a full
        save (creating or publishing the page) writes `regional_editors` to the table; a draft keeps them in
        its revision, so an assignment takes effect when the page is published."""
        from clubs.regional_editors import editor_ids, region_collection, sync_region

        full_save = kwargs.get("update_fields") is None
        before = None
        if full_save and self.pk:
            before = BranchPage.objects.filter(pk=self.pk).select_related("region").first()
        previous_editors = editor_ids(before) if before else set()
        super().save(*args, **kwargs)
        if not full_save:
            return
        region_collection(self.region)
        current_editors = editor_ids(self)
        sync_region(self.region, dropped_user_ids=previous_editors - current_editors)
        if before is not None and before.region_id != self.region_id:
            sync_region(before.region, dropped_user_ids=previous_editors)
            # A club's region is its branch's (ClubPage.save sets it on each save of the club as well).
            from .clubs import ClubPage

            ClubPage.objects.filter(branch=self).update(region=self.region)

    def permissions_for_user(self, user):
        from clubs.regional_editors import BranchPermissionTester

        return BranchPermissionTester(user, self)

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
