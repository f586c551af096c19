"""The region chooser searches and counts in correct Russian; listings count with the right plural form."""

from django.contrib.auth import get_user_model

import pytest

from home.admin_plurals import count_label
from home.models import Region

pytestmark = pytest.mark.django_db

CHOOSER = "/admin/snippets/choose/home/region/"


@pytest.fixture
def editor_client(client):
    client.force_login(get_user_model().objects.create_superuser("glavred", "g@example.org", "x"))
    return client


def test_the_region_chooser_has_a_search_box_and_says_how_many_regions(editor_client):
    html = editor_client.get(CHOOSER).json()["html"]
    assert 'name="q"' in html
    assert f"{Region.objects.count()} регионов" in html
    assert "регионы</div>" not in html.replace(" ", "").replace("\n", "")


@pytest.mark.parametrize(
    "typed, expected",
    [("москов", ["Московская область"]), ("МОСКВА", ["Москва"]), ("  свердл ", ["Свердловская область"])],
)
def test_the_region_chooser_finds_regions_by_part_of_their_name(editor_client, typed, expected):
    response = editor_client.get(CHOOSER + "results/", {"q": typed})
    html = response.content.decode()
    found = [region.name for region in Region.objects.all() if f">\n            {region.name}\n" in html]
    assert found == expected
    assert "1 совпадение" in html


def test_a_search_that_matches_nothing_says_so(editor_client):
    html = editor_client.get(CHOOSER + "results/", {"q": "Атлантида"}).content.decode()
    assert "Атлантида" in html and "Московская" not in html


@pytest.mark.parametrize(
    "count, label",
    [
        (1, "1 регион"),
        (3, "3 региона"),
        (11, "11 регионов"),
        (21, "21 регион"),
        (89, "89 регионов"),
        (112, "112 регионов"),
    ],
)
def test_counts_take_the_russian_plural_form(count, label):
    assert count_label(count, Region) == label


def test_a_model_without_listed_forms_is_counted_without_a_wrong_ending():
    from home.models import NavigationSettings

    assert count_label(5, NavigationSettings).endswith(": 5")
