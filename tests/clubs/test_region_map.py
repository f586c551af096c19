"""The tile map of clubs by region: every federal subject once, numbers that agree with the directory."""

import re

import pytest

from home.models import Region
from home.region_map import ABBREVIATIONS, LAYOUT

pytestmark = pytest.mark.django_db


def test_every_region_has_one_square_of_its_own():
    slugs = set(Region.objects.values_list("slug", flat=True))
    assert set(LAYOUT) == slugs
    assert len(set(LAYOUT.values())) == len(LAYOUT)
    assert set(ABBREVIATIONS) == slugs
    assert len(set(ABBREVIATIONS.values())) == len(ABBREVIATIONS)


def map_links(html):
    """(href, accessible name) of the map's tiles that are links."""
    svg = html.split('class="region-map__svg"')[1].split("</svg>")[0]
    return re.findall(r'<a href="([^"]+)" class="region-map__tile[^"]*" aria-label="([^"]+)"', svg)


def test_map_numbers_agree_with_the_directory(shared_demo_site, client):
    from clubs.models import ClubIndexPage

    directory = ClubIndexPage.objects.live().first().url
    html = client.get(directory).text
    links = map_links(html)
    assert links, "the demo has clubs: some regions are links"
    total = 0
    for href, name in links:
        count = int(re.search(r": (\d+) кружк", name).group(1))
        total += count
        page = client.get(href.replace("&amp;", "&")).text
        shown = int(re.search(r"Найдено кружков: <strong>(\d+)</strong>", page).group(1))
        assert shown == count, (name, href)
    assert total == int(re.search(r"Найдено кружков: <strong>(\d+)</strong>", html).group(1))
    # The table beside the map says the same.
    table = html.split('class="region-map__table"')[1].split("</table>")[0]
    rows = re.findall(r'<th scope="row"><a href="([^"]+)">([^<]+)</a></th><td>(\d+)</td>', table)
    assert sorted((href, region, int(count)) for href, region, count in rows) == sorted(
        (href, name.split(": ")[0].rsplit(", ", 1)[0], int(re.search(r": (\d+) ", name).group(1)))
        for href, name in links
    )


def test_regions_without_clubs_are_no_links_and_left_out_of_the_tab_order(shared_demo_site, client):
    from clubs.models import ClubPage

    html = client.get("/").text
    linked = {name.split(": ")[0].rsplit(", ", 1)[0] for _href, name in map_links(html)}
    with_clubs = set(ClubPage.objects.live().public().values_list("region__name", flat=True))
    assert linked == with_clubs
    assert html.count('class="region-map__tile region-map__tile--0" aria-hidden="true"') == 89 - len(
        with_clubs
    )


def test_the_map_is_on_the_home_page_the_directory_and_the_branches_index(shared_demo_site, client):
    from clubs.models import BranchIndexPage, ClubIndexPage

    for path in ("/", ClubIndexPage.objects.live().first().url, BranchIndexPage.objects.live().first().url):
        html = client.get(path).text
        assert html.count('class="region-map__svg"') == 1, path
        assert 'id="region-map-title"' in html
