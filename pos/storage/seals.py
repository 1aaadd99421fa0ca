"""Seals: what the journal holds of every row that carries money, dates, terms, roles or
approvals, so that ``check`` can tell a row edited outside the program from one it wrote.

A row's *image* is its columns and values (those equal to the column's default left out, so a
column a later migration adds with a default does not change the images of older rows). Two
ways a row is sealed, both inside the transaction that writes it:

- Rows posted with a document (a sale's header, lines, lots and payments; a refund's...) are
  immutable: the document's journal entry holds one seal over all of them (``"seal"``), 8 bytes
  per document instead of 8 per row.
- Every other sealed table carries temporary triggers on the app's connection that note each
  row written; the next journal entry of the transaction (or, at commit, an entry of its own,
  type ``rows``) holds each noted row's seal (``"sealed"``), or null for a removed row. The
  newest seal of a row is the one its current state must match.

A connection without the triggers (an insider's SQLite tool) writes rows that match no seal.
Which tables and columns carry nothing to seal is declared below, each with its reason; a test
edits every other column of every table and expects ``check`` to object. Changing an image's
definition (a declared column, the hash) breaks every seal already written: only with a
migration that seals everything again."""

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property

from sqlite_utils import Database

from pos.storage.ordered import grouped, merged

SEAL_HEX = 16  # 8 bytes: finding another row with the same seal is out of anyone's reach

# Tables check proves another way than by seals.
PROVED_OTHERWISE = {
    "_sqlite_migrations": "which migrations ran: the schema check compares what they made",
    "journal": "the chain itself: every entry's hash is recomputed and held against anchors",
    "document_sequences": "counters: each must equal the highest number of its series",
    "stock_movements": "the stock ledger, recomputed from the documents that moved stock",
    "lot_balances": "kept balances: each lot's must equal its sum over the stock ledger",
}
# Tables that hold no money, date, term, role or approval of their own.
MONEY_FREE = {
    "open_carts": "parked carts: nothing is sold or owed until one is posted",
    "einvoice_outbox": "the sender's progress: what was issued is in einvoice_answers",
    "einvoice_queue_mark": "the sender's progress: check finds a captured sale left unqueued",
    "check_marks": "the check's progress: moved on, the full check still reads everything",
    "buyers": "names remembered for the next invoice: each invoice keeps what it said",
    "print_jobs": "the printer's queue: what it prints is sealed with its document",
    "product_search": "the search index (and its shadow tables), rebuilt from the catalog",
}


def is_money_free(table: str) -> bool:
    return table in MONEY_FREE or table.startswith("product_search_")


# Columns of sealed tables that change without anything being owed, sold or approved.
UNSEALED_COLUMNS = {
    "users": {
        "failed_attempts": "the sign-in lockout's counter",
        "locked_until": "the sign-in lockout's end",
    },
}
# Columns of unsealed tables check does not prove, each with its reason (the tamper test reads
# this list too, so that nothing is left out by accident).
UNCHECKED_COLUMNS = {
    "_sqlite_migrations": {
        "id": "the order the migrations' rows were written in",
        "applied_at": "when a migration ran",
    },
    "journal": {"posted_at": "the clock time of the write; the document's own dates are sealed"},
    "stock_movements": {"id": "the ledger's order: no balance depends on it"},
}


@dataclass(frozen=True)
class DocumentPart:
    """Rows of ``table`` posted with a document: ``document`` is the SQL giving the document's
    id of a row ``t`` (through ``join`` when the row names its line, not the document)."""

    table: str
    document: str
    join: str = ""


def _line_lots(table: str, lines: str, document: str) -> DocumentPart:
    return DocumentPart(table, f"d.{document}", f"JOIN {lines} d ON d.id = t.{lines[:-1]}_id")


