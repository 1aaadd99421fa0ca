"""The goods receipt and producer return notes: their figures come from the posted documents,
and their PDFs read in Vietnamese, page after page."""

import re
from datetime import date, timedelta

import pytest
from test_statements import pdf_text  # tests/ is on the path under pytest

from pos.documents.stock_note import GOODS_RECEIPT, PRODUCER_RETURN
from pos.errors import NotFound
from pos.money import format_vnd
from pos.printing.stock_note_pdf import stock_note_pdf_bytes, vnd_in_words, write_stock_note_pdf
from pos.services.stock import IntakeLine, LotQty, receive_goods, return_to_producer
from pos.services.stock_notes import goods_receipt_note, producer_return_note
from tests.conftest import demo_user

DAY = date(2026, 11, 25)
RETURN_REASON = "Hàng cận hạn & bao bì móp, trả theo đề nghị của chủ thể"


def receive_hoaban(db) -> str:
    """Four lines for HOABAN: two lots of one product, a second product, and a product without
    lot tracking (its lot is named after the receipt)."""
    posted = receive_goods(
        db,
        "HOABAN",
        [
            IntakeLine("SAM-CU-100", 5, "SC2611-A", date(2026, 11, 20), date(2027, 8, 20)),
            IntakeLine("SAM-CU-100", 3, "SC2611-B", date(2026, 11, 21), date(2027, 8, 21)),
            IntakeLine("SAM-TRA-20", 12, "ST2611-C", date(2026, 11, 19), date(2027, 11, 19)),
            IntakeLine("SAM-RUOU-500", 4),
        ],
        DAY,
        note="Anh Tuấn giao, đủ tem OCOP",
        actor=demo_user(db, "quanly"),
    )
    return posted.number


def return_hoaban(db) -> str:
    posted = return_to_producer(
        db,
        "HOABAN",
        [
            LotQty(lot_id(db, "SAM-CU-100", "L2611-00"), 2),
            LotQty(lot_id(db, "SAM-TRA-20", "L2612-01"), 1),
        ],
        RETURN_REASON,
        DAY + timedelta(days=1),
        actor=demo_user(db, "quanly"),
    )
    return posted.number


def receive_sixty_lines(db) -> str:
    skus = ["BANH-PIA", "BANH-COM", "BANH-CHA", "BANH-TRUNGTHU", "MUT-SEN"]
    lines = [
        IntakeLine(
            skus[k % 5],
            k + 1,
            f"BM{k + 1:03d}",
            date(2026, 11, 1) + timedelta(days=k % 20),
            date(2027, 5, 1) + timedelta(days=k),
        )
        for k in range(60)
    ]
    return receive_goods(db, "BAOMINH", lines, DAY, actor=demo_user(db, "quanly")).number


def lot_id(db, sku: str, lot_code: str) -> int:
    return db.execute(
        "SELECT l.id FROM lots l JOIN products p ON p.id = l.product_id "
        "WHERE p.sku = ? AND l.lot_code = ?",
        [sku, lot_code],
    ).fetchone()[0]


def totals_in_db(db, header: str, lines: str, parent: str, number: str) -> tuple[int, int]:
    """Units and retail value of a posted document, summed straight from its rows."""
    return tuple(
        db.execute(
            f"SELECT sum(d.qty), sum(d.qty * p.price_vnd) FROM {lines} d "
            f"JOIN products p ON p.id = d.product_id "
            f"JOIN {header} h ON h.id = d.{parent} WHERE h.number = ?",
            [number],
        ).fetchone()
    )


