"""Reference numbers like "2026-000123": one sequence per year shared by every kind of application.

The counter row is incremented with a single UPDATE, which holds the row lock until the transaction ends, so
concurrent submissions never get the same number (PostgreSQL row lock; SQLite serialises writers).
"""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from home.models import ReferenceSequence


def format_reference(year: int, number: int) -> str:
    return f"{year}-{number:06d}"


def reserve_numbers(count: int = 1, year: int | None = None) -> list[str]:
    """`count` consecutive reference numbers of `year` (this year by default)."""
    year = year or timezone.localdate().year
    with transaction.atomic():
        for _attempt in range(3):
            updated = ReferenceSequence.objects.filter(year=year).update(last_number=F("last_number") + count)
            if updated:
                break
            try:
                # The first application of the year creates the row; a concurrent creator loses and retries.
                with transaction.atomic():
                    ReferenceSequence.objects.create(year=year, last_number=count)
                break
            except IntegrityError:
                continue
        last = ReferenceSequence.objects.get(year=year).last_number
    return [format_reference(year, number) for number in range(last - count + 1, last + 1)]


def next_reference_number(year: int | None = None) -> str:
    return reserve_numbers(1, year)[0]
