"""«Мои заявки»: fresh status links by e-mail for every live application, never saying on screen whether any
exist; rate limited; logged without the contact."""

import logging
import re
import time

from django.core.cache import cache
from django.test import Client

import pytest

from clubs.factories import ClubApplicationFactory, ClubIndexPageFactory, ClubPageFactory
from clubs.models import Status as ClubStatus
from home.applications import tokens
from home.applications.spam import sign_started_at
from mentors.choices import Status as MentorStatus
from mentors.factories import MentorApplicationFactory, MentorCallIndexPageFactory, MentorCallPageFactory

URL = "/zayavka/moi/"


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world(home_page):
    club_index = ClubIndexPageFactory(parent=home_page, slug="kruzhki")
    club = ClubPageFactory(parent=club_index, title="Юный техник", slug="yunyy-tehnik")
    call_index = MentorCallIndexPageFactory(parent=home_page, slug="nastavnikam")
    call = MentorCallPageFactory(parent=call_index, title="Наставники", slug="nastavniki")
    as_parent = ClubApplicationFactory(
        club=club, email="", guardian_email="Mama@Example.org", child_name="Сын"
    )
    own = ClubApplicationFactory(club=club, email="mama@example.org", child_name="Дочь", phone="+79120001122")
    mentor = MentorApplicationFactory(call=call, email="mama@example.org", phone="")
    withdrawn = ClubApplicationFactory(club=club, email="mama@example.org", status=ClubStatus.WITHDRAWN)
    phone_only = ClubApplicationFactory(
        club=club,
        email="",
        guardian_email="",
        phone="+79125550000",
        guardian_phone="",
        child_name="Без почты",
    )
    return {
        "club": club,
        "live": [as_parent, own, mentor],
        "withdrawn": withdrawn,
        "phone_only": phone_only,
        "mentor": mentor,
    }


def ask(client, contact, **extra):
    data = {"contact": contact, "website": "", "form_started": sign_started_at(time.time() - 30), **extra}
    return client.post(URL, data)


def neutral_page(client, response):
    assert response.status_code == 302
    assert response["Location"] == f"{URL}?otpravleno=1"
    return client.get(response["Location"]).text


def test_an_email_gets_one_letter_with_fresh_links_to_every_live_application(
    client, world, mailoutbox, django_capture_on_commit_callbacks
):
    old_digests = {a.pk: a.status_token_digest for a in world["live"]}
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client, " MAMA@example.org ")
    page = neutral_page(client, response)
    assert "Если заявки с этими данными есть" in page
    assert len(mailoutbox) == 1
    letter = mailoutbox[0]
    assert letter.to == ["mama@example.org"]
    for application in world["live"]:
        assert application.reference_number in letter.body
    assert world["withdrawn"].reference_number not in letter.body
    assert "больше не действуют" in letter.body and "МСК" in letter.body
    links = re.findall(r"https?://\S+/zayavka/(?:kruzhok|nastavnik)/[\w-]+/", letter.body)
    assert len(links) == 3
    for link in links:
        assert client.get(link).status_code == 200
    for application in world["live"]:
        application.refresh_from_db()
        assert application.status_token_digest != old_digests[application.pk]  # the old link no longer works


def test_the_old_link_stops_working(client, world, django_capture_on_commit_callbacks):
    token, digest = tokens.new_token()
    mentor = world["mentor"]
    type(mentor).objects.filter(pk=mentor.pk).update(status_token_digest=digest)
    assert client.get(f"/zayavka/nastavnik/{token}/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        ask(client, "mama@example.org")
    assert client.get(f"/zayavka/nastavnik/{token}/").status_code == 404


def test_a_phone_sends_to_the_emails_of_its_applications_and_the_screen_says_the_same(
    client, world, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        with_email = neutral_page(client, ask(client, "8 (912) 000-11-22"))
    assert [letter.to for letter in mailoutbox] == [["mama@example.org"]]
    assert world["live"][1].reference_number in mailoutbox[0].body
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        phone_only = neutral_page(client, ask(client, "+7 912 555-00-00"))
        unknown = neutral_page(client, ask(client, "nobody@example.org"))
    assert not mailoutbox
    assert with_email == phone_only == unknown
    assert "позвоните в кружок" in unknown


def test_a_wrong_contact_is_explained_and_kept(client, world):
    response = ask(client, "мама")
    assert response.status_code == 200
    assert "Введите адрес электронной почты" in response.text
    assert 'value="мама"' in response.text


def test_spam_protection(client, world, mailoutbox):
    assert "не так, как это делает человек" in ask(client, "mama@example.org", website="x").text
    assert ask(client, "mama@example.org", form_started=sign_started_at(time.time())).status_code == 200
    assert Client(enforce_csrf_checks=True).post(URL, {"contact": "mama@example.org"}).status_code == 403
    assert not mailoutbox


def test_limited_per_contact_and_per_address(client, world, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        statuses = [ask(client, "mama@example.org").status_code for _ in range(4)]
    assert statuses == [302, 302, 302, 429]
    assert len(mailoutbox) == 3
    # Another person behind another address is not affected; the same address runs out after ten requests.
    other = Client(REMOTE_ADDR="10.1.1.1")
    assert ask(other, "other@example.org").status_code == 302
    results = [ask(client, f"person{n}@example.org").status_code for n in range(10)]
    assert results.count(429) >= 3


def test_logged_with_counts_only(client, world, caplog, django_capture_on_commit_callbacks):
    with caplog.at_level(logging.INFO), django_capture_on_commit_callbacks(execute=True):
        ask(client, "mama@example.org")
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert "3 live applications found, 1 letters queued" in logged
    assert "mama" not in logged.lower()


def test_the_page_is_linked_from_the_footer_and_private(client, world):
    response = client.get(URL)
    assert "no-store" in response["Cache-Control"]
    assert f'href="{URL}"' in client.get(world["club"].url).text


def test_anonymised_and_final_applications_are_never_listed(world):
    from home.applications.my_applications import find_live_applications

    found = find_live_applications(email="mama@example.org")
    assert set(found) == set(world["live"])
    assert MentorStatus.WITHDRAWN not in {a.status for a in found}


def test_the_page_and_a_request_make_a_bounded_number_of_queries(
    client, world, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    client.get(URL)  # the site's settings and page tree are read once per worker
    with django_assert_max_num_queries(5):
        assert client.get(URL).status_code == 200
    # Finding costs one query per kind of application; each listed one gets its new token in one UPDATE.
    with django_assert_max_num_queries(4 + len(world["live"])):
        ask(client, "mama@example.org")
