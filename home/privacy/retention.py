"""The retention purge: personal data is erased once its period after a final status has passed.

Statistics stay (club or call, region, dates, status, reference number). A record once anonymised (or a
submission once deleted) is never found again, so a rerun does nothing.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from home import page_cache
from home.applications.exports import scrub_searches_from_export_log

from .holders import personal_data_models

logger = logging.getLogger(__name__)


def retention_cutoff(now=None):
    now = now or timezone.now()
    return now - timedelta(days=settings.PERSONAL_DATA_RETENTION_DAYS)


def purge(*, dry_run: bool = False, now=None) -> dict[str, int]:
    """Anonymises every record whose retention period has ended; returns the count per model label.

    Only counts are logged: never a name, a contact or a reference number."""
    now = now or timezone.now()
    cutoff = retention_cutoff(now)
    counts = {}
    for model in personal_data_models():
        due = model.retention_expired(cutoff)
        if dry_run:
            counts[model._meta.label] = due.count()
            continue
        done = 0
        for record in due.iterator(chunk_size=200):
            # One record at a time: a failure leaves every other record either untouched or fully erased.
            with transaction.atomic():
                record.anonymise(now)
            done += 1
        counts[model._meta.label] = done
    if not dry_run:
        # Entries from before searches stopped being logged: gone by the first daily run after an update.
        scrub_searches_from_export_log()
    if not dry_run and any(counts.values()):
        # A public page (a club's mentors) could have shown someone: rebuild cached pages.
        page_cache.new_generation()
    for label, count in counts.items():
        logger.info("Retention purge%s: %s: %d", " (dry run)" if dry_run else "", label, count)
    return counts
