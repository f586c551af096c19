"""Nothing leaves the server: rendered public pages load no resource from another origin.

Links a reader may follow (a share link to VK, the organization's Telegram) are fine; anything the browser
fetches by itself (scripts, styles, images, fonts, frames, form targets, preloads) must come from our own
origin, or from an origin an administrator configured explicitly (map tiles, S3 media: CSP_* settings).
"""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings

from wagtail.models import Page

import pytest

pytestmark = pytest.mark.django_db

FETCHED_ATTRIBUTES = {
    "script": ["src"],
    "img": ["src", "srcset"],
    "source": ["src", "srcset"],
    "iframe": ["src"],
    "frame": ["src"],
    "embed": ["src"],
    "object": ["data"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "track": ["src"],
    "form": ["action"],
    "input": ["src", "formaction"],
    "button": ["formaction"],
}
FETCHED_LINK_RELS = {
    "stylesheet",
    "preload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "icon",
    "modulepreload",
    "manifest",
}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


class ResourceCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in FETCHED_ATTRIBUTES.get(tag, []):
            value = attributes.get(name) or ""
            if name.endswith("srcset"):
                self.urls += [
                    candidate.strip().split(" ")[0] for candidate in value.split(",") if candidate.strip()
                ]
            elif value:
                self.urls.append(value)
        if tag == "link" and FETCHED_LINK_RELS & set((attributes.get("rel") or "").lower().split()):
            self.urls.append(attributes.get("href") or "")
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            self.urls.append((attributes.get("content") or "").partition("url=")[2])
        self.urls += CSS_URL.findall(attributes.get("style") or "")


def external_origins(html, own_host):
    collector = ResourceCollector()
    collector.feed(html)
    collector.urls += CSS_URL.findall(" ".join(re.findall(r"<style[^>]*>(.*?)</style>", html, re.S)))
    allowed = {urlsplit(origin).netloc for origin in _configured_origins()}
    found = set()
    for url in collector.urls:
        parts = urlsplit(url.strip())
        if parts.scheme in ("data", "blob") or not parts.netloc:
            continue
        if parts.netloc not in allowed and parts.hostname != own_host:
            found.add(f"{parts.scheme}://{parts.netloc}")
    return found


def _configured_origins():
    return [*settings.CSP_MEDIA_ORIGINS, *settings.CSP_MAP_TILE_ORIGINS, *settings.CSP_FRAME_ORIGINS]


def public_paths():
    paths = {"/", "/special-version/", "/net-takoy-stranicy/", "/search/?q=герой"}
    paths |= {page.url for page in Page.objects.live().filter(depth__gt=1).specific()}
    return sorted(paths)


def test_no_public_page_loads_anything_from_another_origin(client, demo_site):
    offenders = {}
    for path in public_paths():
        response = client.get(path)
        if response.get("Content-Type", "").startswith("text/html"):
            origins = external_origins(response.content.decode(), own_host="testserver")
            if origins:
                offenders[path] = origins
    assert offenders == {}


def test_the_scanner_catches_third_party_resources():
    html = (
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css">'
        '<img srcset="/a.webp 1x, https://cdn.example.com/b.webp 2x">'
        '<script src="https://mc.yandex.ru/metrika/tag.js"></script>'
        '<div style="background: url(https://tracker.example.net/p.gif)"></div>'
        '<a href="https://vk.com/share.php?url=x">ВКонтакте</a>'
    )
    assert external_origins(html, own_host="testserver") == {
        "https://fonts.googleapis.com",
        "https://cdn.example.com",
        "https://mc.yandex.ru",
        "https://tracker.example.net",
    }


def test_configured_origins_are_allowed(settings):
    settings.CSP_MAP_TILE_ORIGINS = ["https://tiles.example.ru"]
    assert external_origins('<img src="https://tiles.example.ru/1/2/3.png">', own_host="testserver") == set()
