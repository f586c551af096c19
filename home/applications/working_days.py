"""When an unanswered application becomes overdue: after 3 working days (Monday to Friday).

One place for the rule: the admin list, its flag and the dashboard panel all use `overdue_since`.
Public holidays are not taken into account: a weekday holiday counts as a working day.
"""

from datetime import datetime, timedelta

from django.utils import timezone

ANSWER_WITHIN_WORKING_DAYS = 3


def _is_weekend(moment: datetime) -> bool:
    return moment.weekday() >= 5


def subtract_working_days(moment: datetime, days: int) -> datetime:
    """The moment `days` working days (whole 24-hour working days) before `moment`."""
    moment = timezone.localtime(moment) if timezone.is_aware(moment) else moment
    if _is_weekend(moment):
        # During a weekend the working clock stands at the end of Friday.
        moment = moment.replace(hour=0, minute=0, second=0, microsecond=0)
        while _is_weekend(moment):
            moment -= timedelta(days=1)
        moment += timedelta(days=1)
    for _ in range(days):
        moment -= timedelta(days=1)
        while _is_weekend(moment):
            moment -= timedelta(days=1)
    return moment


def overdue_since(now: datetime | None = None) -> datetime:
    """Applications created before this moment and still unanswered are overdue."""
    return subtract_working_days(now or timezone.now(), ANSWER_WITHIN_WORKING_DAYS)
