import re

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


def test_the_default_stylesheet_changes_nothing_but_marks_the_default_choice(client):
    css = client.get("/special-version.css").content.decode()
    assert "font-size" not in css and "display: none" not in css and "letter-spacing" not in css
    assert "!important" not in css
    pressed = css.split("{ --a11y-pressed: 1;")[0]
    assert '.a11y-panel button[name="size"][value="normal"]' in pressed
    assert '.a11y-panel button[name="reset"]' in pressed


def test_the_stylesheet_marks_the_chosen_buttons_and_only_them(client):
    choose(client, size="xlarge", scheme="blue")
    css = client.get("/special-version.css").content.decode()
    pressed = css.split("{ --a11y-pressed: 1;")[0]
    assert '.a11y-panel button[name="size"][value="xlarge"]' in pressed
    assert '.a11y-panel button[name="scheme"][value="blue"]' in pressed
    assert '[value="normal"]' not in pressed.split('name="spacing"')[0]  # size "normal" is no longer on
    assert 'name="reset"' not in pressed
    assert '.a11y-panel button[name="size"][value="xlarge"]::after' in css
    assert 'content: "✓" / ""' in css


def test_every_button_of_the_panel_is_marked_once_its_choice_is_on(client, home_page):
    panel = client.get("/").text.split('<details class="a11y-panel">')[1].split("</details>")[0]
    buttons = re.findall(r'<button type="submit" name="(\w+)" value="([\w-]+)"', panel)
    assert len(buttons) == 10
    for name, value in buttons:
        if name == "reset":
            client.get("/special-version/", {"reset": "1"})
        else:
            choose(client, **{name: value})
        pressed = client.get("/special-version.css").content.decode().split("{ --a11y-pressed: 1;")[0]
        selector = f'.a11y-panel button[name="{name}"]' + ("" if name == "reset" else f'[value="{value}"]')
        assert selector in pressed


def test_the_stylesheet_is_kept_by_the_browser_per_choice(client):
    response = client.get("/special-version.css")
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-cache" not in cache_control
    assert int(cache_control.split("max-age=")[1].split(",")[0]) >= 24 * 3600
    assert "Cookie" in response["Vary"]
    etag = response["ETag"]
    assert client.get("/special-version.css", headers={"if-none-match": etag}).status_code == 304
    choose(client, size="large")
    changed = client.get("/special-version.css", headers={"if-none-match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_with_images_off_the_description_replaces_the_picture(client):
    choose(client, images="off")
    css = client.get("/special-version.css").content.decode()
    assert ".image-description { display: block !important; }" in css
    assert "Изображение скрыто" not in css


def test_pages_are_identical_whatever_the_choice(client, home_page):
    plain = client.get("/").content
    choose(client, size="xlarge", scheme="blue")
    assert client.get("/").content == plain


def test_reset_returns_to_the_normal_site(client):
    choose(client, size="large")
    response = client.get("/special-version/", {"reset": "1", "next": "/"})
    assert response.cookies[COOKIE_NAME].value == ""
    assert "font-size" not in client.get("/special-version.css").content.decode()


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
