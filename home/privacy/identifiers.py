"""How a person is recognised in stored data: an e-mail address or a phone number, however it was typed."""

import re

from django import forms
from django.core.validators import validate_email

from home.phone_numbers import display_phone, parse_phone

PHONE_CHARACTERS = re.compile(r"^[\d\s()+\-.]+$")


def normalise_phone(value) -> str | None:
    """A phone number in E.164, however it was typed: "+7 (912) 345-67-89", "89123456789" and the stored
    "+79123456789" all give "+79123456789"; None when the value is not a phone number (free-form answers of
    volunteer forms are compared too, so text with letters never counts as a number)."""
    if not isinstance(value, str) or not PHONE_CHARACTERS.match(value.strip()):
        return None
    # Lenient: numbers stored before they were validated must still be found.
    return parse_phone(value, strict=False)


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
    """Whom a request is about: exactly one of `email` (lower case) and `phone` (E.164)."""

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
        return self.email or display_phone(self.phone)
