import os
from datetime import datetime, timedelta

import pytest
from escpos.printer import Dummy
from PIL import Image, ImageChops

from pos.cart import Cart, Discount, price
from pos.payments import Tender, cash_tender
from pos.printing.blocks import Text, as_text
from pos.printing.escpos_out import PrinterConfig, PrinterError, print_slip, send_slip
from pos.printing.raster import PAPER_DOTS, font, render
from pos.printing.receipt import layout_receipt
from pos.services import catalog, print_queue, receipts, sales, shifts
from pos.services.settings import set_settings
from tests.conftest import demo_user
from tests.golden_files import REWRITE, golden_path, golden_text

SOLD = datetime(2026, 11, 24, 10, 30)
VIETNAMESE = "Trà sâm Lai Châu · Đường thốt nốt · Rượu men lá · Ống hút gạo · 1.250.000 ₫"


@pytest.fixture
def sale(demo_db, monkeypatch):
    # the showroom's details as they stand when the sale is posted (a reprint shows those)
    monkeypatch.setattr("pos.clock.now", lambda: SOLD - timedelta(hours=1))
    set_settings(
        demo_db,
        {"showroom_tax_code": "0101234567", "showroom_phone": "024 3826 1234"},
        demo_user(demo_db, "admin"),
    )
    shifts.open_shift(demo_db, "T01", "Nguyễn Thị Lan", 500_000)
    cart = Cart()
    for code, qty in (("8938505970103", 2), ("BANH-PIA", 1), ("KHAN-LUA", 1)):
        cart.add(sales.cart_line(catalog.find_product_by_code(demo_db, code, SOLD.date()), qty))
    cart.set_line_discount(1, Discount.parse("5.000"))
    cart.set_discount(Discount.parse("10.000"))
    total = price(cart).total_vnd
    tenders = [Tender("bank", 500_000, reference="VietQR"), cash_tender(total - 500_000, 800_000)]
    return sales.post_sale(
        demo_db,
        "T01",
        cart,
        tenders,
        "tok",
        SOLD,
        queue_receipt=True,
        actor=demo_user(demo_db, "thungan"),
    )


def test_receipt_layout_matches_the_golden_file(demo_db, sale):
    data = receipts.receipt_data(demo_db, sale.number)
    text = as_text(layout_receipt(data))
    assert text == golden_text("receipt-T01-000001.txt", text)
    copy = as_text(layout_receipt(data, copy=True))
    assert "*** BẢN IN LẠI ***" in copy and "BẢN IN LẠI" not in text


def test_receipt_figures_add_up(demo_db, sale):
    data = receipts.receipt_data(demo_db, sale.number)
    assert sum(line.net_vnd for line in data.lines) == data.total_vnd
    assert data.gross_vnd - data.discount_vnd == data.total_vnd
    assert data.qr_payload.startswith("000201010212")  # paid by transfer: the VietQR
    assert "T01-000001" in data.qr_payload


def test_every_vietnamese_letter_has_a_glyph_in_the_bundled_font():
    letters = "ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ₫"
    for face in (font(26), font(26, bold=True)):
        missing = bytes(face.getmask("\ue000"))  # a private-use point: the "tofu" box
        for letter in letters + letters.upper():
            assert bytes(face.getmask(letter)) != missing, letter


def test_vietnamese_raster_round_trips_against_the_reference_image():
    image = render([Text(VIETNAMESE, "center")], PAPER_DOTS[80])
    assert image.mode == "1" and image.width == 576
    reference_path = golden_path("vietnamese-576.png")
    if os.environ.get(REWRITE):
        image.save(reference_path)
    reference = Image.open(reference_path).convert("1")
    assert reference.size == image.size
    # Exactly the reference: the layout engine is chosen (raster.font), not the system's.
    diff = ImageChops.difference(image.convert("L"), reference.convert("L"))
    assert diff.getbbox() is None
    plain = render([Text(VIETNAMESE.replace("à", "a").replace("â", "a"), "center")], 576)
    assert plain.tobytes() != image.tobytes()  # the marks are really drawn


def test_58mm_paper_is_384_dots(demo_db, sale):
    image = render(layout_receipt(receipts.receipt_data(demo_db, sale.number)), PAPER_DOTS[58])
    assert image.width == 384 and image.height > 600


def test_escpos_output_has_raster_cut_and_drawer_pulse(demo_db, sale):
    device = Dummy()
    blocks = layout_receipt(receipts.receipt_data(demo_db, sale.number))
    send_slip(device, blocks, PrinterConfig("file", "x"), cut=True, open_drawer=True)
    output = device.output
    assert b"\x1dv0" in output  # GS v 0: raster bit image
    assert b"\x1dV" in output  # GS V: cut
    assert b"\x1bp" in output  # ESC p: drawer kick
    assert "Trà".encode() not in output  # the text went as pixels, not as bytes to garble


def test_text_mode_uses_the_configured_code_page(demo_db, sale):
    device = Dummy()
    blocks = layout_receipt(receipts.receipt_data(demo_db, sale.number))
    send_slip(device, blocks, PrinterConfig("file", "x", 80, "text", "CP1258"), cut=True)
    output = device.output
    assert b"\x1bt" in output  # ESC t: code page selected
    assert b"SHOWROOM OCOP" in output and b"\x1dv0" not in output  # text, not raster
    assert b"\x1d(k" in output and b"\x1dV" in output  # the printer's own QR, then the cut


