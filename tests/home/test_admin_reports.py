"""Every admin report and listing, opened by each demo role with data present (applications, an export in
the export log), answers 200, a redirect or a refusal: never a server error."""

import pytest

from home.models import ExportLog
from tests.support.admin_crawl import DEMO_ROLES, admin_addresses, demo_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def with_an_export(client, shared_demo_site):
    """An administrator exports the club applications: the export log and the site history get an entry."""
    client.force_login(demo_user("admin"))
    response = client.get("/admin/club_applications/?export=csv")
    assert response.status_code == 200
    assert ExportLog.objects.exists()
    client.logout()


def test_site_history_with_an_export_answers_for_the_administrator(client, with_an_export):
    client.force_login(demo_user("admin"))
    for address in ("/admin/reports/site-history/", "/admin/reports/site-history/results/"):
        response = client.get(address)
        assert response.status_code == 200
        assert "Выгрузка" in response.content.decode()
    for file_format in ("csv", "xlsx"):
        response = client.get(f"/admin/reports/site-history/?export={file_format}")
        assert response.status_code == 200
        assert f".{file_format}" in response["Content-Disposition"]
        b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("role", DEMO_ROLES)
def test_every_report_and_listing_answers_without_a_server_error(client, with_an_export, role):
    addresses = admin_addresses(client)
    assert "/admin/reports/site-history/?export=csv" in addresses
    assert len(addresses) > 30
    client.raise_request_exception = False
    client.force_login(demo_user(role))
    answers = {}
    for address in addresses:
        response = client.get(address)
        if response.streaming:
            b"".join(response.streaming_content)
        answers[address] = response.status_code
    failures = {address: status for address, status in answers.items() if status not in (200, 302, 403)}
    assert not failures, failures
