"""Closed periods: once a month's statements are issued with close, nothing dated inside it
can be posted; a late correction is dated in the next open period."""

from datetime import date

from sqlite_utils import Database

from pos.clock import display_date
from pos.errors import PosError


class PeriodClosed(PosError):
    """A document dated inside a closed settlement period."""


def check_open(db: Database, day: date) -> None:
    row = db.execute(
        "SELECT period_start, period_end FROM closed_periods WHERE ? BETWEEN period_start AND "
        "period_end",
        [day.isoformat()],
    ).fetchone()
    if row:
        raise PeriodClosed(
            f"kỳ {display_date(row[0])} - {display_date(row[1])} đã khóa sổ: chứng từ ngày "
            f"{day:%d/%m/%Y} không ghi được, hãy ghi vào kỳ đang mở"
        )
