"""The receipt print queue. A sale is committed first and its receipt job with it; printing
happens later, elsewhere, and may fail without touching the sale. A job is claimed before it
is sent, so nothing prints twice unless a person asks for a copy."""

from dataclasses import dataclass

from sqlite_utils import Database

from pos.clock import now_iso
from pos.errors import NotFound, ValidationError

UNCERTAIN = "chương trình đã tắt khi đang in: hãy xem máy in rồi in lại nếu cần"


@dataclass(frozen=True)
class PrintJob:
    id: int
    document_number: str
    copy: bool
    open_drawer: bool
    status: str
    attempts: int
    last_error: str
    created_at: str


_SELECT = (
    "SELECT id, document_number, copy, open_drawer, status, attempts, last_error, created_at "
    "FROM print_jobs"
)


def _job(row) -> PrintJob:
    return PrintJob(row[0], row[1], bool(row[2]), bool(row[3]), *row[4:])


def queue_receipt(db: Database, sale_number: str, open_drawer: bool) -> PrintJob:
    """The original receipt of a sale; inside the sale's own transaction."""
    job_id = db.execute(
        "INSERT INTO print_jobs (document_number, copy, open_drawer, status, created_at) "
        "VALUES (?, 0, ?, 'queued', ?)",
        [sale_number, int(open_drawer), now_iso()],
    ).lastrowid
    return get_job(db, job_id)


def queue_copy(db: Database, sale_number: str) -> PrintJob:
    """A reprint a person asked for: marked as a copy on paper, never opens the drawer."""
    with db.atomic():
        if not db.execute("SELECT 1 FROM sales WHERE number = ?", [sale_number]).fetchone():
            raise NotFound(f"không có hóa đơn số {sale_number}")
        job_id = db.execute(
            "INSERT INTO print_jobs (document_number, copy, open_drawer, status, created_at) "
            "VALUES (?, 1, 0, 'queued', ?)",
            [sale_number, now_iso()],
        ).lastrowid
    return get_job(db, job_id)


def get_job(db: Database, job_id: int) -> PrintJob:
    row = db.execute(f"{_SELECT} WHERE id = ?", [job_id]).fetchone()
    if row is None:
        raise NotFound(f"không có lệnh in #{job_id}")
    return _job(row)


def waiting_jobs(db: Database) -> list[PrintJob]:
    """Jobs not printed yet: queued, failed, or left 'printing' by a crash."""
    rows = db.execute(f"{_SELECT} WHERE status != 'printed' ORDER BY id").fetchall()
    return [_job(row) for row in rows]


def recover_after_restart(db: Database) -> int:
    """A job still 'printing' when the app stopped may or may not be on paper: hold it as
    failed for a person to decide, rather than print it again by itself."""
    with db.atomic():
        return db.execute(
            "UPDATE print_jobs SET status = 'failed', last_error = ? WHERE status = 'printing'",
            [UNCERTAIN],
        ).rowcount


def claim(db: Database, job_id: int) -> PrintJob:
    """Mark a queued or failed job as being printed; refuses one already printing or done."""
    with db.atomic():
        cursor = db.execute(
            "UPDATE print_jobs SET status = 'printing', attempts = attempts + 1 "
            "WHERE id = ? AND status IN ('queued', 'failed')",
            [job_id],
        )
        if cursor.rowcount == 0:
            raise ValidationError("lệnh in này đang in hoặc đã in xong")
    return get_job(db, job_id)


def mark_printed(db: Database, job_id: int) -> None:
    with db.atomic():
        db.execute(
            "UPDATE print_jobs SET status = 'printed', printed_at = ?, last_error = '' "
            "WHERE id = ?",
            [now_iso(), job_id],
        )


def mark_failed(db: Database, job_id: int, error: str) -> None:
    with db.atomic():
        db.execute(
            "UPDATE print_jobs SET status = 'failed', last_error = ? WHERE id = ?",
            [error, job_id],
        )


def original_job(db: Database, sale_number: str) -> PrintJob | None:
    row = db.execute(f"{_SELECT} WHERE document_number = ? AND copy = 0", [sale_number]).fetchone()
    return _job(row) if row else None
