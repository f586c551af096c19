"""The private status link: status, history, withdrawing."""

from django.contrib.auth import get_user_model
from django.core import mail

import pytest

from clubs.factories import ClubApplicationFactory
from clubs.models import ClubApplication, Status
from home.applications import tokens

pytestmark = pytest.mark.django_db


@pytest.fixture
def application_with_token(club):
    token, digest = tokens.new_token()
    application = ClubApplicationFactory(club=club, status_token_digest=digest, child_name="Соколова Мария")
    application.status_changes.create(from_status="", to_status=Status.NEW, note="Заявка подана на сайте.")
    return application, token


def status_url(token):
    return f"/zayavka/kruzhok/{token}/"


def test_the_status_page_shows_status_and_history(client, application_with_token):
    application, token = application_with_token
    coordinator = get_user_model().objects.create_user("koordinator", "k@example.org", "x")
    application.change_status(
        Status.CONTACTED,
        by=coordinator,
        note="Мама просила звонить после шести",
        public_message="Ждём вас 5-го",
    )
    response = client.get(status_url(token))
    assert response.status_code == 200
    html = response.text
    # The number never breaks across lines; times say they are Moscow time.
    assert f'<span class="reference">№&nbsp;{application.reference_number}</span>' in html
    assert html.count("&nbsp;МСК") == 1 + application.status_changes.count()
    assert "Соколова Мария" in html
    assert "Связались" in html and "Новая" in html
    assert "Ждём вас 5-го" in html
    assert "Звонить после шести" not in html  # the coordinators' note is not for the applicant
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    # The full address (with the token) goes to our own origin only: other sites get no Referer at all, and
    # the withdrawal form is posted with a real Origin, which the CSRF check needs.
    assert response["Referrer-Policy"] == "same-origin"
    assert "noindex" in response["X-Robots-Tag"]


@pytest.mark.parametrize("token", ["x" * 43, "short", "../admin", "%00" * 20, "Я" * 43])
def test_a_wrong_token_is_a_404_that_says_what_to_do(client, application_with_token, token):
    response = client.get(status_url(token))
    assert response.status_code == 404
    if "/" in token:
        return  # not a status address at all: the site's own 404 page
    assert "Ссылка недействительна" in response.text
    assert 'href="/zayavka/moi/"' in response.text and "позвоните в кружок" in response.text
    assert "no-store" in response["Cache-Control"] and response["Referrer-Policy"] == "same-origin"


def test_the_digest_itself_does_not_open_the_page(client, application_with_token):
    application, _token = application_with_token
    assert client.get(status_url(application.status_token_digest)).status_code == 404


def test_withdrawing_needs_a_confirmation(client, application_with_token):
    application, token = application_with_token
    response = client.post(status_url(token), {"action": "withdraw"}, follow=True)
    assert "отметьте «Да, я хочу отозвать заявку»" in response.text
    application.refresh_from_db()
    assert application.status == Status.NEW


def test_the_applicant_can_withdraw(
    client, application_with_token, make_coordinator, django_capture_on_commit_callbacks
):
    application, token = application_with_token
    make_coordinator("koordinator", application.club)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(status_url(token), {"action": "withdraw", "confirm": "yes"}, follow=True)
    assert "Заявка отозвана" in response.text
    application.refresh_from_db()
    assert application.status == Status.WITHDRAWN
    last = application.status_changes.last()
    assert (last.from_status, last.to_status, last.changed_by) == (Status.NEW, Status.WITHDRAWN, None)
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert "family@example.org" in recipients and "koordinator@example.org" in recipients
    assert "Отозвать заявку" not in client.get(status_url(token)).text  # nothing left to withdraw


def test_a_declined_application_cannot_be_withdrawn(client, application_with_token):
    application, token = application_with_token
    ClubApplication.objects.filter(pk=application.pk).update(status=Status.DECLINED)
    client.post(status_url(token), {"action": "withdraw", "confirm": "yes"})
    application.refresh_from_db()
    assert application.status == Status.DECLINED


def test_withdrawing_needs_the_csrf_token(application_with_token):
    from django.test import Client

    application, token = application_with_token
    response = Client(enforce_csrf_checks=True).post(
        status_url(token), {"action": "withdraw", "confirm": "yes"}
    )
    assert response.status_code == 403
