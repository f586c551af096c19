from django.db import models
from django.db.models import Q

from home.applications.base import AbstractApplication, AbstractStatusChange
from home.applications.names import person_name_key
from home.applications.working_days import overdue_since


class Status(models.TextChoices):
    NEW = "new", "Новая"
    CONTACTED = "contacted", "Связались"
    ENROLLED = "enrolled", "Зачислен"
    WAITING = "waiting", "Лист ожидания"
    DECLINED = "declined", "Отказ"
    WITHDRAWN = "withdrawn", "Отозвана"


# A place in the club is taken by a child who is enrolled and, so that the club is never promised twice over,
# also by every application still being considered. Waiting, declined and withdrawn ones take none.
PLACE_TAKING_STATUSES = (Status.NEW, Status.CONTACTED, Status.ENROLLED)
# An application in these statuses is the child's current one: a second application is a duplicate.
ACTIVE_STATUSES = (Status.NEW, Status.CONTACTED, Status.ENROLLED, Status.WAITING)


class ClubApplicationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """What a user may see: everything with the "all clubs" permission, otherwise their clubs' only."""
        if not user.is_active:
            return self.none()
        if user.is_superuser or user.has_perm("clubs.view_all_clubapplications"):
            return self
        return self.filter(club__coordinators=user)

    def overdue(self, now=None):
        return self.filter(status__in=ClubApplication.UNANSWERED_STATUSES, created_at__lt=overdue_since(now))


class ClubApplication(AbstractApplication):
    Status = Status

    club = models.ForeignKey(
        "clubs.ClubPage", verbose_name="Кружок", on_delete=models.PROTECT, related_name="applications"
    )
    status = models.CharField("Статус", max_length=20, choices=Status.choices, default=Status.NEW)
    child_name = models.CharField("Фамилия и имя ребёнка", max_length=200)
    # The name as the duplicate check compares it (home/applications/names.py), kept in a column so that the
    # database's unique constraint enforces the check.
    child_key = models.CharField(max_length=200, editable=False)
    birth_date = models.DateField("Дата рождения")
    phone = models.CharField("Телефон", max_length=30, blank=True)
    email = models.EmailField("Электронная почта", blank=True)
    school = models.CharField("Школа", max_length=200, blank=True)
    grade = models.CharField("Класс", max_length=20, blank=True)
    motivation = models.TextField("Почему хочет заниматься", max_length=1000, blank=True)
    guardian_name = models.CharField("Родитель или законный представитель", max_length=200, blank=True)
    guardian_phone = models.CharField("Телефон родителя", max_length=30, blank=True)
    guardian_email = models.EmailField("Почта родителя", blank=True)

    STATUS_URL_NAME = "club_application_status"
    WITHDRAWN_STATUS = Status.WITHDRAWN
    UNANSWERED_STATUSES = frozenset({Status.NEW})
    WITHDRAWABLE_STATUSES = frozenset({Status.NEW, Status.CONTACTED, Status.WAITING, Status.ENROLLED})

    # Personal data (home/privacy): erased when the retention period after a final status ends, or on request.
    # An enrolled child's application is never final: the child is still in the club.
    PERSONAL_FIELDS = (
        "child_name",
        "birth_date",
        "phone",
        "email",
        "school",
        "grade",
        "motivation",
        "guardian_name",
        "guardian_phone",
        "guardian_email",
    )
    EMAIL_FIELDS = ("email", "guardian_email")
    PHONE_FIELDS = ("phone", "guardian_phone")
    FINAL_STATUSES = frozenset({Status.DECLINED, Status.WITHDRAWN})

    objects = ClubApplicationQuerySet.as_manager()

    class Meta(AbstractApplication.Meta):
        verbose_name = "заявка в кружок"
        verbose_name_plural = "заявки в кружки"
        permissions = [
            ("export_clubapplication", "Может выгружать заявки в кружки"),
            ("view_all_clubapplications", "Видит заявки всех кружков"),
        ]
        indexes = [models.Index(fields=["club", "status"]), models.Index(fields=["status", "created_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["club", "child_key", "birth_date"],
                condition=Q(status__in=[status.value for status in ACTIVE_STATUSES]),
                name="club_application_one_active_per_child",
            )
        ]

    def save(self, *args, **kwargs):
        self.child_key = person_name_key(self.child_name)
        super().save(*args, **kwargs)

    @property
    def is_overdue(self) -> bool:
        return self.status in self.UNANSWERED_STATUSES and self.created_at < overdue_since()

    def erased_values(self) -> dict:
        # Never equal for two erased children, so the one-active-application rule cannot trip over them.
        return {**super().erased_values(), "child_key": f"удалено {self.pk}"}

    def recovery_title(self) -> str:
        return f"в кружок «{self.club.title}», участник {self.child_name}"

    @property
    def applicant_emails(self) -> list[str]:
        return [address for address in dict.fromkeys([self.email, self.guardian_email]) if address]

    def notify_status_changed(self, change):
        from clubs import emails

        emails.status_changed(self, change)


class ClubApplicationStatusChange(AbstractStatusChange):
    application = models.ForeignKey(
        ClubApplication, verbose_name="Заявка", on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField("Было", max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField("Стало", max_length=20, choices=Status.choices)

    class Meta(AbstractStatusChange.Meta):
        verbose_name = "изменение статуса заявки"
        verbose_name_plural = "история заявки"
