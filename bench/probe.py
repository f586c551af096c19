"""Runs inside Django with the benchmark database: finds the pages to load, counts their SQL queries,
times the admin's application inbox, and writes the ceiling page. Prints one JSON document.

    DJANGO_SETTINGS_MODULE=bench.settings python -m bench.probe OUTPUT_DIR
"""

import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.middleware.csrf import _get_new_csrf_string, _mask_cipher_secret  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from clubs.models import ClubApplication, ClubIndexPage, ClubPage  # noqa: E402
from home.applications.spam import sign_started_at  # noqa: E402
from home.page_cache import new_generation  # noqa: E402
from mentors.models import MentorCallPage  # noqa: E402
from stories.models import HeroIndexPage, HeroPage, StoryIndexPage, StoryPage  # noqa: E402


def last_page_number(client, path):
    html = client.get(path).content.decode()
    numbers = [int(n) for n in re.findall(r"[?&]page=(\d+)", html)]
    return max(numbers, default=1)


def targets(client):
    stories = StoryPage.objects.live()
    story_index = StoryIndexPage.objects.live().first().url
    region, kind = Counter(stories.values_list("region__slug", "kind")).most_common(1)[0][0]
    story = stories.order_by("-first_published_at").first()
    hero = HeroPage.objects.live().order_by("path").first()
    clubs = ClubPage.objects.live()
    club_index = ClubIndexPage.objects.live().first().url
    club_region, direction = Counter(clubs.values_list("region__slug", "direction")).most_common(1)[0][0]
    club = clubs.order_by("path").first()
    return {
        "home": "/",
        "story index, page 1": story_index,
        "story index, last page": f"{story_index}?page={last_page_number(client, story_index)}",
        "story index, 2 filters": f"{story_index}?region={region}&kind={kind}",
        "story page": story.url,
        "hero page": hero.url,
        "hero index": HeroIndexPage.objects.live().first().url,
        "club directory, 3 filters": f"{club_index}?region={club_region}&direction={direction}&age=12",
        "club page": club.url,
        "call page": MentorCallPage.objects.live().open().order_by("path").first().url,
        "search": "/search/?q=%D0%B3%D0%B5%D1%80%D0%BE%D0%B9",  # «герой»
        "feed": f"{story_index}rss/",
    }, club


def application_post(club):
    """A form body and cookies for wrk: a valid application whose child's name wrk varies per request."""
    secret = _get_new_csrf_string()
    fields = {
        "csrfmiddlewaretoken": _mask_cipher_secret(secret),
        "child_name": "Бенчмарков Иван",
        "birth_date": f"{time.localtime().tm_year - 15}-03-01",
        "email": "bench@example.org",
        "phone": "+7 900 000-00-00",
        "guardian_name": "Бенчмаркова Анна",
        "guardian_email": "parent@example.org",
        "guardian_phone": "+7 900 000-00-01",
        "consent": "on",
        "guardian_consent": "on",
        "website": "",
        "form_started": sign_started_at(time.time() - 120),
    }
    return {"path": club.url, "fields": fields, "cookie": f"csrftoken={secret}"}


def query_counts(client, paths):
    """Queries of each page right after a content change (every cache keyed by the content generation is
    cold, as after an editor publishes) and on the next request (the steady state the harness measures)."""
    counts = {}
    for name, path in paths.items():
        new_generation()
        with CaptureQueriesContext(connection) as after_change:
            status = client.get(path).status_code
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        counts[name] = {"queries": len(queries), "after_change": len(after_change), "status": status}
    return counts


def post_query_count(post):
    client = Client(enforce_csrf_checks=False)
    data = dict(post["fields"], child_name="Пробный Пётр")
    with transaction.atomic():
        with CaptureQueriesContext(connection) as queries:
            status = client.post(post["path"], data).status_code
        transaction.set_rollback(True)
    return {"queries": len(queries), "status": status}


def admin_inbox_timings():
    user = get_user_model().objects.filter(
        is_superuser=True
    ).first() or get_user_model().objects.create_superuser(
        "bench-admin", "bench@example.org", "bench-password-long"
    )
    client = Client()
    client.force_login(user)
    index = reverse("club_applications:index")
    club = ClubApplication.objects.values_list("club_id", flat=True).first()
    urls = {
        "inbox": index,
        "inbox, status filter": f"{index}?status=new",
        "inbox, club and status": f"{index}?club={club}&status=new",
        "inbox, search": f"{index}?q=2026-000",
    }
    timings = {}
    for name, url in urls.items():
        client.get(url)  # warm
        samples = []
        for _ in range(5):
            started = time.perf_counter()
            status = client.get(url).status_code
            samples.append((time.perf_counter() - started) * 1000)
        timings[name] = {"median_ms": round(sorted(samples)[2], 1), "status": status}
    return timings


def main(output_dir: Path):
    client = Client()
    paths, club = targets(client)
    ceiling_file = output_dir / "ceiling.html"
    ceiling_file.write_bytes(client.get(paths["story page"]).content)
    result = {
        "paths": paths,
        "post": application_post(club),
        "queries": query_counts(client, paths),
        "post_queries": post_query_count(application_post(club)),
        "admin": admin_inbox_timings(),
        "sizes": {
            "stories": StoryPage.objects.live().count(),
            "heroes": HeroPage.objects.live().count(),
            "clubs": ClubPage.objects.live().count(),
            "applications": ClubApplication.objects.count(),
        },
        "ceiling_file": str(ceiling_file),
    }
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
