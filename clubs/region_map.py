"""Clubs by region on the tile map (home/region_map.py): the numbers the directory shows for each region."""

from django.db.models import Count

from clubs.models import ClubIndexPage, ClubPage
from home.models import Region
from home.region_map import size, tiles

FORMS = ("кружок", "кружка", "кружков")


def clubs_by_region(request, index=None) -> dict | None:
    """The map's context: a tile per region linking to the directory filtered by it. Two queries, plus the
    directory's address."""
    index = index or ClubIndexPage.objects.live().first()
    if index is None:
        return None
    counts = dict(
        ClubPage.objects.live()
        .public()
        .descendant_of(index)
        .order_by()
        .values_list("region")
        .annotate(count=Count("pk"))
    )
    index_url = index.get_url(request)
    width, height = size()
    region_tiles = tiles(
        Region.objects.order_by("pk"), counts, lambda region: f"{index_url}?region={region.slug}", FORMS
    )
    return {
        "tiles": region_tiles,
        "with_clubs": sorted((tile for tile in region_tiles if tile.count), key=lambda tile: tile.name),
        "width": width,
        "height": height,
        "total": sum(counts.values()),
        "directory_url": index_url,
    }
