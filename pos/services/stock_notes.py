"""The paper notes of posted stock documents, as plain data for the PDF: the goods receipt note
(phiếu nhập kho hàng ký gửi) a producer's deliverer signs with the showroom's receiver, and
the producer return note (phiếu xuất trả hàng ký gửi). Read-only.

Goods receipt lines do not keep a price, so a line's value is its quantity at the product's
current retail price: the value of the consigned goods as the showroom lists them."""

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
from pos.services.settings import get_setting


def goods_receipt_note(db: Database, number: str) -> StockNote:
    """The note of the posted goods receipt ``number`` (PNK-...)."""
    return _note(
        db,
        GOODS_RECEIPT,
        number,
        "SELECT id, number, producer_id, received_on, note FROM goods_receipts WHERE number = ?",
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
        "SELECT id, number, producer_id, returned_on, reason FROM producer_returns "
        "WHERE number = ?",
        "producer_return_lines",
        "producer_return_id",
        f"không có phiếu xuất trả hàng số {number}",
    )


def _note(
    db: Database,
    kind: str,
    number: str,
    head_sql: str,
    line_table: str,
    parent_column: str,
    missing: str,
) -> StockNote:
    head = db.execute(head_sql, [number.strip().upper()]).fetchone()
    if head is None:
        raise NotFound(missing)
    document_id, stored_number, producer_id, day, note = head
    code, name, producer_kind, province, phone, tax_code = db.execute(
        "SELECT code, name, kind, province, phone, tax_code FROM producers WHERE id = ?",
        [producer_id],
    ).fetchone()
    rows = db.execute(
        f"SELECT p.sku, p.name, p.unit, l.lot_code, l.production_date, l.expiry_date, "
        f"d.qty, p.price_vnd FROM {line_table} d "
        "JOIN products p ON p.id = d.product_id JOIN lots l ON l.id = d.lot_id "
        f"WHERE d.{parent_column} = ? ORDER BY d.id",
        [document_id],
    ).fetchall()
    lines = tuple(
        StockNoteLine(i, sku, product, unit, lot, made, expiry, qty, price, qty * price)
        for i, (sku, product, unit, lot, made, expiry, qty, price) in enumerate(rows, start=1)
    )
    return StockNote(
        kind=kind,
        number=stored_number,
        date=day,
        showroom_name=get_setting(db, "showroom_name"),
        showroom_address=get_setting(db, "showroom_address"),
        showroom_phone=get_setting(db, "showroom_phone"),
        showroom_tax_code=get_setting(db, "showroom_tax_code"),
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
