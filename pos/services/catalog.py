"""Producers, products, barcodes and commission terms; lookups the till and back office use."""

from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from pos import clock
from pos.barcodes import instore_ean13
from pos.catalog import ProducerInput, ProductInput
from pos.clock import now_iso, today
from pos.errors import NotFound, ValidationError
from pos.money import format_vnd
from pos.permissions import Approval, User
from pos.services import approvals, audit, search
from pos.services.product_staging import post_staged_products, stage_products
from pos.storage.ledger import insert_row, next_in_sequence
from pos.text import fold

INSTORE_SERIES = "MAVACH-NOIBO"


@dataclass(frozen=True)
class Producer:
    id: int
    code: str
    name: str
    kind: str
    province: str
    phone: str
    tax_code: str
    bank_bin: str
    bank_account: str
    bank_account_name: str
    commission_bp: int
    active: bool


@dataclass(frozen=True)
class Product:
    id: int
    sku: str
    name: str
    producer_id: int
    producer_code: str
    producer_name: str
    province: str
    category: str
    unit: str
    price_vnd: int
    ocop_rating: str
    vat_bp: int  # the rate in force on the day the product was looked up
    tracks_expiry: bool
    active: bool
    barcodes: tuple[str, ...]
    ocop_certificate: str = ""
    ocop_certificate_expiry: str | None = None


@dataclass(frozen=True)
class SaveResult:
    created: bool
    id: int


# ---- writes (each public one is a transaction; the _write helpers join the caller's) ----


def write_producer(db: Database, producer: ProducerInput, on: date) -> SaveResult:
    values = {
        "code": producer.code,
        "name": producer.name,
        "kind": producer.kind,
        "province": producer.province,
        "phone": producer.phone,
        "tax_code": producer.tax_code,
        "bank_bin": producer.bank_bin,
        "bank_account": producer.bank_account,
        "bank_account_name": producer.bank_account_name,
    }
    existing = db.execute("SELECT id FROM producers WHERE code = ?", [producer.code]).fetchone()
    if existing:
        producer_id = existing[0]
        assignments = ", ".join(f"{column} = ?" for column in values)
        db.execute(
            f"UPDATE producers SET {assignments} WHERE id = ?", [*values.values(), producer_id]
        )
    else:
        producer_id = insert_row(db, "producers", values)
    _set_commission(db, producer_id, None, producer.commission_bp, on)
    if existing:
        search.reindex_producer(db, producer_id)
    return SaveResult(created=not existing, id=producer_id)


def write_product(db: Database, product: ProductInput, on: date) -> SaveResult:
    """One product, the way an import writes many (product_staging)."""
    stage_products(db, [product])
    [(created, product_id)] = post_staged_products(db, on)
    return SaveResult(created, product_id)


def _product_details(product: ProductInput, saved: SaveResult) -> dict:
    """What the audit log keeps of a product's save: what decides what a sale is worth."""
    return {
        "product": product.sku,
        "price": product.price_vnd,
        "commission_bp": product.commission_bp,
        "created": saved.created,
    }


def producer_subject(producer: ProducerInput) -> str:
    return f"chủ thể {producer.code}"


def product_subject(product: ProductInput) -> str:
    return f"mặt hàng {product.sku}: giá {format_vnd(product.price_vnd)}"


def edit_producer(
    db: Database,
    producer: ProducerInput,
    active: bool,
    actor: User,
    approval: Approval | None = None,
) -> SaveResult:
    """The producer editor's save: details, commission terms from today, and whether the
    showroom still takes their goods (a producer with history is deactivated, never deleted)."""
    with db.atomic():
        subject = producer_subject(producer)
        approver = approvals.use_approval(db, actor, "catalog", subject, approval)
        saved = write_producer(db, producer, today())
        db.execute("UPDATE producers SET active = ? WHERE id = ?", [int(active), saved.id])
        details = {"producer": producer.code, "active": active, "created": saved.created}
        audit.record(db, "producer_saved", actor.username, details, approver)
    return saved


def edit_product(
    db: Database,
    product: ProductInput,
    active: bool,
    actor: User,
    approval: Approval | None = None,
) -> SaveResult:
    """The product editor's save. Its barcode list is the whole list: a code taken off it
    no longer scans (sales keep the product, not the code). Inactive products do not sell."""
    with db.atomic():
        subject = product_subject(product)
        approver = approvals.use_approval(db, actor, "catalog", subject, approval)
        saved = write_product(db, product, today())
        terms = product_terms(db, saved.id)
        if product.commission_bp is None and terms.commission_override_bp is not None:
            # Terms are never deleted: the override ends by matching the producer's from today.
            producer_id = producer_id_of(db, product.producer_code)
            default = _terms_in_force(db, producer_id, None, today()) or 0
            _set_commission(db, producer_id, saved.id, default, today())
        keep = list(product.barcodes)
        marks = ",".join("?" * len(keep))
        db.execute(
            f"DELETE FROM barcodes WHERE product_id = ? AND code NOT IN ({marks})",
            [saved.id, *keep],
        )
        db.execute("UPDATE products SET active = ? WHERE id = ?", [int(active), saved.id])
        search.reindex_product(db, saved.id)
        details = {**_product_details(product, saved), "active": active}
        audit.record(db, "product_saved", actor.username, details, approver)
    return saved


