"""People's requests about their personal data (152-FZ, art. 14 and 21): what the site holds about an e-mail
address or a phone number, a download of all of it in one file, and its erasure.

Nothing here keeps the e-mail or phone asked about: the export log and the audit log record who asked for
what and how many records, so that erasing a person leaves no list of the people who were erased.
"""

import json
from dataclasses import dataclass, field

from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone

from wagtail.log_actions import log

from home import page_cache
from home.applications.consent import stored_ip
from home.applications.exports import scrub_searches_from_export_log
from home.models import ConsentRecord, ConsentText, ExportLog

from .holders import consent_export, personal_data_models, strip_consents, withdraw_consents
from .identifiers import Person

EXPORT_ACTION = "home.privacy.export"
ERASE_ACTION = "home.privacy.erase"
CONSENT_WITHDRAWN_ACTION = "home.privacy.consent_withdrawn"
EXPORT_LOG_LABEL = "privacy.subject_request"


@dataclass
class Findings:
    person: Person
    # (model, records) per model that holds personal data, in a stable order.
    groups: list = field(default_factory=list)
    # Consents given with this e-mail that no found record points at (e.g. of a record already erased).
    other_consents: list = field(default_factory=list)

    @property
    def records(self) -> list:
        return [record for _model, records in self.groups for record in records]

    @property
    def headed_groups(self) -> list:
        return [
            (str(model._meta.verbose_name_plural).capitalize(), records) for model, records in self.groups
        ]

    @property
    def count(self) -> int:
        return len(self.records) + len(self.other_consents)

    @property
    def publication_consents(self) -> list:
        """Consents to publish a name that are still in force: the administrator can withdraw each of them."""
        return [
            consent
            for record in self.records
            for consent in record.linked_consents()
            if consent.text.kind in PUBLICATION_KINDS and consent.withdrawn_at is None
        ]


PUBLICATION_KINDS = (ConsentText.Kind.PUBLICATION, ConsentText.Kind.STORY_PUBLICATION)


def find(person: Person) -> Findings:
    findings = Findings(person)
    linked = set()
    for model in sorted(personal_data_models(), key=lambda model: model._meta.label):
        records = list(model.of_person(person).order_by("pk"))
        if records:
            findings.groups.append((model, records))
        for record in records:
            linked.update(consent.pk for consent in record.linked_consents())
    if person.email:
        findings.other_consents = list(
            ConsentRecord.objects.filter(given_by_email__iexact=person.email)
            .exclude(pk__in=linked)
            .select_related("text")
            .order_by("given_at")
        )
    return findings


def export_document(findings: Findings) -> dict:
    document = {
        "Запрос": {
            "Кого касается": str(findings.person),
            "Сформировано": timezone.localtime().isoformat(),
            "Записей": findings.count,
        }
    }
    for heading, records in findings.headed_groups:
        document[heading] = [record.personal_data_export() for record in records]
    if findings.other_consents:
        document["Другие согласия"] = [consent_export(consent) for consent in findings.other_consents]
    return document


def export_response(request, findings: Findings) -> HttpResponse:
    """One JSON file with everything found; written to the export log and the audit log."""
    content = json.dumps(export_document(findings), ensure_ascii=False, indent=2)
    entry = ExportLog.objects.create(
        user=request.user,
        username=request.user.get_username(),
        model_label=EXPORT_LOG_LABEL,
        file_format="json",
        row_count=findings.count,
        filters=_summary(findings),
        ip_address=stored_ip(request),
    )
    log(instance=entry, action=EXPORT_ACTION, user=request.user, data={"records": findings.count})
    stamp = timezone.localtime().strftime("%Y-%m-%d")
    response = HttpResponse(content.encode("utf-8"), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="personalnye-dannye-{stamp}.json"'
    response["Cache-Control"] = "private, no-store"
    return response


def erase(findings: Findings, user) -> int:
    """Anonymises every record found as the retention purge does (ending applications still in progress and
    withdrawing their consents), deletes form submissions, strips the other consents and the searched text
    of old export-log entries. Returns the count."""
    now = timezone.now()
    with transaction.atomic():
        for record in findings.records:
            consents = [consent.pk for consent in record.linked_consents()]
            record.anonymise(now, on_request=True)
            if record.pk is not None:
                log(instance=record, action=ERASE_ACTION, user=user)
            else:
                # The record was deleted: the audit entry goes on its stripped consent, which stays.
                for consent in ConsentRecord.objects.filter(pk__in=consents).select_related("text"):
                    log(instance=consent, action=ERASE_ACTION, user=user, title=consent_title(consent))
        others = [consent.pk for consent in findings.other_consents]
        withdraw_consents(others, now)
        strip_consents(others)
        for consent in ConsentRecord.objects.filter(pk__in=others).select_related("text"):
            log(instance=consent, action=ERASE_ACTION, user=user, title=consent_title(consent))
        # An old export-log entry may hold a search for the person's name.
        scrub_searches_from_export_log()
        # A club page or a story could have shown the person: no cached copy may keep them (a new generation
        # now, and another when this transaction commits).
        page_cache.new_generation()
    return findings.count


def withdraw_publication_consent(findings: Findings, consent_pk, user) -> bool:
    """Withdraws one of the person's publication consents; the name disappears from club pages at once."""
    consent = next((c for c in findings.publication_consents if str(c.pk) == str(consent_pk)), None)
    if consent is None:
        return False
    with transaction.atomic():
        withdraw_consents([consent.pk], timezone.now())
        consent.refresh_from_db()
        log(instance=consent, action=CONSENT_WITHDRAWN_ACTION, user=user, title=consent_title(consent))
        page_cache.new_generation()
    return True


def consent_title(consent) -> str:
    """How a consent is named in the audit log: never by the person's name, which an erasure removes."""
    return f"Согласие № {consent.pk}: {consent.text} — {consent.covers}"[:255]


def _summary(findings: Findings) -> str:
    parts = [f"{model._meta.verbose_name_plural}: {len(records)}" for model, records in findings.groups]
    if findings.other_consents:
        parts.append(f"другие согласия: {len(findings.other_consents)}")
    return "Запрос субъекта ПД; " + ("; ".join(parts) or "ничего не найдено")
