"""Reading one field typed by a person or found in a file: text, whole numbers, dates, flags.
Every reader raises ValidationError with a message that names the field."""

import re
from datetime import date, datetime

from pos.errors import ValidationError
from pos.text import nfc


def cell_text(value: object) -> str:
    """A cell as NFC text: None -> '', a spreadsheet's 12.0 -> '12'."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return nfc(str(value))


def shown(value: object, limit: int = 40) -> str:
    """A value quoted in a message, cut short: a pasted page must not become the message."""
    text = cell_text(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# C0 controls and DEL (NUL, line breaks inside a cell...): they break a receipt or label line
# and an XLSX export refuses them, so free text is refused with them at the door.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
MAX_TEXT = 500  # characters: a name or a note, never a pasted page


def optional_text(value: object, field: str) -> str:
    """Free text on one line, '' when empty."""
    text = cell_text(value)
    if _CONTROL.search(text):
        raise ValidationError(f"{field} có ký tự điều khiển (xuống dòng, tab, NUL...): hãy gõ lại")
    if len(text) > MAX_TEXT:
        raise ValidationError(f"{field} dài quá {MAX_TEXT} ký tự")
    return text


def required_text(value: object, field: str) -> str:
    text = optional_text(value, field)
    if not text:
        raise ValidationError(f"thiếu {field}")
    return text


def code_text(value: object, field: str) -> str:
    """An identifier people type and scan: upper case, letters, digits, '-', '_', '.'."""
    text = required_text(value, field).upper()
    if not re.fullmatch(r"[A-Z0-9][A-Z0-9._\-]{0,39}", text):
        raise ValidationError(
            f"{field} '{shown(text)}' chỉ được gồm chữ không dấu, số, '-', '_' (tối đa 40 ký tự)"
        )
    return text


def whole_number(
    value: object, field: str, *, minimum: int | None = None, maximum: int = 999_999_999
) -> int:
    """A count such as a quantity: an integer, '12', or a spreadsheet's 12.0."""
    if isinstance(value, bool):
        raise ValidationError(f"{field} phải là số nguyên")
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    else:
        text = cell_text(value)
        # ASCII digits only: \d also matches other scripts' digits.
        if not re.fullmatch(r"-?[0-9]{1,9}", text):
            raise ValidationError(
                f"{field} phải là số nguyên, không phải '{shown(text) or '(trống)'}'"
            )
        number = int(text)
    if abs(number) > maximum:
        raise ValidationError(f"{field} quá lớn (tối đa {maximum:,})".replace(",", "."))
    if minimum is not None and number < minimum:
        raise ValidationError(f"{field} phải từ {minimum} trở lên, không phải {number}")
    return number


# Dates outside these years are typos ('14/11/0026'), never a production or expiry date.
FIRST_YEAR, LAST_YEAR = 2000, 2099


def optional_date(value: object, field: str) -> date | None:
    """'2026-11-14', '14/11/2026' or '14/11/26' (or a spreadsheet date); '' -> None."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return check_year(value, field)
    text = cell_text(value)
    if not text:
        return None
    short_year = len(text) <= 8 and text.count("/") == 2 and len(text.rsplit("/", 1)[1]) == 2
    for pattern in ("%d/%m/%y",) if short_year else ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return check_year(datetime.strptime(text, pattern).date(), field)
        except ValueError:
            continue
    raise ValidationError(
        f"{field} '{shown(text)}' không phải ngày (dạng 2026-11-14 hoặc 14/11/2026)"
    )


def check_year(day: date, field: str) -> date:
    """``day`` itself (a datetime stays one), or a ValidationError naming ``field``."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValidationError(
            f"{field}: năm {day.year} không hợp lệ (từ {FIRST_YEAR} đến {LAST_YEAR})"
        )
    return day


_YES = {"1", "yes", "y", "true", "có", "co", "x"}
_NO = {"0", "no", "n", "false", "không", "khong", ""}


def flag(value: object, field: str) -> bool:
    text = cell_text(value).casefold()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise ValidationError(f"{field} phải là 1 (có) hoặc 0 (không), không phải '{shown(text)}'")


class FieldProblems(ValidationError):
    """Every problem of a form or row; ``by_field`` lets a screen put each next to its field."""

    def __init__(self, by_field: dict[str, str]):
        super().__init__("; ".join(by_field.values()))
        self.by_field = by_field


class FieldCollector:
    """Runs several field readers and keeps every failure, so a row reports all its problems."""

    def __init__(self) -> None:
        self.by_field: dict[str, str] = {}

    def read(self, reader, *args, key: str | None = None, **kwargs):
        """``key``: the field the problem belongs to (defaults to its order of reading)."""
        try:
            return reader(*args, **kwargs)
        except ValidationError as error:
            self.by_field[key or str(len(self.by_field))] = str(error)
            return None

    def check(self) -> None:
        if self.by_field:
            raise FieldProblems(self.by_field)


def month_of(text: str) -> date:
    """'2026-11' or '11/2026' (or a day in it) as the month's first day."""
    text = cell_text(text)
    if len(text) == 7 and text[4] == "-":
        text = f"{text}-01"
    elif len(text) == 7 and text[2] == "/":
        text = f"01/{text}"
    day = optional_date(text, "tháng")
    if day is None:
        raise ValidationError("cần tháng, ví dụ 2026-11 hoặc 11/2026")
    return day.replace(day=1)
