"""Rendered fragments and computed values kept in the shared cache under the content generation.

`cached_for_generation` keeps any value that only published content determines (e.g. the counts next to a
listing's filter options) until the next content change.

Rendered StreamField bodies are kept under their content and the content generation.

Rendering a story's body (images in three formats and several sizes, a gallery, rich text with page links)
was a sixth of a story page's CPU time, and it is the same for every reader until something changes. The key
is a digest of the stream's own data, the block class that renders it and the content generation of the
page cache (home/page_cache.py): editing the text gives another digest, and everything the body merely
refers to (an image's alt text or focal point, a linked page's address) starts a new generation when saved,
published or moved. So a cached body is never stale, previews included (their unsaved content has its own
digest), and the page around it is still rendered for each request.

Blocks must not depend on the request (none does: they read only their own values), otherwise they would
have to render outside this cache.
"""

import functools
import hashlib
import json

from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

from home.page_cache import current_generation, request_generation

TIMEOUT = 24 * 3600


def generation_key(key: str, generation: str) -> str:
    return f"generation-value:{generation}:{hashlib.sha256(key.encode()).hexdigest()}"


def cached_for_generation(key: str, build, timeout: int = TIMEOUT, request=None):
    """build(), computed once per key and content generation for all workers. Only for values that depend
    on nothing but published content and the key (not on dates, sessions or applications). With the
    request, the generation is read once per request rather than once per call."""
    generation = request_generation(request) if request is not None else current_generation()
    full_key = generation_key(key, generation)
    value = cache.get(full_key)
    if value is None:
        value = build()
        if value is not None:  # None would read back as a miss: nothing worth keeping (e.g. no such page)
            cache.set(full_key, value, timeout=timeout)
    return value


def when_rendered(build):
    """A context value the template computes on first use, at most once per request (Django templates call
    callables). With the fragments that show it cached, its queries never run."""
    return functools.cache(build)


def card_key(card_name: str, *parts) -> str:
    """The key of `{% generation_cache card_name part… %}`: the tag (home/templatetags/site_tags.py) and
    `cards_by_key` both build it here, so a listing finds what the card's template stored."""
    return ":".join(["fragment", card_name, *map(str, parts)])


class CachedCard:
    """Stands in a listing for an object whose card was found in the cache: the card's template shows
    `cached_card` and reads nothing else, so the object itself is never fetched."""

    def __init__(self, pk, html):
        self.pk = pk
        self.cached_card = mark_safe(html)  # our own template's HTML


def cards_by_key(entries, card_name: str, request, load):
    """A listing's cards, rendered once per generation by `{% generation_cache card_name key parts… %}` and
    read with one cache round trip.

    `entries` are (pk, key parts after the card's name) in the listing's order; `load(pks)` returns the full
    objects, ready for their cards (pictures, tags, heroes), of the pks whose cards must be rendered. A
    listing whose cards are all cached builds no model instance at all."""
    entries = list(entries)
    if getattr(request, "is_preview", False) or not entries:
        found = {}
    else:
        generation = request_generation(request)
        keys = {pk: generation_key(card_key(card_name, *parts), generation) for pk, parts in entries}
        stored = cache.get_many(list(keys.values()))
        found = {pk: stored[key] for pk, key in keys.items() if key in stored}
    missing = [pk for pk, _parts in entries if pk not in found]
    loaded = {obj.pk: obj for obj in load(missing)} if missing else {}
    for obj in loaded.values():
        obj.cached_card = None
    cards = [CachedCard(pk, found[pk]) if pk in found else loaded.get(pk) for pk, _parts in entries]
    return [card for card in cards if card is not None]  # a page unpublished in between is left out


def stream_cache_key(value) -> str:
    block = value.stream_block
    content = json.dumps(list(value.raw_data), cls=DjangoJSONEncoder, sort_keys=True, ensure_ascii=False)
    digest = hashlib.sha256(f"{type(block).__module__}.{type(block).__qualname__}\n{content}".encode())
    return f"stream-html:{current_generation()}:{digest.hexdigest()}"


def cached_stream_html(value, render):
    """The HTML `render()` gives for the stream `value`, rendered once per content and generation."""
    if not value:
        return render()
    key = stream_cache_key(value)
    html = cache.get(key)
    if html is None:
        html = str(render())
        cache.set(key, html, timeout=TIMEOUT)
    return mark_safe(html)  # our own blocks' HTML, escaped when it was rendered
