"""Matching an approved mentor with clubs.

Suggestions: live clubs of the mentor's region whose direction is one of the mentor's directions, the clubs
with the most free places first (a club still gathering children needs a mentor most), then those without a
mentor yet. Clubs the mentor already works with are left out. The coordinator may still choose any other club.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, F, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from clubs.models import ClubPage
from mentors import emails
from mentors.choices import Status
from mentors.models import MentorApplication, MentorMatch

SUGGESTIONS_SHOWN = 20


def _mentor_count():
    # A subquery, not a join: joining matches would multiply the applications counted by with_taken_places().
    per_club = (
        MentorMatch.objects.filter(club=OuterRef("pk")).order_by().values("club").annotate(count=Count("pk"))
    )
    return Coalesce(Subquery(per_club.values("count"), output_field=IntegerField()), Value(0))


def suggested_clubs(application: MentorApplication, limit: int = SUGGESTIONS_SHOWN):
    return list(
        ClubPage.objects.live()
        .filter(region_id=application.region_id, direction__in=application.directions)
        .exclude(mentor_matches__mentor=application)
        .with_taken_places()
        .annotate(
            places_left_sort=F("capacity") - F("taken_places"),
            mentor_count=_mentor_count(),
        )
        .select_related("region")
        .order_by("-places_left_sort", "mentor_count", "title", "pk")[:limit]
    )


def record_match(application: MentorApplication, club: ClubPage, *, by, note: str = "") -> MentorMatch:
    """Records the mentor ↔ club match, moves an approved mentor to «Закреплён за кружком» (with history),
    and tells the mentor and the club's coordinators (`club_notified` on the match: whether it has any)."""
    if not application.can_be_matched:
        raise ValidationError("Закрепить за кружком можно только одобренного наставника.")
    try:
        with transaction.atomic():
            match = MentorMatch.objects.create(mentor=application, club=club, created_by=by, note=note)
            if application.status != Status.MATCHED:
                application.change_status(
                    Status.MATCHED, by=by, note=f"Закреплён за кружком «{club.title}». {note}".strip()
                )
            match.club_notified = emails.match_recorded(match)
    except IntegrityError:
        raise ValidationError(f"Наставник уже закреплён за кружком «{club.title}».") from None
    return match
