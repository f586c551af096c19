import datetime
import xml.etree.ElementTree as ET

import pytest

from stories.factories import StoryPageFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def stories(story_index):
    dates = [datetime.date(2024, 3, 1), datetime.date(2025, 1, 15), datetime.date(2023, 7, 9)]
    made = [
        StoryPageFactory(parent=story_index, title=f"История от {date:%d.%m.%Y}", date=date, tag_names=tags)
        for date, tags in zip(
            dates, [["наставничество"], ["память"], ["наставничество", "память"]], strict=True
        )
    ]
    made[1].unpublish()  # drafts never reach a feed
    return made


def test_rss_feed_is_valid_xml_with_newest_first(client, story_index, stories):
    response = client.get("/istorii/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title") == "Истории — Трудовая доблесть России"
    assert channel.findtext("language") == "ru"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["История от 01.03.2024", "История от 09.07.2023"]
    first = items[0]
    assert first.findtext("link") == f"http://localhost/istorii/{stories[0].slug}/"
    assert first.findtext("description") == stories[0].lead
    assert "01 Mar 2024" in first.findtext("pubDate")
    assert [category.text for category in first.findall("category")] == ["наставничество"]


def test_atom_feed_is_valid_xml_with_newest_first(client, story_index, stories):
    response = client.get("/istorii/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [
        "История от 01.03.2024",
        "История от 09.07.2023",
    ]
    assert entries[0].find(f"{ATOM}link").get("href").endswith(f"/{stories[0].slug}/")


def test_feed_per_tag(client, story_index, stories):
    response = client.get("/istorii/tema/pamyat/rss/")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title").endswith(": память")
    assert channel.findtext("link") == "http://localhost/istorii/tema/pamyat/"
    assert [item.findtext("title") for item in channel.findall("item")] == ["История от 09.07.2023"]
    atom = ET.fromstring(client.get("/istorii/tema/nastavnichestvo/atom/").content)
    assert len(atom.findall(f"{ATOM}entry")) == 2


def test_feed_of_unknown_tag_is_404(client, story_index, stories):
    assert client.get("/istorii/tema/net-takoy/rss/").status_code == 404


def test_feed_holds_at_most_twenty_newest(client, story_index):
    for day in range(25):
        StoryPageFactory(parent=story_index, title=f"День {day + 1}", date=datetime.date(2024, 1, day + 1))
    items = ET.fromstring(client.get("/istorii/rss/").content).find("channel").findall("item")
    assert len(items) == 20
    assert items[0].findtext("title") == "День 25"


def test_pages_announce_their_feeds(client, story_index, stories):
    html = client.get("/istorii/").text
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Истории (RSS)" href="/istorii/rss/">' in html
    )
    html = client.get("/istorii/tema/pamyat/").text
    assert 'type="application/rss+xml" title="память (RSS)" href="/istorii/tema/pamyat/rss/"' in html
    assert 'type="application/atom+xml" title="память (Atom)" href="/istorii/tema/pamyat/atom/"' in html
