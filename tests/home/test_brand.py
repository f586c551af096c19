"""The organization's face: emblem, favicons, manifest, default sharing picture, requisites in the footer."""

import json
import re
from pathlib import Path

from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from wagtail.documents.models import Document

import pytest
from PIL import Image

from bench import brand_assets
from home.factories import StandardPageFactory
from home.models import Partner, SiteIdentity

pytestmark = pytest.mark.django_db

STATIC_IMG = Path(finders.find("img/emblem.svg")).parent


def test_committed_svgs_are_what_the_drawing_code_draws():
    for name, draw in brand_assets.SVG_FILES.items():
        assert (STATIC_IMG / name).read_text(encoding="utf-8") == draw(), (
            f"run bench/brand_assets.py ({name})"
        )


@pytest.mark.parametrize(
    ("name", "size"),
    [
        ("apple-touch-icon.png", (180, 180)),
        ("icon-192.png", (192, 192)),
        ("icon-512.png", (512, 512)),
        ("og-default.png", (1200, 630)),
    ],
)
def test_raster_pictures_have_their_sizes(name, size):
    with Image.open(STATIC_IMG / name) as picture:
        assert picture.size == size
        # Home-screen icons must be opaque: iOS paints transparency black.
        assert picture.mode == "RGB"


def test_ico_holds_the_three_tab_sizes():
    with Image.open(STATIC_IMG / "favicon.ico") as icon:
        assert {(16, 16), (32, 32), (48, 48)} <= set(icon.info["sizes"])


def test_header_shows_the_emblem_beside_the_name(client, home_page):
    html = client.get("/").text
    logo = re.search(r'<a class="site-logo" href="/">(.*?)</a>', html, re.S).group(1)
    assert re.search(r'<img class="site-logo__mark" src="/static/img/emblem\.svg" alt=""', logo)
    assert "Трудовая доблесть России" in logo


def test_head_links_the_favicons_and_the_manifest(client, home_page):
    html = client.get("/").text
    assert '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">' in html
    assert '<link rel="icon" href="/static/img/favicon.ico" sizes="48x48">' in html
    assert '<link rel="apple-touch-icon" href="/static/img/apple-touch-icon.png">' in html
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html


def test_manifest_names_the_site_and_lists_icons_that_exist(client, home_page):
    identity = SiteIdentity.load()
    identity.short_name = "Доблесть"
    identity.save()
    response = client.get("/manifest.webmanifest")
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == "Доблесть"
    assert manifest["lang"] == "ru"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in manifest["icons"]:
        assert finders.find(icon["src"].removeprefix("/static/")), icon["src"]


def test_root_favicon_address_leads_to_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/img/favicon.ico"


def test_pages_without_a_picture_share_the_organization_picture(client, home_page):
    StandardPageFactory(parent=home_page, title="О нас", slug="o-nas")
    html = client.get("/o-nas/").text
    assert '<meta property="og:image" content="http://testserver/static/img/og-default.png">' in html
    assert '<meta property="og:image:width" content="1200">' in html
    assert '<meta property="og:title" content="О нас">' in html
    assert html.count('property="og:image"') == 1


def test_footer_shows_requisites_documents_and_partners(client, home_page):
    charter = StandardPageFactory(parent=home_page, title="Устав", slug="ustav")
    policy = Document.objects.create(title="Политика", file=ContentFile(b"%PDF-1.4", name="politika.pdf"))
    identity = SiteIdentity.load()
    identity.inn, identity.kpp, identity.ogrn = "7708123456", "770801001", "1137799012345"
    identity.legal_address = "101000, г. Москва, ул. Мясницкая, д. 1"
    identity.charter_page, identity.privacy_policy_document = charter, policy
    identity.save()
    Partner.objects.create(
        identity=identity, name="Фонд наставников", url="https://fond.example", sort_order=0
    )
    Partner.objects.create(identity=identity, name="Союз без сайта", sort_order=1)

    footer = client.get("/").text.split("<footer", 1)[1]
    assert "<dt>ИНН</dt> <dd>7708123456</dd>" in footer
    assert "<dt>ОГРН</dt> <dd>1137799012345</dd>" in footer
    assert "<dt>КПП</dt> <dd>770801001</dd>" in footer
    assert "<dt>Юридический адрес</dt> <dd>101000, г. Москва, ул. Мясницкая, д. 1</dd>" in footer
    assert '<a href="/ustav/">Устав</a>' in footer
    assert f'<a href="{policy.url}">Политика обработки персональных данных</a>' in footer
    assert re.search(
        r'<a class="partner" href="https://fond.example" rel="noopener">\s*<span class="partner__name">'
        r"Фонд наставников</span>",
        footer,
    )
    assert re.search(r'<span class="partner">\s*<span class="partner__name">Союз без сайта</span>', footer)


def test_a_document_wins_over_a_page_and_nothing_set_shows_nothing(home_page):
    identity = SiteIdentity.load()
    assert identity.documents == [] and identity.requisites == []
    charter_page = StandardPageFactory(parent=home_page, title="Устав", slug="ustav")
    charter_file = Document.objects.create(title="Устав", file=ContentFile(b"%PDF-1.4", name="ustav.pdf"))
    identity.charter_page, identity.charter_document = charter_page, charter_file
    assert identity.documents == [("Устав", charter_file.url)]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("inn", "77081234", "ИНН: только цифры, 10 или 12 знаков."),
        ("inn", "77081234561", "ИНН: только цифры, 10 или 12 знаков."),
        ("ogrn", "11377990123X5", "ОГРН: только цифры, 13 знаков."),
        ("kpp", "7708010", "КПП: только цифры, 9 знаков."),
    ],
)
def test_requisites_are_checked_with_a_message_that_says_what_to_fix(field, value, message):
    identity = SiteIdentity.load()
    setattr(identity, field, value)
    with pytest.raises(ValidationError) as error:
        identity.full_clean()
    assert error.value.message_dict[field] == [message]


def test_twelve_digit_inn_of_a_person_is_accepted():
    identity = SiteIdentity.load()
    identity.inn = "770812345678"
    identity.full_clean()


def test_the_addresses_load_before_the_static_files_are_collected(settings, tmp_path):
    """`migrate` on a fresh server loads the URLs before `collectstatic` wrote the hashed files' manifest."""
    import importlib

    import urls

    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    importlib.reload(urls)


def test_fonts_are_our_own_files_with_their_licence_and_the_body_font_is_preloaded(client, home_page):
    css = Path(finders.find("css/site.css")).read_text(encoding="utf-8")
    sources = re.findall(r'url\("\.\./(fonts/[^"]+\.woff2)"\)', css)
    assert len(sources) == 6 and all(finders.find(source) for source in sources)
    assert css.count("font-display: swap; src") == 6
    assert finders.find("fonts/OFL-PT-Sans.txt") and finders.find("fonts/OFL-PT-Serif.txt")
    html = client.get("/").text
    preload = re.search(r'<link rel="preload" href="([^"]+)" as="font" type="font/woff2" crossorigin>', html)
    assert preload.group(1) == "/static/fonts/pt-sans-cyrillic-400-normal.woff2"
