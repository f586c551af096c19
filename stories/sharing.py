"""What a shared link shows: OpenGraph/Twitter data, share links without third-party scripts, JSON-LD."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from home.brand import default_share_image
from home.models import SiteIdentity

from . import images

# Plain links to each network's own share page: nothing of theirs loads on our pages.
SHARE_TARGETS = [
    ("vk", "ВКонтакте", "https://vk.com/share.php", "url", "title"),
    ("telegram", "Telegram", "https://t.me/share/url", "url", "text"),
    ("ok", "Одноклассники", "https://connect.ok.ru/offer", "url", "title"),
]


@dataclass
class ShareLink:
    network: str
    label: str
    href: str


@dataclass
class ShareContext:
    url: str  # absolute, the canonical address
    title: str
    description: str
    image_url: str = ""  # absolute; the organization's default picture when the page has none
    image_width: int = 0
    image_height: int = 0
    image_alt: str = ""
    links: list = field(default_factory=list)


def share_context(page, request, image, description="") -> ShareContext:
    url = page.get_full_url(request)
    share = ShareContext(url=url, title=page.seo_title or page.title, description=description)
    if image is not None:
        rendition = image.get_rendition(images.SHARE[0])
        share.image_url = request.build_absolute_uri(rendition.url)
        share.image_width, share.image_height = rendition.width, rendition.height
        share.image_alt = image.description
    else:
        default = default_share_image(request)
        share.image_url, share.image_alt = default["url"], default["alt"]
        share.image_width, share.image_height = default["width"], default["height"]
    share.links = [
        ShareLink(network, label, f"{endpoint}?{urlencode({url_param: url, title_param: share.title})}")
        for network, label, endpoint, url_param, title_param in SHARE_TARGETS
    ]
    return share


def _organization(request):
    identity = SiteIdentity.load(request_or_site=request)
    return {"@type": "Organization", "name": identity.short_name}


def article_data(story, request, share: ShareContext, heroes, tags) -> dict:
    organization = _organization(request)
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": story.title[:110],
        "description": story.lead,
        "url": share.url,
        "mainEntityOfPage": share.url,
        "datePublished": story.date.isoformat(),
        "inLanguage": "ru",
        "articleSection": story.get_kind_display(),
        "author": organization,
        "publisher": organization,
    }
    if story.last_published_at:
        data["dateModified"] = story.last_published_at.isoformat()
    if share.image_url:
        data["image"] = [share.image_url]
    if heroes:
        data["about"] = [{"@type": "Person", "name": hero.title, "url": hero.full_url} for hero in heroes]
    if tags:
        data["keywords"] = ", ".join(tag.name for tag in tags)
    return data


def person_data(hero, share: ShareContext, awards) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": hero.title,
        "url": share.url,
    }
    if hero.profession:
        data["jobTitle"] = hero.profession
    if share.description:
        data["description"] = share.description
    if hero.birth_year:
        data["birthDate"] = str(hero.birth_year)
    if hero.death_year:
        data["deathDate"] = str(hero.death_year)
    if share.image_url:
        data["image"] = share.image_url
    if hero.region_id:
        data["homeLocation"] = {"@type": "Place", "name": hero.region.name}
    if awards:
        data["award"] = [str(holding) for holding in awards]
    return data
