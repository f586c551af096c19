"""`{{ number|phone }}`: a stored E.164 phone number as people read it («+7 912 345-67-89»)."""

from django import template

from home.phone_numbers import display_phone

register = template.Library()


@register.filter
def phone(value):
    return display_phone(value)