DOCUMENT_PARTS: dict[str, tuple[DocumentPart, ...]] = {
    "sale": (
        DocumentPart("sales", "t.id"),
        DocumentPart("sale_lines", "t.sale_id"),
        _line_lots("sale_line_lots", "sale_lines", "sale_id"),
        _line_lots("stock_shortfalls", "sale_lines", "sale_id"),
        DocumentPart("payments", "t.sale_id"),
    ),
    "refund": (
        DocumentPart("refunds", "t.id"),
        DocumentPart("refund_lines", "t.refund_id"),
        _line_lots("refund_line_lots", "refund_lines", "refund_id"),
    ),
    "goods_receipt": (
        DocumentPart("goods_receipts", "t.id"),
        DocumentPart("goods_receipt_lines", "t.goods_receipt_id"),
    ),
    "producer_return": (
        DocumentPart("producer_returns", "t.id"),
        DocumentPart("producer_return_lines", "t.producer_return_id"),
    ),
    "stock_adjustment": (
        DocumentPart("stock_adjustments", "t.id"),
        DocumentPart("stock_adjustment_lines", "t.stock_adjustment_id"),
    ),
}
DOCUMENT_TABLES = {part.table for parts in DOCUMENT_PARTS.values() for part in parts}


_IMAGE_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=bytes.hex)


@dataclass(frozen=True)
class Shape:
    """What of a table's rows goes into their images."""

    table: str
    columns: tuple[str, ...]  # every column, in the table's order
    sealed: tuple[bool, ...]
    defaults: tuple[object, ...]
    key: tuple[str, ...]  # the primary key's columns, or the rowid

    def image(self, row: Iterable) -> str:
        """The row's sealed values as canonical JSON, keys sorted (taken in sorted order, so
        the encoder need not sort: the same text, faster for an import of many rows)."""
        row = tuple(row)
        return _IMAGE_JSON.encode(
            {self.columns[i]: row[i] for i in self._image_order if row[i] != self.defaults[i]}
        )

    @cached_property
    def _image_order(self) -> tuple[int, ...]:
        return tuple(
            i
            for i in sorted(range(len(self.columns)), key=self.columns.__getitem__)
            if self.sealed[i]
        )

    def sealed_columns(self) -> list[str]:
        return [c for c, sealed in zip(self.columns, self.sealed, strict=True) if sealed]

    def key_sql(self, alias: str) -> str:
        """The row's key as SQLite writes it (JSON text), the same in triggers and queries."""
        return "json_array(" + ", ".join(f"{alias}.{column}" for column in self.key) + ")"

    def select(self, alias: str = "t") -> str:
        return ", ".join(f"{alias}.{column}" for column in self.columns)


def is_sealed(table: str) -> bool:
    return table not in PROVED_OTHERWISE and not is_money_free(table)


def shapes(db: Database) -> dict[str, Shape]:
    """Every sealed table's shape, read from the schema as it stands."""
    found = {}
    for (table,) in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    ):
        if is_sealed(table):
            found[table] = _shape(db, table)
    return found


def _shape(db: Database, table: str) -> Shape:
    info = db.execute(f"PRAGMA table_info({table})").fetchall()
    unsealed = UNSEALED_COLUMNS.get(table, {})
    defaults = tuple(
        None if default is None else db.execute(f"SELECT {default}").fetchone()[0]
        for *_, default, _ in info
    )
    key = tuple(row[1] for row in sorted(info, key=lambda row: row[5]) if row[5]) or ("rowid",)
    return Shape(
        table,
        tuple(row[1] for row in info),
        tuple(row[1] not in unsealed for row in info),
        defaults,
        key,
    )


def seal_of(images: Iterable[tuple[str, str]]) -> str:
    """The seal over (table, image) pairs, in order."""
    material = hashlib.sha256()
    for table, image in images:
        material.update(f"{table}\x1f{image}\x1e".encode())
    return material.hexdigest()[:SEAL_HEX]


# ---- a document's seal ----


def document_rows_sql(shape: Shape, part: DocumentPart, ranged: bool) -> str:
    """Every document's rows of one table (``ranged``: those of the documents whose ids lie
    between the two parameters), ordered by document: the same rows for posting and for
    ``check``."""
    order = ", ".join(f"t.{column}" for column in shape.key)
    where = f"WHERE {part.document} BETWEEN ? AND ?" if ranged else ""
    return (
        f"SELECT {part.document}, {shape.select()} FROM {part.table} t {part.join} {where} "
        f"ORDER BY {part.document}, {order}"
    )


# ---- rows sealed one by one ----

