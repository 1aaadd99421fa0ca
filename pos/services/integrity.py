"""Is the database whole and are the books untouched? A quick check for every start, and a
full check (`ocop-pos check`): SQLite's integrity and foreign keys, the protective triggers,
the journal's hash chain, every posted document against its journal entry, and the stock
ledger against the documents that moved stock. Read-only."""

import json
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlite_utils import Database

from pos import clock
from pos.errors import ValidationError
from pos.journal import GENESIS_HASH, Anchor, UnreadableEntry, entry_of, lines_of
from pos.services.einvoice_check import einvoice_problems
from pos.services.seal_check import seal_problems
from pos.storage.ledger import first_journal_break, hash_hex
from pos.storage.ordered import grouped, merged
from pos.storage.quick_check import quick_check
from pos.storage.schema import MOVEMENT_SERIES, migrations


@dataclass(frozen=True)
class Problem:
    check: str  # which check found it
    document: str  # the document's number, or '' when it is about the file or the schema
    message: str

    def __str__(self) -> str:
        where = f"{self.document}: " if self.document else ""
        return f"[{self.check}] {where}{self.message}"


def check_file(path: str | Path, full: bool = True, anchors: tuple = ()) -> list[Problem]:
    """A database file checked on a read-only connection: everything (``ocop-pos check``,
    before a restore), or (``full=False``, a fresh backup) the file's soundness and the
    journal chain, which is what copying can break; the full check reads every document,
    minutes on years of sales."""
    damaged = quick_check(path)
    if damaged:
        return [Problem("sqlite", "", damaged)]
    conn = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True)
    try:
        db = Database(conn)
        if not migrations.applied(db):
            return [Problem("file", "", f"{Path(path).name} {NOT_OURS}")]
        altered = _migration_problems(db)
        if altered:
            return altered
        if full and migrations.pending(db):
            return _migrated_copy_checked(conn, anchors)
        if full:
            return full_check(db, anchors)
        broken = first_journal_break(db)
        return [Problem("journal", broken.document_number, broken.reason)] if broken else []
    finally:
        conn.close()


NOT_OURS = "không phải cơ sở dữ liệu OCOP POS (file trống hoặc của chương trình khác)"


def _migration_problems(db: Database) -> list[Problem]:
    """The migrations that ran must be the program's, in its order: a row removed or renamed
    would have check (and the next start) run a migration again over what it made."""
    ran = [
        f"{migration_set}:{name}"
        for migration_set, name in db.execute(
            "SELECT migration_set, name FROM _sqlite_migrations ORDER BY rowid"
        )
    ]
    known = [f"{migrations.name}:{m.name}" for m in migrations.pending(Database(memory=True))]
    if ran == known[: len(ran)]:
        return []
    return [Problem("schema", "_sqlite_migrations", "danh sách các lần nâng cấp đã bị sửa")]


def _migrated_copy_checked(conn: sqlite3.Connection, anchors: tuple) -> list[Problem]:
    """A file from an older version is checked as it will be used: migrated, on a copy
    (the file itself is never written)."""
    from pos.errors import DatabaseError
    from pos.storage.database import open_database

    with tempfile.TemporaryDirectory() as folder:
        copy_path = Path(folder) / "migrated.sqlite3"
        copy = sqlite3.connect(copy_path)
        try:
            conn.backup(copy)
        finally:
            copy.close()
        try:
            db = open_database(copy_path)
        except DatabaseError as error:
            return [Problem("file", "", f"không nâng cấp được lên phiên bản này: {error}")]
        try:
            return full_check(db, anchors)
        finally:
            db.close()


def full_check(db: Database, anchors: tuple[Anchor, ...] = ()) -> list[Problem]:
    """Everything wrong with the database, each broken document named by its number;
    ``anchors`` are journal heads typed from paper, checked with those the app kept."""
    problems = _sqlite_problems(db)
    if problems:
        return problems  # a damaged file: the rest would read garbage
    problems += _schema_problems(db, expected_schema(db))
    problems += _sequence_problems(db)
    problems += _chain_problems(db, CheckMark(0, bytes.fromhex(GENESIS_HASH), None))
    problems += _anchor_problems(db, anchors)
    problems += _document_problems(db)
    problems += [Problem("seals", where, message) for where, message in seal_problems(db)]
    problems += [Problem("einvoice", where, message) for where, message in einvoice_problems(db)]
    problems += _stock_problems(db)
    problems += _balance_problems(db)
    return problems


