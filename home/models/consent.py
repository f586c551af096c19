"""Consent texts and the consents people give with their applications (152-FZ).

A text is never changed once people may have agreed to it: saving an edited text stores a new version, and
each consent record points at the exact version that was shown.
"""

from django.db import IntegrityError, models, transaction
from django.db.models import Max

from wagtail.admin.panels import FieldPanel


class ConsentTextQuerySet(models.QuerySet):
    def current(self, kind: str) -> "ConsentText | None":
        """The version shown on forms now: the latest one of this kind."""
        return self.filter(kind=kind).order_by("-version").first()


class ConsentText(models.Model):
    # One kind per form and per person who agrees: each text names exactly the data its form asks
    # (tests/home/test_consent_texts.py checks every field against its text).
    class Kind(models.TextChoices):
        PERSONAL_DATA = "personal_data", "Заявка в кружок: участник"
        GUARDIAN = "guardian", "Заявка в кружок: родитель или законный представитель"
        MENTOR = "mentor", "Заявка наставника"
        MENTOR_GUARDIAN = "mentor_guardian", "Заявка наставника младше 18 лет: родитель или представитель"
        PUBLICATION = "publication", "Наставник: публикация имени и профессии на страницах кружков"
        STORY_PUBLICATION = "story_publication", "Участник истории: имя и фотография"
        VOLUNTEER = "volunteer", "Анкета волонтёра"
        VOLUNTEER_GUARDIAN = (
            "volunteer_guardian",
            "Анкета волонтёра младше 18 лет: родитель или представитель",
        )

    kind = models.CharField("Вид согласия", max_length=20, choices=Kind.choices)
    version = models.PositiveIntegerField("Версия", editable=False)
    text = models.TextField(
        "Текст согласия",
        help_text="После сохранения изменённый текст становится новой версией; прежние версии остаются "
        "в истории, потому что на них ссылаются уже данные согласия.",
    )
    created_at = models.DateTimeField("Создана", auto_now_add=True)

    objects = ConsentTextQuerySet.as_manager()

    panels = [FieldPanel("kind"), FieldPanel("text")]

    class Meta:
        ordering = ["kind", "-version"]
        constraints = [models.UniqueConstraint(fields=["kind", "version"], name="consent_text_kind_version")]
        verbose_name = "текст согласия"
        verbose_name_plural = "тексты согласий"

    def __str__(self):
        return f"{self.get_kind_display()}, версия {self.version}"

    def save(self, *args, **kwargs):
        # Editing never rewrites a version somebody may have agreed to: it inserts the next version.
        if self.pk is not None:
            stored = type(self).objects.filter(pk=self.pk).values_list("kind", "text").first()
            if stored == (self.kind, self.text):
                return
            self.pk = None
            self._state.adding = True
            kwargs.pop("force_update", None)
            kwargs.pop("update_fields", None)
        for _attempt in range(3):
            latest = type(self).objects.filter(kind=self.kind).aggregate(latest=Max("version"))["latest"]
            self.version = (latest or 0) + 1
            try:
                with transaction.atomic():
                    return super().save(*args, **kwargs)
            except IntegrityError:
                # Two editors saved at once and took the same number: take the next one.
                self.pk = None
        raise IntegrityError("Could not allocate a consent text version")


class ConsentRecord(models.Model):
    """One person's agreement to one version of a consent text, with the evidence 152-FZ asks for."""

    text = models.ForeignKey(
        ConsentText, verbose_name="Текст согласия", on_delete=models.PROTECT, related_name="records"
    )
    given_at = models.DateTimeField("Дано", auto_now_add=True)
    ip_address = models.GenericIPAddressField("IP-адрес", null=True, blank=True)
    given_by_name = models.CharField("Кто дал согласие", max_length=200)
    given_by_email = models.EmailField("Электронная почта", blank=True)
    covers = models.CharField(
        "На что дано",
        max_length=300,
        help_text="Например: «Заявка № 2026-000123 в кружок „Юный техник“».",
    )
    text_shown = models.TextField(
        "Показанный текст",
        blank=True,
        help_text="Дословно то, что человек видел рядом с галочкой: текст согласия, а у анкет волонтёров — "
        "и перечень полей анкеты.",
    )
    withdrawn_at = models.DateTimeField("Отозвано", null=True, blank=True)

    class Meta:
        ordering = ["-given_at"]
        verbose_name = "согласие"
        verbose_name_plural = "согласия"
        permissions = [("handle_subject_requests", "Может обрабатывать запросы субъектов ПД")]

    def __str__(self):
        return f"{self.given_by_name}: {self.text} ({self.given_at:%d.%m.%Y})"
