"""Schema, only ever changed by adding a migration at the end (never edit an applied one)."""

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from pos.storage.frozen_v1 import GENESIS_HASH, stored_entry  # m009, as it ran

migrations = Migrations("ocop_pos")

# Posted documents are append-only: corrections are new documents, never edits.
POSTED_TABLES = (
    "goods_receipts",
    "goods_receipt_lines",
    "producer_returns",
    "producer_return_lines",
    "stock_adjustments",
    "stock_adjustment_lines",
    "stock_movements",
    "journal",
)


def _protect(table: str) -> str:
    return "\n" + "".join(f"{trigger};\n" for trigger in _protecting_triggers(table))


def _protecting_triggers(table: str) -> list[str]:
    return [
        f"CREATE TRIGGER {table}_no_{act.lower()} BEFORE {act} ON {table}\n"
        f"BEGIN SELECT RAISE(ABORT, 'posted document is immutable: {table}'); END"
        for act in ("UPDATE", "DELETE")
    ]


@migrations()
def m001_catalog_and_ledger(db: Database) -> None:
    db.executescript(
        """
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE producers (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('company', 'cooperative', 'household')),
  province TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  tax_code TEXT NOT NULL DEFAULT '',
  bank_bin TEXT NOT NULL DEFAULT '',
  bank_account TEXT NOT NULL DEFAULT '',
  bank_account_name TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  sku TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  producer_id INTEGER NOT NULL REFERENCES producers(id),
  category TEXT NOT NULL DEFAULT '',
  unit TEXT NOT NULL DEFAULT '',
  price_vnd INTEGER NOT NULL CHECK (price_vnd >= 0),
  ocop_rating TEXT NOT NULL CHECK (ocop_rating IN ('3', '4', '5', '5-potential')),
  vat_bp INTEGER NOT NULL CHECK (vat_bp BETWEEN 0 AND 10000),
  tracks_expiry INTEGER NOT NULL CHECK (tracks_expiry IN (0, 1)),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;
CREATE INDEX products_producer ON products(producer_id);

CREATE TABLE barcodes (
  code TEXT PRIMARY KEY,
  product_id INTEGER NOT NULL REFERENCES products(id),
  kind TEXT NOT NULL CHECK (kind IN ('gs1', 'instore'))
) STRICT, WITHOUT ROWID;
CREATE INDEX barcodes_product ON barcodes(product_id);

-- Terms change when a producer renegotiates; a sale snapshots the terms then in force.
CREATE TABLE commission_terms (
  id INTEGER PRIMARY KEY,
  producer_id INTEGER NOT NULL REFERENCES producers(id),
  product_id INTEGER REFERENCES products(id),
  effective_from TEXT NOT NULL,
  commission_bp INTEGER NOT NULL CHECK (commission_bp BETWEEN 0 AND 10000),
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX commission_terms_lookup
  ON commission_terms(producer_id, product_id, effective_from);

CREATE TABLE lots (
  id INTEGER PRIMARY KEY,
  product_id INTEGER NOT NULL REFERENCES products(id),
  lot_code TEXT NOT NULL,
  production_date TEXT,
  expiry_date TEXT,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'blocked')),
  created_at TEXT NOT NULL,
  UNIQUE (product_id, lot_code),
  CHECK (expiry_date IS NULL OR production_date IS NULL OR expiry_date >= production_date)
) STRICT;

-- Gapless numbering per series (goods receipts, returns, ...), advanced inside the
-- document's own transaction so a rolled-back document leaves no hole.
CREATE TABLE document_sequences (
  series TEXT PRIMARY KEY,
  last_number INTEGER NOT NULL
) STRICT;

CREATE TABLE goods_receipts (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  producer_id INTEGER NOT NULL REFERENCES producers(id),
  received_on TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  posted_at TEXT NOT NULL
) STRICT;
CREATE TABLE goods_receipt_lines (
  id INTEGER PRIMARY KEY,
  goods_receipt_id INTEGER NOT NULL REFERENCES goods_receipts(id),
  product_id INTEGER NOT NULL REFERENCES products(id),
  lot_id INTEGER NOT NULL REFERENCES lots(id),
  qty INTEGER NOT NULL CHECK (qty > 0)
) STRICT;

CREATE TABLE producer_returns (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  producer_id INTEGER NOT NULL REFERENCES producers(id),
  returned_on TEXT NOT NULL,
  reason TEXT NOT NULL,
  posted_at TEXT NOT NULL
) STRICT;
CREATE TABLE producer_return_lines (
  id INTEGER PRIMARY KEY,
  producer_return_id INTEGER NOT NULL REFERENCES producer_returns(id),
  product_id INTEGER NOT NULL REFERENCES products(id),
  lot_id INTEGER NOT NULL REFERENCES lots(id),
  qty INTEGER NOT NULL CHECK (qty > 0)
) STRICT;

CREATE TABLE stock_adjustments (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('count_adjustment', 'write_off')),
  adjusted_on TEXT NOT NULL,
  reason TEXT NOT NULL,
  posted_at TEXT NOT NULL
) STRICT;
CREATE TABLE stock_adjustment_lines (
  id INTEGER PRIMARY KEY,
  stock_adjustment_id INTEGER NOT NULL REFERENCES stock_adjustments(id),
  product_id INTEGER NOT NULL REFERENCES products(id),
  lot_id INTEGER NOT NULL REFERENCES lots(id),
  qty_delta INTEGER NOT NULL CHECK (qty_delta != 0)
) STRICT;

-- The stock ledger: stock on hand is always a sum over it, never a stored counter.
CREATE TABLE stock_movements (
  id INTEGER PRIMARY KEY,
  product_id INTEGER NOT NULL REFERENCES products(id),
  lot_id INTEGER NOT NULL REFERENCES lots(id),
  qty INTEGER NOT NULL CHECK (qty != 0),
  kind TEXT NOT NULL CHECK (kind IN ('intake', 'sale', 'refund', 'producer_return',
                                     'count_adjustment', 'write_off')),
  document_type TEXT NOT NULL,
  document_id INTEGER NOT NULL,
  moved_on TEXT NOT NULL
) STRICT;
CREATE INDEX stock_movements_lot ON stock_movements(lot_id, qty);
CREATE INDEX stock_movements_product ON stock_movements(product_id, moved_on);

-- Every posted document, hash-chained so that tampering is detectable.
CREATE TABLE journal (
  seq INTEGER PRIMARY KEY,
  document_type TEXT NOT NULL,
  document_id INTEGER NOT NULL,
  document_number TEXT NOT NULL,
  posted_at TEXT NOT NULL,
  payload TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE
) STRICT;

-- Diacritic-insensitive search; the text is folded in Python (đ -> d, which FTS5 cannot).
CREATE VIRTUAL TABLE product_search USING fts5(
  name, codes, producer, tokenize = 'unicode61 remove_diacritics 2'
);
"""
        + "".join(_protect(table) for table in POSTED_TABLES)
    )