@dataclass(frozen=True)
class CheckMark:
    """How far the journal was found sound: its entry (seq) and that entry's hash, and the
    day of the ledger's last movement then."""

    seq: int
    hash: bytes
    moved_on: str | None


def recent_check(db: Database) -> tuple[list[Problem], CheckMark]:
    """What was posted since the journal was last found sound (check_marks): the marked
    entry still has its hash, the chain from it, the documents and rows the later entries
    sealed, the kept balances of the lots moved since; seconds at most, whatever the years
    before. Returns the problems and the head it started from: mark_checked(db, head) when
    there were none (what is posted while it runs is left for the next one)."""
    head = _head(db)
    row = db.execute("SELECT seq, hash, moved_on FROM check_marks WHERE id = 1").fetchone()
    mark = CheckMark(*row) if row else CheckMark(0, bytes.fromhex(GENESIS_HASH), None)
    if mark.seq:
        found = db.execute("SELECT hash FROM journal WHERE seq = ?", [mark.seq]).fetchone()
        if found is None or hash_hex(found[0]) != mark.hash.hex():
            where = f"sổ nhật ký mục {mark.seq}"
            return [Problem("journal", where, "bị sửa hoặc xóa sau lần kiểm tra trước")], head
    problems = _chain_problems(db, mark)
    problems += [Problem("seals", w, m) for w, m in seal_problems(db, mark.seq)]
    problems += _balance_problems(db, _moved_since(db, mark))
    return problems, head


def _moved_since(db: Database, mark: CheckMark) -> str:
    """The first day a movement posted after the mark can be dated: its own day, or earlier
    for a goods receipt or adjustment dated back, but never inside a closed period."""
    closed = db.execute("SELECT max(period_end) FROM closed_periods").fetchone()[0]
    open_from = (date.fromisoformat(closed) + timedelta(days=1)).isoformat() if closed else ""
    return min(mark.moved_on or "", open_from)


def recent_check_of_file(path: str | Path) -> tuple[list[Problem], CheckMark]:
    """recent_check on a read-only connection of its own (the app runs it off the GUI
    thread after the quick check at start, while the till sells), inside one read
    transaction: every query sees the file as it was at one moment, so a sale posted
    meanwhile is neither half seen nor taken for an edit."""
    conn = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True, isolation_level=None)
    try:
        db = Database(conn)
        conn.execute("BEGIN")
        if not migrations.applied(db) or migrations.pending(db):
            raise ValidationError(f"{Path(path).name}: {NOT_CURRENT}")
        return recent_check(db)
    finally:
        conn.close()


NOT_CURRENT = (
    "file chưa được mở bằng phiên bản này (hoặc không phải của OCOP POS): "
    "hãy chạy kiểm tra toàn bộ (ocop-pos check)"
)


def mark_checked(db: Database, head: CheckMark) -> None:
    """The journal found sound up to ``head`` (recent_check's, or a full check's): the next
    recent check starts there."""
    with db.atomic():
        db.execute(
            "INSERT INTO check_marks (id, seq, hash, moved_on, checked_at) "
            "VALUES (1, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, "
            "hash = excluded.hash, moved_on = excluded.moved_on, "
            "checked_at = excluded.checked_at",
            [head.seq, head.hash, head.moved_on, clock.now().isoformat(timespec="seconds")],
        )


def _head(db: Database) -> CheckMark:
    row = db.execute("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1").fetchone()
    moved_on = db.execute("SELECT max(moved_on) FROM stock_movements").fetchone()[0]
    if row is None:
        return CheckMark(0, bytes.fromhex(GENESIS_HASH), moved_on)
    return CheckMark(row[0], bytes.fromhex(hash_hex(row[1])), moved_on)


def _chain_problems(db: Database, mark: CheckMark) -> list[Problem]:
    broken = first_journal_break(db, (mark.seq, mark.hash.hex()))
    if broken is None:
        return []
    where = broken.document_number or f"sổ nhật ký mục {broken.seq}"
    return [Problem("journal", where, f"sổ nhật ký bị sửa: {broken.reason}")]


