from django import template

from home.models import NavigationSettings

register = template.Library()


@register.simple_tag(takes_context=True)
def default_share_image(context):
    from home.brand import default_share_image as describe

    return describe(context["request"])


def _links(request, related_name):
    navigation = NavigationSettings.load(request_or_site=request)
    links = getattr(navigation, related_name).select_related("page").all()
    current_path = request.path
    shown = []
    for link in links:
        if link.page_id and not link.page.live:
            continue
        href = link.href(request)
        shown.append(
            {
                "text": link.text,
                "href": href,
                "is_current": bool(href) and href != "/" and current_path.startswith(href),
                "exact": href == current_path,
            }
        )
    return shown


@register.inclusion_tag("includes/header_navigation.html", takes_context=True)
def header_navigation(context):
    """The menu, with the reader's section marked."""
    return {"links": _links(context["request"], "header_links")}


@register.inclusion_tag("includes/footer_navigation.html", takes_context=True)
def footer_navigation(context):
    return {"links": _links(context["request"], "footer_links")}
