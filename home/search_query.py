"""A reader's words turned into a search query that finds every grammatical form of them.

PostgreSQL's Russian stemmer alone does not find «Герой» for «героев» (it cuts them to «гер» and «геро»),
and SQLite does not stem at all. So each word of the query is looked up in the pymorphy3 dictionary and
replaced by "any form of this word": the query matches whichever form the text uses. «ё» and «е» are the same
letter for a reader, so both spellings of every form are included.
"""

import re
from functools import lru_cache

from wagtail.search.query import And, Or, PlainText

import pymorphy3

MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
# A verb has well over a hundred forms (participles included); these bounds keep the query small.
MAX_PARSES = 2
MAX_FORMS_PER_WORD = 48
# Prepositions, conjunctions, particles and interjections carry no meaning for search (and PostgreSQL drops
# them as stop words, which would otherwise leave an empty query).
IGNORED_PARTS_OF_SPEECH = {"PREP", "CONJ", "PRCL", "INTJ"}

WORD = re.compile(r"[\w]+(?:-[\w]+)*", re.UNICODE)


@lru_cache(maxsize=1)
def _analyzer():
    return pymorphy3.MorphAnalyzer(lang="ru")


def normalise(text: str) -> str:
    return text.lower().replace("ё", "е")


@lru_cache(maxsize=4096)
def word_forms(word: str) -> tuple[str, ...]:
    """The word and every form of its likeliest lexemes, spelt as the dictionary does and with «е»."""
    word = word.lower()
    forms = dict.fromkeys([word, normalise(word)])
    if not re.search("[а-яё]", word):
        return tuple(forms)
    for parse in _analyzer().parse(word)[:MAX_PARSES]:
        if parse.tag.POS in IGNORED_PARTS_OF_SPEECH:
            continue
        for form in parse.lexeme:
            if len(forms) >= MAX_FORMS_PER_WORD:
                break
            # SQLite treats «ё» and «е» as different letters: the query carries both spellings.
            forms.setdefault(form.word)
            forms.setdefault(normalise(form.word))
    return tuple(forms)


def is_ignored(word: str) -> bool:
    parses = _analyzer().parse(word.lower())
    return bool(parses) and parses[0].tag.POS in IGNORED_PARTS_OF_SPEECH and parses[0].score >= 0.5


def words_of(text: str) -> list[str]:
    words = WORD.findall(text[:MAX_QUERY_LENGTH])
    meaningful = [word for word in words if not is_ignored(word)]
    return (meaningful or words)[:MAX_WORDS]


def build_query(text: str):
    """The search query for `text`, or None when it has no words. Every word must match, in any form."""
    words = words_of(text)
    if not words:
        return None
    return And([Or([PlainText(form) for form in word_forms(word)]) for word in words])
