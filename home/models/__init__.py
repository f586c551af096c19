from .images import CustomImage, CustomRendition
from .pages import HomePage, HomePageFeaturedPage, StandardPage
from .regions import Region
from .site_settings import FooterLink, HeaderLink, NavigationSettings, SiteIdentity

__all__ = [
    "CustomImage",
    "CustomRendition",
    "FooterLink",
    "HeaderLink",
    "HomePage",
    "HomePageFeaturedPage",
    "NavigationSettings",
    "Region",
    "SiteIdentity",
    "StandardPage",
]
