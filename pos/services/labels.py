"""What goes on labels: a product's details, its barcode (issued in-store if it has none),
and the expiry of the lot being labelled."""

from sqlite_utils import Database

from pos.catalog import short_name
from pos.documents.label import LabelData
from pos.errors import NotFound, ValidationError
from pos.services.catalog import write_instore_barcode
from pos.services.stock import LOT_ON_HAND


def _label(db: Database, product_id: int, expiry_date: str | None) -> LabelData:
    row = db.execute(
        "SELECT p.name, p.price_vnd, p.ocop_rating, pr.name, p.tracks_expiry, "
        "(SELECT b.code FROM barcodes b WHERE b.product_id = p.id "
        " ORDER BY b.kind = 'gs1' DESC, b.code LIMIT 1) "
        "FROM products p JOIN producers pr ON pr.id = p.producer_id WHERE p.id = ?",
        [product_id],
    ).fetchone()
    name, price, rating, producer, tracks_expiry, barcode = row
    if barcode is None:
        barcode = write_instore_barcode(db, product_id)
    elif len(barcode) == 12:  # UPC-A is an EAN-13 with a leading zero
        barcode = "0" + barcode
    return LabelData(
        name, price, barcode, rating, short_name(producer), expiry_date if tracks_expiry else None
    )


def labels_for_product(db: Database, sku: str, copies: int) -> list[LabelData]:
    """``copies`` labels of one product, dated with its next lot to sell (if it tracks expiry)."""
    if not 1 <= copies <= 1000:
        raise ValidationError("số tem phải từ 1 đến 1000")
    with db.atomic():
        row = db.execute("SELECT id FROM products WHERE sku = ?", [sku.upper()]).fetchone()
        if row is None:
            raise NotFound(f"không có mặt hàng mã {sku}")
        expiry = db.execute(
            "SELECT min(l.expiry_date) FROM lots l WHERE l.product_id = ? AND l.status = 'active' "
            f"AND {LOT_ON_HAND} > 0",
            [row[0]],
        ).fetchone()[0]
        return [_label(db, row[0], expiry)] * copies


def labels_for_goods_receipt(db: Database, number: str) -> list[LabelData]:
    """One label per unit received, each with the expiry of its own lot."""
    with db.atomic():
        rows = db.execute(
            "SELECT l.product_id, lot.expiry_date, l.qty FROM goods_receipt_lines l "
            "JOIN goods_receipts g ON g.id = l.goods_receipt_id JOIN lots lot ON lot.id = l.lot_id "
            "WHERE g.number = ? ORDER BY l.id",
            [number],
        ).fetchall()
        if not rows:
            raise NotFound(f"không có phiếu nhập số {number}")
        labels = []
        for product_id, expiry, qty in rows:
            labels += [_label(db, product_id, expiry)] * qty
        return labels
