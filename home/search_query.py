"""A reader's words turned into one search query, the same for site search and the club directory.

Each word of the query matches when the text has:

- any grammatical form of it: the word is looked up in the pymorphy3 dictionary and replaced by "any form of
  its likeliest lexemes" (PostgreSQL's Russian stemmer alone does not relate «героев» to «Герой», and SQLite
  does not stem at all);
- a word of the same family: words sharing the stem of its dictionary form, when that stem has at least
  FAMILY_STEM_MIN letters (the dictionary form without its final vowel, «й» or «ь»). «шахтёр» finds
  «шахтёрский», «робот» finds «Робототехника», «краевед» finds «краеведческий»; «шахта» (stem «шахт») is too
  short to tell a family from a coincidence, so it is not widened. The database matches the stem as a prefix
  of the indexed words, so only words present in the index are ever found;
- the word it derives from, when its dictionary form ends in a derivational suffix (DERIVATIONAL_SUFFIXES)
  and what is left, with a noun's ending, is a noun the dictionary knows: «шахтёр» → «шахта»,
  «шахтёрский» → «шахтёр», «школьник» → «школа». pymorphy3 knows lexemes but not derivation, so this is a
  heuristic, limited to suffixes that make agents and adjectives;
- for the last word typed, any word it begins (a reader who stops at «Екатеринбур» means Екатеринбург).

«ё» and «е» are the same letter for a reader: every form is asked for in both spellings. Words come from a
letters-and-digits pattern, so quotes, brackets, `*`, `-`, NUL bytes and FTS5 operators never reach the
database as syntax.
"""

import re
from functools import lru_cache

from wagtail.search.query import And, Or, PlainText

import pymorphy3

from home.search_backend import Prefix

MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
# A verb has well over a hundred forms (participles included); these bounds keep the query small.
MAX_PARSES = 2
MAX_FORMS_PER_WORD = 48
FAMILY_STEM_MIN = 5
LAST_WORD_PREFIX_MIN = 3
# Prepositions, conjunctions, particles and interjections carry no meaning for search (and PostgreSQL drops
# them as stop words, which would otherwise leave an empty query).
IGNORED_PARTS_OF_SPEECH = {"PREP", "CONJ", "PRCL", "INTJ"}
ENDINGS_OUTSIDE_STEM = "аеёиоуыэюяйь"
DERIVATIONAL_SUFFIXES = ("ёр", "ер", "ник", "ница", "щик", "чик", "ист", "ец", "ич", "ский", "ской", "ческий")
NOUN_ENDINGS = ("а", "о", "я", "ь", "")
ROOT_WORD_MIN = 4

# Letters and digits only (\w without the underscore), words joined by hyphens kept whole.
WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*", re.UNICODE)


@lru_cache(maxsize=1)
def _analyzer():
    return pymorphy3.MorphAnalyzer(lang="ru")


def _parse(word: str):
    """pymorphy3's parses of `word`; none for a character it cannot name (it looks up Unicode names, and
    some scripts' letters, e.g. Tangut, have none)."""
    try:
        return _analyzer().parse(word)
    except (KeyError, ValueError):
        return []


def normalise(text: str) -> str:
    return text.lower().replace("ё", "е")


def _is_russian(word: str) -> bool:
    return bool(re.search("[а-яё]", word))


def _parses(word: str):
    return [parse for parse in _parse(word)[:MAX_PARSES] if parse.tag.POS not in IGNORED_PARTS_OF_SPEECH]


@lru_cache(maxsize=4096)
def word_forms(word: str) -> tuple[str, ...]:
    """The word and every form of its likeliest lexemes, spelt as the dictionary does and with «е»."""
    word = word.lower()
    forms = dict.fromkeys([word, normalise(word)])
    if not _is_russian(word):
        return tuple(forms)
    for parse in _parses(word):
        try:
            lexeme = parse.lexeme
        except (KeyError, ValueError):  # as in _parse: a character pymorphy3 cannot name
            continue
        for form in lexeme:
            if len(forms) >= MAX_FORMS_PER_WORD:
                break
            # SQLite treats «ё» and «е» as different letters: the query carries both spellings.
            forms.setdefault(form.word)
            forms.setdefault(normalise(form.word))
    return tuple(forms)


