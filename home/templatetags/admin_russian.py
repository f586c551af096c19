from django import template

from home.admin_plurals import plural_form

register = template.Library()


@register.filter
def russian_plural(count, forms: str) -> str:
    """`{{ n|russian_plural:"медиафайл,медиафайла,медиафайлов" }}`: the noun's form after the number n."""
    one, few, many = forms.split(",")
    return plural_form(int(count or 0), (one, few, many))


@register.simple_tag
def admin_site_name() -> str:
    from django.conf import settings

    return settings.WAGTAIL_SITE_NAME
