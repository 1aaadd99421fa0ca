"""Writing posted documents: gapless numbers, stock movements and journal entries.
Each helper runs inside the caller's transaction."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sqlite_utils import Database

from pos.clock import now_iso
from pos.journal import (
    ANCHOR_DIGITS,
    GENESIS_HASH,
    Anchor,
    JournalBreak,
    UnreadableEntry,
    chain_hash,
    entry_of,
    entry_text,
    stored_entry,
)
from pos.storage.schema import MOVEMENT_SERIES
from pos.storage.seals import (
    DOCUMENT_PARTS,
    ROWS,
    document_seals,
    has_pending,
    take_pending,
)


def insert_row(db: Database, table: str, values: dict) -> int:
    """One plain INSERT, returning the new rowid. sqlite-utils' Table.insert looks the
    table's schema up on every call, a third of a sale's posting time."""
    columns = ", ".join(values)
    marks = ", ".join("?" * len(values))
    cursor = db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(values.values()))
    return cursor.lastrowid


def reserve_in_sequence(db: Database, series: str, count: int) -> int:
    """The first of ``count`` consecutive numbers of a series (1, 2, 3, ...); gapless because
    it rolls back with the caller's transaction."""
    row = db.execute(
        "INSERT INTO document_sequences (series, last_number) VALUES (?, ?) "
        "ON CONFLICT (series) DO UPDATE SET last_number = last_number + excluded.last_number "
        "RETURNING last_number",
        [series, count],
    ).fetchone()
    return row[0] - count + 1


def next_in_sequence(db: Database, series: str) -> int:
    return reserve_in_sequence(db, series, 1)


def document_number(series: str, number: int) -> str:
    """'PNK', 1 -> 'PNK-000001'."""
    return f"{series}-{number:06d}"


def next_document_number(db: Database, series: str) -> str:
    return document_number(series, next_in_sequence(db, series))


@dataclass(frozen=True)
class Movement:
    product_id: int
    lot_id: int
    qty: int
    kind: str
    document_type: str
    document_id: int
    moved_on: str


def record_movement(db: Database, **movement) -> None:
    record_movements(db, [Movement(**movement)])


def record_movements(db: Database, movements: list[Movement]) -> None:
    """Append to the stock ledger, numbered in order."""
    first = reserve_in_sequence(db, MOVEMENT_SERIES, len(movements)) if movements else 0
    db.conn.executemany(
        "INSERT INTO stock_movements "
        "(id, product_id, lot_id, qty, kind, document_type, document_id, moved_on) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                first + i,
                m.product_id,
                m.lot_id,
                m.qty,
                m.kind,
                m.document_type,
                m.document_id,
                m.moved_on,
            )
            for i, m in enumerate(movements)
        ],
    )


def append_to_journal(
    db: Database, document_type: str, document_id: int, document_number: str, payload: dict
) -> str:
    """Chain a posted document onto the journal; returns its hash (hex)."""
    return append_entries(db, document_type, [(document_id, document_number, payload)])[-1]


def append_entries(
    db: Database, document_type: str, documents: list[tuple[int, str, dict]]
) -> list[str]:
    """Chain posted documents of one type onto the journal, in order, as (id, number,
    payload); their ids are consecutive (written together). Each entry seals its document's
    rows; the first also seals any other row the transaction has written so far (seals.py).
    Returns the entries' hashes (hex)."""
    seals = {}
    if document_type in DOCUMENT_PARTS:
        seals = dict(document_seals(db, document_type, (documents[0][0], documents[-1][0])))
    noted = take_pending(db)
    entry_hash, posted_at = last_journal_hash(db), now_iso()
    rows, hashes = [], []
    for document_id, number, payload in documents:
        if document_id in seals:
            payload = {**payload, "seal": seals[document_id]}
        if noted:
            payload, noted = {**payload, "sealed": noted}, {}
        text = entry_text(document_type, payload)
        entry_hash = chain_hash(entry_hash, document_type, number, text)
        rows.append(
            (
                document_type,
                document_id,
                number,
                posted_at,
                stored_entry(text),
                bytes.fromhex(entry_hash),
            )
        )
        hashes.append(entry_hash)
    db.conn.executemany(
        "INSERT INTO journal (document_type, document_id, document_number, posted_at, "
        "payload, hash) VALUES (?, ?, ?, ?, ?, ?)",
        rows,
    )
    return hashes


def seal_noted_rows(db: Database) -> None:
    """Before a commit: rows written since the transaction's last entry (a setting, a user,
    a payout's audit...) are sealed by an entry of their own."""
    if has_pending(db):
        append_to_journal(db, ROWS, 0, "", {})


