"""The protocol a model follows to take part in the retention purge and in people's requests.

A model declares `holds_personal_data = True` and provides:
- `retention_expired(cutoff)` (classmethod): the records whose retention period ended before `cutoff` and
  that still hold personal data;
- `of_person(person)` (classmethod): the records about a person (home.privacy.identifiers.Person);
- `anonymise(now, *, on_request=False)`: erases the personal fields (or deletes the record) so that a rerun
  finds nothing; `on_request` is True for a person's own erasure request;
- `personal_data_export()`: what the record holds, as JSON-serialisable data;
- `linked_consents()`: the ConsentRecords the record points at.

Applications get all of it from `AnonymisableApplication` below by declaring their personal fields; volunteer
form submissions implement it themselves (home/models/forms.py).
"""

import secrets
from datetime import date, datetime

from django.apps import apps
from django.db import models
from django.db.models import Q
from django.utils import timezone

ERASED = "удалено"


def personal_data_models() -> list:
    return [model for model in apps.get_models() if getattr(model, "holds_personal_data", False)]


def strip_consents(consent_ids) -> int:
    """A consent stays as evidence of which text version was agreed to and when, not who and from where."""
    from home.models import ConsentRecord

    ids = [pk for pk in consent_ids if pk is not None]
    if not ids:
        return 0
    return (
        ConsentRecord.objects.filter(pk__in=ids)
        .exclude(given_by_name=ERASED, given_by_email="", ip_address__isnull=True)
        .update(given_by_name=ERASED, given_by_email="", ip_address=None)
    )


def withdraw_consents(consent_ids, now) -> int:
    from home.models import ConsentRecord

    return ConsentRecord.objects.filter(pk__in=list(consent_ids), withdrawn_at__isnull=True).update(
        withdrawn_at=now
    )


def consent_export(consent) -> dict:
    return {
        "Текст согласия": str(consent.text),
        "Версия текста": consent.text.version,
        "Содержание текста": consent.text_shown or consent.text.text,
        "На что дано": consent.covers,
        "Кто дал согласие": consent.given_by_name,
        "Электронная почта": consent.given_by_email,
        "IP-адрес": consent.ip_address,
        "Дано": plain(consent.given_at),
        "Отозвано": plain(consent.withdrawn_at),
    }


