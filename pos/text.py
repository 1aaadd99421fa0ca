"""Vietnamese text: NFC on the way in, and a folded form for diacritic-insensitive search."""

import unicodedata


def nfc(text: str | None) -> str:
    """Trimmed, NFC-normalised text ('' for None): the only form stored."""
    if text is None:
        return ""
    return unicodedata.normalize("NFC", str(text)).strip()


def fold(text: str) -> str:
    """Lower-case, no diacritics, đ -> d: 'Đặc sản Trà sâm' -> 'dac san tra sam'.
    đ/Đ are letters of their own (not a d with a mark), so NFD leaves them: fold by hand."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()
