"""Forms posted in a character set other than UTF-8 get a clear Russian 400 page, on every route.

A test-client test on purpose: it is about hostile or broken clients, which no browser journey reproduces.
"""

import pytest

from clubs.factories import ClubIndexPageFactory, ClubPageFactory
from home.factories import FormPageFactory
from home.models import FormField
from mentors.factories import MentorCallIndexPageFactory, MentorCallPageFactory

pytestmark = pytest.mark.django_db

BODY = "child_name=%D0%98%D0%B2%D0%B0%D0%BD&username=admin&password=x"


@pytest.fixture
def routes(home_page):
    club = ClubPageFactory(parent=ClubIndexPageFactory(parent=home_page, slug="kruzhki"), slug="tekhnik")
    form = FormPageFactory(
        parent=home_page, slug="volonter", form_fields=[FormField(label="Имя", field_type="singleline")]
    )
    call = MentorCallPageFactory(parent=MentorCallIndexPageFactory(parent=home_page, slug="nastavnikam"))
    return ["/", club.url, call.url, form.url, "/admin/login/", "/zayavka/kruzhok/" + "a" * 43 + "/"]


@pytest.mark.parametrize(
    "charset", ["koi8-r", "utf-16", "windows-1251", "KOI8-R", '"cp1251"', "utf8", "no-such-x"]
)
def test_a_form_posted_in_another_charset_gets_a_russian_400(client, routes, charset):
    for url in routes:
        # generic() sends the bytes as they are: post() would re-encode them into the charset named.
        response = client.generic(
            "POST", url, BODY.encode("ascii"), f"application/x-www-form-urlencoded; charset={charset}"
        )
        assert response.status_code == 400, url
        html = response.content.decode("utf-8")
        assert "Форма отправлена в неподдерживаемой кодировке" in html, url
        assert "ничего не сохранили" in html
        assert response["Content-Type"] == "text/html; charset=utf-8"
        assert response["Cache-Control"] == "no-store"


def test_multipart_forms_in_another_charset_are_refused_too(client, routes):
    response = client.post(
        "/admin/login/", data=b"--x--\r\n", content_type="multipart/form-data; boundary=x; charset=koi8-r"
    )
    assert response.status_code == 400


@pytest.mark.parametrize(
    "content_type",
    [
        "application/x-www-form-urlencoded",
        "application/x-www-form-urlencoded; charset=utf-8",
        "application/x-www-form-urlencoded; charset=UTF-8",
    ],
)
def test_utf8_and_unlabelled_forms_pass(client, routes, content_type):
    response = client.post("/admin/login/", data=BODY.encode("ascii"), content_type=content_type)
    assert response.status_code == 200  # the login form again, with its own error
    assert "неподдерживаемой кодировке" not in response.content.decode()


def test_a_get_with_a_charset_is_left_alone(client, routes):
    response = client.get("/", content_type="text/plain; charset=koi8-r")
    assert response.status_code == 200
