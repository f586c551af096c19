from django import template

from home.models import NavigationSettings

register = template.Library()


def _links(request, related_name):
    navigation = NavigationSettings.load(request_or_site=request)
    links = getattr(navigation, related_name).select_related("page").all()
    current_path = request.path
    result = []
    for link in links:
        if link.page_id and not link.page.live:
            continue
        href = link.href(request)
        is_current = bool(href) and href != "/" and current_path.startswith(href)
        result.append(
            {"text": link.text, "href": href, "is_current": is_current, "exact": href == current_path}
        )
    return result


@register.inclusion_tag("includes/header_navigation.html", takes_context=True)
def header_navigation(context):
    return {"links": _links(context["request"], "header_links")}


@register.inclusion_tag("includes/footer_navigation.html", takes_context=True)
def footer_navigation(context):
    return {"links": _links(context["request"], "footer_links")}
