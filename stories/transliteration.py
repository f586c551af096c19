"""Russian to Latin letters for addresses: /istorii/tema/nastavnichestvo/ reads better than %D0%BD%D0%B0…"""

from django.utils.text import slugify

LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip


def latin_slug(text: str, max_length: int = 100) -> str:
    latin = "".join(LETTERS.get(char, char) for char in text.lower())
    return slugify(latin)[:max_length].strip("-")
