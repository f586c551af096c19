from .applications import (
    ACTIVE_STATUSES,
    PLACE_TAKING_STATUSES,
    ClubApplication,
    ClubApplicationStatusChange,
    Status,
)
from .branches import BranchIndexPage, BranchPage
from .choices import Direction, Format
from .clubs import ClubIndexPage, ClubPage, ClubPhoto

__all__ = [
    "ACTIVE_STATUSES",
    "PLACE_TAKING_STATUSES",
    "BranchIndexPage",
    "BranchPage",
    "ClubApplication",
    "ClubApplicationStatusChange",
    "ClubIndexPage",
    "ClubPage",
    "ClubPhoto",
    "Direction",
    "Format",
    "Status",
]
