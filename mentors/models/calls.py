"""Calls for mentors: the index of calls and one call with its application form.

A call is open up to and including its deadline day (Moscow time); from the next day its form closes and the
call is listed in the archive part of the index.
"""

from django import forms
from django.db import models
from django.db.models import BooleanField, Case, Q, Value, When
from django.utils import timezone

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from home.blocks import BodyStreamBlock
from mentors.choices import Audience


class CallAudience(models.Model):
    """One of the fixed audiences (rows made by a migration), so that a call can name several and the index
    can filter by one in the database."""

    code = models.CharField("Код", max_length=20, choices=Audience.choices, unique=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = "адресат призыва"
        verbose_name_plural = "адресаты призывов"

    def __str__(self):
        return self.get_code_display()


class MentorCallQuerySet(PageQuerySet):
    def with_open_flag(self, today=None):
        """Annotates `open_now`: the deadline has not passed (the deadline day itself is still open)."""
        today = today or timezone.localdate()
        return self.annotate(
            open_now=Case(
                When(deadline__gte=today, then=Value(True)), default=Value(False), output_field=BooleanField()
            )
        )

    def open(self, today=None):
        return self.filter(deadline__gte=today or timezone.localdate())

    def archived(self, today=None):
        return self.filter(deadline__lt=today or timezone.localdate())

    def for_region(self, region):
        """Calls of that region and calls for the whole of Russia."""
        return self.filter(Q(region=region) | Q(region__isnull=True))

    def for_audience(self, code):
        return self.filter(audiences__code=code)

    def open_first(self):
        """Open calls first, the nearest deadline first; then the archive, the latest deadline first."""
        return self.with_open_flag().order_by(
            "-open_now",
            Case(When(open_now=True, then="deadline")),
            "-deadline",
            "pk",
        )


MentorCallManager = PageManager.from_queryset(MentorCallQuerySet)


class MentorCallIndexPage(Page):
    intro = models.TextField("Вступление", blank=True, max_length=1000)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["mentors.MentorCallPage"]
    max_count = 1

    class Meta:
        verbose_name = "список призывов наставников"
        verbose_name_plural = "списки призывов наставников"

    def get_context(self, request, *args, **kwargs):
        from mentors.listing import call_listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(call_listing_context(self, request))
        return context


class MentorCallPage(RoutablePageMixin, Page):
    lead = models.TextField("Лид", max_length=600, help_text="Две-три фразы: кого ищем и зачем.")
    body = StreamField(BodyStreamBlock(), verbose_name="Подробно", blank=True)
    audiences = ParentalManyToManyField(
        CallAudience,
        verbose_name="Кому адресован",
        related_name="calls",
        help_text="Отметьте всех, кого приглашаете в наставники.",
    )
    region = models.ForeignKey(
        "home.Region",
        verbose_name="Регион",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="mentor_calls",
        help_text="Оставьте пустым, если призыв для всей России.",
    )
    branch = models.ForeignKey(
        "clubs.BranchPage",
        verbose_name="Отделение",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mentor_calls",
    )
    clubs = ParentalManyToManyField(
        "clubs.ClubPage",
        verbose_name="Кружки, которым нужны наставники",
        blank=True,
        related_name="mentor_calls",
    )
    mentor_tasks = models.TextField(
        "Что делает наставник",
        max_length=2000,
        help_text="Например: «Ведёт занятия раз в неделю, помогает ребятам с проектами, берёт на экскурсии».",
    )
    time_commitment = models.CharField(
        "Сколько времени это занимает",
        max_length=200,
        help_text="Например: «2–3 часа в неделю, от полугода».",
    )
    deadline = models.DateField(
        "Приём заявок до",
        help_text="Включительно. На следующий день форма закроется, а призыв перейдёт в архив.",
    )
    contact_name = models.CharField("Контактное лицо", max_length=200)
    contact_phone = models.CharField("Телефон", max_length=50, blank=True)
    contact_email = models.EmailField(
        "Электронная почта", help_text="На неё приходят письма о новых заявках наставников."
    )

    objects = MentorCallManager()

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        MultiFieldPanel(
            [
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("region"),
                FieldPanel("branch"),
                FieldPanel("clubs"),
            ],
            heading="Кому и для кого",
        ),
        MultiFieldPanel(
            [FieldPanel("mentor_tasks"), FieldPanel("time_commitment"), FieldPanel("deadline")],
            heading="Что нужно делать",
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldRowPanel([FieldPanel("contact_phone"), FieldPanel("contact_email")]),
            ],
            heading="Контакты",
        ),
        FieldPanel("body"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("lead", boost=2),
        index.SearchField("mentor_tasks"),
        index.SearchField("body"),
        index.RelatedFields("region", [index.SearchField("name", boost=2)]),
        index.FilterField("region"),
        index.FilterField("deadline"),
    ]

    parent_page_types = ["mentors.MentorCallIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "призыв наставников"
        verbose_name_plural = "призывы наставников"
        indexes = [models.Index(fields=["deadline"])]

    listing_image = None

    @property
    def listing_summary(self):
        return self.lead

    def is_open(self, today=None) -> bool:
        open_now = getattr(self, "open_now", None)
        if open_now is not None and today is None:
            return open_now
        return self.deadline >= (today or timezone.localdate())

    @property
    def is_open_now(self) -> bool:
        return self.is_open()

    @property
    def audience_codes(self) -> list[str]:
        return [audience.code for audience in self.audiences.all()]

    @property
    def audiences_display(self) -> str:
        return ", ".join(str(audience) for audience in self.audiences.all())

    @property
    def region_display(self) -> str:
        return self.region.name if self.region_id else "Вся Россия"

    @path("")
    def call(self, request):
        from mentors.views import call_page

        return call_page(self, request)

    @path("zayavka-otpravlena/", name="application_sent")
    def application_sent(self, request):
        from mentors.views import application_sent

        return application_sent(self, request)
