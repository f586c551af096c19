"""No personal data in the application's logs (152-FZ minimisation): not a name, a phone, an e-mail or the
visitor's IP address, whatever happens to the application and its e-mails."""

import logging
import smtplib

import pytest

from clubs.models import ClubApplication

from .conftest import application_data

pytestmark = pytest.mark.django_db

IP = "203.0.113.99"


def personal_values(data):
    return [
        data["child_name"],
        data["guardian_name"],
        data["email"],
        data["guardian_email"],
        "9123456789",
        "912 345-67-89",
        "9001234567",
        "900) 123-45-67",
        IP,
    ]


def everything_logged(caplog) -> str:
    formatter = logging.Formatter("%(name)s %(message)s")
    return "\n".join(formatter.format(record) for record in caplog.records)


def test_submitting_an_application_logs_no_personal_data(
    client, club, caplog, django_capture_on_commit_callbacks
):
    data = application_data()
    with caplog.at_level(logging.DEBUG), django_capture_on_commit_callbacks(execute=True):
        response = client.post(club.url, data, REMOTE_ADDR=IP)
        assert response.status_code == 302
        client.get(response["Location"], REMOTE_ADDR=IP)
    assert ClubApplication.objects.filter(child_name=data["child_name"]).exists()
    assert caplog.records, "DEBUG logging captured nothing: the check below would be empty"
    logged = everything_logged(caplog)
    for value in personal_values(data):
        assert value not in logged


def test_a_failing_mail_server_logs_no_addresses(
    client, club, caplog, monkeypatch, django_capture_on_commit_callbacks
):
    data = application_data()

    def refuse(self, fail_silently=False):
        raise smtplib.SMTPRecipientsRefused(dict.fromkeys(self.to, (550, b"mailbox unavailable")))

    monkeypatch.setattr("home.applications.notifications.EmailMessage.send", refuse)
    with caplog.at_level(logging.DEBUG), django_capture_on_commit_callbacks(execute=True):
        client.post(club.url, data, REMOTE_ADDR=IP)
    logged = everything_logged(caplog)
    assert "SMTPRecipientsRefused" in logged
    for value in personal_values(data):
        assert value not in logged
