"""Writing posted documents: gapless numbers, stock movements and journal entries.
Each helper runs inside the caller's transaction."""

from collections.abc import Iterable, Iterator

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
from pos.storage.seals import ROWS, document_seal, has_pending, take_pending


def insert_row(db: Database, table: str, values: dict) -> int:
    """One plain INSERT, returning the new rowid. sqlite-utils' Table.insert looks the
    table's schema up on every call, a third of a sale's posting time."""
    columns = ", ".join(values)
    marks = ", ".join("?" * len(values))
    cursor = db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(values.values()))
    return cursor.lastrowid


def next_in_sequence(db: Database, series: str) -> int:
    """1, 2, 3, ... per series; gapless because it rolls back with the caller's transaction."""
    row = db.execute(
        "INSERT INTO document_sequences (series, last_number) VALUES (?, 1) "
        "ON CONFLICT (series) DO UPDATE SET last_number = last_number + 1 "
        "RETURNING last_number",
        [series],
    ).fetchone()
    return row[0]


def next_document_number(db: Database, series: str) -> str:
    """'PNK' -> 'PNK-000001', 'PNK-000002', ..."""
    return f"{series}-{next_in_sequence(db, series):06d}"


def record_movement(
    db: Database,
    *,
    product_id: int,
    lot_id: int,
    qty: int,
    kind: str,
    document_type: str,
    document_id: int,
    moved_on: str,
) -> None:
    db.execute(
        "INSERT INTO stock_movements "
        "(id, product_id, lot_id, qty, kind, document_type, document_id, moved_on) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            next_in_sequence(db, MOVEMENT_SERIES),
            product_id,
            lot_id,
            qty,
            kind,
            document_type,
            document_id,
            moved_on,
        ],
    )


def append_to_journal(
    db: Database, document_type: str, document_id: int, document_number: str, payload: dict
) -> str:
    """Chain a posted document onto the journal; returns its hash (hex). The entry seals the
    document's rows and any other row the transaction has written so far (seals.py)."""
    seal = document_seal(db, document_type, document_id)
    if seal:
        payload = {**payload, "seal": seal}
    noted = take_pending(db)
    if noted:
        payload = {**payload, "sealed": noted}
    text = entry_text(document_type, payload)
    entry_hash = chain_hash(last_journal_hash(db), document_type, document_number, text)
    db.execute(
        "INSERT INTO journal (document_type, document_id, document_number, posted_at, "
        "payload, hash) VALUES (?, ?, ?, ?, ?, ?)",
        [
            document_type,
            document_id,
            document_number,
            now_iso(),
            stored_entry(text),
            bytes.fromhex(entry_hash),
        ],
    )
    return entry_hash


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


def first_journal_break(db: Database) -> JournalBreak | None:
    """Walk the chain from the start; None when every entry follows from the one before.
    An entry changed, removed or inserted breaks the chain at that entry or the next."""
    prev_hash = GENESIS_HASH
    # A journal from before m009 (an unmigrated backup being checked) also stored each link.
    old_links = "prev_hash" in {row[1] for row in db.execute("PRAGMA table_info(journal)")}
    for seq, doc_type, number, stored, stored_link, stored_hash in db.execute(
        f"SELECT seq, document_type, document_number, payload, "
        f"{'prev_hash' if old_links else 'NULL'}, hash FROM journal ORDER BY seq"
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


def peek_document_number(db: Database, series: str) -> str:
    """The number the next document of ``series`` will get (one writer per series)."""
    row = db.execute(
        "SELECT last_number FROM document_sequences WHERE series = ?", [series]
    ).fetchone()
    return f"{series}-{(row[0] if row else 0) + 1:06d}"


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
    from pos.storage.seals import DOCUMENT_PARTS, document_seals

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
