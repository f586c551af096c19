"""One name, however it is typed, is one person for the duplicate checks (home/applications/names.py)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from home.applications.names import person_name_key

# Ten spellings of one child that used to give five applications.
SPELLINGS_OF_ONE_CHILD = [
    "Иванов Артём",
    "иванов артем",
    "Артём Иванов",  # reversed order
    "Ивaнов Артём",  # Latin «a»
    "Иванов\u200b Артём",  # zero-width space
    "Иванов Арте\u0308м",  # «е» + combining diaeresis
    "  ИВАНОВ   АРТЁМ ",
    "Иванов\u00a0Артём",  # no-break space
    "Ива\u0301нов Артём",  # stress mark
    "Ивано\u00adв Aртём\u200d",  # soft hyphen, Latin capital «A», zero-width joiner
]


@pytest.mark.parametrize("spelling", SPELLINGS_OF_ONE_CHILD)
def test_every_spelling_gives_one_key(spelling):
    assert person_name_key(spelling) == "артем иванов"


def test_short_i_is_another_letter_and_latin_names_stay_latin():
    assert person_name_key("Андреи\u0306 Йошкин") == person_name_key("Андрей Йошкин") == "андрей йошкин"
    assert person_name_key("Андреи Иошкин") != person_name_key("Андрей Йошкин")
    assert person_name_key("Maria Ivanova") == "ivanova maria"


names = st.lists(
    st.text(alphabet="абвгдежзийклмнопрстуфхцчшщъыьэюяё", min_size=2, max_size=12), min_size=1, max_size=4
)
invisible = st.sampled_from(["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"])


@given(words=names, extra=invisible, data=st.data())
def test_case_order_spacing_and_invisible_characters_never_change_the_key(words, extra, data):
    plain = " ".join(words)
    shuffled = data.draw(st.permutations(words))
    disguised = "  ".join(word.upper() + extra for word in shuffled)
    assert person_name_key(disguised) == person_name_key(plain)
