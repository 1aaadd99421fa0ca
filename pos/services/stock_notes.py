"""The paper notes of posted stock documents, as plain data for the PDF: the goods receipt note
(phiếu nhập kho hàng ký gửi) a producer's deliverer signs with the showroom's receiver, and
the producer return note (phiếu xuất trả hàng ký gửi). Read-only.

A line's value is its quantity at the product's retail price when the note was posted: the
value of the consigned goods as the showroom listed them. A reprint shows the producer, the
products and the showroom's head as posted (m017; older notes: as the catalog holds now)."""

from sqlite_utils import Database

from pos.catalog import PRODUCER_KINDS
from pos.documents.stock_note import (
    GOODS_RECEIPT,
    PRODUCER_RETURN,
    NoteProducer,
    StockNote,
    StockNoteLine,
)
from pos.errors import NotFound
from pos.services.settings import printed_settings


def goods_receipt_note(db: Database, number: str) -> StockNote:
    """The note of the posted goods receipt ``number`` (PNK-...)."""
    return _note(
        db,
        GOODS_RECEIPT,
        number,
        "goods_receipts",
        "received_on",
        "note",
        "goods_receipt_lines",
        "goods_receipt_id",
        f"không có phiếu nhập kho số {number}",
    )


def producer_return_note(db: Database, number: str) -> StockNote:
    """The note of the posted producer return ``number`` (PXT-...), with its reason."""
    return _note(
        db,
        PRODUCER_RETURN,
        number,
        "producer_returns",
        "returned_on",
        "reason",
        "producer_return_lines",
        "producer_return_id",
        f"không có phiếu xuất trả hàng số {number}",
    )


def _note(
    db: Database,
    kind: str,
    number: str,
    head_table: str,
    day_column: str,
    note_column: str,
    line_table: str,
    parent_column: str,
    missing: str,
) -> StockNote:
    head = db.execute(
        f"SELECT h.id, h.number, h.{day_column}, h.{note_column}, h.posted_at, pr.code, "
        "h.producer_name, h.producer_kind, h.producer_province, h.producer_phone, "
        f"h.producer_tax_code FROM {head_table} h JOIN producers pr ON pr.id = h.producer_id "
        "WHERE h.number = ?",
        [number.strip().upper()],
    ).fetchone()
    if head is None:
        raise NotFound(missing)
    document_id, stored_number, day, note, posted_at, *as_posted = head
    code, *producer = as_posted
    if not producer[0]:  # posted before m017: the catalog's details, as before
        producer = db.execute(
            "SELECT name, kind, province, phone, tax_code FROM producers WHERE code = ?", [code]
        ).fetchone()
    name, producer_kind, province, phone, tax_code = producer
    rows = db.execute(
        "SELECT p.sku, CASE WHEN d.product_name = '' THEN p.name ELSE d.product_name END, "
        "CASE WHEN d.product_name = '' THEN p.unit ELSE d.unit END, "
        "l.lot_code, l.production_date, l.expiry_date, d.qty, "
        "CASE WHEN d.product_name = '' THEN p.price_vnd ELSE d.price_vnd END "
        f"FROM {line_table} d "
        "JOIN products p ON p.id = d.product_id JOIN lots l ON l.id = d.lot_id "
        f"WHERE d.{parent_column} = ? ORDER BY d.id",
        [document_id],
    ).fetchall()
    lines = tuple(
        StockNoteLine(i, sku, product, unit, lot, made, expiry, qty, price, qty * price)
        for i, (sku, product, unit, lot, made, expiry, qty, price) in enumerate(rows, start=1)
    )
    shown = printed_settings(db, posted_at)
    return StockNote(
        kind=kind,
        number=stored_number,
        date=day,
        showroom_name=shown["showroom_name"],
        showroom_address=shown["showroom_address"],
        showroom_phone=shown["showroom_phone"],
        showroom_tax_code=shown["showroom_tax_code"],
        producer=NoteProducer(
            code,
            name,
            producer_kind,
            PRODUCER_KINDS.get(producer_kind, producer_kind),
            province,
            phone,
            tax_code,
        ),
        note=note,
        lines=lines,
        total_qty=sum(line.qty for line in lines),
        total_value_vnd=sum(line.value_vnd for line in lines),
    )