SALE_TABLES = ("sales", "sale_lines", "sale_line_lots", "payments", "stock_shortfalls")


@migrations()
def m002_till_and_sales(db: Database) -> None:
    db.executescript(
        """
-- Each till has its own code and its own gapless receipt series (T01-000001, ...).
CREATE TABLE terminals (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE shifts (
  id INTEGER PRIMARY KEY,
  terminal_code TEXT NOT NULL REFERENCES terminals(code),
  cashier TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  opening_float_vnd INTEGER NOT NULL CHECK (opening_float_vnd >= 0),
  closed_at TEXT
) STRICT;
CREATE UNIQUE INDEX shifts_one_open_per_terminal ON shifts(terminal_code) WHERE closed_at IS NULL;

CREATE TABLE sales (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  terminal_code TEXT NOT NULL REFERENCES terminals(code),
  shift_id INTEGER REFERENCES shifts(id),
  cashier TEXT NOT NULL,
  sold_at TEXT NOT NULL,
  business_date TEXT NOT NULL,
  gross_vnd INTEGER NOT NULL,
  discount_vnd INTEGER NOT NULL,
  total_vnd INTEGER NOT NULL,
  vat_vnd INTEGER NOT NULL,
  change_vnd INTEGER NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('till', 'import')),
  -- One payment attempt is one sale: a second Enter or a retry finds the first.
  client_token TEXT NOT NULL UNIQUE
) STRICT;
CREATE INDEX sales_business_date ON sales(business_date);

-- A snapshot of everything a statement or refund needs, as it was at the moment of sale.
CREATE TABLE sale_lines (
  id INTEGER PRIMARY KEY,
  sale_id INTEGER NOT NULL REFERENCES sales(id),
  line_no INTEGER NOT NULL,
  product_id INTEGER NOT NULL REFERENCES products(id),
  sku TEXT NOT NULL,
  product_name TEXT NOT NULL,
  unit TEXT NOT NULL,
  producer_id INTEGER NOT NULL REFERENCES producers(id),
  qty INTEGER NOT NULL CHECK (qty > 0),
  unit_price_vnd INTEGER NOT NULL CHECK (unit_price_vnd >= 0),
  gross_vnd INTEGER NOT NULL,
  line_discount_vnd INTEGER NOT NULL,
  cart_discount_vnd INTEGER NOT NULL,
  net_vnd INTEGER NOT NULL,
  vat_bp INTEGER NOT NULL,
  vat_vnd INTEGER NOT NULL,
  commission_bp INTEGER NOT NULL,
  commission_vnd INTEGER NOT NULL,
  UNIQUE (sale_id, line_no)
) STRICT;
CREATE INDEX sale_lines_producer ON sale_lines(producer_id);
CREATE INDEX sale_lines_product ON sale_lines(product_id);

CREATE TABLE sale_line_lots (
  sale_line_id INTEGER NOT NULL REFERENCES sale_lines(id),
  lot_id INTEGER NOT NULL REFERENCES lots(id),
  qty INTEGER NOT NULL CHECK (qty > 0),
  PRIMARY KEY (sale_line_id, lot_id)
) STRICT, WITHOUT ROWID;

-- Units sold beyond recorded stock: the goods left with the customer, the manager must look.
CREATE TABLE stock_shortfalls (
  id INTEGER PRIMARY KEY,
  sale_line_id INTEGER NOT NULL REFERENCES sale_lines(id),
  product_id INTEGER NOT NULL REFERENCES products(id),
  lot_id INTEGER NOT NULL REFERENCES lots(id),
  qty INTEGER NOT NULL CHECK (qty > 0)
) STRICT;

CREATE TABLE payments (
  id INTEGER PRIMARY KEY,
  sale_id INTEGER NOT NULL REFERENCES sales(id),
  method TEXT NOT NULL CHECK (method IN ('cash', 'bank', 'card')),
  amount_vnd INTEGER NOT NULL CHECK (amount_vnd > 0),
  tendered_vnd INTEGER,
  change_vnd INTEGER NOT NULL DEFAULT 0,
  reference TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX payments_sale ON payments(sale_id);

-- The cart being rung up and parked carts, saved as they change (survive a crash).
CREATE TABLE open_carts (
  terminal_code TEXT NOT NULL,
  slot TEXT NOT NULL,
  cart TEXT NOT NULL,
  label TEXT NOT NULL DEFAULT '',
  saved_at TEXT NOT NULL,
  PRIMARY KEY (terminal_code, slot)
) STRICT, WITHOUT ROWID;
"""
        + "".join(_protect(table) for table in SALE_TABLES)
    )


