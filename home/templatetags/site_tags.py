from django import template

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
