from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from home.blocks import BodyStreamBlock
from home.models import CustomImage
from home.routing import ChildOfOneTypeRouting

from ..coordinators import COORDINATOR_CHOICES, GRANT_CODENAME, GRANT_PERMISSION, GRANT_PERMISSION_NAME
from .branches import BranchPage
from .choices import Direction, Format

HERO_PAGE_MODEL = ("stories", "HeroPage")
MIN_AGE, MAX_AGE = 3, 35


def hero_page_model():
    """The colleague's HeroPage when the stories app defines it; None until then."""
    try:
        return apps.get_model(*HERO_PAGE_MODEL)
    except LookupError:
        return None


class HeroChooserPanel(PageChooserPanel):
    """Lets editors choose only hero pages, once that page type exists."""

    def get_form_options(self):
        self.page_type = "stories.HeroPage" if hero_page_model() else None
        return super().get_form_options()


class ClubPageQuerySet(PageQuerySet):
    def with_taken_places(self):
        from .applications import PLACE_TAKING_STATUSES, ClubApplication

        # A correlated subquery, not a join with GROUP BY: the database counts places only for the clubs it
        # returns (after LIMIT), through the (club, status) index, instead of grouping every application of
        # every club first — with 200,000 applications that grouping made the home page slower as data grew.
        taken = (
            ClubApplication.objects.filter(club=OuterRef("pk"), status__in=PLACE_TAKING_STATUSES)
            .order_by()
            .values("club")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return self.annotate(taken_places=Coalesce(Subquery(taken, output_field=IntegerField()), 0))

    def with_listing_data(self):
        """What a club card shows, in a fixed number of queries whatever the number of clubs."""
        return (
            self.with_taken_places()
            .select_related("region")
            .prefetch_related(Prefetch("image", queryset=CustomImage.objects.prefetch_renditions()))
        )


ClubPageManager = PageManager.from_queryset(ClubPageQuerySet)


class ClubPageForm(WagtailAdminPageForm):
    """A regional editor (whose rights on clubs come from their branch) may only make or keep a club one of
    their branch's: otherwise they could open clubs in any region, or hand their club to another branch. The
    club's region follows its branch (see ClubPage.save), so they cannot move it to another region either.

    The coordinators (who get children's personal data) are offered only from their group, and the field
    exists only for holders of the grant permission (FieldPanel(permission=...)): clubs/coordinators.py."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from clubs.coordinators import restrict_coordinator_field
        from clubs.regional_editors import branches_of, has_group_permission_on

        restrict_coordinator_field(self)
        self.own_branches = None
        user = self.for_user
        if user is None or "branch" not in self.fields or not branches_of(user).exists():
            return
        parent = self.parent_page if self.instance.pk is None else self.instance.get_parent()
        if parent is not None and has_group_permission_on(user, parent, "change"):
            return
        self.own_branches = branches_of(user)
        if "region" in self.fields:
            # Whatever is posted, the region comes from the branch (clean below).
            self.fields["region"].disabled = True
            self.fields["region"].required = False
            self.fields["region"].help_text = "Регион кружка — регион его отделения."

    def clean_branch(self):
        branch = self.cleaned_data.get("branch")
        if self.own_branches is not None and (
            branch is None or not self.own_branches.filter(pk=branch.pk).exists()
        ):
            names = ", ".join(self.own_branches.values_list("title", flat=True))
            raise ValidationError(f"Выберите отделение, которое вы ведёте: {names}.")
        return branch

    def clean(self):
        cleaned_data = super().clean()
        branch = cleaned_data.get("branch")
        if branch is not None and "region" in self.fields:
            cleaned_data["region"] = branch.region
        return cleaned_data

    def save(self, commit=True):
        from clubs.coordinators import log_change

        page = super().save(commit=commit)
        # A draft of the coordinators by the person allowed to choose them is logged now; the change takes
        # effect (and is logged again) when the page is published. A publish is logged by ClubPage.save alone.
        if "coordinators" in self.changed_data and "action-publish" not in self.data and page.pk:
            log_change(
                page,
                [user.pk for user in self.initial.get("coordinators") or []],
                [user.pk for user in self.cleaned_data["coordinators"]],
                draft=True,
                user=self.for_user,
            )
        return page


class ClubIndexPage(ChildOfOneTypeRouting, Page):
    intro = models.TextField("Вступление", blank=True, max_length=1000)

    @classmethod
    def routed_children(cls):
        # A club's page shows its photo and region: fetched with the club. (Its branch and leader are pages:
        # joining them in cost more Python than their own two queries.)
        return ClubPage.objects.select_related("image", "region")

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["clubs.ClubPage"]
    max_count = 1

    class Meta:
        verbose_name = "каталог кружков"
        verbose_name_plural = "каталоги кружков"

    def permissions_for_user(self, user):
        from clubs.regional_editors import ClubIndexPermissionTester

        return ClubIndexPermissionTester(user, self)

    def get_context(self, request, *args, **kwargs):
        from clubs.directory import directory_context

        context = super().get_context(request, *args, **kwargs)
        context.update(directory_context(self, request))
        return context


class ClubPage(RoutablePageMixin, Page):
    base_form_class = ClubPageForm

    intro = models.TextField(
        "Коротко о кружке", max_length=600, help_text="Две-три фразы для карточки в каталоге."
    )
    body = StreamField(BodyStreamBlock(), verbose_name="Подробно", blank=True)
    image = models.ForeignKey(
        "home.CustomImage",
        verbose_name="Главное фото",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    direction = models.CharField("Направление", max_length=30, choices=Direction.choices)
    age_min = models.PositiveSmallIntegerField(
        "Возраст от", validators=[MinValueValidator(MIN_AGE), MaxValueValidator(MAX_AGE)]
    )
    age_max = models.PositiveSmallIntegerField(
        "Возраст до", validators=[MinValueValidator(MIN_AGE), MaxValueValidator(MAX_AGE)]
    )
    region = models.ForeignKey(
        "home.Region", verbose_name="Регион", on_delete=models.PROTECT, related_name="clubs"
    )
    city = models.CharField("Город или посёлок", max_length=100)
    address = models.CharField("Адрес", max_length=300, blank=True)
    latitude = models.DecimalField("Широта", max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField("Долгота", max_digits=9, decimal_places=6, null=True, blank=True)
    schedule = models.TextField(
        "Расписание", max_length=1000, help_text="Например: «вторник и четверг, 16:00–18:00»."
    )
    format = models.CharField("Формат", max_length=20, choices=Format.choices, default=Format.IN_PERSON)
    is_free = models.BooleanField("Бесплатно", default=True)
    price = models.CharField("Стоимость", max_length=200, blank=True, help_text="Если занятия платные.")
    capacity = models.PositiveSmallIntegerField(
        "Мест в кружке",
        validators=[MinValueValidator(1)],
        help_text="Когда места заняты, новые заявки попадают в лист ожидания.",
    )
    accepts_disabilities = models.BooleanField("Принимает детей с ОВЗ", default=False)
    accepting_applications = models.BooleanField(
        "Принимает заявки", default=True, help_text="Снимите, если набор закрыт."
    )
    leader_name = models.CharField("Руководитель", max_length=200)
    leader_hero = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Страница героя-руководителя",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Если кружок ведёт герой, о котором есть страница на сайте.",
    )
    phone = models.CharField("Телефон", max_length=50, blank=True)
    email = models.EmailField("Электронная почта", blank=True)
    branch = models.ForeignKey(
        "clubs.BranchPage",
        verbose_name="Отделение",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="clubs",
    )
    coordinators = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name="Координаторы",
        blank=True,
        related_name="coordinated_clubs",
        limit_choices_to=COORDINATOR_CHOICES,
        help_text="Видят и обрабатывают заявки в этот кружок, получают письма о новых заявках.",
    )

    objects = ClubPageManager()

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("image"),
        InlinePanel("photos", label="Фотографии", max_num=12),
        MultiFieldPanel(
            [
                FieldPanel("direction"),
                FieldRowPanel([FieldPanel("age_min"), FieldPanel("age_max")]),
                FieldPanel("format"),
                FieldRowPanel([FieldPanel("is_free"), FieldPanel("price")]),
                FieldPanel("accepts_disabilities"),
            ],
            heading="Кому подходит",
        ),
        MultiFieldPanel(
            [
                FieldPanel("region"),
                FieldPanel("city"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("schedule"),
            ],
            heading="Где и когда",
        ),
        MultiFieldPanel(
            [
                FieldPanel("capacity"),
                FieldPanel("accepting_applications"),
                FieldPanel("coordinators", permission=GRANT_PERMISSION),
            ],
            heading="Набор и заявки",
        ),
        MultiFieldPanel(
            [
                FieldPanel("leader_name"),
                HeroChooserPanel("leader_hero"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("branch"),
            ],
            heading="Руководитель и контакты",
        ),
        FieldPanel("body"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("city", boost=2),
        index.SearchField("leader_name", boost=2),
        index.SearchField("address"),
        index.SearchField("get_direction_display", boost=2),
        index.RelatedFields("region", [index.SearchField("name", boost=2)]),
        index.SearchField("body"),
        index.RelatedFields("image", [index.SearchField("title")]),
        index.AutocompleteField("title"),
        index.FilterField("region"),
        index.FilterField("direction"),
    ]

    parent_page_types = ["clubs.ClubIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "кружок"
        verbose_name_plural = "кружки"
        indexes = [models.Index(fields=["direction"]), models.Index(fields=["age_min", "age_max"])]
        permissions = [(GRANT_CODENAME, GRANT_PERMISSION_NAME)]

    def save(self, *args, **kwargs):
        """The region follows the branch, whoever saves (a revision published later included); and every
        change of the coordinators in effect is written to the audit log."""
        from clubs.coordinators import log_change

        update_fields = kwargs.get("update_fields")
        full_save = update_fields is None
        if full_save and self.branch_id:
            branch_region = BranchPage.objects.filter(pk=self.branch_id).values_list("region_id", flat=True)
            self.region_id = branch_region.first() or self.region_id
        tracks_coordinators = full_save or "coordinators" in update_fields
        before = self.coordinator_ids_in_effect() if tracks_coordinators else set()
        super().save(*args, **kwargs)
        if tracks_coordinators:
            log_change(self, before, self.coordinator_ids_in_effect())

    def coordinator_ids_in_effect(self) -> set:
        """The coordinators as stored in the table (the published assignment), not in this unsaved copy."""
        if self.pk is None:
            return set()
        through = type(self).coordinators.through
        return set(through.objects.filter(clubpage_id=self.pk).values_list("user_id", flat=True))

    def clean(self):
        super().clean()
        if self.age_min is not None and self.age_max is not None and self.age_min > self.age_max:
            raise ValidationError({"age_max": "Верхняя граница возраста меньше нижней."})
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError({"longitude": "Укажите обе координаты или ни одной."})
        if self.leader_hero_id and not self._leader_is_hero():
            raise ValidationError({"leader_hero": "Выберите страницу героя."})

    def _leader_is_hero(self) -> bool:
        hero_model = hero_page_model()
        return hero_model is None or hero_model.objects.filter(pk=self.leader_hero_id).exists()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["photos"] = self.photos.prefetch_related(
            Prefetch("image", queryset=CustomImage.objects.prefetch_renditions())
        )
        return context

    @property
    def listing_image(self):
        return self.image

    @property
    def listing_summary(self):
        return self.intro

    @property
    def place_display(self):
        """«Казань, Республика Татарстан»; a federal city is named once: «Москва», not «Москва, Москва»."""
        if not self.city or self.city == self.region.name:
            return self.region.name
        return f"{self.city}, {self.region.name}"

    @property
    def age_range_display(self):
        from home.applications.fields import years_word

        return f"{self.age_min}–{self.age_max} {years_word(self.age_max)}"

    def count_taken_places(self) -> int:
        from .applications import PLACE_TAKING_STATUSES

        return self.applications.filter(status__in=PLACE_TAKING_STATUSES).count()

    @classmethod
    def cards(cls, pks):
        """The clubs `pks`, in that order, with what their cards (clubs/includes/club_card.html) show."""
        found = {club.pk: club for club in cls.objects.live().filter(pk__in=pks).with_listing_data()}
        return [found[pk] for pk in pks if pk in found]

    @property
    def places_left(self):
        taken = getattr(self, "taken_places", None)
        if taken is None:
            taken = self.count_taken_places()
            self.taken_places = taken
        return self.free_places(self.capacity, taken)

    @staticmethod
    def free_places(capacity, taken) -> int:
        """More applications than places (a waiting list) leave none, never fewer than none."""
        return max(capacity - taken, 0)

    @path("")
    def club(self, request):
        from clubs.views import club_page

        return club_page(self, request)

    @path("zayavka-otpravlena/", name="application_sent")
    def application_sent(self, request):
        from clubs.views import application_sent

        return application_sent(self, request)


class ClubPhoto(Orderable):
    club = ParentalKey(ClubPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "home.CustomImage", verbose_name="Фото", on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField("Подпись", max_length=200, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = "фото кружка"
        verbose_name_plural = "фото кружка"
