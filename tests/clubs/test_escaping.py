"""Script and HTML typed into a form come out escaped everywhere the text is shown again."""

import re

from django.contrib.auth import get_user_model
from django.core import mail

import pytest

from clubs.models import ClubApplication
from tests.clubs.conftest import application_data

pytestmark = pytest.mark.django_db

ATTACK = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_typed_markup_is_escaped_on_status_page_in_admin_and_in_mail(
    client, club, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            club.url,
            application_data(
                age=12, child_name=f"Иван {ATTACK}", motivation=ATTACK, guardian_name=f"Мама {ATTACK}"
            ),
        )
    assert response.status_code == 302
    application = ClubApplication.objects.get()

    sent = client.get(response["Location"]).text
    status_url = re.search(r'href="(http://testserver/zayavka/kruzhok/[^"]+)"', sent).group(1)
    for html in (sent, client.get(status_url).text):
        assert "<script>alert" not in html
        assert "<img src=x" not in html

    admin = get_user_model().objects.create_superuser("boss", "boss@example.org", "long-enough-password")
    client.force_login(admin)
    for url in ("/admin/club_applications/", f"/admin/club_applications/edit/{application.pk}/"):
        html = client.get(url).text
        assert '<script>alert("x")' not in html and "<img src=x" not in html, url
        assert "&lt;script&gt;" in html or "&lt;img" in html, url

    assert mail.outbox
    for message in mail.outbox:
        for content, mimetype in getattr(message, "alternatives", []):
            if mimetype == "text/html":
                assert "<script>alert" not in content and "<img src=x" not in content
