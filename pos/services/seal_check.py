"""``check``'s comparison of every sealed row with the journal (pos/storage/seals.py): a row
edited, added or removed outside the program is named by its document or its table and key.
The journal's seals are gathered into temporary tables (on disk, as SQLite keeps them) and
compared over ordered cursors, so memory does not grow with the years of history."""

import json
import re
from collections.abc import Iterator

from sqlite_utils import Database

from pos.journal import UnreadableEntry, entry_of
from pos.storage.seals import (
    DOCUMENT_PARTS,
    DOCUMENT_TABLES,
    ROWS,
    Shape,
    document_seals,
    seal_of,
    shapes,
)

_SEAL = re.compile(r'"seal":"([0-9a-f]+)"')
_EDITED = "đã bị sửa ngoài chương trình (khác với lúc ghi sổ)"


# Entries whose document is one row of a table sealed row by row: the entry seals that row.
ENTRY_ROWS = {
    "audit": "audit_log",
    "payout": "payouts",
    "agreed_adjustment": "agreed_adjustments",
    "settlement": "settlements",
    "z_report": "shift_reports",
}


def seal_problems(db: Database, after_seq: int = 0) -> Iterator[tuple[str, str]]:
    """(document or table and key, what is wrong) for each row that matches no seal, and each
    entry that does not name the row it sealed. With ``after_seq`` (the incremental check),
    only the documents and rows sealed by the entries after it."""
    try:
        yield from _gather(db, after_seq)
        for document_type in DOCUMENT_PARTS:
            yield from _document_problems(db, document_type, bool(after_seq))
        for table, shape in shapes(db).items():
            if table not in DOCUMENT_TABLES:
                yield from _row_problems(db, table, shape, bool(after_seq))
    finally:  # also when the gathering itself failed half-way
        db.execute("DROP TABLE IF EXISTS temp.check_document_seals")
        db.execute("DROP TABLE IF EXISTS temp.check_row_seals")


def _gather(db: Database, after_seq: int) -> Iterator[tuple[str, str]]:
    """The newest seal of every document and row, from the journal in order."""
    db.execute(
        "CREATE TEMP TABLE check_document_seals (kind TEXT, id INTEGER, number TEXT, seal TEXT, "
        "PRIMARY KEY (kind, id)) WITHOUT ROWID"
    )
    db.execute(
        "CREATE TEMP TABLE check_row_seals (tbl TEXT, key TEXT, number TEXT, seal TEXT, "
        "PRIMARY KEY (tbl, key)) WITHOUT ROWID"
    )
    documents, rows = [], []
    for seq, kind, document_id, number, stored in db.execute(
        "SELECT seq, document_type, document_id, document_number, payload FROM journal "
        "WHERE seq > ? ORDER BY seq",
        [after_seq],
    ):
        try:
            text = entry_of(stored)
        except UnreadableEntry:
            continue  # the chain check names it
        payload = {}
        if kind in DOCUMENT_PARTS:
            found = _SEAL.search(text)
            documents.append((kind, document_id, number, found.group(1) if found else None))
        elif kind not in ENTRY_ROWS and kind != ROWS:
            yield number or f"sổ nhật ký mục {seq}", f"loại mục lạ trong sổ nhật ký: {kind}"
        if '"sealed":{' in text or '"seals":{' in text:
            payload = json.loads(text)
            for table, sealed in payload.get("sealed", {}).items():
                rows += [(table, key, number, seal) for key, seal in sealed]
            for sealed_kind, sealed in payload.get("seals", {}).items():
                documents += [(sealed_kind, key, "", seal) for key, seal in sealed]
        if not _names_its_row(kind, document_id, payload):
            yield number or f"sổ nhật ký mục {seq}", "mục sổ nhật ký trỏ sai chứng từ"
        if len(documents) + len(rows) > 10_000:
            _keep(db, documents, rows)
            documents, rows = [], []
    _keep(db, documents, rows)


def _names_its_row(kind: str, document_id: int, payload: dict) -> bool:
    if kind == ROWS:
        return document_id == 0
    if kind in ENTRY_ROWS and "sealed" in payload:  # entries from before seals name no row
        keys = {key for key, _ in payload["sealed"].get(ENTRY_ROWS[kind], [])}
        return f"[{document_id}]" in keys
    return True


def _keep(db: Database, documents: list, rows: list) -> None:
    # The newest seal wins, but a document's own number stays with it. Only temporary tables
    # are written (a read-only connection can), committed so that no transaction stays open.
    was_in_transaction = db.conn.in_transaction
    db.conn.executemany(
        "INSERT INTO check_document_seals VALUES (?, ?, ?, ?) ON CONFLICT (kind, id) DO UPDATE "
        "SET seal = coalesce(excluded.seal, seal), number = coalesce(nullif(number, ''), "
        "excluded.number)",
        documents,
    )
    db.conn.executemany("INSERT OR REPLACE INTO check_row_seals VALUES (?, ?, ?, ?)", rows)
    if not was_in_transaction and db.conn.in_transaction:
        db.conn.commit()


def _document_problems(db: Database, kind: str, recent: bool) -> Iterator[tuple[str, str]]:
    ids = None
    if recent:  # the documents the recent entries sealed, and any other between them
        ids = db.execute(
            "SELECT min(id), max(id) FROM check_document_seals WHERE kind = ?", [kind]
        ).fetchone()
        if ids[0] is None:
            return
    entries = db.execute(
        "SELECT id, number, seal FROM check_document_seals WHERE kind = ? ORDER BY id", [kind]
    )
    actual = document_seals(db, kind, ids)
    entry, found = next(entries, None), next(actual, None)
    while entry is not None or found is not None:
        if found is None or (entry is not None and entry[0] < found[0]):
            if entry[2] is not None:
                yield entry[1], "chứng từ đã bị xóa khỏi sổ sách"
            entry = next(entries, None)
        elif entry is None or found[0] < entry[0]:
            yield f"{DOCUMENT_PARTS[kind][0].table} #{found[0]}", "không có trong sổ nhật ký"
            found = next(actual, None)
        else:
            if entry[2] is not None and entry[2] != found[1]:
                yield entry[1], f"các dòng của chứng từ {_EDITED}"
            entry, found = next(entries, None), next(actual, None)


def _row_problems(
    db: Database, table: str, shape: Shape, recent: bool
) -> Iterator[tuple[str, str]]:
    join = "JOIN" if recent else "LEFT JOIN"  # recent: only the rows its entries sealed
    for key, sealed_key, number, seal, *row in db.execute(
        f"SELECT t.k, s.key, s.number, s.seal, {shape.select()} FROM "
        f"(SELECT {shape.key_sql('t')} AS k, {shape.select()} FROM {table} t) t "
        f"{join} check_row_seals s ON s.tbl = ? AND s.key = t.k",
        [table],
    ):
        where = f"bảng {table}, dòng {key}"
        if sealed_key is None or seal is None:
            yield number or table, f"{where}: được thêm ngoài chương trình"
        elif seal != seal_of([(table, shape.image(row))]):
            yield number or table, f"{where}: {_EDITED}"
    for key, number in db.execute(
        f"SELECT key, number FROM check_row_seals WHERE tbl = ? AND seal IS NOT NULL "
        f"AND key NOT IN (SELECT {shape.key_sql(table)} FROM {table})",
        [table],
    ):
        yield number or table, f"bảng {table}, dòng {key}: đã bị xóa ngoài chương trình"