@migrations()
def m003_vat_reductions_by_date(db: Database) -> None:
    """VAT rates change by date: most 10 % goods are charged 8 % from 01/07/2025 to
    31/12/2026. Products keep their standard rate and whether the reduction applies."""
    db.executescript(
        """
CREATE TABLE vat_reductions (
  id INTEGER PRIMARY KEY,
  standard_bp INTEGER NOT NULL,
  reduced_bp INTEGER NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO vat_reductions (standard_bp, reduced_bp, valid_from, valid_to, note)
VALUES (1000, 800, '2025-07-01', '2026-12-31', 'giảm 2% thuế GTGT 01/07/2025-31/12/2026');
ALTER TABLE products ADD COLUMN vat_reducible INTEGER NOT NULL DEFAULT 0
  CHECK (vat_reducible IN (0, 1));
UPDATE products SET vat_bp = 1000, vat_reducible = 1 WHERE vat_bp = 800;
"""
    )


@migrations()
def m004_print_queue(db: Database) -> None:
    db.executescript(
        """
-- Receipts waiting for, or sent to, the printer. Survives a restart; one original per sale
-- (never printed twice by accident), reprints are explicit copies.
CREATE TABLE print_jobs (
  id INTEGER PRIMARY KEY,
  document_number TEXT NOT NULL,
  copy INTEGER NOT NULL DEFAULT 0 CHECK (copy IN (0, 1)),
  open_drawer INTEGER NOT NULL DEFAULT 0 CHECK (open_drawer IN (0, 1)),
  status TEXT NOT NULL CHECK (status IN ('queued', 'printing', 'printed', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  printed_at TEXT
) STRICT;
CREATE UNIQUE INDEX print_jobs_one_original ON print_jobs(document_number) WHERE copy = 0;
CREATE INDEX print_jobs_waiting ON print_jobs(status) WHERE status != 'printed';
"""
    )


AUDIT_TABLES = (
    "audit_log",
    "cash_movements",
    "refunds",
    "refund_lines",
    "refund_line_lots",
    "shift_reports",
)


