import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

import pytest
import time_machine
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def enforced(settings):
    settings.ADMIN_TWO_FACTOR_ENFORCED = True


@pytest.fixture
def administrator():
    return get_user_model().objects.create_superuser("boss", "boss@example.org", "long-enough-password")


@pytest.fixture
def author():
    user = get_user_model().objects.create_user("pisatel", password="long-enough-password")
    user.groups.add(Group.objects.get(name="Авторы"))
    return user


def code_for(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def test_an_administrator_must_set_up_an_authenticator_first(client, administrator):
    client.force_login(administrator)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/2fa/setup/?next=/admin/pages/")

    setup = client.get(response["Location"])
    assert setup.status_code == 200
    assert "Администраторам сайта вход по паролю без кода не разрешён" in setup.text
    assert "<svg" in setup.text  # the QR code is drawn here, nothing is fetched from elsewhere

    device = TOTPDevice.objects.get(user=administrator)
    assert not device.confirmed
    wrong = client.post("/admin/2fa/setup/", {"code": "000000" if code_for(device) != "000000" else "111111"})
    assert "Неверный код" in wrong.text
    # django-otp makes the next try wait a moment after a wrong code (brute-force throttling).
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=5)):
        device.refresh_from_db()
        done = client.post("/admin/2fa/setup/?next=/admin/pages/", {"code": code_for(device)})
    assert done["Location"] == "/admin/pages/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/pages/").status_code == 200


def test_an_administrator_with_an_authenticator_enters_a_code_at_each_sign_in(client, administrator):
    device = TOTPDevice.objects.create(user=administrator, name="Телефон", confirmed=True)
    client.force_login(administrator)
    response = client.get("/admin/")
    assert response["Location"].startswith("/admin/2fa/verify/")
    page = client.get(response["Location"])
    assert "Код из приложения" in page.text
    client.post("/admin/2fa/verify/?next=/admin/", {"code": code_for(device)})
    assert client.get("/admin/").status_code == 200


def test_editors_may_skip_two_factor(client, author):
    client.force_login(author)
    assert client.get("/admin/").status_code == 200


def test_an_editor_who_added_an_authenticator_is_asked_for_codes(client, author):
    TOTPDevice.objects.create(user=author, name="Телефон", confirmed=True)
    client.force_login(author)
    assert client.get("/admin/")["Location"].startswith("/admin/2fa/verify/")


def test_editors_can_switch_it_on_from_their_account(client, author):
    client.force_login(author)
    assert "/admin/2fa/setup/" in client.get("/admin/account/").text


def test_no_open_redirect_after_the_code(client, administrator):
    device = TOTPDevice.objects.create(user=administrator, name="Телефон", confirmed=True)
    client.force_login(administrator)
    response = client.post("/admin/2fa/verify/?next=https://evil.example/", {"code": code_for(device)})
    assert response["Location"] == "/admin/"