@lru_cache(maxsize=4096)
def family_stems(word: str) -> tuple[str, ...]:
    """Stems (both spellings) whose every continuation is a word of the same family as `word`."""
    word = word.lower()
    if not _is_russian(word) or "-" in word:
        return ()
    stems = {}
    for parse in _parses(word):
        stem = parse.normal_form.rstrip(ENDINGS_OUTSIDE_STEM)
        if len(stem) >= FAMILY_STEM_MIN:
            stems.setdefault(stem)
            stems.setdefault(normalise(stem))
    return tuple(stems)


def _is_noun_in_dictionary(word: str) -> bool:
    return any(
        parse.normal_form == word and parse.tag.POS == "NOUN" and parse.is_known for parse in _parse(word)
    )


@lru_cache(maxsize=4096)
def root_word(word: str) -> str | None:
    """The noun `word` derives from («шахтёр» → «шахта»), or None."""
    word = word.lower()
    if not _is_russian(word) or "-" in word:
        return None
    for parse in _parses(word):
        normal = parse.normal_form
        for suffix in DERIVATIONAL_SUFFIXES:
            if not normal.endswith(suffix) or len(normal) - len(suffix) < 3:
                continue
            base = normal[: -len(suffix)].rstrip("ь")
            for ending in NOUN_ENDINGS:
                candidate = base + ending
                if (
                    candidate != normal
                    and len(candidate) >= ROOT_WORD_MIN
                    and _is_noun_in_dictionary(candidate)
                ):
                    return candidate
    return None


def is_ignored(word: str) -> bool:
    parses = _parse(word.lower())
    return bool(parses) and parses[0].tag.POS in IGNORED_PARTS_OF_SPEECH and parses[0].score >= 0.5


def words_of(text: str) -> list[str]:
    words = WORD.findall(text[:MAX_QUERY_LENGTH])
    meaningful = [word for word in words if not is_ignored(word)]
    return (meaningful or words)[:MAX_WORDS]


def word_query(word: str, *, is_last: bool):
    """What one word of the query matches: its forms, its family, and (typed last) what it begins."""
    # One PlainText of the forms joined by OR, not one node per form: the backends rank each node with its own
    # ts_rank/BM25 expression, and Django took longer to build fifty of them than the database to run them.
    # The root word's forms are a node of their own, so that a page using them ranks above one that only
    # shares a prefix (the backends average the ranks of an OR's nodes).
    alternatives = [PlainText(" ".join(word_forms(word)), operator="or")]
    if root := root_word(word):
        alternatives.append(PlainText(" ".join(word_forms(root)), operator="or"))
    prefixes = dict.fromkeys(family_stems(word))
    if is_last and len(word) >= LAST_WORD_PREFIX_MIN and "-" not in word:
        prefixes.setdefault(word.lower())
        prefixes.setdefault(normalise(word))
    alternatives += [Prefix(prefix) for prefix in prefixes]
    return Or(alternatives)


def build_query(text: str):
    """The search query for `text`, or None when it has no words. Every word must match, in any form."""
    words = words_of(text)
    if not words:
        return None
    return And([word_query(word, is_last=position == len(words) - 1) for position, word in enumerate(words)])


def highlight_terms(text: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """What a matched word of a text looks like (normalised): one of these forms, or one of these prefixes."""
    forms, prefixes = set(), set()
    words = words_of(text)
    for position, word in enumerate(words):
        forms.update(normalise(form) for form in word_forms(word))
        if root := root_word(word):
            forms.update(normalise(form) for form in word_forms(root))
        prefixes.update(normalise(stem) for stem in family_stems(word))
        if position == len(words) - 1 and len(word) >= LAST_WORD_PREFIX_MIN:
            prefixes.add(normalise(word))
    return frozenset(forms), tuple(prefixes)


def title_markers(text: str) -> list[str]:
    """For each word, the part every one of its forms shares (normalised): a title containing all of them
    names what was asked for. Used to put such titles first."""
    markers = []
    for word in words_of(text):
        forms = [normalise(form) for form in word_forms(word)]
        shared = forms[0]
        for form in forms[1:]:
            while not form.startswith(shared):
                shared = shared[:-1]
        markers.append(shared if len(shared) >= LAST_WORD_PREFIX_MIN else normalise(word))
    return markers