@migrations()
def m005_users_refunds_shift_close(db: Database) -> None:
    db.executescript(
        """
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('cashier', 'manager', 'admin')),
  secret_hash TEXT NOT NULL,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

-- Sensitive acts, who did them and who approved; each entry is also chained in the journal.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  action TEXT NOT NULL,
  actor TEXT NOT NULL,
  approver TEXT,
  terminal_code TEXT NOT NULL DEFAULT '',
  details TEXT NOT NULL
) STRICT;
CREATE INDEX audit_log_action ON audit_log(action, at);

CREATE TABLE cash_movements (
  id INTEGER PRIMARY KEY,
  shift_id INTEGER NOT NULL REFERENCES shifts(id),
  kind TEXT NOT NULL CHECK (kind IN ('cash_in', 'cash_out')),
  amount_vnd INTEGER NOT NULL CHECK (amount_vnd > 0),
  reason TEXT NOT NULL,
  actor TEXT NOT NULL,
  at TEXT NOT NULL
) STRICT;

CREATE TABLE refunds (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  sale_id INTEGER NOT NULL REFERENCES sales(id),
  terminal_code TEXT NOT NULL,
  shift_id INTEGER REFERENCES shifts(id),
  refunded_at TEXT NOT NULL,
  business_date TEXT NOT NULL,
  reason_code TEXT NOT NULL,
  reason_note TEXT NOT NULL DEFAULT '',
  method TEXT NOT NULL CHECK (method IN ('cash', 'bank', 'card')),
  total_vnd INTEGER NOT NULL CHECK (total_vnd > 0),
  cashier TEXT NOT NULL,
  approved_by TEXT,
  client_token TEXT NOT NULL UNIQUE
) STRICT;
CREATE TABLE refund_lines (
  id INTEGER PRIMARY KEY,
  refund_id INTEGER NOT NULL REFERENCES refunds(id),
  sale_line_id INTEGER NOT NULL REFERENCES sale_lines(id),
  qty INTEGER NOT NULL CHECK (qty > 0),
  net_vnd INTEGER NOT NULL,
  vat_vnd INTEGER NOT NULL,
  commission_vnd INTEGER NOT NULL,
  disposition TEXT NOT NULL CHECK (disposition IN ('restock', 'write_off'))
) STRICT;
CREATE INDEX refund_lines_sale_line ON refund_lines(sale_line_id);
CREATE TABLE refund_line_lots (
  refund_line_id INTEGER NOT NULL REFERENCES refund_lines(id),
  lot_id INTEGER NOT NULL REFERENCES lots(id),
  qty INTEGER NOT NULL CHECK (qty > 0),
  PRIMARY KEY (refund_line_id, lot_id)
) STRICT, WITHOUT ROWID;

-- X (interim) and Z (closing, numbered per terminal) reports as shown and printed.
CREATE TABLE shift_reports (
  id INTEGER PRIMARY KEY,
  shift_id INTEGER NOT NULL REFERENCES shifts(id),
  kind TEXT NOT NULL CHECK (kind IN ('X', 'Z')),
  number TEXT,
  created_at TEXT NOT NULL,
  report TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX shift_reports_one_z ON shift_reports(shift_id) WHERE kind = 'Z';

ALTER TABLE sales ADD COLUMN approved_by TEXT;
ALTER TABLE shifts ADD COLUMN counted_cash_vnd INTEGER;
"""
        + "".join(_protect(table) for table in AUDIT_TABLES)
    )


SETTLEMENT_TABLES = ("settlements", "payouts", "closed_periods")


def _closed_period_guard(table: str, day_column: str) -> str:
    return f"""
CREATE TRIGGER {table}_not_in_closed_period BEFORE INSERT ON {table}
WHEN EXISTS (SELECT 1 FROM closed_periods c
             WHERE NEW.{day_column} BETWEEN c.period_start AND c.period_end)
BEGIN SELECT RAISE(ABORT, 'period closed: {table}'); END;
"""


@migrations()
def m006_settlements_and_period_close(db: Database) -> None:
    db.executescript(
        """
-- An issued statement keeps the figures it was issued with: a reprint shows the same.
CREATE TABLE settlements (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  producer_id INTEGER NOT NULL REFERENCES producers(id),
  period_start TEXT NOT NULL,
  period_end TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  issued_by TEXT NOT NULL,
  net_vnd INTEGER NOT NULL,
  commission_vnd INTEGER NOT NULL,
  owed_vnd INTEGER NOT NULL,
  previous_balance_vnd INTEGER NOT NULL,
  paid_in_period_vnd INTEGER NOT NULL,
  figures TEXT NOT NULL,
  UNIQUE (producer_id, period_start, period_end)
) STRICT;

CREATE TABLE payouts (
  id INTEGER PRIMARY KEY,
  producer_id INTEGER NOT NULL REFERENCES producers(id),
  paid_on TEXT NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('bank', 'cash')),
  reference TEXT NOT NULL DEFAULT '',
  amount_vnd INTEGER NOT NULL CHECK (amount_vnd > 0),
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX payouts_producer ON payouts(producer_id, paid_on);

-- Nothing dated inside a closed period can be posted: corrections go to the next period.
CREATE TABLE closed_periods (
  id INTEGER PRIMARY KEY,
  period_start TEXT NOT NULL,
  period_end TEXT NOT NULL,
  closed_at TEXT NOT NULL,
  closed_by TEXT NOT NULL
) STRICT;
"""
        + "".join(_protect(table) for table in SETTLEMENT_TABLES)
        + _closed_period_guard("sales", "business_date")
        + _closed_period_guard("refunds", "business_date")
        + _closed_period_guard("goods_receipts", "received_on")
        + _closed_period_guard("producer_returns", "returned_on")
        + _closed_period_guard("stock_adjustments", "adjusted_on")
    )


@migrations()
def m007_agreed_adjustments(db: Database) -> None:
    db.executescript(
        """
-- Amounts agreed with a producer outside sales (transport paid for them, a damaged-goods
-- compensation...), added to or taken from what the showroom owes in that period.
CREATE TABLE agreed_adjustments (
  id INTEGER PRIMARY KEY,
  producer_id INTEGER NOT NULL REFERENCES producers(id),
  on_date TEXT NOT NULL,
  amount_vnd INTEGER NOT NULL CHECK (amount_vnd != 0),
  reason TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
) STRICT;
"""
        + _protect("agreed_adjustments")
        + _closed_period_guard("agreed_adjustments", "on_date")
    )