PENDING = "pending_seals"
ROWS = "rows"  # the journal entries that only seal rows


def start_sealing(db: Database) -> None:
    """Give the app's connection the temporary triggers that note every row written into a
    sealed table (not a document's: its entry seals those)."""
    known = shapes(db)
    db.execute(
        f"CREATE TEMP TABLE IF NOT EXISTS {PENDING} "
        "(tbl TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (tbl, key)) WITHOUT ROWID"
    )
    for table, shape in known.items():
        if table in DOCUMENT_TABLES:
            continue
        # Not INSERT OR IGNORE: an outer statement's conflict clause (an upsert) overrides it.
        note = (
            f"INSERT INTO {PENDING} SELECT '{table}', {{0}} WHERE NOT EXISTS "
            f"(SELECT 1 FROM {PENDING} WHERE tbl = '{table}' AND key = {{0}});"
        )
        columns = ", ".join(shape.sealed_columns())
        for name, event, rows in (
            ("insert", "INSERT", ("NEW",)),
            ("update", f"UPDATE OF {columns}", ("OLD", "NEW")),
            ("delete", "DELETE", ("OLD",)),
        ):
            body = " ".join(note.format(shape.key_sql(row)) for row in rows)
            db.execute(
                f"CREATE TEMP TRIGGER IF NOT EXISTS seal_{table}_{name} AFTER {event} "
                f"ON main.{table} BEGIN {body} END"
            )
    db.seal_shapes = known


def shapes_of(db: Database) -> dict[str, Shape]:
    """The connection's shapes (read once when it started sealing), or the schema's now."""
    return getattr(db, "seal_shapes", None) or shapes(db)


def has_pending(db: Database) -> bool:
    if getattr(db, "seal_shapes", None) is None:
        return False
    return db.execute(f"SELECT 1 FROM {PENDING} LIMIT 1").fetchone() is not None


def take_pending(db: Database) -> dict[str, list]:
    """The seals of the rows noted since the last entry, {table: [[key, seal or null]]},
    and forget them: the entry being written holds them."""
    if getattr(db, "seal_shapes", None) is None:
        return {}
    tables = [row[0] for row in db.execute(f"SELECT DISTINCT tbl FROM {PENDING} ORDER BY tbl")]
    if not tables:
        return {}
    known = db.seal_shapes
    sealed: dict[str, list] = {}
    for table in tables:
        shape = known[table]
        # One query a table, each noted key found through the primary key's index.
        found = " AND ".join(
            f"t.{column} = json_extract(p.key, '$[{i}]')" for i, column in enumerate(shape.key)
        )
        sealed[table] = [
            [key, None if present is None else seal_of([(table, shape.image(row))])]
            for key, present, *row in db.execute(
                f"SELECT p.key, t.{shape.key[0]}, {shape.select()} FROM {PENDING} p "
                f"LEFT JOIN main.{table} t ON {found} WHERE p.tbl = ? ORDER BY p.key",
                [table],
            )
        ]
    db.execute(f"DELETE FROM {PENDING}")
    return sealed


def rows_of(db: Database, shape: Shape) -> Iterator[tuple[str, str]]:
    """Every row of a table as (key, seal), for sealing what a database already holds."""
    for key, *row in db.execute(
        f"SELECT {shape.key_sql('t')}, {shape.select()} FROM {shape.table} t"
    ):
        yield key, seal_of([(shape.table, shape.image(row))])


def document_seals(
    db: Database, document_type: str, ids: tuple[int, int] | None = None
) -> Iterator[tuple[int, str]]:
    """Every document of a type (or those whose ids lie in ``ids``, both ends included) as
    (id, seal), in id order, from one ordered cursor per table: memory stays that of one
    document however many there are. A document's seal covers every row posted with it."""
    parts = DOCUMENT_PARTS[document_type]
    known = shapes_of(db)
    streams = [
        grouped(db.execute(document_rows_sql(known[part.table], part, ids is not None), ids or []))
        for part in parts
    ]
    for document, groups in merged(*streams):
        yield (
            document,
            seal_of(
                (part.table, known[part.table].image(row))
                for part, rows in zip(parts, groups, strict=True)
                for row in rows
            ),
        )
