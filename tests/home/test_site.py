import re

from django.core.exceptions import ValidationError
from django.template.loader import render_to_string

import pytest

from home.factories import StandardPageFactory
from home.models import CustomImage, FooterLink, HeaderLink, NavigationSettings, Region, SiteIdentity

pytestmark = pytest.mark.django_db


def test_all_federal_subjects_are_loaded():
    assert Region.objects.count() == 89
    assert Region.objects.filter(name="Москва", kind=Region.Kind.FEDERAL_CITY).exists()
    assert Region.objects.filter(kind=Region.Kind.OBLAST).count() == 48
    assert Region.objects.filter(kind=Region.Kind.REPUBLIC).count() == 24


def test_home_page_has_landmarks_skip_link_and_one_h1(client, home_page):
    html = client.get("/").text
    assert '<html lang="ru">' in html
    assert 'class="skip-link" href="#main"' in html
    assert 'id="main"' in html
    for landmark in ("<header", "<main", "<footer"):
        assert html.count(landmark) == 1, landmark
    assert len(re.findall(r"<h1[ >]", html)) == 1
    assert home_page.heading in html


def test_header_and_footer_come_from_settings(client, home_page):
    about = StandardPageFactory(parent=home_page, title="О нас", slug="o-nas")
    navigation = NavigationSettings.load()
    HeaderLink.objects.create(navigation=navigation, page=about, sort_order=0)
    FooterLink.objects.create(
        navigation=navigation, url="https://example.org/", label="Партнёры", sort_order=0
    )
    identity = SiteIdentity.load()
    identity.phone = "+7 (495) 123-45-67"
    identity.vk_url = "https://vk.com/example"
    identity.save()

    html = client.get("/").text
    assert 'aria-label="Основное меню"' in html
    assert '<a class="site-nav__link" href="/o-nas/">О нас</a>' in html
    assert "Партнёры" in html
    assert "+7 (495) 123-45-67" in html
    assert "ВКонтакте" in html

    html = client.get("/o-nas/").text
    assert 'href="/o-nas/" aria-current="page"' in html


def test_navigation_link_needs_a_page_or_a_url(home_page):
    link = HeaderLink(navigation=NavigationSettings.load(), label="Пусто")
    with pytest.raises(ValidationError, match="что-то одно"):
        link.clean()


def test_standard_page_renders_body_blocks(client, home_page):
    page = StandardPageFactory(
        parent=home_page,
        title="Страница с блоками",
        slug="bloki",
        body=[
            ("heading", {"text": "Раздел три", "level": "h3"}),
            ("quote", {"text": "Труд — основа жизни", "attribution": "Мастер"}),
        ],
    )
    html = client.get(page.url).text
    assert '<h3 class="block-heading">Раздел три</h3>' in html
    assert "Труд — основа жизни" in html
    assert "— Мастер" in html
    assert 'aria-label="Вы здесь"' in html


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in response.text
    assert "Sitemap: http://testserver/sitemap.xml" in response.text


def test_sitemap_lists_live_pages(client, home_page):
    StandardPageFactory(parent=home_page, title="О нас", slug="o-nas")
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert "/o-nas/</loc>" in response.text


def test_unknown_address_gets_a_russian_404(client, home_page):
    response = client.get("/net-takoy-stranicy/")
    assert response.status_code == 404
    assert "Страница не найдена" in response.text
    assert '<html lang="ru">' in response.text


def test_500_page_renders_without_a_request_or_database():
    html = render_to_string("500.html")
    assert "Что-то пошло не так" in html


def test_admin_speaks_russian(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert "Войти" in response.text or "Вход" in response.text


def test_image_alt_text_is_required():
    image = CustomImage(title="Без описания", description="", width=1, height=1, file="x.jpg")
    with pytest.raises(ValidationError) as error:
        image.full_clean(exclude=["file", "collection"])
    assert "description" in error.value.message_dict


def test_body_blocks_are_not_wrapped_twice(client, home_page):
    page = StandardPageFactory(
        parent=home_page,
        title="Цитата",
        slug="citata",
        body=[("quote", {"text": "Труд — основа жизни", "attribution": ""})],
    )
    html = client.get(page.url).text
    assert html.count("block-quote") == 1
