"""Rendition filter specs of the stories templates, so that listings can prefetch exactly what they render.

Each constant mirrors one `{% picture %}` / `{% image %}` call: the order of the operations must stay the
same as in the template (`format-…` first), because a prefetched rendition is found by its exact spec
string. The query-count tests fail when a template and its constant drift apart.
"""

from wagtail.images.models import Filter

from home.models import CustomImage


def expand(*operations):
    return Filter.expand_spec(list(operations))


# templates/stories/includes/story_card.html and includes/page_card.html
CARD = expand("format-{avif,webp,jpeg}", "fill-{400x300,800x600}")
# templates/stories/includes/hero_card.html and the portrait on the hero page
PORTRAIT = expand("format-{avif,webp,jpeg}", "fill-{300x400,600x800}")
# the cover on top of a story
COVER = expand("format-{avif,webp,jpeg}", "fill-{800x450,1200x675,1600x900}")
# OpenGraph / Twitter picture: one JPEG of the size the social networks ask for
SHARE = ["fill-1200x630|format-jpeg"]
# templates/blocks/image_block.html
BODY_IMAGE = expand("format-{avif,webp,jpeg}", "width-{480,800,1200}")
# templates/blocks/gallery_block.html: thumbnails, and the large picture each one links to
GALLERY = [*expand("format-{avif,webp,jpeg}", "fill-{360x270,720x540}"), "width-1600|format-jpeg"]


def images_with_renditions(*specs):
    return CustomImage.objects.prefetch_renditions(*specs)
