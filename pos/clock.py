"""Business dates and timestamps as the ISO text stored in the database."""

from datetime import date, datetime


def today() -> date:
    return date.today()


def now_iso() -> str:
    return datetime.now().isoformat(timespec="seconds")
