"""Phone numbers, parsed and formatted by `phonenumbers` (Google's libphonenumber data, kept up to date).

One format is stored: E.164 («+79123456789»). People see the international format («+7 912 345-67-89»).
A number without a country code is read as Russian, so «8 (912) 345-67-89», «912 345 67 89» and
«+7 912 3456789» are one number; a number of another country must start with its code («+375 …»).
"""

import phonenumbers

DEFAULT_REGION = "RU"


def parse_phone(value, *, strict: bool = True) -> str | None:
    """E.164 form of a typed phone number, or None when it is not one.

    `strict` asks libphonenumber whether the number can exist (right length and prefix for its country);
    otherwise only whether its length is possible, which is what searching old data needs.
    """
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        number = phonenumbers.parse(value, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return None
    if not (phonenumbers.is_valid_number(number) if strict else phonenumbers.is_possible_number(number)):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def display_phone(value) -> str:
    """A stored number as people read it («+7 912 345-67-89»); anything unparseable is shown as it is."""
    if not value:
        return ""
    try:
        number = phonenumbers.parse(value, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return value
    if not phonenumbers.is_possible_number(number):
        return value
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
