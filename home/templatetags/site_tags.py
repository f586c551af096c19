from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from home.fragment_cache import cached_for_generation, card_key
from home.models import NavigationSettings
from home.public_memo import memoized

register = template.Library()


@register.simple_tag(takes_context=True)
def default_share_image(context):
    from home.brand import default_share_image as describe

    return describe(context["request"])


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


@register.simple_tag(takes_context=True)
def header_navigation(context):
    """The menu, with the reader's section marked: rendered once per worker, generation and marked link."""
    request = context["request"]
    links = _links(request, "header_links")
    marks = tuple((link["is_current"], link["exact"]) for link in links)
    return memoized(
        request,
        ("header-navigation", request.get_host(), marks),
        lambda: render_to_string("includes/header_navigation.html", {"links": links}),
    )


@register.inclusion_tag("includes/footer_navigation.html", takes_context=True)
def footer_navigation(context):
    return {"links": _links(context["request"], "footer_links")}


@register.tag
def generation_cache(parser, token):
    """{% generation_cache "story-card" story.pk %}…{% endgeneration_cache %}: the enclosed HTML, rendered
    once per key and content generation (home/fragment_cache.py) and shared by every worker through the cache.
    Only for markup that depends on nothing but published content and the key."""
    return _parse_fragment(parser, token, "endgeneration_cache", GenerationCacheNode)


@register.tag
def generation_memo(parser, token):
    """{% generation_memo "site-footer" %}…{% endgeneration_memo %}: like `generation_cache`, but kept in the
    worker's memory (home/public_memo.py): no round trip to the cache. For the few fragments every page shows
    (the footer, the menu), not for one per page."""
    return _parse_fragment(parser, token, "endgeneration_memo", GenerationMemoNode)


def _parse_fragment(parser, token, end_tag, node_class):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a key: a name and, for a page's part, its pk")
    nodelist = parser.parse((end_tag,))
    parser.delete_first_token()
    return node_class(nodelist, [parser.compile_filter(bit) for bit in bits[1:]])


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
        return mark_safe(self.stored(request, key, lambda: self.nodelist.render(context)))  # our own HTML

    @staticmethod
    def stored(request, key, render):
        return cached_for_generation(key, render, request=request)


class GenerationMemoNode(GenerationCacheNode):
    @staticmethod
    def stored(request, key, render):
        if request is None:  # rendered outside a request (an e-mail): no generation read for it
            return render()
        return memoized(request, ("fragment", key), render)
