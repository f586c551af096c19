import pytest

from home.accessibility import COOKIE_NAME, Preferences

pytestmark = pytest.mark.django_db


def choose(client, **choice):
    return client.get("/special-version/", {**choice, "next": "/o-nas/"})


def test_every_page_offers_the_special_version_in_the_header(client, home_page):
    html = client.get("/").text
    assert "Версия для слабовидящих" in html
    assert '<summary class="a11y-panel__toggle">' in html
    assert 'action="/special-version/"' in html
    assert '<link rel="stylesheet" href="/special-version.css">' in html


def test_a_choice_is_stored_and_the_reader_goes_back(client):
    response = choose(client, size="xlarge")
    assert response.status_code == 302
    assert response["Location"] == "/o-nas/"
    cookie = response.cookies[COOKIE_NAME]
    assert "size:xlarge" in cookie.value
    assert cookie["max-age"] >= 365 * 24 * 3600 - 1
    assert cookie["httponly"]


def test_choices_add_up_and_shape_the_stylesheet(client):
    choose(client, size="large")
    choose(client, scheme="white-on-black")
    choose(client, images="off")
    choose(client, spacing="wide")
    response = client.get("/special-version.css")
    css = response.content.decode()
    assert response["Content-Type"].startswith("text/css")
    assert "private" in response["Cache-Control"]
    assert "font-size: 137.5%" in css
    assert "#000000" in css and "#ffffff" in css
    assert "display: none" in css
    assert "letter-spacing" in css


def test_the_default_stylesheet_is_empty(client):
    assert client.get("/special-version.css").content == b""


def test_pages_are_identical_whatever_the_choice(client, home_page):
    plain = client.get("/").content
    choose(client, size="xlarge", scheme="blue")
    assert client.get("/").content == plain


def test_reset_returns_to_the_normal_site(client):
    choose(client, size="large")
    response = client.get("/special-version/", {"reset": "1", "next": "/"})
    assert response.cookies[COOKIE_NAME].value == ""
    assert client.get("/special-version.css").content == b""


def test_unknown_values_are_ignored(client):
    choose(client, size="large")
    choose(client, size="enormous", scheme="<script>")
    assert Preferences.from_cookie(client.cookies[COOKIE_NAME].value) == Preferences(size="large")


def test_no_open_redirect(client):
    response = client.get("/special-version/", {"size": "large", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_settings_page_shows_the_current_choice_without_caching(client):
    choose(client, scheme="blue")
    response = client.get("/special-version/")
    assert response.status_code == 200
    assert 'value="blue" checked' in response.text
    assert "no-store" in response["Cache-Control"]
    assert response.text.count("<h1") == 1
