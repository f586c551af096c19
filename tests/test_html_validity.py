"""Every public page type, rendered from the demo content, is valid HTML by the Nu Html Checker (vnu).

vnu comes from npm (`vnu-jar`, pinned in package.json, installed by `make browser-tools`) and runs on Java
(`default-jre-headless`, installed by the same target when missing). Without them the test is skipped, except
in CI (E2E_REQUIRED), where it must run.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

VNU_JAR = Path(
    os.environ.get("VNU_JAR", Path(__file__).resolve().parents[1] / "node_modules/vnu-jar/build/dist/vnu.jar")
)
JAVA = shutil.which("java")

pytestmark = pytest.mark.django_db


def _require_vnu():
    missing = [what for what, ok in (("java", JAVA), ("vnu-jar", VNU_JAR.exists())) if not ok]
    if missing and os.environ.get("E2E_REQUIRED"):
        pytest.fail(f"The HTML check needs {', '.join(missing)}: run `make browser-tools`")
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed (`make browser-tools` installs them)")


def validate(documents: dict[str, str], tmp_path) -> dict[str, list[str]]:
    """vnu's errors per document name (one JVM for all documents: it takes seconds to start)."""
    files = {}
    for index, (name, html) in enumerate(documents.items()):
        path = tmp_path / f"page-{index}.html"
        path.write_text(html, encoding="utf-8")
        files[path.name] = name
    result = subprocess.run(
        [
            JAVA,
            "-Xss1m",
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--format",
            "json",
            *map(str, tmp_path.glob("*.html")),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    errors = {}
    for message in json.loads(result.stderr or result.stdout)["messages"]:
        url = message.get("url", "")
        name = files.get(url.rsplit("/", 1)[-1], url)
        errors.setdefault(name, []).append(f"line {message.get('lastLine')}: {message['message']}")
    return errors


def public_paths() -> dict[str, str]:
    """One page of every public page type, and the other public views, from the demo content."""
    from wagtail.models import Page

    from clubs.models import ClubIndexPage
    from stories.models import StoryIndexPage, StoryPage

    paths = {}
    for page in Page.objects.live().public().filter(depth__gt=1).specific().order_by("path"):
        paths.setdefault(type(page).__name__, page.url)
    story_with_tag = StoryPage.objects.live().filter(tags__isnull=False).first()
    index = StoryIndexPage.objects.live().first()
    paths["StoryIndexPage by tag"] = index.tag_url(story_with_tag.tags.first().slug)
    paths["StoryIndexPage filtered"] = f"{index.url}?page=2"
    paths["ClubIndexPage filtered"] = f"{ClubIndexPage.objects.live().first().url}?format=online"
    paths["search"] = "/search/?q=%D1%82%D1%80%D1%83%D0%B4"
    paths["search without results"] = "/search/?q=zzzz"
    paths["special version"] = "/special-version/"
    paths["not found"] = "/net-takoy-stranicy/"
    return paths


def test_every_public_page_type_is_valid_html(shared_demo_site, client, tmp_path):
    _require_vnu()
    documents = {}
    for name, path in public_paths().items():
        response = client.get(path)
        assert response.status_code in (200, 404), (name, path, response.status_code)
        documents[f"{name} {path}"] = response.content.decode()
    # Every story, not just the first: a cover narrower than the largest rendition made srcset invalid.
    from stories.models import StoryPage

    for story in StoryPage.objects.live():
        documents[f"StoryPage {story.url}"] = client.get(story.url).content.decode()
    assert validate(documents, tmp_path) == {}


def test_the_checker_does_find_errors(tmp_path):
    """The check above can fail: an empty form action, the first of today's errors, is reported."""
    _require_vnu()
    broken = '<!DOCTYPE html><html lang="ru"><title>x</title><form action=""></form>'
    errors = validate({"broken": broken}, tmp_path)
    assert "broken" in errors and "action" in errors["broken"][0]
