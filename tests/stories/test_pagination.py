"""Pages past the middle are read from the far end of the list: the same stories in the same order, without
the database skipping every row before them."""

import datetime

from django.core.paginator import Paginator
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from stories.factories import StoryPageFactory
from stories.models import StoryPage
from stories.pagination import FromEitherEndPaginator


@pytest.fixture
def stories_with_shared_dates(story_index):
    # Several stories a day, so that the order rests on the tie-breaking key too.
    return [
        StoryPageFactory(parent=story_index, date=datetime.date(2024, 1, 1) + datetime.timedelta(days=n // 3))
        for n in range(29)
    ]


@pytest.mark.parametrize(("per_page", "orphans"), [(12, 0), (5, 0), (4, 2), (29, 0), (30, 0), (7, 3)])
def test_every_page_holds_what_a_plain_paginator_gives(stories_with_shared_dates, per_page, orphans):
    ordered = StoryPage.objects.live().newest_first()
    plain = Paginator(ordered, per_page, orphans=orphans)
    either_end = FromEitherEndPaginator(ordered, per_page, orphans=orphans)
    assert either_end.num_pages == plain.num_pages
    for number in plain.page_range:
        assert list(either_end.page(number).object_list) == list(plain.page(number).object_list), number
        assert either_end.page(number).start_index() == plain.page(number).start_index()


def test_the_last_page_skips_no_more_than_half_the_list(stories_with_shared_dates):
    paginator = FromEitherEndPaginator(StoryPage.objects.live().newest_first(), 5)
    with CaptureQueriesContext(connection) as queries:
        rows = list(paginator.page(paginator.num_pages).object_list)
    assert len(rows) == 4
    read = queries.captured_queries[-1]["sql"]
    # Page 6 of 6 counted from the start would skip 25 rows; from the end it skips none.
    assert "OFFSET" not in read.upper() or "OFFSET 0" in read.upper()


def test_story_index_last_page_shows_the_oldest_stories_oldest_last(
    client, story_index, stories_with_shared_dates
):
    html = client.get(f"{story_index.url}?page=3").text
    oldest = sorted(stories_with_shared_dates, key=lambda story: (story.date, story.pk))[:5]
    positions = [html.index(f">{story.title}<") for story in reversed(oldest)]
    assert positions == sorted(positions)
