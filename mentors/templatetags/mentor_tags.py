from django import template

from mentors.choices import Status
from mentors.models import MentorMatch

register = template.Library()


def shown_mentors(club):
    """Mentors matched with the club who agreed to be named on the site: name and profession only.

    A mentor whose application was declined or withdrawn after the match, or who withdrew the publication
    consent, is not shown.
    """
    return list(
        MentorMatch.objects.filter(
            club=club,
            mentor__status=Status.MATCHED,
            mentor__publication_consent__isnull=False,
            mentor__publication_consent__withdrawn_at__isnull=True,
        )
        .order_by("created_at", "pk")
        .values("mentor__full_name", "mentor__profession")
    )


@register.inclusion_tag("mentors/includes/club_mentors.html")
def club_mentors(club):
    mentors = [
        {"name": row["mentor__full_name"], "profession": row["mentor__profession"]}
        for row in shown_mentors(club)
    ]
    return {"mentors": mentors, "club": club}
