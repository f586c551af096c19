from .applications import ExportLog, ReferenceSequence
from .consent import ConsentRecord, ConsentText
from .forms import FormField, FormPage, VolunteerFormSubmission
from .images import CustomImage, CustomRendition
from .pages import HomePage, HomePageFeaturedPage, StandardPage
from .regions import Region
from .site_settings import FooterLink, HeaderLink, NavigationSettings, Partner, SiteIdentity

__all__ = [
    "ConsentRecord",
    "ConsentText",
    "CustomImage",
    "CustomRendition",
    "ExportLog",
    "FooterLink",
    "FormField",
    "FormPage",
    "HeaderLink",
    "HomePage",
    "HomePageFeaturedPage",
    "NavigationSettings",
    "Partner",
    "ReferenceSequence",
    "Region",
    "SiteIdentity",
    "StandardPage",
    "VolunteerFormSubmission",
]
