import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from home.movement import russian_plural

register = template.Library()

# The same escapes as Django's json_script: nothing in the data can close the <script> element.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data):
    """Structured data for search engines: <script type="application/ld+json"> with safely escaped JSON."""
    if not data:
        return ""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


@register.filter
def ru_plural(number, forms):
    """`{{ n|ru_plural:"история,истории,историй" }}`: 1 история, 3 истории, 5 историй, 21 история."""
    return russian_plural(number, *forms.split(","))