@migrations()
def m008_back_office(db: Database) -> None:
    db.executescript(
        """
-- The OCOP certificate a product's stars come from (number and expiry, shown to managers).
ALTER TABLE products ADD COLUMN ocop_certificate TEXT NOT NULL DEFAULT '';
ALTER TABLE products ADD COLUMN ocop_certificate_expiry TEXT;

-- Why each counted difference or write-off happened (a count has one reason per product).
ALTER TABLE stock_adjustment_lines ADD COLUMN reason TEXT NOT NULL DEFAULT '';

-- A stock count in progress is a working sheet, like an open cart; posting it writes an
-- adjustment document, which is what the books keep.
CREATE TABLE stock_counts (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  producer_id INTEGER REFERENCES producers(id),  -- NULL: every producer
  started_at TEXT NOT NULL,
  started_by TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'posted', 'cancelled')),
  adjustment_id INTEGER REFERENCES stock_adjustments(id)
) STRICT;
CREATE UNIQUE INDEX stock_counts_one_open ON stock_counts(status) WHERE status = 'open';
CREATE TABLE stock_count_lines (
  stock_count_id INTEGER NOT NULL REFERENCES stock_counts(id),
  product_id INTEGER NOT NULL REFERENCES products(id),
  counted INTEGER NOT NULL CHECK (counted >= 0),
  reason TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (stock_count_id, product_id)
) STRICT, WITHOUT ROWID;
"""
    )


@migrations()
def m009_smaller_history(db: Database) -> None:
    """Years of sales must stay small and quick to read. The journal keeps each entry
    compressed (pos.journal.stored_entry; the hashed text is unchanged) and its hash as 32
    bytes, without a copy of the previous hash (the chain check recomputes it) or a unique
    index. The stock ledger is stored in product, lot and date order (WITHOUT ROWID), so a
    product's lots and a lot's balance are ranges of the table itself, with no index beside
    it; its ids come from a sequence. Sale lines are always reached through their sale's
    date: their producer and product indexes go. Whatever was wrong before stays visible to
    `ocop-pos check`: a missing or altered trigger stays so, and an entry whose hash or link
    was edited still breaks the chain."""
    journal_triggers = _triggers_of(db, "journal")
    movement_triggers = _triggers_of(db, "stock_movements")
    db.execute(
        """CREATE TABLE journal_compact (
  seq INTEGER PRIMARY KEY,
  document_type TEXT NOT NULL,
  document_id INTEGER NOT NULL,
  document_number TEXT NOT NULL,
  posted_at TEXT NOT NULL,
  payload BLOB NOT NULL,
  hash BLOB NOT NULL
) STRICT"""
    )
    db.conn.executemany(
        "INSERT INTO journal_compact VALUES (?, ?, ?, ?, ?, ?, ?)",
        _compacted_entries(
            db.execute(
                "SELECT seq, document_type, document_id, document_number, posted_at, "
                "CAST(payload AS BLOB), prev_hash, hash FROM journal ORDER BY seq"
            )
        ),
    )
    for statement in (
        "DROP TABLE journal",
        "ALTER TABLE journal_compact RENAME TO journal",
        *journal_triggers,
        "DROP INDEX IF EXISTS sale_lines_producer",
        "DROP INDEX IF EXISTS sale_lines_product",
        """CREATE TABLE stock_movements_by_lot (
  product_id INTEGER NOT NULL REFERENCES products(id),
  lot_id INTEGER NOT NULL REFERENCES lots(id),
  moved_on TEXT NOT NULL,
  id INTEGER NOT NULL,
  qty INTEGER NOT NULL CHECK (qty != 0),
  kind TEXT NOT NULL CHECK (kind IN ('intake', 'sale', 'refund', 'producer_return',
                                     'count_adjustment', 'write_off')),
  document_type TEXT NOT NULL,
  document_id INTEGER NOT NULL,
  PRIMARY KEY (product_id, lot_id, moved_on, id)
) STRICT, WITHOUT ROWID""",
        "INSERT INTO stock_movements_by_lot (product_id, lot_id, moved_on, id, qty, kind, "
        "document_type, document_id) SELECT product_id, lot_id, moved_on, id, qty, kind, "
        "document_type, document_id FROM stock_movements",
        f"INSERT INTO document_sequences (series, last_number) "
        f"SELECT '{MOVEMENT_SERIES}', coalesce(max(id), 0) FROM stock_movements",
        "DROP TABLE stock_movements",
        "ALTER TABLE stock_movements_by_lot RENAME TO stock_movements",
        *movement_triggers,
    ):
        db.execute(statement)