@dataclass(frozen=True)
class ProductTerms:
    standard_vat_bp: int  # before any dated reduction
    commission_override_bp: int | None  # None: the producer's terms apply


def product_terms(db: Database, product_id: int) -> ProductTerms:
    producer_id, vat_bp = db.execute(
        "SELECT producer_id, vat_bp FROM products WHERE id = ?", [product_id]
    ).fetchone()
    return ProductTerms(vat_bp, _terms_in_force(db, producer_id, product_id, today()))


def categories(db: Database) -> list[str]:
    rows = db.execute("SELECT DISTINCT category FROM products WHERE category != ''").fetchall()
    return sorted((row[0] for row in rows), key=fold)


def issue_instore_barcode(db: Database, product_id: int, actor: User) -> str:
    """Give a product without a GS1 code the showroom's own EAN-13 (prefix 20); audited."""
    with db.atomic():
        approvals.check_actor(db, actor)
        code = write_instore_barcode(db, product_id)
        audit.record(db, "barcode_issued", actor.username, {"product": product_id, "code": code})
        return code


def write_instore_barcode(db: Database, product_id: int) -> str:
    existing = db.execute(
        "SELECT code, kind FROM barcodes WHERE product_id = ? ORDER BY kind = 'gs1' DESC",
        [product_id],
    ).fetchone()
    if existing is not None:
        code, kind = existing
        if kind == "gs1":
            raise ValidationError(f"sản phẩm đã có mã vạch GS1 {code}: không cần mã nội bộ")
        return code
    while True:  # skip any number someone already used by hand
        code = instore_ean13(next_in_sequence(db, INSTORE_SERIES))
        if barcode_owner(db, code) is None:
            break
    db.execute(
        "INSERT INTO barcodes (code, product_id, kind) VALUES (?, ?, 'instore')",
        [code, product_id],
    )
    search.reindex_product(db, product_id)
    return code


def _standard_vat(db: Database, charged_bp: int, on: date) -> tuple[int, bool]:
    """A rate entered as charged today: a reduced rate in force (8 %) is stored as its
    standard rate (10 %) that the reduction applies to, so it returns when the reduction ends."""
    row = db.execute(
        "SELECT standard_bp FROM vat_reductions WHERE reduced_bp = ? "
        "AND ? BETWEEN valid_from AND valid_to",
        [charged_bp, on.isoformat()],
    ).fetchone()
    return (row[0], True) if row else (charged_bp, False)


def _set_commission(
    db: Database, producer_id: int, product_id: int | None, commission_bp: int, on: date
) -> None:
    """Record new terms only when they differ from those in force: history is never rewritten."""
    if _terms_in_force(db, producer_id, product_id, on) == commission_bp:
        return
    db.execute(
        "INSERT INTO commission_terms "
        "(producer_id, product_id, effective_from, commission_bp, recorded_at) "
        "VALUES (?, ?, ?, ?, ?)",
        [producer_id, product_id, on.isoformat(), commission_bp, now_iso()],
    )


def _terms_in_force(db: Database, producer_id: int, product_id: int | None, on: date) -> int | None:
    row = db.execute(terms_in_force_sql("?", "?", "?"), [producer_id, product_id, on.isoformat()])
    found = row.fetchone()
    return found[0] if found else None


def terms_in_force_sql(producer: str, product: str, on: str) -> str:
    """The commission in force for a producer (and a product, or NULL: the producer's own
    terms) on a day: the newest terms effective by then. SQL expressions as arguments."""
    return (
        "SELECT commission_bp FROM commission_terms "
        f"WHERE producer_id = {producer} AND product_id IS {product} AND effective_from <= {on} "
        "ORDER BY effective_from DESC, id DESC LIMIT 1"
    )


# ---- reads ----


def commission_in_force(db: Database, product_id: int, on: date) -> int:
    """The product's own terms if it has any, else its producer's, as of ``on``. A sale dated
    before the first recorded terms (a back-dated fair sale) takes those first terms."""
    producer_id = db.execute(
        "SELECT producer_id FROM products WHERE id = ?", [product_id]
    ).fetchone()[0]
    for terms in (
        _terms_in_force(db, producer_id, product_id, on),
        _terms_in_force(db, producer_id, None, on),
        _first_terms(db, producer_id),
    ):
        if terms is not None:
            return terms
    raise NotFound("chủ thể của sản phẩm này chưa có điều khoản hoa hồng")


def _first_terms(db: Database, producer_id: int) -> int | None:
    row = db.execute(
        "SELECT commission_bp FROM commission_terms WHERE producer_id = ? AND product_id IS NULL "
        "ORDER BY effective_from, id LIMIT 1",
        [producer_id],
    ).fetchone()
    return row[0] if row else None