def journal_head(db: Database) -> Anchor:
    """The journal as it stands: its entries and the newest one's hash, to print."""
    count, last = db.execute(
        "SELECT count(*), (SELECT hash FROM journal ORDER BY seq DESC LIMIT 1) FROM journal"
    ).fetchone()
    return Anchor(count, (hash_hex(last) if last is not None else GENESIS_HASH)[:ANCHOR_DIGITS])


def record_anchor(db: Database, anchor: Anchor, printed_on: str) -> None:
    """Keep the head printed on a document, for ``check`` to prove the chain against."""
    db.execute(
        "INSERT INTO anchors (entries, hash_prefix, printed_on, at) VALUES (?, ?, ?, ?)",
        [anchor.count, anchor.hash_prefix, printed_on, now_iso()],
    )


def last_journal_hash(db: Database) -> str:
    """The hash the next entry chains onto (hex); stored as 32 bytes to keep the journal small."""
    last = db.execute("SELECT hash FROM journal ORDER BY seq DESC LIMIT 1").fetchone()
    return last[0].hex() if last else GENESIS_HASH


def first_journal_break(
    db: Database, after: tuple[int, str] = (0, GENESIS_HASH)
) -> JournalBreak | None:
    """Walk the chain from the start (or from the entry ``after`` names by its seq and hash,
    verified before); None when every entry follows from the one before. An entry changed,
    removed or inserted breaks the chain at that entry or the next."""
    after_seq, prev_hash = after
    # A journal from before m009 (an unmigrated backup being checked) also stored each link.
    old_links = "prev_hash" in {row[1] for row in db.execute("PRAGMA table_info(journal)")}
    for seq, doc_type, number, stored, stored_link, stored_hash in db.execute(
        f"SELECT seq, document_type, document_number, payload, "
        f"{'prev_hash' if old_links else 'NULL'}, hash FROM journal WHERE seq > ? ORDER BY seq",
        [after_seq],
    ):
        if stored_link is not None and stored_link != prev_hash:
            return JournalBreak(seq, doc_type, number, "liên kết với chứng từ trước bị sai")
        try:
            text = entry_of(stored)
        except UnreadableEntry as error:
            return JournalBreak(seq, doc_type, number, str(error))
        entry_hash = chain_hash(prev_hash, doc_type, number, text)
        if entry_hash != hash_hex(stored_hash):
            return JournalBreak(
                seq, doc_type, number, "nội dung, hoặc chứng từ liền trước, đã bị thay đổi"
            )
        prev_hash = entry_hash
    return None


def hash_hex(stored_hash: bytes | str) -> str:
    """A hash as 32 bytes, or as hex text in a journal from before m009 (an unmigrated
    backup being checked)."""
    return stored_hash.hex() if isinstance(stored_hash, bytes) else stored_hash


def _last_in_sequence(db: Database, series: str) -> int:
    row = db.execute(
        "SELECT last_number FROM document_sequences WHERE series = ?", [series]
    ).fetchone()
    return row[0] if row else 0


def peek_document_number(db: Database, series: str) -> str:
    """The number the next document of ``series`` will get (one writer per series)."""
    return document_number(series, _last_in_sequence(db, series) + 1)


def last_document_number(db: Database, series: str) -> str | None:
    """The number the last document of ``series`` got (None before the first): found by
    its counter, so asking costs the same on a till that sold last year and on a busy one."""
    last = _last_in_sequence(db, series)
    return document_number(series, last) if last else None


SEALS_PER_ENTRY = 2000  # rows or documents: an entry stays small enough to read at once


def seal_everything(db: Database) -> None:
    """Seal what a database holds as it stands, for one from before seals (m013)."""
    seal_all_rows(db)
    seal_all_documents(db)


def seal_all_rows(db: Database) -> None:
    """Every row of the tables sealed row by row, in entries of their own."""
    from pos.storage.seals import DOCUMENT_TABLES, shapes

    seal_tables(db, [table for table in shapes(db) if table not in DOCUMENT_TABLES])


def seal_tables(db: Database, tables: list[str]) -> None:
    """Every row of these tables sealed as it stands (a migration that changed them)."""
    from pos.storage.seals import rows_of, shapes

    known = shapes(db)
    for table in tables:
        for chunk in _chunks(rows_of(db, known[table])):
            append_to_journal(db, ROWS, 0, "", {"sealed": {table: chunk}})


def seal_all_documents(db: Database) -> None:
    """Every document posted, sealed by kind (for documents whose entries hold no seal)."""
    for document_type in DOCUMENT_PARTS:
        for chunk in _chunks(document_seals(db, document_type)):
            append_to_journal(db, ROWS, 0, "", {"seals": {document_type: chunk}})


def _chunks(items: Iterable) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(list(item))
        if len(chunk) == SEALS_PER_ENTRY:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
