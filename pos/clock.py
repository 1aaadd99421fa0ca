"""Business dates and timestamps as the ISO text stored in the database."""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime

from pos.errors import ValidationError


def now() -> datetime:
    """The one place the app reads the clock (tests set it by replacing this function)."""
    return datetime.now()


@contextmanager
def stopped_at(when: datetime) -> Iterator[None]:
    """The clock held at ``when``: the demo's and the benchmark's past days, posted through
    the services as they would have been on that day."""
    global now
    real_now = now

    def now() -> datetime:
        return when

    try:
        yield
    finally:
        now = real_now


def today() -> date:
    return now().date()


def now_iso() -> str:
    return now().isoformat(timespec="seconds")


def iso_date(day: date | None) -> str | None:
    """A date as stored: '2026-11-24'; no date stays None."""
    return day.isoformat() if day else None


def display_date(iso: str | None) -> str:
    """'2026-11-24' -> '24/11/2026', as Vietnamese documents write dates; None -> ''."""
    return date.fromisoformat(iso).strftime("%d/%m/%Y") if iso else ""


def display_time(iso: str, seconds: bool = False) -> str:
    """'2026-11-24T09:05:30' -> '24/11/2026 09:05' (or with ':30'): one way on every screen
    and paper, not ISO on some."""
    return datetime.fromisoformat(iso).strftime(
        "%d/%m/%Y %H:%M:%S" if seconds else "%d/%m/%Y %H:%M"
    )


_TYPED_DAY = re.compile(r"(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4}|\d{2})|(\d{2})(\d{2})(\d{4})")


def parse_day(text: str) -> date:
    """A day as people type it: '31/12/2026', '31-12-2026', '31.12.2026', '31122026',
    '1/2/26' (20xx). An impossible day (30/02) is refused in words, never moved."""
    found = _TYPED_DAY.fullmatch(text.strip())
    if not found:
        raise ValidationError(f"'{text.strip()}' không phải ngày: gõ dạng 31/12/2026 hoặc 31122026")
    day, month, year = (
        int(part) for part in (found.groups()[:3] if found[1] else found.groups()[3:])
    )
    if year < 100:
        year += 2000
    try:
        return date(year, month, day)
    except ValueError:
        raise ValidationError(f"không có ngày {day:02d}/{month:02d}/{year} trong lịch") from None
