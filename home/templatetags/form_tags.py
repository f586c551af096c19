"""`{% form_field field %}`: a field with its label, help text and error, as every public form shows it."""

from django import template

register = template.Library()


@register.inclusion_tag("includes/form_field.html")
def form_field(field):
    return {"field": field}
