"""Writing products in two steps, the one way products are written (one from the editor, or
twenty thousand from a file): ``stage_products`` puts the entered values in TEMP tables of the
connection, which takes no lock on the showroom's database; ``post_staged_products`` then
writes them all with a handful of statements inside the caller's short transaction, so a big
import keeps the till waiting a fraction of a second instead of seconds, and stays
all-or-nothing."""

from datetime import date

from sqlite_utils import Database

from pos.barcodes import is_instore
from pos.catalog import ProductInput
from pos.clock import iso_date, now_iso
from pos.errors import NotFound, ValidationError
from pos.services import search
from pos.storage.schema import UUID_SQL

_COLUMNS = (
    "sku, name, producer_code, category, unit, price_vnd, ocop_rating, vat_bp, tracks_expiry, "
    "ocop_certificate, ocop_certificate_expiry, commission_bp"
)


def stage_products(db: Database, products: list[ProductInput]) -> None:
    """The products as entered, in file order (TEMP tables: no lock on the database)."""
    db.execute(
        f"CREATE TEMP TABLE IF NOT EXISTS staged_products (line INTEGER PRIMARY KEY, {_COLUMNS})"
    )
    db.execute("CREATE TEMP TABLE IF NOT EXISTS staged_barcodes (code, sku, kind)")
    was_in_transaction = db.conn.in_transaction
    db.conn.execute("DELETE FROM staged_products")
    db.conn.execute("DELETE FROM staged_barcodes")
    db.conn.executemany(
        f"INSERT INTO staged_products (line, {_COLUMNS}) VALUES ({', '.join('?' * 13)})",
        [
            (
                line,
                p.sku,
                p.name,
                p.producer_code,
                p.category,
                p.unit,
                p.price_vnd,
                p.ocop_rating,
                p.vat_bp,
                int(p.tracks_expiry),
                p.ocop_certificate,
                iso_date(p.ocop_certificate_expiry),
                p.commission_bp,
            )
            for line, p in enumerate(products, start=1)
        ],
    )
    db.conn.executemany(
        "INSERT INTO staged_barcodes VALUES (?, ?, ?)",
        [
            (code, p.sku, "instore" if is_instore(code) else "gs1")
            for p in products
            for code in p.barcodes
        ],
    )
    if not was_in_transaction and db.conn.in_transaction:
        db.conn.commit()  # only TEMP tables were written


def post_staged_products(db: Database, on: date) -> list[tuple[bool, int]]:
    """Inside the caller's transaction: every staged product created or updated (by SKU), its
    new barcodes, new commission terms where they changed, its search entry; returns
    (created, id) per product in staged order."""
    from pos.services.catalog import terms_in_force_sql

    _refuse_unknown_producers(db)
    _refuse_taken_barcodes(db)
    existing = {
        sku
        for (sku,) in db.execute(
            "SELECT s.sku FROM staged_products s JOIN products p ON p.sku = s.sku"
        )
    }
    # A reduced rate in force (8 %) is kept as the standard rate it reduces (10 %), so the
    # product returns to it when the reduction ends.
    db.execute(
        """
        INSERT INTO products (sku, name, producer_id, category, unit, price_vnd, ocop_rating,
                              vat_bp, vat_reducible, tracks_expiry, ocop_certificate,
                              ocop_certificate_expiry, uuid)
        SELECT s.sku, s.name, pr.id, s.category, s.unit, s.price_vnd, s.ocop_rating,
               coalesce(r.standard_bp, s.vat_bp), r.standard_bp IS NOT NULL, s.tracks_expiry,
               s.ocop_certificate, s.ocop_certificate_expiry, {UUID_SQL}
          FROM staged_products s JOIN producers pr ON pr.code = s.producer_code
          LEFT JOIN vat_reductions r ON r.id = (
                SELECT id FROM vat_reductions WHERE reduced_bp = s.vat_bp
                   AND :on BETWEEN valid_from AND valid_to ORDER BY id LIMIT 1)
         WHERE true ORDER BY s.line
        ON CONFLICT (sku) DO UPDATE SET
          name = excluded.name, producer_id = excluded.producer_id,
          category = excluded.category, unit = excluded.unit, price_vnd = excluded.price_vnd,
          ocop_rating = excluded.ocop_rating, vat_bp = excluded.vat_bp,
          vat_reducible = excluded.vat_reducible, tracks_expiry = excluded.tracks_expiry,
          ocop_certificate = excluded.ocop_certificate,
          ocop_certificate_expiry = excluded.ocop_certificate_expiry
        """.replace("{UUID_SQL}", UUID_SQL),
        {"on": on.isoformat()},
    )
    db.execute(
        "INSERT INTO barcodes (code, product_id, kind) "
        "SELECT b.code, p.id, b.kind FROM staged_barcodes b JOIN products p ON p.sku = b.sku "
        "WHERE NOT EXISTS (SELECT 1 FROM barcodes x WHERE x.code = b.code)"
    )
    # New terms only where they differ from those in force: history is never rewritten.
    in_force = terms_in_force_sql("p.producer_id", "p.id", ":on")
    db.execute(
        "INSERT INTO commission_terms "
        "(producer_id, product_id, effective_from, commission_bp, recorded_at) "
        "SELECT p.producer_id, p.id, :on, s.commission_bp, :now "
        "FROM staged_products s JOIN products p ON p.sku = s.sku "
        f"WHERE s.commission_bp IS NOT NULL AND s.commission_bp IS NOT ({in_force}) "
        "ORDER BY s.line",
        {"on": on.isoformat(), "now": now_iso()},
    )
    posted = db.execute(
        "SELECT s.sku, p.id FROM staged_products s JOIN products p ON p.sku = s.sku ORDER BY s.line"
    ).fetchall()
    search.reindex_products(
        db, "SELECT p.id FROM staged_products s JOIN products p ON p.sku = s.sku"
    )
    return [(sku not in existing, product_id) for sku, product_id in posted]


def _refuse_unknown_producers(db: Database) -> None:
    row = db.execute(
        "SELECT s.producer_code FROM staged_products s "
        "LEFT JOIN producers pr ON pr.code = s.producer_code WHERE pr.id IS NULL "
        "ORDER BY s.line LIMIT 1"
    ).fetchone()
    if row:
        raise NotFound(f"không có chủ thể mã {row[0]}")


def _refuse_taken_barcodes(db: Database) -> None:
    row = db.execute(
        "SELECT b.code, owner.sku FROM staged_barcodes b JOIN barcodes x ON x.code = b.code "
        "JOIN products owner ON owner.id = x.product_id WHERE owner.sku != b.sku LIMIT 1"
    ).fetchone()
    if row:
        raise ValidationError(f"mã vạch {row[0]} đã thuộc mặt hàng {row[1]}")