def _triggers_of(db: Database, table: str) -> list[str]:
    """The table's triggers as they are (dropped with it, then put back word for word)."""
    return [
        row[0]
        for row in db.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? ORDER BY name",
            [table],
        )
    ]


def _compacted_entries(rows):
    """Old journal rows in the new shape, one at a time (years of entries need not fit in
    memory). An entry whose stored link to the one before was edited gets a hash that
    cannot verify, as the old check would have said."""
    previous = GENESIS_HASH
    for seq, doc_type, doc_id, number, posted_at, raw, prev_hash, entry_hash in rows:
        linked = prev_hash == previous
        previous = entry_hash
        stored_hash = _hash_bytes(entry_hash) if linked else b"link edited: " + prev_hash.encode()
        yield seq, doc_type, doc_id, number, posted_at, stored_entry(raw), stored_hash


MOVEMENT_SERIES = "stock_movements"  # the ledger's ids (document_sequences)


def _hash_bytes(stored: str) -> bytes:
    """A hash written as this program writes it (64 lower-case hex digits) as its 32 bytes;
    anything else (edited by hand) as its text, so the check still fails on it."""
    try:
        if len(stored) == 64 and bytes.fromhex(stored).hex() == stored:
            return bytes.fromhex(stored)
    except ValueError:
        pass
    return stored.encode()


@migrations()
def m010_approvals(db: Database) -> None:
    db.executescript(
        """
-- A manager's approval of one act, made only by a password (services.users.approve) and
-- used up by that act: once used it never changes, and none is ever removed.
CREATE TABLE approvals (
  token TEXT PRIMARY KEY,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  actor TEXT NOT NULL,
  approver TEXT NOT NULL,
  given_at TEXT NOT NULL,
  used_at TEXT
) STRICT, WITHOUT ROWID;
CREATE TRIGGER approvals_used_once BEFORE UPDATE ON approvals
WHEN OLD.used_at IS NOT NULL OR NEW.used_at IS NULL
  OR (NEW.token, NEW.action, NEW.subject, NEW.actor, NEW.approver, NEW.given_at)
     IS NOT (OLD.token, OLD.action, OLD.subject, OLD.actor, OLD.approver, OLD.given_at)
BEGIN SELECT RAISE(ABORT, 'an approval is used once and never changed'); END;
CREATE TRIGGER approvals_no_delete BEFORE DELETE ON approvals
BEGIN SELECT RAISE(ABORT, 'posted document is immutable: approvals'); END;
"""
    )


@migrations()
def m011_anchors(db: Database) -> None:
    db.executescript(
        """
-- The journal heads printed on Z reports and statements: check proves the chain against
-- each of them (and against any typed from paper, if these rows are gone).
CREATE TABLE anchors (
  id INTEGER PRIMARY KEY,
  entries INTEGER NOT NULL CHECK (entries >= 0),
  hash_prefix TEXT NOT NULL,
  printed_on TEXT NOT NULL,
  at TEXT NOT NULL
) STRICT;
"""
        + _protect("anchors")
    )


@migrations()
def m012_statement_heads(db: Database) -> None:
    """An issued statement prints the journal's head as it was issued, and a reprint too."""
    db.execute("ALTER TABLE settlements ADD COLUMN journal_head TEXT NOT NULL DEFAULT ''")


@migrations()
def m013_seals(db: Database) -> None:
    """Rows that carry money, dates, terms, roles or approvals are sealed in the journal
    (seals.py); what the database holds now is sealed as it stands, trusted as the journal
    was until now. A later migration that writes such rows must seal them again."""
    from pos.storage.ledger import seal_everything

    seal_everything(db)


# A version-4 UUID minted by SQLite's own random source (seeded from the operating system),
# so that a row gets its global identity however it is inserted.
UUID_SQL = (  # no subquery: SQLite would work one out once for a whole UPDATE
    "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || "
    "substr(hex(randomblob(2)), 2) || '-' || substr('89AB', 1 + (abs(random()) % 4), 1) || "
    "substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"
)
GLOBAL_TABLES = {
    "users": "id",
    "producers": "id",
    "products": "id",
    "lots": "id",
    "terminals": "code",
}


@migrations()
def m014_global_ids(db: Database) -> None:
    """Identities that can leave the file (e-invoices, replication): the showroom, each till,
    user, producer, product and lot get a UUID minted here, never a local integer id; posted
    sales and refunds and every audit entry keep the acting user's UUID beside the name."""
    from pos.storage.ledger import seal_tables

    db.execute(
        f"INSERT INTO settings (key, value) SELECT 'showroom_uuid', {UUID_SQL} "
        "WHERE NOT EXISTS (SELECT 1 FROM settings WHERE key = 'showroom_uuid')"
    )
    for table, key in GLOBAL_TABLES.items():
        db.execute(f"ALTER TABLE {table} ADD COLUMN uuid TEXT")
        db.execute(f"UPDATE {table} SET uuid = {UUID_SQL}")
        db.execute(f"CREATE UNIQUE INDEX {table}_uuid ON {table}(uuid)")
        db.execute(
            f"CREATE TRIGGER {table}_gets_uuid AFTER INSERT ON {table} WHEN NEW.uuid IS NULL "
            f"BEGIN UPDATE {table} SET uuid = {UUID_SQL} WHERE {key} = NEW.{key}; END"
        )
    for table in ("sales", "refunds"):
        db.execute(f"ALTER TABLE {table} ADD COLUMN cashier_uuid TEXT")
    db.execute("ALTER TABLE audit_log ADD COLUMN actor_uuid TEXT")
    db.execute("ALTER TABLE audit_log ADD COLUMN approver_uuid TEXT")
    seal_tables(db, ["settings", *GLOBAL_TABLES])  # their rows changed: sealed as they are now


