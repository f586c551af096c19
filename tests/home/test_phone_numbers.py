"""Phone numbers: validated by libphonenumber, stored as E.164, shown readably, found however typed."""

from django.template import Context, Template

import pytest

from home.applications.fields import PhoneField
from home.phone_numbers import display_phone, parse_phone
from home.privacy.identifiers import Person, normalise_phone


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("+7 (912) 345-67-89", "+79123456789"),
        ("8 912 345 67 89", "+79123456789"),
        ("912-345-67-89", "+79123456789"),
        ("8 (495) 123-45-67", "+74951234567"),
        ("+375 29 123-45-67", "+375291234567"),
    ],
)
def test_a_real_number_is_stored_in_e164(typed, stored):
    assert PhoneField().clean(typed) == stored


@pytest.mark.parametrize(
    "typed",
    [
        "+7 (912) 345-67-8",  # one digit short: passed the old check of 10–11 digits
        "+7 (012) 345-67-89",  # no Russian number starts with 0
        "8 912 345 67 89 1",
        "+375 29 123",
    ],
)
def test_a_number_that_cannot_exist_is_refused(typed):
    field = PhoneField()
    with pytest.raises(Exception, match="Проверьте номер телефона"):
        field.clean(typed)


def test_a_stored_number_is_shown_readably_in_forms_templates_and_exports():
    assert display_phone("+79123456789") == "+7 912 345-67-89"
    assert display_phone("") == ""
    assert display_phone("не номер") == "не номер"
    template = Template("{% load contact_tags %}{{ number|phone }}")
    rendered = template.render(Context({"number": "+79123456789"}))
    assert rendered == "+7 912 345-67-89"
    assert PhoneField().prepare_value("+79123456789") == "+7 912 345-67-89"
    # What a person typed is given back as typed when it was wrong.
    assert PhoneField().prepare_value("+7 (912) 345-67-8") == "+7 (912) 345-67-8"


@pytest.mark.parametrize("typed", ["+79123456789", "8 (912) 345-67-89", "+7 912 345 67 89", "9123456789"])
def test_subject_requests_find_a_number_however_it_was_stored(typed):
    person = Person(phone=normalise_phone("+7 (912) 345-67-89"))
    assert person.phone == "+79123456789"
    assert person.matches_phone(typed)
    assert str(person) == "+7 912 345-67-89"


def test_free_text_is_never_taken_for_a_number():
    assert normalise_phone("звоните 89123456789") is None
    assert parse_phone("позвоните маме") is None
