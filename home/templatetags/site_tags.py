from django import template
from django.utils.safestring import mark_safe

from home.fragment_cache import cached_for_generation, card_key
from home.models import NavigationSettings
from home.public_memo import memoized

register = template.Library()


def _link_targets(request, related_name):
    navigation = NavigationSettings.load(request_or_site=request)
    links = getattr(navigation, related_name).select_related("page").all()
    return [(link.text, link.href(request)) for link in links if not (link.page_id and not link.page.live)]


def _links(request, related_name):
    site = getattr(request, "_wagtail_site", None)
    targets = memoized(
        request, ("links", related_name, site and site.pk), lambda: _link_targets(request, related_name)
    )
    current_path = request.path
    return [
        {
            "text": text,
            "href": href,
            "is_current": bool(href) and href != "/" and current_path.startswith(href),
            "exact": href == current_path,
        }
        for text, href in targets
    ]


@register.inclusion_tag("includes/header_navigation.html", takes_context=True)
def header_navigation(context):
    return {"links": _links(context["request"], "header_links")}


@register.inclusion_tag("includes/footer_navigation.html", takes_context=True)
def footer_navigation(context):
    return {"links": _links(context["request"], "footer_links")}


@register.tag
def generation_cache(parser, token):
    """{% generation_cache "story-card" story.pk %}…{% endgeneration_cache %}: the enclosed HTML, rendered
    once per key and content generation (home/fragment_cache.py). Only for markup that depends on nothing
    but published content and the key: cards of stories and heroes, not of clubs (free places change)."""
    bits = token.split_contents()[1:]
    if not bits:
        raise template.TemplateSyntaxError("generation_cache needs a key: a name and the object's pk")
    nodelist = parser.parse(("endgeneration_cache",))
    parser.delete_first_token()
    return GenerationCacheNode(nodelist, [parser.compile_filter(bit) for bit in bits])


class GenerationCacheNode(template.Node):
    def __init__(self, nodelist, key_parts):
        self.nodelist = nodelist
        self.key_parts = key_parts

    def render(self, context):
        request = context.get("request")
        if getattr(request, "is_preview", False):
            # A preview shows the editor's unsaved content, which must neither read nor fill the cache.
            return self.nodelist.render(context)
        key = card_key(*(part.resolve(context) for part in self.key_parts))
        html = cached_for_generation(key, lambda: self.nodelist.render(context), request=request)
        return mark_safe(html)  # rendered by our own template, escaped then
