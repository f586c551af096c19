"""One width, one entry: Wagtail's srcset lists a rendition per requested size even when two come out alike.

Wagtail never upscales, so `fill-{400x300,800x600}` on a 640-pixel original gives two 640-pixel renditions,
and `srcset="a.jpg 640w, b.jpg 640w"` is invalid HTML (the Nu Html Checker reports it; browsers pick either).
Keeping the first rendition of each width fixes every `{% picture %}` and `{% srcset_image %}` at once. Width
descriptors stay even when one rendition is left: the tag still carries `sizes`, which requires them.
"""

from wagtail.images.models import ResponsiveImage


def _width_srcset(cls, renditions_list):
    if len(renditions_list) == 1:  # one size asked for: a plain address, as Wagtail writes it
        return renditions_list[0].url
    unique = {}
    for rendition in renditions_list:
        unique.setdefault(rendition.width, rendition)
    return ", ".join(f"{rendition.url} {width}w" for width, rendition in unique.items())


def install() -> None:
    ResponsiveImage.get_width_srcset = classmethod(_width_srcset)
