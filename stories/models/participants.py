"""Young people (and others who are not heroes) named or pictured in a story, with their publication consent.

Under 152-FZ publishing a person's name or photo needs its own consent, for a minor given by a parent. The
editor records who gave it (and, so that the person can later find it through «Запросы о персональных
данных», their e-mail); saving the participant stores a ConsentRecord against the current publication
consent text. The story shows a participant only while that consent is in force: withdrawing it
(home/privacy) hides the name and photo on the next request, without a new revision of the story.
"""

from django.db import models
from django.utils import timezone

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable


class StoryParticipant(Orderable):
    story = ParentalKey("stories.StoryPage", on_delete=models.CASCADE, related_name="participants")
    name = models.CharField("Имя и фамилия", max_length=200)
    about = models.CharField(
        "Кто это", max_length=300, blank=True, help_text="Например: «ученица 9 класса, кружок „Юный техник“»."
    )
    photo = models.ForeignKey(
        "home.CustomImage",
        verbose_name="Фотография",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    consent_given_by = models.CharField(
        "Кто дал согласие на публикацию",
        max_length=200,
        help_text="Сам участник (с 18 лет) или его родитель, законный представитель.",
    )
    consent_email = models.EmailField(
        "Электронная почта давшего согласие",
        blank=True,
        help_text="По ней человек сможет узнать о своих данных или отозвать согласие.",
    )
    consent_document = models.CharField(
        "Где хранится согласие",
        max_length=300,
        help_text="Например: «Бумажное согласие от 12.03.2026, хранится в Свердловском отделении».",
    )
    consent = models.ForeignKey(
        "home.ConsentRecord",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("about")]),
        FieldPanel("photo"),
        MultiFieldPanel(
            [FieldPanel("consent_given_by"), FieldPanel("consent_email"), FieldPanel("consent_document")],
            heading="Согласие на публикацию имени и фотографии",
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "участник истории"
        verbose_name_plural = "участники историй"

    def __str__(self):
        return self.name

    @property
    def may_be_shown(self) -> bool:
        return self.consent is not None and self.consent.withdrawn_at is None

    def save(self, *args, **kwargs):
        if self.consent_id is None:
            self.consent = self._record_consent()
        super().save(*args, **kwargs)

    def _record_consent(self):
        from home.models import ConsentRecord, ConsentText

        text = ConsentText.objects.current(ConsentText.Kind.STORY_PUBLICATION)
        if text is None:
            return (
                None  # no publication text exists yet: nothing is shown until one does and the row is saved
            )
        title = self.story.title if self.story_id else ""
        return ConsentRecord.objects.create(
            text=text,
            given_by_name=self.consent_given_by,
            given_by_email=self.consent_email,
            covers=f"Публикация имени и фотографии в истории «{title}» ({self.consent_document})"[:300],
        )

    # --- Personal data (home/privacy/holders.py) ---

    holds_personal_data = True

    @classmethod
    def retention_expired(cls, cutoff):
        # Published for as long as the consent is in force: withdrawal, not time, ends it.
        return cls.objects.none()

    @classmethod
    def of_person(cls, person):
        if not person.email:
            return cls.objects.none()
        return cls.objects.filter(consent_email__iexact=person.email).select_related("consent__text", "story")

    def linked_consents(self) -> list:
        return [self.consent] if self.consent is not None else []

    def privacy_summary(self) -> str:
        return f"Участник истории «{self.story.title}»: {self.name}"

    def anonymise(self, now=None, *, on_request=False):
        """Withdraws the consent, removes the row and scrubs the name from the story's revisions."""
        from home.privacy.holders import strip_consents, withdraw_consents

        consent_ids = [self.consent_id] if self.consent_id else []
        withdraw_consents(consent_ids, now or timezone.now())
        strip_consents(consent_ids)
        self._scrub_revisions()
        self.delete()

    def _scrub_revisions(self):
        for revision in self.story.revisions.all():
            participants = revision.content.get("participants") or []
            changed = False
            for item in participants:
                # Drafts saved before the participant was first published hold them without a pk.
                same = item.get("pk") == self.pk or (item.get("pk") is None and item.get("name") == self.name)
                if same:
                    item.update(
                        name="удалено", about="", photo=None, consent_given_by="удалено", consent_email=""
                    )
                    changed = True
            if changed:
                revision.save(update_fields=["content"])

    def personal_data_export(self) -> dict:
        from home.privacy.holders import consent_export

        return {
            "Вид записи": str(self._meta.verbose_name),
            "История": self.story.title,
            "Имя": self.name,
            "Кто это": self.about,
            "Фотография": str(self.photo or ""),
            "Согласия": [consent_export(consent) for consent in self.linked_consents()],
        }