def test_goods_receipt_note_has_every_line_and_adds_up(demo_db, tmp_path):
    number = receive_hoaban(demo_db)
    note = goods_receipt_note(demo_db, number)
    assert (note.kind, note.number, note.date) == (GOODS_RECEIPT, number, "2026-11-25")
    assert note.showroom_name == "Showroom OCOP Hà Nội (demo)"
    assert note.showroom_address.startswith("Số 1 phố Demo")
    p = note.producer
    assert (p.code, p.name, p.kind, p.kind_label, p.province, p.phone, p.tax_code) == (
        "HOABAN",
        "Công ty TNHH Hoa Ban",
        "company",
        "Công ty",
        "Lai Châu",
        "0913000101",
        "6200001234",
    )
    assert note.note == "Anh Tuấn giao, đủ tem OCOP"
    assert [(n.line_no, n.sku, n.lot_code, n.qty) for n in note.lines] == [
        (1, "SAM-CU-100", "SC2611-A", 5),
        (2, "SAM-CU-100", "SC2611-B", 3),
        (3, "SAM-TRA-20", "ST2611-C", 12),
        (4, "SAM-RUOU-500", number, 4),  # no lot tracking: the receipt names the lot
    ]
    first = note.lines[0]
    assert (first.product_name, first.unit, first.unit_price_vnd, first.value_vnd) == (
        "Sâm Lai Châu củ tươi 100g",
        "hộp",
        2_500_000,
        12_500_000,
    )
    assert (first.production_date, first.expiry_date) == ("2026-11-20", "2027-08-20")
    assert note.lines[3].expiry_date is None
    assert all(n.value_vnd == n.qty * n.unit_price_vnd for n in note.lines)
    assert (note.total_qty, note.total_value_vnd) == totals_in_db(
        demo_db, "goods_receipts", "goods_receipt_lines", "goods_receipt_id", number
    )
    assert note.total_value_vnd == 8 * 2_500_000 + 12 * 350_000 + 4 * 1_200_000

    path = tmp_path / "pnk.pdf"
    write_stock_note_pdf(note, path)
    text = pdf_text(path)
    for expected in (
        "PHIẾU NHẬP KHO HÀNG KÝ GỬI",
        number,
        "Công ty TNHH Hoa Ban",
        "Showroom OCOP Hà Nội (demo)",
        "Sâm Lai Châu củ tươi 100g",
        "Anh Tuấn giao, đủ tem OCOP",
        "25/11/2026",
        "20/08/2027",
        format_vnd(note.total_value_vnd),
        "Hai mươi chín triệu đồng",
        "Người giao hàng (bên ký gửi)",
        "Người nhận hàng (cửa hàng)",
        "Trang 1/1",
        *(n.lot_code for n in note.lines),
    ):
        assert expected in text, expected
    assert "?" not in text and "\ufffd" not in text  # no letter replaced or missing


def test_producer_return_note_shows_the_reason_and_both_signatures(demo_db, tmp_path):
    number = return_hoaban(demo_db)
    note = producer_return_note(demo_db, number)
    assert (note.kind, note.number, note.date) == (PRODUCER_RETURN, number, "2026-11-26")
    assert note.note == RETURN_REASON
    assert [(n.sku, n.lot_code, n.qty) for n in note.lines] == [
        ("SAM-CU-100", "L2611-00", 2),
        ("SAM-TRA-20", "L2612-01", 1),
    ]
    assert (note.total_qty, note.total_value_vnd) == totals_in_db(
        demo_db, "producer_returns", "producer_return_lines", "producer_return_id", number
    )
    assert note.total_value_vnd == 2 * 2_500_000 + 350_000
    text = pdf_text_of(note, tmp_path)
    for expected in (
        "PHIẾU XUẤT TRẢ HÀNG KÝ GỬI",
        number,
        "Công ty TNHH Hoa Ban",
        "Lý do trả hàng",
        RETURN_REASON,  # '&' is printed, not taken for markup
        "L2611-00",
        "L2612-01",
        "26/11/2026",
        format_vnd(5_350_000),
        "Năm triệu ba trăm năm mươi nghìn đồng",
        "Người nhận lại hàng (bên ký gửi)",
        "Người xuất trả (cửa hàng)",
    ):
        assert expected in text, expected
    assert "?" not in text and "\ufffd" not in text


