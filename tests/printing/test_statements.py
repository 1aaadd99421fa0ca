import csv
import subprocess
from datetime import date, datetime

from pos import cli
from pos.cart import Cart, Discount, price
from pos.money import format_vnd
from pos.payments import cash_tender
from pos.printing.statement_pdf import write_statement_pdf
from pos.services import catalog, refunds, sales, shifts, statements, users
from tests.conftest import demo_user


def sell_and_refund(db):
    shifts.open_shift(db, "T01", "Lan", 0)
    for i, (code, qty, discount) in enumerate(
        [("BANH-PIA", 3, "5%"), ("MUT-SEN", 4, "10%"), ("BANH-TRUNGTHU", 6, "")]
    ):
        cart = Cart()
        cart.add(sales.cart_line(catalog.find_product_by_code(db, code, date(2026, 11, 24)), qty))
        if discount:
            cart.set_discount(Discount.parse(discount))
        total = price(cart).total_vnd
        sales.post_sale(
            db,
            "T01",
            cart,
            [cash_tender(total, total)],
            f"t{i}",
            datetime(2026, 11, 24, 10 + i),
            actor=demo_user(db, "thungan"),
        )
    line = refunds.sale_for_refund(db, "T01-000002").lines[0]
    refunds.post_refund(
        db,
        "T01",
        users.get_user(db, "quanly"),
        "T01-000002",
        [refunds.RefundItem(line.sale_line_id, 1)],
        "defective",
        "cash",
        "r",
        refunded_at=datetime(2026, 11, 25, 9),
    )


