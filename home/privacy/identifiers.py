"""How a person is recognised in stored data: an e-mail address or a phone number, however it was typed."""

import re

from django import forms
from django.core.validators import validate_email

PHONE_CHARACTERS = re.compile(r"^[\d\s()+\-.]+$")


def normalise_phone(value) -> str | None:
    """The ten national digits of a Russian number: "+7 (912) 345-67-89" and "89123456789" give
    "9123456789"; None when the value is not a phone number."""
    if not isinstance(value, str) or not value.strip() or not PHONE_CHARACTERS.match(value.strip()):
        return None
    digits = re.sub(r"\D", "", value)
    if len(digits) == 11 and digits[0] in "78":
        digits = digits[1:]
    return digits if len(digits) == 10 else None


def normalise_email(value) -> str | None:
    if not isinstance(value, str) or "@" not in value:
        return None
    value = value.strip().lower()
    try:
        validate_email(value)
    except forms.ValidationError:
        return None
    return value


class Person:
    """Whom a request is about: exactly one of `email` (lower case) and `phone` (ten digits)."""

    def __init__(self, *, email: str | None = None, phone: str | None = None):
        self.email = email
        self.phone = phone

    def matches_email(self, value) -> bool:
        return self.email is not None and normalise_email(value) == self.email

    def matches_phone(self, value) -> bool:
        return self.phone is not None and normalise_phone(value) == self.phone

    def matches_any(self, value) -> bool:
        return self.matches_email(value) or self.matches_phone(value)

    def __str__(self):
        return self.email or f"+7{self.phone}"
