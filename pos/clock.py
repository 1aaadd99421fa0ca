"""Business dates and timestamps as the ISO text stored in the database."""

from datetime import date, datetime


def today() -> date:
    return date.today()


def now_iso() -> str:
    return datetime.now().isoformat(timespec="seconds")


def display_date(iso: str | None) -> str:
    """'2026-11-24' -> '24/11/2026', as Vietnamese documents write dates; None -> ''."""
    return date.fromisoformat(iso).strftime("%d/%m/%Y") if iso else ""
