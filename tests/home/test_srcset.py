import re

from django.template import Context, Template

import pytest

from home.factories import CustomImageFactory

pytestmark = pytest.mark.django_db


def render(image, spec):
    template = Template("{% load wagtailimages_tags %}{% picture image " + spec + ' sizes="100vw" %}')
    return template.render(Context({"image": image}))


def srcset_widths(html):
    return [re.findall(r" (\d+)w", srcset) for srcset in re.findall(r'srcset="([^"]*)"', html)]


def test_renditions_of_one_width_are_listed_once_when_the_original_is_small():
    small = CustomImageFactory(file__width=640, file__height=480)
    html = render(small, "format-{webp,jpeg} fill-{400x300,800x600,1200x900}")
    for widths in srcset_widths(html):
        assert widths == ["400", "640"]


def test_a_single_width_left_keeps_its_descriptor_for_sizes():
    tiny = CustomImageFactory(file__width=300, file__height=225)
    html = render(tiny, "format-{webp,jpeg} fill-{400x300,800x600}")
    assert srcset_widths(html) == [["300"], ["300"]]


def test_large_originals_keep_every_width():
    large = CustomImageFactory(file__width=1600, file__height=1200)
    html = render(large, "format-{webp,jpeg} fill-{400x300,800x600,1200x900}")
    assert srcset_widths(html) == [["400", "800", "1200"], ["400", "800", "1200"]]
