"""Abstract models every kind of application builds on.

A concrete application declares its own `Status` choices and a `status` field, the statuses that still wait
for an answer, those from which the applicant may withdraw, and a status-change model with a foreign key named
`application` and related_name "status_changes".
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from wagtail.log_actions import log

from home.privacy.holders import AnonymisableApplication

from . import tokens
from .references import next_reference_number

STATUS_CHANGE_ACTION = "home.application.status"
ERASED_READ_ONLY = (
    "Персональные данные этой заявки удалены (по сроку хранения или по запросу), поэтому её нельзя изменить: "
    "статус не меняется, место в кружке она не занимает, написать заявителю некому."
)


class AbstractApplication(AnonymisableApplication):
    reference_number = models.CharField("Номер заявки", max_length=20, unique=True, editable=False)
    status_token_digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField("Подана", default=timezone.now, db_index=True)
    status_changed_at = models.DateTimeField("Статус изменён", null=True, blank=True, editable=False)
    consent = models.ForeignKey(
        "home.ConsentRecord",
        verbose_name="Согласие на обработку персональных данных",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    # Set by the concrete model.
    STATUS_URL_NAME: str  # the URL name of the private status page, which takes the token
    WITHDRAWN_STATUS: str
    UNANSWERED_STATUSES: frozenset = frozenset()
    WITHDRAWABLE_STATUSES: frozenset = frozenset()

    class Meta(AnonymisableApplication.Meta):
        abstract = True
        ordering = ["-created_at"]

    def __str__(self):
        return f"Заявка № {self.reference_number}"

    def issue_reference_and_token(self) -> str:
        """Numbers a new application and returns its status token, which is never stored."""
        token, token_digest = tokens.new_token()
        self.reference_number = next_reference_number()
        self.status_token_digest = token_digest
        return token

    def rotate_status_token(self) -> str:
        """A new status link for «Мои заявки»: the old link stops working, the new token is returned once."""
        token, token_digest = tokens.new_token()
        type(self).objects.filter(pk=self.pk).update(status_token_digest=token_digest)
        self.status_token_digest = token_digest
        return token

    @classmethod
    def live_of_email(cls, email: str):
        """Applications still in progress given with this e-mail (as applicant or parent)."""
        query = models.Q()
        for name in cls.EMAIL_FIELDS:
            query |= models.Q(**{f"{name}__iexact": email})
        return (
            cls.objects.filter(query)
            .exclude(status__in=cls.FINAL_STATUSES)
            .filter(anonymised_at__isnull=True)
        )

    @classmethod
    def live_of_phone(cls, phone: str):
        """Applications still in progress given with this phone (E.164, as the forms store it)."""
        query = models.Q()
        for name in cls.PHONE_FIELDS:
            query |= models.Q(**{name: phone})
        return (
            cls.objects.filter(query)
            .exclude(status__in=cls.FINAL_STATUSES)
            .filter(anonymised_at__isnull=True)
        )

    def recovery_title(self) -> str:
        """One line naming the application in the «Мои заявки» letter."""
        raise NotImplementedError

    @classmethod
    def find_by_token(cls, token: str):
        if not tokens.looks_like_token(token):
            return None
        # An anonymised application's link answers 404 (its digest was also replaced by a random one).
        return cls.objects.filter(
            status_token_digest=tokens.digest(token), anonymised_at__isnull=True
        ).first()

    @property
    def can_withdraw(self) -> bool:
        return self.status in self.WITHDRAWABLE_STATUSES and not self.is_erased

    @property
    def is_erased(self) -> bool:
        """Anonymised: kept for statistics only, read-only from then on."""
        return self.anonymised_at is not None

    def change_status(self, new_status: str, *, by=None, note: str = "", public_message: str = ""):
        """Moves the application to `new_status`, records who did it and why, and tells the applicant.

        `by` is the admin user; None means the applicant did it through the status link.
        """
        if self.is_erased:
            raise ValidationError(ERASED_READ_ONLY)
        if new_status == self.status:
            raise ValidationError({"status": "Заявка уже в этом статусе."})
        with transaction.atomic():
            old_status = self.status
            self.status = new_status
            self.status_changed_at = timezone.now()
            self.save(update_fields=["status", "status_changed_at"])
            change = self.status_changes.create(
                from_status=old_status,
                to_status=new_status,
                changed_by=by,
                note=note,
                public_message=public_message,
            )
            if by is not None:
                log(
                    instance=self,
                    action=STATUS_CHANGE_ACTION,
                    user=by,
                    data={"from": old_status, "to": new_status},
                )
            transaction.on_commit(lambda: self.notify_status_changed(change))
        return change

    def withdraw(self):
        if not self.can_withdraw:
            raise ValidationError("Эту заявку уже нельзя отозвать.")
        return self.change_status(self.WITHDRAWN_STATUS, note="Заявитель отозвал заявку по личной ссылке.")

    def notify_status_changed(self, change):
        """Enqueues the e-mails about a status change; the concrete model decides who gets what."""
        raise NotImplementedError


class AbstractStatusChange(models.Model):
    """One step of an application's history: who moved it from which status to which, when, and why."""

    from_status = models.CharField("Было", max_length=20, blank=True)
    to_status = models.CharField("Стало", max_length=20)
    changed_at = models.DateTimeField("Когда", default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Кто изменил",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Пусто — изменил сам заявитель или сайт.",
    )
    note = models.TextField("Заметка для координаторов", blank=True, max_length=2000)
    public_message = models.TextField("Сообщение заявителю", blank=True, max_length=2000)

    class Meta:
        abstract = True
        ordering = ["changed_at", "pk"]

    @property
    def changed_by_display(self) -> str:
        if self.changed_by is None:
            return "заявитель"
        return self.changed_by.get_full_name() or self.changed_by.get_username()
