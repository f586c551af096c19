"""The admin a Russian editor meets has no English: each demo role walks what its menu offers, its dashboard,
the editor of every page type, the listings, a snippet and the media libraries, and no phrase of Wagtail's
English (nor a known mistranslation) is on any of them. Also: the project's catalogue overrides load."""

import re
from pathlib import Path

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext, ngettext

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import get_page_models

import pytest
from wagtailmedia.models import get_media_model

from tests.support.admin_crawl import DEMO_ROLES, demo_user, snippet_listings, urls_in_menu
from tests.support.visible_text import visible_text

pytestmark = pytest.mark.django_db

# Phrases of the issue, and what Wagtail's own Russian got wrong.
LISTED_PHRASES = [
    "Media files",
    "Media file",
    "Maximum filesize",
    "Site name",
    "Root page",
    "Actions (footer)",
    "(home.",
    "clubs.ClubApplication",
    "- Wagtail",
    "Wagtail Editor Guide",
    "Паджинация",
    "регионы\n",
    "совпадений\n",
    "A network error occurred",
    "View latest version",
    "Locked by",
    "Добавить награда",
    "Добавить тема",
]
# Words of Wagtail's English interface, checked as whole words in what is shown or read aloud.
ENGLISH_WORDS = [
    "True",
    "False",
    "None",
    "Help",
    "Edit",
    "Delete",
    "Add",
    "Search",
    "Save",
    "Cancel",
    "Publish",
    "Unpublish",
    "Actions",
    "Page",
    "Pages",
    "Images",
    "Documents",
    "Settings",
    "Reports",
    "Dashboard",
    "Choose",
    "Upload",
    "Title",
    "Status",
    "Live",
    "Draft",
    "Created",
    "Updated",
    "Sort",
    "Filter",
    "More",
    "Previous",
    "Next",
    "Collection",
    "Owner",
    "Select",
    "Preview",
    "History",
    "Copy",
    "Move",
    "Lock",
    "Unlock",
    "Workflow",
    "Comments",
    "Yes",
    "No",
    "Close",
    "Show",
    "Hide",
    "Loading",
    "Error",
    "Warning",
    "Users",
    "Groups",
    "Sites",
    "Redirects",
    "Snippets",
    "Forms",
    "Media",
    "Account",
    "Explorer",
    "Root",
    "Site",
    "Default",
    "Type",
    "Date",
    "User",
    "Action",
    "Submitted",
    "Changes",
    "Troubleshoot",
]
ENGLISH_WORD = re.compile(r"(?<![\w/.-])(" + "|".join(ENGLISH_WORDS) + r")(?![\w/.-])")


def english_on(text: str) -> list[str]:
    found = [phrase for phrase in LISTED_PHRASES if phrase in text + "\n"]
    found += sorted(set(ENGLISH_WORD.findall(text)))
    return found


def addresses_for(client) -> list[str]:
    addresses = ["/admin/", "/admin/pages/", "/admin/account/", "/admin/pages/search/?q=сталевар"]
    addresses += urls_in_menu(client.get("/admin/").content.decode())
    addresses += snippet_listings()
    for model in get_page_models():
        if model.__module__.split(".")[0] != "wagtail" and (page := model.objects.first()):
            addresses.append(f"/admin/pages/{page.pk}/edit/")
            addresses.append(f"/admin/pages/{page.pk}/")
    for model, prefix in ((get_image_model(), "images"), (get_document_model(), "documents")):
        if first := model.objects.first():
            addresses += [f"/admin/{prefix}/", f"/admin/{prefix}/{first.pk}/"]
    if media := get_media_model().objects.first():
        addresses += ["/admin/media/", f"/admin/media/edit/{media.pk}/"]
    from stories.models import Award

    if award := Award.objects.first():
        addresses.append(f"/admin/snippets/stories/award/edit/{award.pk}/")
    return list(dict.fromkeys(addresses))


@pytest.fixture
def with_an_export(client, shared_demo_site):
    client.force_login(demo_user("admin"))
    assert client.get("/admin/club_applications/?export=csv").status_code == 200
    client.logout()


@pytest.mark.parametrize("role", DEMO_ROLES)
def test_no_english_in_the_admin_a_role_walks(client, with_an_export, role):
    client.force_login(demo_user(role))
    english = {}
    opened = 0
    for address in addresses_for(client):
        response = client.get(address, follow=True)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        opened += 1
        found = english_on(visible_text(response.content.decode()))
        if found:
            english[address] = found
    assert opened >= 10
    assert not english, english


def test_the_sites_listing_and_the_explorer_root_are_russian(client, shared_demo_site):
    client.force_login(demo_user("admin"))
    sites = visible_text(client.get("/admin/sites/").content.decode())
    assert "Порт" in sites and "Название сайта" in sites and "Корневая страница" in sites
    root = client.get("/admin/pages/", follow=True).content.decode()
    assert "Все сайты" in visible_text(root)
    assert not english_on(visible_text(root))


def test_titles_end_with_the_sites_name_and_there_is_no_help_menu(client, shared_demo_site):
    client.force_login(demo_user("chief"))
    html = client.get("/admin/").content.decode()
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert " ".join(title.split()) == "Панель управления - Трудовая доблесть России"
    assert '"name": "help"' not in html


def test_the_media_summary_and_counts_take_the_russian_plural(client, shared_demo_site):
    client.force_login(demo_user("chief"))
    for number in range(3):
        get_media_model().objects.create(
            title=f"Запись {number}", file=f"media/zapis-{number}.mp3", type="audio"
        )
    count = get_media_model().objects.count()
    assert count % 10 in (2, 3, 4) and count % 100 not in (
        12,
        13,
        14,
    )  # the form that was wrong: «медиафайла»
    dashboard = visible_text(client.get("/admin/").content.decode())
    from home.admin_plurals import plural_form

    noun = plural_form(count, ("медиафайл", "медиафайла", "медиафайлов"))
    assert f"{count}\n{noun}" in dashboard
    listing = visible_text(client.get("/admin/media/").content.decode())
    assert f"{count} {noun}" in listing


def test_the_export_log_entry_reads_in_russian(with_an_export):
    from home.models import ExportLog

    entry = ExportLog.objects.get()
    assert "clubs." not in str(entry) and "Заявки" in str(entry)
    assert re.search(r"\d+ (строка|строки|строк)$", str(entry))


def test_the_catalogue_overrides_load_and_the_compiled_file_is_current():
    locale = Path(settings.BASE_DIR) / "locale" / "ru" / "LC_MESSAGES"
    po, mo = locale / "django.po", locale / "django.mo"
    assert mo.stat().st_mtime >= po.stat().st_mtime - 1, "recompile django.mo from django.po"
    with translation.override("ru"):
        assert gettext("Pagination") == "Пагинация"
        assert gettext("Locked by") == "Кем заблокирована"
        assert ngettext("There is %(counter)s match", "There are %(counter)s matches", 2) == (
            "Найдено %(counter)s совпадения"
        )
        assert ngettext("There is %(counter)s match", "There are %(counter)s matches", 5) == (
            "Найдено %(counter)s совпадений"
        )
        msgids = re.findall(r'^msgid "(.+)"$', po.read_text(), re.M)
        assert msgids and all(gettext(msgid) != msgid for msgid in msgids if "%(counter)s" not in msgid)
