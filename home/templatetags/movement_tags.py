from django import template

from home import movement

register = template.Library()


@register.inclusion_tag("home/includes/movement_numbers.html", takes_context=True)
def movement_numbers(context):
    return {"figures": movement.movement_numbers(context["request"])}


@register.simple_tag(takes_context=True)
def ways_in(context):
    return movement.ways_in(context["request"])