@migrations()
def m015_document_part_indexes(db: Database) -> None:
    """Sealing a document reads its rows back through these: without them each refund,
    goods receipt, return, adjustment or sale with a shortfall scanned every line ever
    posted, a cost that grows with the years."""
    for table, column in (
        ("stock_shortfalls", "sale_line_id"),
        ("refund_lines", "refund_id"),
        ("refund_line_lots", "refund_line_id"),
        ("goods_receipt_lines", "goods_receipt_id"),
        ("producer_return_lines", "producer_return_id"),
        ("stock_adjustment_lines", "stock_adjustment_id"),
    ):
        db.execute(f"CREATE INDEX IF NOT EXISTS {table}_{column} ON {table}({column})")


@migrations()
def m016_sale_line_snapshots(db: Database) -> None:
    """A sale line keeps the producer's name and province and the product's OCOP rating as
    sold, so a reprint shows what was printed even after the producer is renamed. Lines
    posted before this keep '' (what they printed is not known): their reprints read the
    catalog as before. Values equal to the default stay out of the seals, so old seals hold."""
    for column in ("producer_name", "producer_province", "ocop_rating"):
        db.execute(f"ALTER TABLE sale_lines ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")


@migrations()
def m017_printed_snapshots(db: Database) -> None:
    """Goods receipts and returns to producers keep the producer's and the products' details
    as posted (name, kind, province, phone, tax code; product name, unit, price), and the
    settings printed at the head of documents keep their history, so a reprint shows what
    was printed after a rename, a new price or a new address. Older documents keep '' and
    reprint from the catalog as before; the history starts from the values held now."""
    for table in ("goods_receipts", "producer_returns"):
        for column in ("name", "kind", "province", "phone", "tax_code"):
            db.execute(f"ALTER TABLE {table} ADD COLUMN producer_{column} TEXT NOT NULL DEFAULT ''")
    for table in ("goods_receipt_lines", "producer_return_lines"):
        db.execute(f"ALTER TABLE {table} ADD COLUMN product_name TEXT NOT NULL DEFAULT ''")
        db.execute(f"ALTER TABLE {table} ADD COLUMN unit TEXT NOT NULL DEFAULT ''")
        db.execute(f"ALTER TABLE {table} ADD COLUMN price_vnd INTEGER NOT NULL DEFAULT 0")
    db.execute(
        """
        CREATE TABLE settings_history (
          id INTEGER PRIMARY KEY,
          key TEXT NOT NULL,
          value TEXT NOT NULL,
          changed_at TEXT NOT NULL  -- '' : held since before the history began
        ) STRICT"""
    )
    for trigger in _protecting_triggers("settings_history"):
        db.execute(trigger)
    db.execute("CREATE INDEX settings_history_key ON settings_history(key, changed_at)")
    db.execute(
        "INSERT INTO settings_history (key, value, changed_at) SELECT key, value, '' "
        "FROM settings WHERE key IN ('showroom_name', 'showroom_address', "
        "'showroom_tax_code', 'showroom_phone', 'receipt_footer', 'bank_bin', 'bank_account', "
        "'bank_account_name')"
    )
    from pos.storage.ledger import seal_tables  # as m014 does; pinned by test_upgrade

    seal_tables(db, ["settings_history"])


@migrations()
def m018_shift_cashier_uuid(db: Database) -> None:
    """A shift names its cashier as the other documents do: the person's global identifier
    beside the display name of that day (older shifts keep NULL: a name typed in the form)."""
    db.execute("ALTER TABLE shifts ADD COLUMN cashier_uuid TEXT")


