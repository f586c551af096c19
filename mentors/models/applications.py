"""A mentor's application to a call, its history, and its matches with clubs.

The reference number, the private status link, the consent record and the status history come from the
shared machinery in home/applications, as for club applications.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from clubs.models import Direction
from home.applications.base import AbstractApplication, AbstractStatusChange
from home.applications.working_days import overdue_since
from mentors.choices import Audience, EmployerOffer, MentoringFormat, Status

# Which status may follow which when a coordinator changes it by hand. «Закреплён за кружком» is reached
# only by recording a match (mentors/matching.py), so that a matched mentor always has a club.
MANUAL_TRANSITIONS = {
    Status.NEW: (Status.INTERVIEW, Status.APPROVED, Status.DECLINED),
    Status.INTERVIEW: (Status.APPROVED, Status.DECLINED),
    Status.APPROVED: (Status.INTERVIEW, Status.DECLINED),
    Status.MATCHED: (Status.DECLINED,),
    Status.DECLINED: (Status.INTERVIEW,),
    Status.WITHDRAWN: (),
}
MATCHABLE_STATUSES = (Status.APPROVED, Status.MATCHED)


class MentorApplicationQuerySet(models.QuerySet):
    def overdue(self, now=None):
        return self.filter(
            status__in=MentorApplication.UNANSWERED_STATUSES, created_at__lt=overdue_since(now)
        )


class MentorApplication(AbstractApplication):
    Status = Status

    call = models.ForeignKey(
        "mentors.MentorCallPage",
        verbose_name="Призыв",
        on_delete=models.PROTECT,
        related_name="applications",
    )
    status = models.CharField("Статус", max_length=20, choices=Status.choices, default=Status.NEW)
    full_name = models.CharField("Фамилия, имя и отчество", max_length=200)
    phone = models.CharField("Телефон", max_length=30, blank=True)
    email = models.EmailField("Электронная почта", blank=True)
    region = models.ForeignKey(
        "home.Region", verbose_name="Регион", on_delete=models.PROTECT, related_name="mentor_applications"
    )
    city = models.CharField("Город или посёлок", max_length=100)
    audience = models.CharField("Кто вы", max_length=20, choices=Audience.choices)
    profession = models.CharField("Профессия, должность", max_length=200)
    experience = models.TextField("Опыт", max_length=2000)
    directions = models.JSONField(
        "Направления наставничества", default=list, help_text="Значения из направлений кружков."
    )
    availability = models.CharField("Сколько времени готовы уделять", max_length=300)
    mentoring_format = models.CharField("Формат", max_length=20, choices=MentoringFormat.choices)
    organization = models.CharField("Организация", max_length=300, blank=True)
    employer_offers = models.JSONField("Что предлагает работодатель", default=list, blank=True)
    employer_offer_details = models.TextField("Подробнее о предложении", max_length=2000, blank=True)
    # A senior pupil gives a birth date; under 18 a parent or guardian consents too (152-FZ art. 9).
    birth_date = models.DateField("Дата рождения", null=True, blank=True)
    guardian_name = models.CharField("Родитель или законный представитель", max_length=200, blank=True)
    guardian_phone = models.CharField("Телефон родителя", max_length=30, blank=True)
    guardian_email = models.EmailField("Почта родителя", blank=True)
    guardian_consent = models.ForeignKey(
        "home.ConsentRecord",
        verbose_name="Согласие родителя",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Есть, если заявителю не было 18 лет.",
    )
    publication_consent = models.ForeignKey(
        "home.ConsentRecord",
        verbose_name="Согласие на публикацию имени",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Пусто — имя наставника не показывается на страницах кружков.",
    )

    STATUS_URL_NAME = "mentor_application_status"
    WITHDRAWN_STATUS = Status.WITHDRAWN
    UNANSWERED_STATUSES = frozenset({Status.NEW})
    WITHDRAWABLE_STATUSES = frozenset({Status.NEW, Status.INTERVIEW, Status.APPROVED, Status.MATCHED})

    # Personal data (home/privacy). Region, audience, directions, format and employer offers stay for
    # statistics. Only declined and withdrawn are final: an approved or matched mentor is still working with
    # clubs; when that ends the coordinator declines the application and the retention period starts.
    PERSONAL_FIELDS = (
        "full_name",
        "phone",
        "email",
        "city",
        "profession",
        "experience",
        "availability",
        "organization",
        "employer_offer_details",
        "birth_date",
        "guardian_name",
        "guardian_phone",
        "guardian_email",
    )
    EMAIL_FIELDS = ("email", "guardian_email")
    PHONE_FIELDS = ("phone", "guardian_phone")
    FINAL_STATUSES = frozenset({Status.DECLINED, Status.WITHDRAWN})
    CONSENT_FIELDS = ("consent", "publication_consent", "guardian_consent")

    objects = MentorApplicationQuerySet.as_manager()

    class Meta(AbstractApplication.Meta):
        verbose_name = "заявка наставника"
        verbose_name_plural = "заявки наставников"
        permissions = [("export_mentorapplication", "Может выгружать заявки наставников")]
        indexes = [models.Index(fields=["status", "created_at"]), models.Index(fields=["region", "status"])]

    @property
    def is_overdue(self) -> bool:
        return self.status in self.UNANSWERED_STATUSES and self.created_at < overdue_since()

    @property
    def is_employer(self) -> bool:
        return self.audience == Audience.EMPLOYERS

    def recovery_title(self) -> str:
        return f"наставника на призыв «{self.call.title}»"

    @property
    def applicant_emails(self) -> list[str]:
        """The mentor and, for a pupil under 18, the parent who consented."""
        return [address for address in dict.fromkeys([self.email, self.guardian_email]) if address]

    @property
    def directions_display(self) -> str:
        labels = dict(Direction.choices)
        return ", ".join(str(labels.get(value, value)) for value in self.directions)

    @property
    def employer_offers_display(self) -> str:
        labels = dict(EmployerOffer.choices)
        return ", ".join(str(labels.get(value, value)) for value in self.employer_offers)

    @property
    def manual_next_statuses(self):
        return MANUAL_TRANSITIONS.get(self.status, ())

    @property
    def can_be_matched(self) -> bool:
        return self.status in MATCHABLE_STATUSES and not self.is_erased

    @property
    def agreed_to_be_shown(self) -> bool:
        consent = self.publication_consent
        return consent is not None and consent.withdrawn_at is None

    def notify_status_changed(self, change):
        from mentors import emails

        emails.status_changed(self, change)

    def anonymise(self, now, *, on_request=False):
        super().anonymise(now, on_request=on_request)
        # Coordinators' notes on matches may describe the person.
        self.matches.update(note="")


class MentorApplicationStatusChange(AbstractStatusChange):
    application = models.ForeignKey(
        MentorApplication, verbose_name="Заявка", on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField("Было", max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField("Стало", max_length=20, choices=Status.choices)

    class Meta(AbstractStatusChange.Meta):
        verbose_name = "изменение статуса заявки наставника"
        verbose_name_plural = "история заявки наставника"


class MentorMatch(models.Model):
    """A mentor working with a club, recorded by a mentor coordinator."""

    mentor = models.ForeignKey(
        MentorApplication, verbose_name="Наставник", on_delete=models.CASCADE, related_name="matches"
    )
    club = models.ForeignKey(
        "clubs.ClubPage", verbose_name="Кружок", on_delete=models.CASCADE, related_name="mentor_matches"
    )
    created_at = models.DateTimeField("Закреплён", default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Кто закрепил",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField("Заметка", blank=True, max_length=2000)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = "наставник кружка"
        verbose_name_plural = "наставники кружков"
        constraints = [models.UniqueConstraint(fields=["mentor", "club"], name="mentor_match_once_per_club")]

    def __str__(self):
        return f"{self.mentor.full_name} — {self.club.title}"
