"""Closed periods: once a month's statements are issued with close, nothing dated inside it
can be posted; a late correction is dated in the next open period."""

from datetime import date

from sqlite_utils import Database

from pos import clock
from pos.clock import display_date
from pos.errors import PosError, ValidationError


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


def refuse_unfinished(db: Database, start: date, end: date, close: bool, not_over_ok: bool) -> None:
    """A period is closed only once its last day is over, or on that day once no shift of it
    is still open (sales after the close would be refused all day). Statements for a period
    not yet over are issued only when the manager said they know (``not_over_ok``)."""
    today = clock.today()
    period = f"{display_date(start.isoformat())} - {display_date(end.isoformat())}"
    if close and end > today:
        raise ValidationError(
            f"kỳ {period} chưa kết thúc: chỉ khóa sổ được từ ngày {end:%d/%m/%Y}, "
            "khi đã đóng hết ca của ngày đó"
        )
    if close and end == today:
        open_shift = db.execute(
            "SELECT terminal_code FROM shifts WHERE closed_at IS NULL ORDER BY terminal_code"
        ).fetchone()
        if open_shift:
            raise ValidationError(
                f"quầy {open_shift[0]} còn ca đang mở trong ngày cuối kỳ {period}: "
                "hãy đóng ca (Z) trước khi khóa sổ"
            )
    elif end >= today and not not_over_ok:
        raise ValidationError(
            f"kỳ {period} chưa kết thúc: bảng kê lập bây giờ sẽ thiếu các giao dịch còn lại "
            "của kỳ. Chỉ lập khi đã xác nhận là biết kỳ chưa kết thúc."
        )