def plain(value):
    """A value as JSON can hold it."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, models.Model):
        return str(value)
    return value


class AnonymisableApplication(models.Model):
    """Mixed into AbstractApplication. The concrete model declares:

    PERSONAL_FIELDS  fields erased by anonymising (text → «удалено», e-mail and phone → empty, dates →
                     1 January of their year); everything else (club, call, region, status, dates, reference
                     number) stays for statistics;
    EMAIL_FIELDS, PHONE_FIELDS  the contacts a person's request is matched against;
    FINAL_STATUSES   the statuses after which the retention period runs (nothing else is ever purged);
    CONSENT_FIELDS   foreign keys to ConsentRecord.
    """

    holds_personal_data = True
    PERSONAL_FIELDS: tuple = ()
    EMAIL_FIELDS: tuple = ()
    PHONE_FIELDS: tuple = ()
    FINAL_STATUSES: frozenset = frozenset()
    CONSENT_FIELDS: tuple = ("consent",)
    NOT_EXPORTED = frozenset({"id", "status_token_digest", "anonymised_at"})

    anonymised_at = models.DateTimeField("Обезличена", null=True, blank=True, editable=False)

    class Meta:
        abstract = True

    @classmethod
    def retention_expired(cls, cutoff):
        decided_before = Q(status_changed_at__lt=cutoff) | Q(
            status_changed_at__isnull=True, created_at__lt=cutoff
        )
        return cls.objects.filter(decided_before, status__in=cls.FINAL_STATUSES, anonymised_at__isnull=True)

    @classmethod
    def of_person(cls, person):
        if person.email:
            query = Q()
            for name in cls.EMAIL_FIELDS:
                query |= Q(**{f"{name}__iexact": person.email})
            return cls.objects.filter(query)
        # Forms store phones in E.164, and the migrations converted every older number libphonenumber reads: a
        # single query. What is left in another spelling is compared in Python (few rows).
        stored_as_typed = Q()
        same_number = Q()
        for name in cls.PHONE_FIELDS:
            same_number |= Q(**{name: person.phone})
            stored_as_typed |= ~Q(**{name: ""}) & ~Q(**{f"{name}__regex": r"^\+[0-9]{8,15}$"})
        matching = [
            row[0]
            for row in cls.objects.filter(stored_as_typed).values_list("pk", *cls.PHONE_FIELDS)
            if any(person.matches_phone(value) for value in row[1:])
        ]
        return cls.objects.filter(same_number | Q(pk__in=matching))

    def privacy_summary(self) -> str:
        """One line for the admin's list of what was found."""
        who = getattr(self, self.PERSONAL_FIELDS[0]) if self.PERSONAL_FIELDS else ""
        summary = f"{self._meta.verbose_name.capitalize()} № {self.reference_number}: {who}, "
        created = timezone.localtime(self.created_at)
        summary += f"{self.get_status_display().lower()}, подана {created:%d.%m.%Y}"
        return summary + (", обезличена" if self.anonymised_at else "")

    def linked_consents(self) -> list:
        return [consent for name in self.CONSENT_FIELDS if (consent := getattr(self, name)) is not None]

    def erased_values(self) -> dict:
        values = {}
        for name in self.PERSONAL_FIELDS:
            field = self._meta.get_field(name)
            current = getattr(self, name)
            if isinstance(field, models.DateField):
                values[name] = date(current.year, 1, 1) if current else current
            elif name in self.EMAIL_FIELDS or name in self.PHONE_FIELDS or not current:
                values[name] = ""
            else:
                values[name] = ERASED
        return values

    def anonymise(self, now, *, on_request=False):
        """Erases the personal fields in place (no save(), no signals, no e-mail). A person's own request also
        ends an application still in progress: it cannot be processed without a name or a contact."""
        values = self.erased_values()
        # A random digest: the old status link now finds nothing.
        values["status_token_digest"] = secrets.token_hex(32)
        values["anonymised_at"] = now
        self.status_changes.update(note="", public_message="")
        if on_request and self.status not in self.FINAL_STATUSES:
            self.status_changes.create(
                from_status=self.status,
                to_status=self.WITHDRAWN_STATUS,
                note="Персональные данные удалены по запросу субъекта.",
            )
            values.update(status=self.WITHDRAWN_STATUS, status_changed_at=now)
        type(self).objects.filter(pk=self.pk).update(**values)
        for name, value in values.items():
            setattr(self, name, value)
        consent_ids = [consent.pk for consent in self.linked_consents()]
        if on_request:
            withdraw_consents(consent_ids, now)
        strip_consents(consent_ids)

    def personal_data_export(self) -> dict:
        fields = {
            str(field.verbose_name): plain(self.get_field_display(field))
            for field in self._meta.concrete_fields
            if field.name not in self.NOT_EXPORTED
            and (field.editable or field.name in ("reference_number", "status_changed_at"))
        }
        return {
            "Вид записи": str(self._meta.verbose_name),
            "Номер заявки": self.reference_number,
            "Поля": fields,
            "История": [
                {
                    "Когда": plain(change.changed_at),
                    "Было": change.get_from_status_display(),
                    "Стало": change.get_to_status_display(),
                    "Сообщение заявителю": change.public_message,
                }
                for change in self.status_changes.all()
            ],
            "Согласия": [consent_export(consent) for consent in self.linked_consents()],
        }

    def get_field_display(self, field):
        if field.choices:
            return getattr(self, f"get_{field.name}_display")()
        if field.is_relation:
            return str(getattr(self, field.name) or "")
        return getattr(self, field.attname)