def test_printer_down_keeps_the_sale_and_a_retry_prints_once(demo_db, sale):
    [job] = print_queue.waiting_jobs(demo_db)
    assert (job.document_number, job.open_drawer, job.status) == ("T01-000001", True, "queued")
    config = PrinterConfig("network", "192.0.2.1:9100")
    data = receipts.receipt_data(demo_db, job.document_number)

    def offline(_config):
        raise PrinterError("không kết nối được máy in")

    print_queue.claim(demo_db, job.id)
    with pytest.raises(PrinterError):
        print_slip(config, layout_receipt(data), job.open_drawer, opener=offline)
    print_queue.mark_failed(demo_db, job.id, "không kết nối được máy in")
    assert demo_db.execute("SELECT count(*) FROM sales").fetchone()[0] == 1
    assert print_queue.waiting_jobs(demo_db)[0].status == "failed"

    paper = Dummy()
    print_queue.claim(demo_db, job.id)
    print_slip(config, layout_receipt(data), job.open_drawer, opener=lambda _c: paper)
    print_queue.mark_printed(demo_db, job.id)
    assert paper.output.count(b"\x1dV") == 1
    assert print_queue.waiting_jobs(demo_db) == []
    with pytest.raises(Exception, match="đã in xong"):
        print_queue.claim(demo_db, job.id)  # a second click cannot print it again


def test_a_receipt_is_queued_once_and_copies_are_explicit(demo_db, sale):
    import sqlite3

    with pytest.raises(sqlite3.IntegrityError):
        print_queue.queue_receipt(demo_db, sale.number, open_drawer=False)
    copy = print_queue.queue_copy(demo_db, sale.number)
    assert copy.copy and not copy.open_drawer


def test_a_job_interrupted_by_a_crash_is_held_not_reprinted(demo_db, sale):
    [job] = print_queue.waiting_jobs(demo_db)
    print_queue.claim(demo_db, job.id)
    assert print_queue.recover_after_restart(demo_db) == 1
    held = print_queue.get_job(demo_db, job.id)
    assert held.status == "failed" and "đã tắt khi đang in" in held.last_error


def test_unreachable_printers_give_a_clear_message(tmp_path):
    from pos.printing.escpos_out import open_printer

    with pytest.raises(PrinterError, match="chưa chọn máy in"):
        open_printer(PrinterConfig("none", ""))
    with pytest.raises(PrinterError, match="không đúng dạng"):
        open_printer(PrinterConfig("usb", "not-an-id"))
    with pytest.raises(PrinterError, match="không kết nối được"):
        open_printer(PrinterConfig("file", str(tmp_path / "missing-dir" / "lp0")))
    with pytest.raises(PrinterError, match="không kết nối được"):
        open_printer(PrinterConfig("network", "127.0.0.1:9"))  # nothing listens there


def test_a_missing_golden_file_fails_instead_of_being_written(tmp_path, monkeypatch):
    monkeypatch.delenv(REWRITE, raising=False)
    with pytest.raises(pytest.fail.Exception, match="make golden"):
        golden_text("receipt-gone.txt", "anything", tmp_path)
    assert not (tmp_path / "receipt-gone.txt").exists()
    monkeypatch.setenv(REWRITE, "1")
    assert golden_text("receipt-gone.txt", "anything", tmp_path) == "anything"


def test_a_sale_returns_its_receipt_job_and_a_replay_returns_the_same_one(demo_db, sale):
    """The till prints what post_sale hands back, with no second trip to the database."""
    assert sale.print_job is not None
    assert (sale.print_job.document_number, sale.print_job.copy) == (sale.number, False)
    assert sale.print_job.open_drawer and sale.print_job.status == "queued"  # cash was given
    again = sales.post_sale(
        demo_db,
        "T01",
        Cart(),
        [],
        "tok",
        SOLD,
        queue_receipt=True,
        actor=demo_user(demo_db, "thungan"),
    )
    assert again.replayed and again.print_job == sale.print_job


def test_a_reprint_after_the_producer_is_renamed_prints_what_was_printed(
    demo_db, sale, monkeypatch
):
    """Posted documents keep what they printed: renaming a producer, moving it to another
    province, re-rating a product and the showroom's new details change nothing on an old
    receipt's reprint (its VietQR included)."""
    from pos.catalog import producer_input_from

    printed = as_text(layout_receipt(receipts.receipt_data(demo_db, sale.number)))
    qr = receipts.receipt_data(demo_db, sale.number).qr_payload
    monkeypatch.setattr("pos.clock.now", lambda: SOLD + timedelta(days=1))
    code = demo_db.execute(
        "SELECT pr.code FROM sale_lines l JOIN producers pr ON pr.id = l.producer_id "
        "WHERE l.sku = 'KHAN-LUA'"
    ).fetchone()[0]
    renamed = {"code": code, "name": "Công ty Đổi Tên Mới", "kind": "company"}
    renamed |= {"province": "Cà Mau", "commission_pct": "30"}
    catalog.edit_producer(demo_db, producer_input_from(renamed), True, demo_user(demo_db, "admin"))
    demo_db.execute("UPDATE products SET ocop_rating = '3' WHERE sku = 'KHAN-LUA'")
    set_settings(  # a day later: a new name, address, tax code, bank account
        demo_db,
        {
            "showroom_name": "Showroom Mới",
            "showroom_address": "Số 9 phố Mới",
            "showroom_tax_code": "0109999999",
            "bank_account": "99999999",
            "receipt_footer": "Lời chào mới",
        },
        demo_user(demo_db, "admin"),
    )
    now = as_text(layout_receipt(receipts.receipt_data(demo_db, sale.number)))
    assert "Đổi Tên" not in now and "Cà Mau" not in now
    assert now == printed
    assert receipts.receipt_data(demo_db, sale.number).qr_payload == qr
    assert receipts.receipt_data(demo_db, sale.number).showroom_name != "Showroom Mới"
