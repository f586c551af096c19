"""Walking the admin as the demo roles do: what the sidebar menu offers, the listings, the reports and their
exports. Shared by the reports walk (tests/home/test_admin_reports.py) and the Russian-language crawl
(tests/home/test_admin_language.py)."""

import html
import json
import re

from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.snippets.models import get_snippet_models

# The demo accounts of README's table (load_demo_content --accounts).
DEMO_ROLES = ["admin", "chief", "author", "coordinator", "mentors", "regional"]

SIDEBAR_PROPS = re.compile(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', re.S)
EXPORT_LINK = re.compile(r'href="([^"]*[?&](?:amp;)?export=(?:csv|xlsx)[^"]*)"')

# Reports and listings a role may not have in its menu: asked for anyway, the answer must be 200 or a refusal.
KNOWN_LISTINGS = [
    "/admin/",
    "/admin/pages/",
    "/admin/reports/site-history/",
    "/admin/reports/site-history/?export=csv",
    "/admin/reports/site-history/?export=xlsx",
    "/admin/reports/personal-data-access/",
    "/admin/reports/personal-data-access/?export=csv",
    "/admin/reports/locked/",
    "/admin/reports/workflow/",
    "/admin/reports/workflow_tasks/",
    "/admin/reports/aging-pages/",
    "/admin/reports/page-types-usage/",
    "/admin/export_log/",
    "/admin/club_applications/",
    "/admin/mentor_applications/",
    "/admin/users/",
    "/admin/groups/",
    "/admin/sites/",
    "/admin/collections/",
    "/admin/workflows/list/",
    "/admin/workflows/tasks/index/",
    "/admin/redirects/",
    "/admin/snippets/",
    "/admin/images/",
    "/admin/documents/",
    "/admin/media/",
    "/admin/forms/",
    "/admin/account/",
]


def demo_user(role):
    return get_user_model().objects.get(username=role)


def urls_in_menu(page_html: str) -> list[str]:
    """Every address in the admin's sidebar menu (Wagtail draws it from a JSON blob)."""
    match = SIDEBAR_PROPS.search(page_html)
    assert match, "the admin page has no sidebar menu"
    found = []

    def walk(node):
        if isinstance(node, dict):
            url = node.get("url")
            if isinstance(url, str) and url.startswith("/admin/") and "logout" not in url:
                found.append(url)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(match.group(1)))
    return list(dict.fromkeys(found))


def export_links(page_html: str) -> list[str]:
    return [html.unescape(link) for link in EXPORT_LINK.findall(page_html)]


def snippet_listings() -> list[str]:
    return [reverse(model.snippet_viewset.get_url_name("list")) for model in get_snippet_models()]


def admin_addresses(client) -> list[str]:
    """What an administrator reaches from the menu, every snippet listing and the known reports, with the
    export links those pages offer."""
    client.force_login(demo_user("admin"))
    addresses = [*KNOWN_LISTINGS, *urls_in_menu(client.get("/admin/").content.decode()), *snippet_listings()]
    addresses = list(dict.fromkeys(addresses))
    for address in list(addresses):
        response = client.get(address)
        if response.status_code == 200 and not response.get("Content-Disposition"):
            addresses += export_links(response.content.decode())
    client.logout()
    return list(dict.fromkeys(addresses))
