from django import template

from clubs.region_map import clubs_by_region

register = template.Library()


@register.inclusion_tag("clubs/includes/region_map.html", takes_context=True)
def clubs_region_map(context, heading_level=2, index=None):
    """The tile map of clubs by region, with its table; `index`: the directory (else the first one)."""
    return {"map": clubs_by_region(context["request"], index), "heading_level": heading_level}
