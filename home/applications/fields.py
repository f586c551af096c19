"""Form fields and checks that every application form needs: phone numbers, ages and a minor's guardian."""

import re
from datetime import date

from django import forms

from home.phone_numbers import display_phone, parse_phone

E164 = re.compile(r"\+\d{8,15}")
PHONE_MESSAGE = (
    "Проверьте номер телефона: в российском номере 10 цифр после +7 или 8, например +7 912 345-67-89. "
    "Номер другой страны начните с её кода, например +375."
)
EMAIL_MESSAGE = "Проверьте адрес почты: например, ivanova@mail.ru."
GUARDIAN_LABELS = {
    "guardian_name": "Фамилия, имя и отчество родителя или законного представителя",
    "guardian_phone": "Телефон родителя",
    "guardian_email": "Электронная почта родителя",
}


def full_years(birth_date: date, on: date) -> int:
    """Age in whole years on a given day (a birthday counts from the morning of that day)."""
    had_birthday = (on.month, on.day) >= (birth_date.month, birth_date.day)
    return on.year - birth_date.year - (0 if had_birthday else 1)


def years_word(number: int) -> str:
    """«год», «года» or «лет» for a number of years."""
    if number % 10 == 1 and number % 100 != 11:
        return "год"
    if 2 <= number % 10 <= 4 and not 12 <= number % 100 <= 14:
        return "года"
    return "лет"


class PhoneField(forms.CharField):
    """A phone number typed any usual way; cleaned to E.164 («+79123456789»), shown again readably."""

    def __init__(self, *, autocomplete="tel", **kwargs):
        kwargs.setdefault("max_length", 30)
        kwargs.setdefault("widget", forms.TextInput(attrs={"type": "tel", "autocomplete": autocomplete}))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        # A cleaned E.164 value (initial data, a re-rendered valid field) is shown as people write it.
        return display_phone(value) if isinstance(value, str) and E164.fullmatch(value) else value

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return value
        number = parse_phone(value)
        if number is None:
            raise forms.ValidationError(PHONE_MESSAGE, code="invalid")
        return number


class AccessibleErrorsMixin:
    """Points each invalid input at its error message (aria-describedby), so screen readers read it out."""

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            bound = self[name]
            described_by = [f"{bound.auto_id}_error"]
            if self.fields[name].help_text:
                described_by.append(f"{bound.auto_id}_helptext")
            self.fields[name].widget.attrs["aria-describedby"] = " ".join(described_by)


def guardian_contact_fields() -> tuple[forms.Field, forms.Field, forms.Field]:
    """Name, phone and e-mail of a minor's parent or guardian, in the browser's own «guardian» autofill
    section, so that autofill never puts the applicant's details (or the parent's into the child's) there.
    Optional here: each form says when they are required."""
    return (
        forms.CharField(
            label=GUARDIAN_LABELS["guardian_name"],
            required=False,
            max_length=200,
            widget=forms.TextInput(attrs={"autocomplete": "section-guardian name"}),
        ),
        PhoneField(
            label=GUARDIAN_LABELS["guardian_phone"], required=False, autocomplete="section-guardian tel"
        ),
        forms.EmailField(
            label=GUARDIAN_LABELS["guardian_email"],
            required=False,
            max_length=254,
            widget=forms.EmailInput(attrs={"autocomplete": "section-guardian email"}),
            error_messages={"invalid": EMAIL_MESSAGE},
        ),
    )
