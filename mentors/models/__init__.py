from .applications import (
    MANUAL_TRANSITIONS,
    MATCHABLE_STATUSES,
    MentorApplication,
    MentorApplicationStatusChange,
    MentorMatch,
)
from .calls import CallAudience, MentorCallIndexPage, MentorCallPage

__all__ = [
    "MANUAL_TRANSITIONS",
    "MATCHABLE_STATUSES",
    "CallAudience",
    "MentorApplication",
    "MentorApplicationStatusChange",
    "MentorCallIndexPage",
    "MentorCallPage",
    "MentorMatch",
]