def test_sixty_lines_run_onto_numbered_pages_with_the_header_repeated(demo_db, tmp_path):
    number = receive_sixty_lines(demo_db)
    note = goods_receipt_note(demo_db, number)
    assert len(note.lines) == 60
    assert (note.total_qty, note.total_value_vnd) == totals_in_db(
        demo_db, "goods_receipts", "goods_receipt_lines", "goods_receipt_id", number
    )
    assert note.total_qty == sum(range(1, 61))
    pages = [page for page in pdf_text_of(note, tmp_path).split("\f") if page.strip()]
    assert len(pages) >= 2
    for i, page in enumerate(pages, start=1):
        assert f"Trang {i}/{len(pages)}" in page
        assert "Thành tiền" in page and "Số lô" in page  # the header row on every page
        assert number in page  # the footer names the note
    text = "\n".join(pages)
    assert all(f"BM{k:03d}" in text for k in range(1, 61))
    assert format_vnd(note.total_value_vnd) in pages[-1]
    assert "Người nhận hàng (cửa hàng)" in pages[-1]
    assert re.search(r"Cộng\s+1\.830\s", pages[-1])  # the totals row, after the last line


def pdf_text_of(note, tmp_path) -> str:
    path = tmp_path / f"{note.number}.pdf"
    path.write_bytes(stock_note_pdf_bytes(note))
    return pdf_text(path)


def test_an_unknown_number_is_not_found(demo_db):
    receipt = receive_hoaban(demo_db)
    with pytest.raises(NotFound, match="không có phiếu nhập kho số PNK-999999"):
        goods_receipt_note(demo_db, "PNK-999999")
    with pytest.raises(NotFound, match="phiếu xuất trả"):
        producer_return_note(demo_db, receipt)  # a receipt is not a return
    assert goods_receipt_note(demo_db, receipt.lower()).number == receipt


@pytest.mark.parametrize(
    "amount, words",
    [
        (0, "Không đồng"),
        (15, "Mười lăm đồng"),
        (21, "Hai mươi mốt đồng"),
        (105, "Một trăm linh năm đồng"),
        (1_005_000, "Một triệu không trăm linh năm nghìn đồng"),
        (1_250_000, "Một triệu hai trăm năm mươi nghìn đồng"),
        (2_000_000_005, "Hai tỷ không trăm linh năm đồng"),
    ],
)
def test_amounts_in_words(amount, words):
    assert vnd_in_words(amount) == words


def test_notes_reprint_what_was_posted_after_renames_new_prices_and_a_new_address(
    demo_db, monkeypatch
):
    """A goods receipt note is the paper the producer's deliverer signed: renaming the
    producer, renaming a product, a new price and the showroom's new address change nothing
    on its reprint, nor on a return note's."""
    from datetime import datetime

    from pos.catalog import producer_input_from
    from pos.services import catalog
    from pos.services.settings import set_settings

    received, returned = receive_hoaban(demo_db), return_hoaban(demo_db)
    before = goods_receipt_note(demo_db, received), producer_return_note(demo_db, returned)
    pdfs = [stock_note_pdf_bytes(note) for note in before]
    monkeypatch.setattr("pos.clock.now", lambda: datetime.now() + timedelta(days=1))
    admin = demo_user(demo_db, "admin")
    renamed = {"code": "HOABAN", "name": "HTX Đổi Tên", "kind": "cooperative"}
    renamed |= {"province": "Cà Mau", "phone": "0900000000", "commission_pct": "30"}
    catalog.edit_producer(demo_db, producer_input_from(renamed), True, admin)
    demo_db.execute(
        "UPDATE products SET name = 'Tên mới', unit = 'thùng', price_vnd = price_vnd * 2 "
        "WHERE sku IN ('SAM-CU-100', 'SAM-TRA-20')"
    )
    set_settings(demo_db, {"showroom_name": "Tên showroom mới", "showroom_address": "Số 9"}, admin)
    after = goods_receipt_note(demo_db, received), producer_return_note(demo_db, returned)
    assert after == before
    assert [stock_note_pdf_bytes(note) for note in after] == pdfs
    assert before[0].producer.name == "Công ty TNHH Hoa Ban"
    assert before[0].showroom_name == "Showroom OCOP Hà Nội (demo)"