def pdf_text(path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_statement_pdf_reads_in_vietnamese_and_adds_up(demo_db, tmp_path):
    sell_and_refund(demo_db)
    issued = statements.issue_statements(
        demo_db, users.get_user(demo_db, "quanly"), date(2026, 11, 1), date(2026, 11, 30), False
    )
    number = next(s.number for s in issued if s.producer_code == "BAOMINH")
    document = statements.statement_document(
        demo_db, "BAOMINH", date(2026, 11, 1), date(2026, 11, 30), number
    )
    figures = document.figures
    assert figures.net_vnd == 213_750 + 324_000 + 570_000
    assert figures.owed_vnd == figures.net_vnd - figures.commission_vnd
    assert document.vietqr_payload.startswith("000201010212")
    path = tmp_path / "qt.pdf"
    write_statement_pdf(document, path)
    text = pdf_text(path)
    for expected in (
        "BẢNG KÊ QUYẾT TOÁN HÀNG KÝ GỬI",
        "Công ty CP Bánh kẹo Bảo Minh",
        "Mứt sen trần Bảo Minh",  # a long name wraps inside its column
        "Đối chiếu tồn kho",
        "Trang 1/1",
        "ĐẠI DIỆN CHỦ THỂ",
        format_vnd(figures.owed_vnd),
    ):
        assert expected in text
    assert "?" not in text and "\ufffd" not in text  # no letter replaced or missing


def test_cli_settle_writes_pdfs_and_a_summary(demo_db, tmp_path, capsys, monkeypatch):
    sell_and_refund(demo_db)
    db_file = demo_db.execute("PRAGMA database_list").fetchone()[2]
    code = cli.main(["--db", db_file, "settle", "--month", "2026-11", "--out", str(tmp_path)])
    assert code == 0
    rows = list(csv.DictReader(open(tmp_path / "tong-hop-202611.csv", encoding="utf-8-sig")))
    baominh = next(row for row in rows if row["code"] == "BAOMINH")
    assert int(baominh["refunds_vnd"]) == 108_000
    assert int(baominh["owed_vnd"]) == int(baominh["net_vnd"]) - int(baominh["commission_vnd"])
    assert (tmp_path / "quyet-toan-BAOMINH-202611.pdf").is_file()
    import openpyxl

    book = openpyxl.load_workbook(tmp_path / "quyet-toan-BAOMINH-202611.xlsx")
    sales_sheet = book["Doanh so"]
    nets = [row[7] for row in sales_sheet.iter_rows(min_row=2, values_only=True)]  # net column
    assert all(isinstance(net, int) for net in nets)  # numbers, not text
    assert sum(nets) == int(baominh["net_vnd"])
    assert cli.main(["--db", db_file, "settle", "--month", "2026-13", "--out", str(tmp_path)]) == 2
    closed = tmp_path / "closed"
    close = ["--db", db_file, "settle", "--month", "2026-11", "--out", str(closed), "--close"]
    assert cli.main(close) == 2  # closing a month is a signed act
    assert demo_db.execute("SELECT count(*) FROM closed_periods").fetchone()[0] == 0
    monkeypatch.setenv("OCOP_POS_PASSWORD", "quanly2026")
    assert cli.main([*close, "--user", "quanly"]) == 0
    assert "QT-000001" in pdf_text(closed / "quyet-toan-BAOMINH-202611.pdf")  # issued, numbered
    assert demo_db.execute("SELECT count(*) FROM closed_periods").fetchone()[0] == 1


def test_commission_terms_are_shown_as_sold(demo_db):
    sell_and_refund(demo_db)
    figures = statements.statement_document(
        demo_db, "BAOMINH", date(2026, 11, 1), date(2026, 11, 30)
    ).figures
    assert {row.commission_terms for row in figures.sales} == {"25 %"}


def test_names_with_markup_characters_print_as_typed(demo_db, tmp_path):
    # Typed by people, so '&' and '<' must print rather than break the PDF's markup.
    demo_db.execute("UPDATE products SET name = 'Bánh pía A&B <hộp quà>' WHERE sku = 'BANH-PIA'")
    demo_db.execute("UPDATE producers SET name = 'Bảo Minh & Con' WHERE code = 'BAOMINH'")
    sell_and_refund(demo_db)
    document = statements.statement_document(
        demo_db, "BAOMINH", date(2026, 11, 1), date(2026, 11, 30)
    )
    path = tmp_path / "qt.pdf"
    write_statement_pdf(document, path)
    text = " ".join(pdf_text(path).split())
    assert "Bảo Minh & Con" in text and "A&B <hộp" in text


def test_table_texts_break_where_a_paragraph_would():
    # cell_text stands in for a Paragraph in table cells: the same lines, or the Paragraph.
    from xml.sax.saxutils import escape

    from reportlab.platypus import Paragraph

    from pos.printing.pdf_layout import cell_text, styles

    style = styles()["small"]
    texts = [
        "Bánh pía sầu riêng trứng muối Sóc Trăng hộp 4 cái",
        "SP-000123",
        "20 % / 22,5 %",
        "Trà shan tuyết cổ thụ Hà Giang hảo hạng",
        "Trà shan tuyết cổ thụ",
        "MỘTTỪRẤTDÀIKHÔNGCÓCHỖNGẮTDÒNGNÀOCẢ",  # wider than the cell: split inside the word
        "A&B <hộp quà>",
        "hai  dấu cách",
        "",
    ]
    for text in texts:
        for width in (27, 62, 81, 109):
            got = cell_text(text, width, style)
            if isinstance(got, Paragraph):
                continue
            paragraph = Paragraph(escape(text), style)
            paragraph.wrap(width, 1000)
            assert got == "\n".join(" ".join(words) for _, words in paragraph.blPara.lines)
    assert isinstance(cell_text("MỘTTỪRẤTDÀIKHÔNGCÓCHỖNGẮTDÒNG", 27, style), Paragraph)
    assert cell_text("Trà shan tuyết cổ thụ", 62, style) == "Trà shan tuyết\ncổ thụ"


def test_a_figure_wider_than_its_column_is_set_smaller_not_cut():
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from pos.printing.pdf_fonts import FONT_BOLD
    from pos.printing.pdf_layout import grid_table
    from pos.printing.statement_pdf import NARROW_PADDING

    rows = [["Mã", "Phải trả NSX"], ["SP1", "13.050"], ["Cộng", "13.112.712"]]
    table = grid_table(
        rows, [20 * mm, 15 * mm], numeric_from=1, totals=True, padding=NARROW_PADDING
    )
    fits = table._cellStyles[1][1].fontsize, table._cellStyles[2][1].fontsize
    assert fits[0] == 7.5  # fits as it is
    room = 15 * mm - 2 * NARROW_PADDING
    assert fits[1] < 7.5 and stringWidth("13.112.712", FONT_BOLD, fits[1]) <= room
