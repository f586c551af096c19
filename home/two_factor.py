"""Two-factor login for the admin with authenticator apps (TOTP, django-otp).

Required for everyone with the «two_factor_required» rule (administrators: superusers); other editors may add
an authenticator in their account and are asked for codes from then on. No package integrating django-otp with
Wagtail 8's admin exists (wagtail-2fa fails to import on Wagtail 8), so the two screens live here.
"""

from django import forms
from django.conf import settings
from django.shortcuts import redirect
from django.urls import path, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.generic import FormView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

import django_otp
import qrcode
import qrcode.image.svg
from django_otp.plugins.otp_totp.models import TOTPDevice

SETUP_URL_NAME = "two_factor_setup"
VERIFY_URL_NAME = "two_factor_verify"
# Admin addresses an unverified user may still open: signing in and out, the two screens, and assets.
EXEMPT_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    SETUP_URL_NAME,
    VERIFY_URL_NAME,
}


def is_required_for(user) -> bool:
    return getattr(settings, "ADMIN_TWO_FACTOR_ENFORCED", True) and user.is_superuser


class TwoFactorMiddleware:
    """After django_otp's OTPMiddleware: sends unverified admin users to set up or enter a code."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and request.path.startswith("/admin/")
            and not user.is_verified()
        ):
            url_name = resolve(request.path_info).url_name
            if url_name not in EXEMPT_URL_NAMES:
                if django_otp.user_has_device(user, confirmed=True):
                    return redirect(f"{reverse(VERIFY_URL_NAME)}?next={request.get_full_path()}")
                if is_required_for(user):
                    return redirect(f"{reverse(SETUP_URL_NAME)}?next={request.get_full_path()}")
        return self.get_response(request)


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Код из приложения",
        min_length=6,
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
        help_text="Шесть цифр, которые сейчас показывает приложение-аутентификатор.",
        error_messages={"required": "Введите код из приложения.", "min_length": "Код — это шесть цифр."},
    )

    def __init__(self, *args, device=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if self.device is None or not self.device.verify_token(code):
            raise forms.ValidationError("Неверный код. Проверьте время на телефоне и введите новый код.")
        return code


class _TwoFactorView(WagtailAdminTemplateMixin, FormView):
    form_class = CodeForm
    header_icon = "lock"

    def get_device(self):
        raise NotImplementedError

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "device": self.device}

    def dispatch(self, request, *args, **kwargs):
        self.device = self.get_device()
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        self.device.confirmed = True
        self.device.save(update_fields=["confirmed"])
        django_otp.login(self.request, self.device)
        log(instance=self.request.user, action=self.log_action, user=self.request.user)
        target = self.request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(target, allowed_hosts={self.request.get_host()}):
            target = reverse("wagtailadmin_home")
        return redirect(target)


class SetupView(_TwoFactorView):
    template_name = "two_factor/setup.html"
    page_title = "Двухфакторный вход"
    log_action = "home.two_factor.setup"

    def get_device(self):
        device = TOTPDevice.objects.filter(user=self.request.user, confirmed=False).first()
        return device or TOTPDevice.objects.create(
            user=self.request.user, name="Приложение-аутентификатор", confirmed=False
        )

    def get_context_data(self, **kwargs):
        svg = qrcode.make(self.device.config_url, image_factory=qrcode.image.svg.SvgPathImage).to_string(
            encoding="unicode"
        )
        return {
            **super().get_context_data(**kwargs),
            "qr_svg": mark_safe(svg.split("?>", 1)[-1]),  # drawn by qrcode from our own otpauth:// address
            "secret": self.device.key and _base32(self.device.bin_key),
            "required": is_required_for(self.request.user),
        }


class VerifyView(_TwoFactorView):
    template_name = "two_factor/verify.html"
    page_title = "Код входа"
    log_action = "home.two_factor.verified"

    def get_device(self):
        return TOTPDevice.objects.filter(user=self.request.user, confirmed=True).first()

    def dispatch(self, request, *args, **kwargs):
        if not django_otp.user_has_device(request.user, confirmed=True):
            return redirect(reverse(SETUP_URL_NAME))
        return super().dispatch(request, *args, **kwargs)


def _base32(key: bytes) -> str:
    import base64

    encoded = base64.b32encode(key).decode().rstrip("=")
    return " ".join(encoded[i : i + 4] for i in range(0, len(encoded), 4))


def urlpatterns():
    return [
        path("2fa/setup/", SetupView.as_view(), name=SETUP_URL_NAME),
        path("2fa/verify/", VerifyView.as_view(), name=VERIFY_URL_NAME),
    ]
