"""Vietnamese text: NFC on the way in, and a folded form for diacritic-insensitive search."""

import unicodedata
from functools import lru_cache


def nfc(text: str | None) -> str:
    """Trimmed, NFC-normalised text ('' for None): the only form stored."""
    if text is None:
        return ""
    return unicodedata.normalize("NFC", str(text)).strip()


def strip_marks(text: str) -> str:
    """No diacritics, đ -> d, case kept: 'Đặc sản' -> 'Dac san'.
    đ/Đ are letters of their own (not a d with a mark), so NFD leaves them: replace by hand."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """The search form: 'Đặc sản Trà sâm' -> 'dac san tra sam'. Word by word (the same
    result: no mark joins across a space), remembering words: a catalog repeats its words,
    and reindexing twenty thousand products spent most of its time here."""
    if text.isascii():  # codes and SKUs: no marks to take off
        return text.casefold()
    return " ".join(map(_folded_word, text.split(" ")))


@lru_cache(maxsize=65_536)
def _folded_word(word: str) -> str:
    return strip_marks(word).casefold()
