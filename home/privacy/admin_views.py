"""The admin page «Запросы о персональных данных»: find, download and erase what the site holds about a
person, and withdraw their consent to be named on club pages.

Only administrators (superusers) and holders of «Может обрабатывать запросы субъектов ПД» may open it. The
e-mail or phone asked about travels in POST bodies only, so it never lands in an address, a browser history
or an access log.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from home.applications.views import keep_private

from . import subject_requests
from .identifiers import Person, normalise_email, normalise_phone

PERMISSION = "home.handle_subject_requests"
URL_NAME = "privacy_subject_requests"

EMPTY_MESSAGE = "Введите адрес электронной почты или номер телефона человека."
BAD_EMAIL_MESSAGE = "Адрес электронной почты указан неверно. Пример: ivanova@example.org."
BAD_PHONE_MESSAGE = (
    "Номер телефона указан неверно: нужно 10 или 11 цифр, например +7 912 345-67-89 или 8 (912) 345-67-89. "
    "Для поиска по почте введите адрес с «@»."
)
WITHDRAWN_MESSAGE = "Согласие на публикацию отозвано: имя больше не показывается на сайте."
CONFIRM_MESSAGE = "Чтобы удалить данные, отметьте «Да, удалить все найденные данные этого человека»."


def may_handle_requests(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm(PERMISSION))


class PersonForm(forms.Form):
    identifier = forms.CharField(
        label="Электронная почта или телефон",
        max_length=254,
        error_messages={"required": EMPTY_MESSAGE, "max_length": BAD_EMAIL_MESSAGE},
        help_text="Например, ivanova@example.org или +7 912 345-67-89. Телефон можно писать с 8, "
        "с пробелами, скобками и дефисами.",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def clean_identifier(self) -> Person:
        value = self.cleaned_data["identifier"]
        if "@" in value:
            email = normalise_email(value)
            if email is None:
                raise forms.ValidationError(BAD_EMAIL_MESSAGE, code="invalid")
            return Person(email=email)
        phone = normalise_phone(value)
        if phone is None:
            raise forms.ValidationError(BAD_PHONE_MESSAGE, code="invalid")
        return Person(phone=phone)


class SubjectRequestView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "home/privacy/subject_requests.html"
    page_title = "Запросы о персональных данных"
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        if not may_handle_requests(request.user):
            raise PermissionDenied("Нет права обрабатывать запросы субъектов персональных данных.")
        return keep_private(super().dispatch(request, *args, **kwargs))

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=PersonForm()))

    def post(self, request, *args, **kwargs):
        form = PersonForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        findings = subject_requests.find(form.cleaned_data["identifier"])
        action = request.POST.get("action", "find")
        if action == "download" and findings.count:
            return subject_requests.export_response(request, findings)
        if action == "erase" and findings.count:
            if request.POST.get("confirm") != "yes":
                if "confirm_step" in request.POST:
                    messages.error(request, CONFIRM_MESSAGE)
                return self.render_to_response(
                    self.get_context_data(form=form, findings=findings, confirming=True)
                )
            erased = subject_requests.erase(findings, request.user)
            messages.success(request, f"Данные удалены: записей — {erased}. Поиск ниже повторён заново.")
            findings = subject_requests.find(form.cleaned_data["identifier"])
        elif action == "withdraw_publication":
            consent = request.POST.get("consent")
            if subject_requests.withdraw_publication_consent(findings, consent, request.user):
                messages.success(request, WITHDRAWN_MESSAGE)
            else:
                messages.error(request, "Это согласие уже отозвано или не относится к найденному человеку.")
            findings = subject_requests.find(form.cleaned_data["identifier"])
        return self.render_to_response(self.get_context_data(form=form, findings=findings))
