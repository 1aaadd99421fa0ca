"""Business dates and timestamps as the ISO text stored in the database."""

from datetime import date, datetime


def now() -> datetime:
    """The one place the app reads the clock (tests set it by replacing this function)."""
    return datetime.now()


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
