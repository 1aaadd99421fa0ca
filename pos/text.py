"""Vietnamese text: NFC on the way in, and a folded form for diacritic-insensitive search."""

import unicodedata


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
    """The search form: 'Đặc sản Trà sâm' -> 'dac san tra sam'."""
    return strip_marks(text).casefold()