@migrations()
def m019_einvoices(db: Database) -> None:
    """E-invoices from the till: each captured in its sale's or refund's transaction, with
    the figures and the idempotency key every request carries (einvoices, immutable); the
    provider's answer once it is issued (einvoice_answers, immutable: one more anchor outside
    the file); and the outbox's progress (einvoice_outbox, the one mutable part)."""
    db.executescript(
        """
CREATE TABLE einvoices (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('original', 'adjustment', 'replacement')),
  sale_id INTEGER REFERENCES sales(id),
  refund_id INTEGER REFERENCES refunds(id),
  refers_to INTEGER REFERENCES einvoices(id),
  symbol TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  total_vnd INTEGER NOT NULL,
  document TEXT NOT NULL
) STRICT;
CREATE INDEX einvoices_symbol ON einvoices(symbol, issued_at);
CREATE INDEX einvoices_sale ON einvoices(sale_id) WHERE sale_id IS NOT NULL;
CREATE INDEX einvoices_refund ON einvoices(refund_id) WHERE refund_id IS NOT NULL;
CREATE TABLE einvoice_answers (
  invoice_id INTEGER PRIMARY KEY REFERENCES einvoices(id),
  number TEXT NOT NULL,
  tax_authority_code TEXT NOT NULL,
  reservation_code TEXT NOT NULL,
  answered_at TEXT NOT NULL
) STRICT;
CREATE TABLE einvoice_outbox (
  invoice_id INTEGER PRIMARY KEY REFERENCES einvoices(id),
  state TEXT NOT NULL CHECK (state IN
    ('pending', 'in_flight', 'issued', 'lookup', 'parked', 'stopped')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_try_at TEXT NOT NULL,
  sent_at TEXT NOT NULL DEFAULT '',
  message TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX einvoice_outbox_state ON einvoice_outbox(state, invoice_id);
"""
        + _protect("einvoices")
        + _protect("einvoice_answers")
    )


@migrations()
def m020_buyers(db: Database) -> None:
    """Buyers who asked for an invoice in their name, by tax code, so the next sale to them
    fills in their name and address (each invoice keeps its own copy of what it said)."""
    db.execute(
        """
        CREATE TABLE buyers (
          tax_code TEXT PRIMARY KEY,
          kind TEXT NOT NULL CHECK (kind IN ('business', 'person')),
          name TEXT NOT NULL,
          address TEXT NOT NULL DEFAULT '',
          phone TEXT NOT NULL DEFAULT '',
          email TEXT NOT NULL DEFAULT '',
          used_at TEXT NOT NULL
        ) STRICT, WITHOUT ROWID"""
    )


@migrations()
def m021_einvoice_capture_in_sales(db: Database) -> None:
    """A sale's e-invoice is captured in the sale's own row (its key, its symbol, its buyer
    if one asked): nothing more is written while the customer waits. The sender queues the
    captured sales in sale order, building each invoice from the posted rows; the mark says
    up to which sale it has done so (the sender's progress, like the outbox). Sales posted
    before this are queued already."""
    db.executescript(
        """
ALTER TABLE sales ADD COLUMN einvoice_key TEXT;
ALTER TABLE sales ADD COLUMN einvoice_symbol TEXT;
ALTER TABLE sales ADD COLUMN einvoice_buyer TEXT;
CREATE TABLE einvoice_queue_mark (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  sale_id INTEGER NOT NULL
) STRICT;
INSERT INTO einvoice_queue_mark (id, sale_id) SELECT 1, coalesce(max(id), 0) FROM sales;
"""
    )


@migrations()
def m022_kept_lot_balances(db: Database) -> None:
    """Each lot's units on hand kept beside the ledger, in the movement's own transaction (a
    trigger, so every path that moves stock keeps it), so a scan, FEFO and a month's opening
    balances read the live lots instead of summing years of movements. Only lots holding or
    owing stock have a row. The ledger stays the truth: check proves each row equal to its
    lot's sum. The day index finds what moved since a date (balances then are now's less it)."""
    db.executescript(
        """
CREATE TABLE lot_balances (
  product_id INTEGER NOT NULL REFERENCES products(id),
  lot_id INTEGER NOT NULL REFERENCES lots(id),
  on_hand INTEGER NOT NULL,
  PRIMARY KEY (product_id, lot_id)
) STRICT, WITHOUT ROWID;
INSERT INTO lot_balances (product_id, lot_id, on_hand)
  SELECT product_id, lot_id, sum(qty) FROM stock_movements
   GROUP BY product_id, lot_id HAVING sum(qty) != 0;
CREATE TRIGGER stock_movements_keep_balance AFTER INSERT ON stock_movements
BEGIN
  INSERT INTO lot_balances (product_id, lot_id, on_hand)
    VALUES (NEW.product_id, NEW.lot_id, NEW.qty)
    ON CONFLICT (product_id, lot_id) DO UPDATE SET on_hand = on_hand + excluded.on_hand;
  DELETE FROM lot_balances
   WHERE product_id = NEW.product_id AND lot_id = NEW.lot_id AND on_hand = 0;
END;
CREATE INDEX stock_movements_day ON stock_movements(moved_on);
"""
    )


@migrations()
def m023_check_marks(db: Database) -> None:
    """How far the journal was last found sound (its entry and hash, the day of the ledger's
    last movement then): the incremental check verifies only what was posted since."""
    db.executescript(
        """
CREATE TABLE check_marks (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq INTEGER NOT NULL,
  hash BLOB NOT NULL,
  moved_on TEXT,
  checked_at TEXT NOT NULL
) STRICT;
"""
    )