def expected_schema(db: Database) -> dict[tuple[str, str], str]:
    """The schema ``db`` should have: that of a new database given the migrations ``db`` has
    had (a backup checked before it is migrated has not had the newest)."""
    fresh = Database(memory=True, strict=True)
    missing = [migration.name for migration in migrations.pending(db)]
    migrations.apply(fresh, stop_before=missing or None)
    return schema_of(fresh)


def schema_of(db: Database) -> dict[tuple[str, str], str]:
    """Every table, index, trigger and view as (type, name) -> its SQL, spaces folded."""
    rows = db.execute(
        "SELECT type, name, coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return {(kind, name): " ".join(sql.split()) for kind, name, sql in rows}


def _sqlite_problems(db: Database) -> list[Problem]:
    problems = [
        Problem("sqlite", "", row[0])
        for row in db.execute("PRAGMA integrity_check(20)")
        if row[0] != "ok"
    ]
    for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check").fetchall()[:20]:
        problems.append(
            Problem("sqlite", table, f"bảng {table} dòng {rowid} trỏ tới {parent} không tồn tại")
        )
    return problems


_KIND = {"table": "bảng", "index": "chỉ mục", "trigger": "trigger bảo vệ", "view": "view"}


def _schema_problems(db: Database, expected: dict[tuple[str, str], str]) -> list[Problem]:
    """Anything missing, altered or added: an extra trigger can rewrite what is posted (the
    VietQR account after each sale) as surely as a dropped one lets rows be edited."""
    present = schema_of(db)
    problems = []
    for kind, name in sorted(expected.keys() | present.keys()):
        what = f"{_KIND.get(kind, kind)} {name}"
        if (kind, name) not in present:
            problems.append(
                Problem("schema" if kind != "trigger" else "triggers", "", f"thiếu {what}")
            )
        elif (kind, name) not in expected:
            problems.append(Problem("schema", "", f"có thêm {what} không do chương trình tạo"))
        elif present[(kind, name)] != expected[(kind, name)]:
            check = "schema" if kind != "trigger" else "triggers"
            problems.append(Problem(check, "", f"{what} đã bị sửa"))
    return problems


# Tables whose rows carry a gapless number "<series>-<digits>" (ledger.next_document_number).
NUMBERED_TABLES = (
    "sales",
    "refunds",
    "goods_receipts",
    "producer_returns",
    "stock_adjustments",
    "shift_reports",
    "settlements",
    "stock_counts",
)


_SERIES_OF = """
SELECT substr(head, 1, length(head) - 1), count(*), max(n) FROM (
  SELECT rtrim(number, '0123456789') AS head,
         CAST(substr(number, length(rtrim(number, '0123456789')) + 1) AS INTEGER) AS n
  FROM {table} WHERE number IS NOT NULL
) GROUP BY head
"""


def _sequence_problems(db: Database) -> list[Problem]:
    """Each series' counter equals its highest number and no number is missing below it
    (a deleted document leaves a hole, or a counter ahead of the documents). Sums in SQL:
    years of sales are not held in memory."""
    used = {
        series: (table, count, highest)
        for table in NUMBERED_TABLES
        for series, count, highest in db.execute(_SERIES_OF.format(table=table))
    }
    counters = dict(db.execute("SELECT series, last_number FROM document_sequences"))
    problems = []
    for series, (table, count, highest) in sorted(used.items()):
        counter = counters.get(series, 0)
        if counter != highest:
            problems.append(
                Problem(
                    "numbers",
                    f"{series}-{highest:06d}",
                    f"bộ đếm dãy {series} là {counter}, số lớn nhất là {highest}",
                )
            )
        if count != highest:
            first = _first_gap(db, table, series)
            problems.append(
                Problem(
                    "numbers", f"{series}-{first:06d}", f"dãy {series} thiếu {highest - count} số"
                )
            )
    moved = db.execute("SELECT coalesce(max(id), 0) FROM stock_movements").fetchone()[0]
    if counters.get(MOVEMENT_SERIES, 0) != moved:
        problems.append(
            Problem(
                "numbers",
                MOVEMENT_SERIES,
                f"bộ đếm sổ kho là {counters.get(MOVEMENT_SERIES, 0)}, dòng lớn nhất là {moved}",
            )
        )
    for series, counter in sorted(counters.items()):
        if series not in used and counter and _is_document_series(series):
            problems.append(
                Problem(
                    "numbers", "", f"bộ đếm dãy {series} là {counter} mà không còn chứng từ nào"
                )
            )
    return problems


def _first_gap(db: Database, table: str, series: str) -> int:
    expected = 1
    for (number,) in db.execute(
        f"SELECT number FROM {table} WHERE rtrim(number, '0123456789') = ? ORDER BY number",
        [f"{series}-"],
    ):
        if int(number.rpartition("-")[2]) != expected:
            break
        expected += 1
    return expected


def _is_document_series(series: str) -> bool:
    """Counters that number documents, not ledger ids or in-store barcodes."""
    from pos.services.catalog import INSTORE_SERIES

    return series not in (INSTORE_SERIES, MOVEMENT_SERIES)


def _anchor_problems(db: Database, typed: tuple[Anchor, ...]) -> list[Problem]:
    """The journal still holds each printed head at its position. Entries are numbered
    1, 2, 3...: a removed one leaves a hole, and an entry at or below a head that was
    rewritten (with every later hash recomputed) no longer has the printed hash."""
    count, highest = db.execute("SELECT count(*), coalesce(max(seq), 0) FROM journal").fetchone()
    problems = []
    if count != highest:
        problems.append(Problem("anchors", "", f"sổ nhật ký thiếu {highest - count} mục"))
    kept = [
        (Anchor(entries, prefix), printed_on)
        for entries, prefix, printed_on in db.execute(
            "SELECT entries, hash_prefix, printed_on FROM anchors ORDER BY id"
        )
    ]
    for anchor, printed_on in [*kept, *((a, "") for a in typed)]:
        where = f"mốc {anchor} in trên {printed_on}" if printed_on else f"mốc {anchor}"
        row = db.execute("SELECT hash FROM journal WHERE seq = ?", [anchor.count]).fetchone()
        if anchor.count and row is None:
            problems.append(
                Problem("anchors", printed_on, f"{where}: sổ nhật ký chỉ còn {count} mục")
            )
        elif anchor.count and not hash_hex(row[0]).startswith(anchor.hash_prefix):
            problems.append(
                Problem("anchors", printed_on, f"{where}: mục {anchor.count} đã bị viết lại")
            )
    return problems


# ---- posted documents against their journal entries ----

# How each kind of document is read back in the shape its journal entry recorded: all of a
# kind at once (a query per document would take minutes on a few years of sales).
_LINES = {  # the document's id first, in posting order
    "sale": "SELECT sale_id, sku, qty, unit_price_vnd, net_vnd, vat_bp, commission_bp "
    "FROM sale_lines ORDER BY sale_id, line_no",
    "refund": "SELECT rl.refund_id, sl.line_no, sl.sku, rl.qty, rl.net_vnd FROM refund_lines rl "
    "JOIN sale_lines sl ON sl.id = rl.sale_line_id ORDER BY rl.refund_id, rl.id",
    "goods_receipt": "SELECT g.goods_receipt_id, p.sku, l.lot_code, g.qty "
    "FROM goods_receipt_lines g JOIN products p ON p.id = g.product_id "
    "JOIN lots l ON l.id = g.lot_id ORDER BY g.goods_receipt_id, g.id",
    "producer_return": "SELECT r.producer_return_id, l.lot_code, r.qty "
    "FROM producer_return_lines r JOIN lots l ON l.id = r.lot_id "
    "ORDER BY r.producer_return_id, r.id",
    "stock_adjustment": "SELECT a.stock_adjustment_id, l.lot_code, a.qty_delta "
    "FROM stock_adjustment_lines a JOIN lots l ON l.id = a.lot_id "
    "ORDER BY a.stock_adjustment_id, a.id",
}
_PAYMENTS = "SELECT sale_id, method, amount_vnd, reference FROM payments ORDER BY sale_id, id"
_JOURNAL_LINE_FIELDS = {
    "sale": ("sku", "qty", "price", "net", "vat_bp", "commission_bp"),
    "refund": ("line", "sku", "qty", "net"),
    "goods_receipt": ("sku", "lot", "qty"),
    "producer_return": ("lot", "qty"),
    "stock_adjustment": ("lot", "qty"),
}
_TABLES = {
    "sale": "sales",
    "refund": "refunds",
    "goods_receipt": "goods_receipts",
    "producer_return": "producer_returns",
    "stock_adjustment": "stock_adjustments",
}


def _document_problems(db: Database) -> list[Problem]:
    """Each kind of document, its headers, lines, payments and journal entries walked side by
    side in id order (years of sales are never held in memory)."""
    problems = []
    for doc_type, table in _TABLES.items():
        total = "total_vnd" if doc_type in ("sale", "refund") else "NULL"
        streams = [
            grouped(db.execute(f"SELECT id, number, {total} FROM {table} ORDER BY id")),
            grouped(db.execute(_LINES[doc_type])),
            grouped(
                db.execute(
                    "SELECT document_id, document_number, payload FROM journal "
                    "WHERE document_type = ? ORDER BY document_id, seq",
                    [doc_type],
                )
            ),
        ]
        if doc_type == "sale":
            streams.append(grouped(db.execute(_PAYMENTS)))
        for _, (headers, lines, entries, *paid) in merged(*streams):
            if not entries:
                problems += [
                    Problem("documents", number, "chứng từ không có trong sổ nhật ký")
                    for number, _ in headers
                ]
            for number, payload in entries:
                found = _entry_problem(doc_type, number, headers, lines, payload, paid)
                if found:
                    problems.append(Problem("documents", number, found))
    return problems


def _entry_problem(
    doc_type: str, number: str, headers: list, lines: list, payload, paid: list
) -> str:
    try:
        recorded = json.loads(entry_of(payload))
    except UnreadableEntry as error:
        return str(error)
    found = _compare(doc_type, number, headers[0] if headers else None, lines, recorded)
    if not found and paid and [list(p) for p in paid[0]] != recorded.get("payments"):
        found = "thanh toán khác sổ nhật ký"
    return found


def _compare(
    doc_type: str, number: str, header: tuple | None, current: list[tuple], payload: dict
) -> str:
    if header is None:
        return "chứng từ đã bị xóa khỏi sổ sách"
    if header[0] != number:
        return f"số chứng từ bị đổi thành {header[0]}"
    if header[1] is not None and header[1] != payload.get("total"):
        return f"tổng tiền {header[1]:,} khác sổ nhật ký ({payload.get('total'):,})"
    fields = _JOURNAL_LINE_FIELDS[doc_type]
    recorded = [tuple(line.get(f) for f in fields) for line in lines_of(doc_type, payload)]
    if len(current) != len(recorded):
        return f"có {len(current)} dòng, sổ nhật ký ghi {len(recorded)} dòng"
    for line_no, (now, then) in enumerate(zip(current, recorded, strict=True), start=1):
        if now != then:
            return f"dòng {line_no} khác sổ nhật ký: {now} thay vì {then}"
    return ""


# ---- the stock ledger against the documents that moved stock ----

# Per (document type, document, lot, kind): the units the documents say moved.
_EXPECTED_MOVEMENTS = """
SELECT 'goods_receipt', g.goods_receipt_id, g.lot_id, 'intake', g.product_id, r.received_on,
       sum(g.qty)
  FROM goods_receipt_lines g JOIN goods_receipts r ON r.id = g.goods_receipt_id
 GROUP BY 1, 2, 3, 4, 5, 6
UNION ALL
SELECT 'sale', sl.sale_id, sll.lot_id, 'sale', sl.product_id, s.business_date, -sum(sll.qty)
  FROM sale_line_lots sll JOIN sale_lines sl ON sl.id = sll.sale_line_id
  JOIN sales s ON s.id = sl.sale_id GROUP BY 1, 2, 3, 4, 5, 6
UNION ALL
SELECT 'refund', rl.refund_id, rll.lot_id, 'refund', sl.product_id, substr(r.refunded_at, 1, 10),
       sum(rll.qty)
  FROM refund_line_lots rll JOIN refund_lines rl ON rl.id = rll.refund_line_id
  JOIN sale_lines sl ON sl.id = rl.sale_line_id JOIN refunds r ON r.id = rl.refund_id
 GROUP BY 1, 2, 3, 4, 5, 6
UNION ALL
SELECT 'refund', rl.refund_id, rll.lot_id, 'write_off', sl.product_id,
       substr(r.refunded_at, 1, 10), -sum(rll.qty)
  FROM refund_line_lots rll JOIN refund_lines rl ON rl.id = rll.refund_line_id
  JOIN sale_lines sl ON sl.id = rl.sale_line_id JOIN refunds r ON r.id = rl.refund_id
 WHERE rl.disposition = 'write_off' GROUP BY 1, 2, 3, 4, 5, 6
UNION ALL
SELECT 'producer_return', l.producer_return_id, l.lot_id, 'producer_return', l.product_id,
       r.returned_on, -sum(l.qty)
  FROM producer_return_lines l JOIN producer_returns r ON r.id = l.producer_return_id
 GROUP BY 1, 2, 3, 4, 5, 6
UNION ALL
SELECT 'stock_adjustment', a.id, l.lot_id, a.kind, l.product_id, a.adjusted_on, sum(l.qty_delta)
  FROM stock_adjustment_lines l JOIN stock_adjustments a ON a.id = l.stock_adjustment_id
 GROUP BY 1, 2, 3, 4, 5, 6
"""


def _stock_problems(db: Database) -> list[Problem]:
    """The ledger against the documents, compared in SQL (on disk, not in memory): each
    (document, lot, kind, product, day) whose units differ, either way."""
    keys = "document_type, document_id, lot_id, kind, product_id, moved_on"
    rows = db.execute(
        f"""
        WITH expected ({keys}, qty) AS ({_EXPECTED_MOVEMENTS}),
             actual AS (SELECT {keys}, sum(qty) AS qty FROM stock_movements
                         GROUP BY 1, 2, 3, 4, 5, 6)
        SELECT e.*, a.qty FROM expected e LEFT JOIN actual a USING ({keys})
         WHERE a.qty IS NOT e.qty
        UNION ALL
        SELECT a.{keys.replace(", ", ", a.")}, 0, a.qty FROM actual a
          LEFT JOIN expected e USING ({keys}) WHERE e.qty IS NULL AND a.qty != 0
        ORDER BY 1, 2, 3, 4
        """
    ).fetchall()
    problems = []
    for doc_type, doc_id, lot_id, kind, _, day, expected, actual in rows:
        if (expected or 0) == (actual or 0):
            continue
        row = None
        if doc_type in _TABLES:
            row = db.execute(
                f"SELECT number FROM {_TABLES[doc_type]} WHERE id = ?", [doc_id]
            ).fetchone()
        number = row[0] if row else f"{doc_type} #{doc_id}"
        lot = db.execute("SELECT lot_code FROM lots WHERE id = ?", [lot_id]).fetchone()
        problems.append(
            Problem(
                "stock",
                number,
                f"lô {lot[0] if lot else lot_id} ({kind}, {day}): "
                f"sổ kho ghi {actual or 0}, chứng từ ghi {expected or 0}",
            )
        )
    return problems


def _balance_problems(db: Database, moved_since: str | None = None) -> list[Problem]:
    """Each kept lot balance against its lot's sum over the ledger, both read in (product,
    lot) order side by side: a balance edited, added or removed is named by its lot. With
    ``moved_since`` (a day), only the lots that moved on or after it."""
    lots, params = "", []
    if moved_since is not None:  # each such lot's rows by the key, not a pass over all
        lots = (
            "JOIN (SELECT DISTINCT product_id, lot_id FROM stock_movements WHERE moved_on >= ?)"
            " t USING (product_id, lot_id)"
        )
        params = [moved_since]
    kept = db.execute(
        f"SELECT product_id, lot_id, on_hand FROM lot_balances {lots} ORDER BY product_id, lot_id",
        params,
    )
    summed = db.execute(
        f"SELECT product_id, lot_id, sum(qty) FROM stock_movements {lots} "
        "GROUP BY product_id, lot_id HAVING sum(qty) != 0 ORDER BY product_id, lot_id",
        params,
    )
    problems = []
    for (_, lot_id), (kept_rows, summed_rows) in merged(_by_lot(kept), _by_lot(summed)):
        on_hand = kept_rows[0][0] if kept_rows else 0
        expected = summed_rows[0][0] if summed_rows else 0
        if on_hand != expected:
            lot = db.execute("SELECT lot_code FROM lots WHERE id = ?", [lot_id]).fetchone()
            problems.append(
                Problem(
                    "stock",
                    f"lô {lot[0] if lot else lot_id}",
                    f"tồn kho ghi sẵn {on_hand}, sổ kho cộng lại {expected}",
                )
            )
    return problems


def _by_lot(rows):
    return (((product_id, lot_id), [(qty,)]) for product_id, lot_id, qty in rows)