def vat_rate_on(db: Database, product_id: int, on: date) -> int:
    return db.execute(
        f"SELECT {_VAT_ON} FROM products p WHERE p.id = :id",
        {"id": product_id, "on": on.isoformat()},
    ).fetchone()[0]


def barcode_owner(db: Database, code: str) -> str | None:
    row = db.execute(
        "SELECT p.sku FROM barcodes b JOIN products p ON p.id = b.product_id WHERE b.code = ?",
        [code],
    ).fetchone()
    return row[0] if row else None


def producer_id_of(db: Database, code: str) -> int:
    row = db.execute("SELECT id FROM producers WHERE code = ?", [code]).fetchone()
    if row is None:
        raise NotFound(f"không có chủ thể mã {code}")
    return row[0]


def get_producer(db: Database, code: str) -> Producer:
    producers = list_producers(db, code=code)
    if not producers:
        raise NotFound(f"không có chủ thể mã {code}")
    return producers[0]


def list_producers(db: Database, code: str | None = None, on: date | None = None) -> list[Producer]:
    on_text = (on or today()).isoformat()
    where, params = ("WHERE p.code = ?", [code]) if code else ("", [])
    rows = db.execute(
        f"""
        SELECT p.id, p.code, p.name, p.kind, p.province, p.phone, p.tax_code, p.bank_bin,
               p.bank_account, p.bank_account_name,
               (SELECT t.commission_bp FROM commission_terms t
                 WHERE t.producer_id = p.id AND t.product_id IS NULL AND t.effective_from <= ?
                 ORDER BY t.effective_from DESC, t.id DESC LIMIT 1),
               p.active
        FROM producers p {where}
        """,
        [on_text, *params],
    ).fetchall()
    producers = [
        Producer(*row[:10], commission_bp=row[10] or 0, active=bool(row[11])) for row in rows
    ]
    return sorted(producers, key=lambda p: fold(p.name))


# The VAT rate of product p on the day :on (a reduction in force, else the standard rate).
_VAT_ON = """coalesce((SELECT r.reduced_bp FROM vat_reductions r
                 WHERE p.vat_reducible = 1 AND r.standard_bp = p.vat_bp
                   AND :on BETWEEN r.valid_from AND r.valid_to), p.vat_bp)"""

_PRODUCT_SELECT = f"""
SELECT p.id, p.sku, p.name, p.producer_id, pr.code, pr.name, pr.province, p.category, p.unit,
       p.price_vnd, p.ocop_rating, {_VAT_ON}, p.tracks_expiry, p.active,
       (SELECT group_concat(b.code, ' ') FROM barcodes b WHERE b.product_id = p.id),
       p.ocop_certificate, p.ocop_certificate_expiry
FROM products p JOIN producers pr ON pr.id = p.producer_id
"""


def _product_from_row(row) -> Product:
    return Product(
        *row[:12],
        tracks_expiry=bool(row[12]),
        active=bool(row[13]),
        barcodes=tuple((row[14] or "").split()),
        ocop_certificate=row[15],
        ocop_certificate_expiry=row[16],
    )


def products_by_ids(db: Database, ids: list[int], on: date | None = None) -> list[Product]:
    """Products in the order of ``ids`` (search results keep their ranking)."""
    if not ids:
        return []
    params = {"on": (on or clock.today()).isoformat()}
    params |= {f"id{i}": product_id for i, product_id in enumerate(ids)}
    marks = ",".join(f":id{i}" for i in range(len(ids)))
    rows = db.execute(f"{_PRODUCT_SELECT} WHERE p.id IN ({marks})", params).fetchall()
    by_id = {row[0]: _product_from_row(row) for row in rows}
    return [by_id[i] for i in ids if i in by_id]


def list_products(
    db: Database, producer_code: str | None = None, on: date | None = None
) -> list[Product]:
    params = {"on": (on or clock.today()).isoformat(), "producer": producer_code}
    where = "WHERE pr.code = :producer" if producer_code else ""
    rows = db.execute(f"{_PRODUCT_SELECT} {where}", params).fetchall()
    return sorted((_product_from_row(row) for row in rows), key=lambda p: fold(p.name))


def find_product_by_code(db: Database, code: str, on: date | None = None) -> Product | None:
    """What a scan finds: a barcode exactly, else a sku (any case); VAT as of ``on``."""
    code = code.strip()
    row = db.execute("SELECT product_id FROM barcodes WHERE code = ?", [code]).fetchone()
    if row is None:
        row = db.execute("SELECT id FROM products WHERE sku = ?", [code.upper()]).fetchone()
    if row is None:
        return None
    return products_by_ids(db, [row[0]], on)[0]


def search_products(db: Database, query: str, limit: int = 50) -> list[Product]:
    """Diacritic-insensitive search over name, sku, barcode and producer."""
    return products_by_ids(db, search.matching_product_ids(db, query, limit))
