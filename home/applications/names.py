"""A person's name as the duplicate checks compare it: one key for every way of typing the same name.

«Иванов Артём», «артем  иванов», «Ивaнов Артём» with a Latin «a», a name with a zero-width space, a stress
mark or «е» with a combining diaeresis all give one key, so the same child (or mentor) cannot apply twice by
typing the name differently. «й» stays «й» (it is another letter, not «и» with an accent); «ё» becomes «е»,
as Russian spelling allows both.
"""

import re
import unicodedata

BREVE = "\u0306"  # и + breve = й
DIAERESIS = "\u0308"

# Latin letters that look like Cyrillic ones. They are replaced only in words that are mostly Cyrillic, so a
# name written in Latin letters stays itself.
LATIN_LOOKALIKES = str.maketrans(
    "AaBCcEeHKkMOoPpTXxYy",
    "АаВСсЕеНКкМОоРрТХхУу",
)
# Keys are stored in 200-character columns; NFKC may lengthen a 200-character name.
KEY_LENGTH = 200
HYPHENS = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2212]")


def _is_cyrillic(char: str) -> bool:
    return "CYRILLIC" in unicodedata.name(char, "")


def _is_latin(char: str) -> bool:
    return "LATIN" in unicodedata.name(char, "")


def _without_marks(text: str) -> str:
    """Drops combining marks (stress, diaeresis…) but keeps the breve that makes «й»."""
    kept = []
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char):
            if char == BREVE and kept and kept[-1] in "иИ":
                kept.append(char)
            continue
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def _cyrillic_lookalikes(word: str) -> str:
    cyrillic = sum(_is_cyrillic(char) for char in word)
    latin = sum(_is_latin(char) for char in word)
    return word.translate(LATIN_LOOKALIKES) if cyrillic > latin else word


def person_name_key(name: str) -> str:
    text = unicodedata.normalize("NFKC", name)
    # Zero-width spaces and joiners, soft hyphens, direction marks: invisible, so never part of a name.
    text = "".join(char for char in text if unicodedata.category(char) != "Cf")
    text = HYPHENS.sub("-", _without_marks(text))
    words = [_cyrillic_lookalikes(word) for word in text.split()]
    words = [word.casefold().replace("ё", "е") for word in words]
    return " ".join(sorted(words))[:KEY_LENGTH]
