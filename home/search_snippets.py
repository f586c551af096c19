"""The part of a result's summary that shows why it was found, with the matched words marked."""

import re

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from home.search_query import normalise

SNIPPET_WORDS = 40
WORDS_BEFORE_MATCH = 8
TOKEN = re.compile(r"([^\W_]+(?:-[^\W_]+)*)")


def is_match(word: str, forms, prefixes) -> bool:
    word = normalise(word)
    return word in forms or word.startswith(prefixes)


def snippet(text: str, forms, prefixes) -> str:
    """`text` (plain) cut to SNIPPET_WORDS words around its first matched word; matched words in <mark>.
    Everything else is escaped: the text is editors' content, the marks are the only markup."""
    parts = TOKEN.split(text or "")
    # parts alternate: separator, word, separator, word, …, separator
    word_positions = list(range(1, len(parts), 2))
    if not word_positions:
        return ""
    first = next((i for i, pos in enumerate(word_positions) if is_match(parts[pos], forms, prefixes)), 0)
    start = max(0, first - WORDS_BEFORE_MATCH)
    end = min(len(word_positions), start + SNIPPET_WORDS)
    html = ["…" if start else ""]
    for index in range(start, end):
        position = word_positions[index]
        word = parts[position]
        html.append(format_html("<mark>{}</mark>", word) if is_match(word, forms, prefixes) else escape(word))
        if index < end - 1:
            html.append(escape(parts[position + 1]))
    if end < len(word_positions):
        html.append("…")
    else:
        html.append(escape(parts[-1]))
    return mark_safe("".join(html))
