"""Reports add up to what the ledger holds: every grouping's rows and totals are checked
against sums worked out here, in plain Python over the stored sale, refund and stock rows."""

import csv
import io
import tempfile
from collections import defaultdict
from datetime import date, datetime, time, timedelta
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pos import cli, money
from pos.cart import Cart, Discount, price
from pos.catalog import ProducerInput, ProductInput
from pos.documents.reports import SalesReportRow
from pos.exporting import write_csv, write_xlsx
from pos.files import FileWriteError, write_whole
from pos.money import share_bp
from pos.payments import cash_tender
from pos.printing import report_tables
from pos.services import catalog, refunds, reports, sales, shifts, stock
from pos.storage.database import open_database
from tests.catalog_setup import save_producer, save_product
from tests.conftest import demo_user, first_admin

START = date(2026, 11, 20)  # a Friday: the sales cross weeks, months and ISO week 2026-W53
HOSTILE = '=HYPERLINK("http://x.example","bấm vào")'

# code, name, province as typed, commission in basis points
PRODUCERS = (
    ("LAICHAU", "Công ty TNHH Hoa Ban", "Tỉnh Lai Châu", 2000),
    ("HANOI", "Công ty CP Bánh kẹo Bảo Minh", "TP. Hà Nội", 2500),
    ("SAIGON", "Cơ sở Cà phê Sài Gòn", "TP.HCM", 1500),
    ("THUDUC", "HTX Điều Thủ Đức", "Hồ Chí Minh", 1750),
    ("XA", "-Xưởng không rõ nơi", "", 3000),
)
# Worked out by hand, not by pos.regions: (province, region) of each producer.
PLACES = {
    "LAICHAU": ("Lai Châu", "Trung du và miền núi phía Bắc"),
    "HANOI": ("Hà Nội", "Đồng bằng sông Hồng"),
    "SAIGON": ("Hồ Chí Minh", "Đông Nam Bộ"),
    "THUDUC": ("Hồ Chí Minh", "Đông Nam Bộ"),
    "XA": ("", "Không rõ"),
}
RATING_LABELS = {"3": "3★", "4": "4★", "5": "5★", "5-potential": "5★ tiềm năng"}
# sku, producer, price, rating, category, own commission (None: the producer's), units received
PRODUCTS = (
    ("SAM", "LAICHAU", 350_000, "5", "Dược liệu", None, 40),
    ("TRA", "LAICHAU", 65_000, "4", "Trà", 3000, 40),
    ("PIA", "HANOI", 75_000, "4", "Bánh kẹo", None, 40),
    ("SEN", "HANOI", 120_000, "5-potential", "Bánh kẹo", None, 40),
    ("CAFE", "SAIGON", 33_333, "3", "Đồ uống", None, 40),
    ("DIEU", "THUDUC", 99_999, "3", "", None, 40),
    ("LA", "XA", 10_000, "4", "@Khác", None, 40),
    ("MOI", "THUDUC", 50_000, "4", "Đồ uống", None, 0),  # never received
)
NAMES = {"LA": HOSTILE}
HANOI_NEW_TERMS = (START + timedelta(days=30), 2750)  # renegotiated mid-way


def new_showroom(path: Path):
    db = open_database(path)
    manager = first_admin(db)
    for code, name, province, bp in PRODUCERS:
        save_producer(
            db,
            ProducerInput(code, name, "cooperative", province=province, commission_bp=bp),
            on=START,
            actor=manager,
        )
    for sku, producer, price_vnd, rating, category, own_bp, received in PRODUCTS:
        save_product(
            db,
            ProductInput(
                sku=sku,
                name=NAMES.get(sku, f"Hàng {sku}"),
                producer_code=producer,
                price_vnd=price_vnd,
                ocop_rating=rating,
                vat_bp=800,
                tracks_expiry=False,
                category=category,
                commission_bp=own_bp,
            ),
            on=START,
            actor=manager,
        )
        if received:
            stock.receive_goods(
                db,
                producer,
                [stock.IntakeLine(sku, received)],
                START,
                actor=manager,
            )
    day, bp = HANOI_NEW_TERMS
    _, name, province, _ = PRODUCERS[1]
    save_producer(
        db,
        ProducerInput("HANOI", name, "cooperative", province=province, commission_bp=bp),
        day,
        actor=manager,
    )
    shifts.open_shift(db, "T01", "Lan", 0)
    return db


def at(day_offset: int) -> datetime:
    return datetime.combine(START + timedelta(days=day_offset), time(10))


def sell(db, day_offset: int, lines, cart_off_pct: int = 0) -> str:
    """lines: (sku, qty, line discount in %)."""
    day = START + timedelta(days=day_offset)
    cart = Cart()
    for sku, qty, off_pct in lines:
        index = cart.add(sales.cart_line(catalog.find_product_by_code(db, sku, day), qty))
        if off_pct:
            cart.set_line_discount(index, Discount("percent", off_pct * 100))
    cart.set_discount(Discount("percent", cart_off_pct * 100))
    total = price(cart).total_vnd
    token = f"s{db.execute('SELECT count(*) FROM sales').fetchone()[0]}"
    return sales.post_sale(
        db,
        "T01",
        cart,
        [cash_tender(total, total)],
        token,
        at(day_offset),
        actor=demo_user(db, "admin"),
    ).number


def refund(db, day_offset: int, number: str, line_index: int, qty: int) -> None:
    lines = refunds.sale_for_refund(db, number).lines
    line = lines[line_index % len(lines)]
    if min(qty, line.qty_left):
        refunds.post_refund(
            db,
            "T01",
            demo_user(db, "admin"),
            number,
            [refunds.RefundItem(line.sale_line_id, min(qty, line.qty_left))],
            "changed_mind",
            "cash",
            f"r{db.execute('SELECT count(*) FROM refunds').fetchone()[0]}",
            refunded_at=at(day_offset),
        )


# A fixed few weeks: discounts, two producers on one receipt, refunds days and weeks later.
SCENARIO_SALES = (
    (0, [("PIA", 3, 10), ("SAM", 1, 0)], 0),  # Fri 20/11, week 47
    (0, [("CAFE", 2, 0), ("DIEU", 1, 0)], 5),  # TP.HCM and Hồ Chí Minh on one receipt
    (3, [("TRA", 4, 0)], 0),  # Mon 23/11, week 48
    (11, [("SEN", 2, 0), ("LA", 5, 0)], 10),
    (33, [("PIA", 2, 0)], 0),  # 23/12, after Hà Nội's new terms
    (42, [("SAM", 2, 15), ("TRA", 1, 0), ("CAFE", 3, 0)], 0),  # Fri 01/01/2027, 2026-W53
    (45, [("DIEU", 2, 0)], 0),
)
SCENARIO_REFUNDS = ((3, 0, 0, 1), (14, 3, 1, 2), (44, 5, 0, 1))  # day, sale, line, qty


@pytest.fixture
def showroom(tmp_path):
    db = new_showroom(tmp_path / "pos.sqlite3")
    numbers = [sell(db, day, lines, off) for day, lines, off in SCENARIO_SALES]
    for day, sale, line, qty in SCENARIO_REFUNDS:
        refund(db, day, numbers[sale], line, qty)
    yield db
    db.close()


# ---- the expected figures, from the stored rows in plain Python ----


def ledger(db) -> dict:
    return {
        table: {row["id"]: row for row in db[table].rows}
        for table in ("sales", "sale_lines", "refunds", "refund_lines", "products", "producers")
    }


def period_of(day: str, by: str) -> tuple[str, str]:
    when = date.fromisoformat(day)
    if by == "day":
        return day, when.strftime("%d/%m/%Y")
    if by == "week":
        year, week, weekday = when.isocalendar()
        monday = when - timedelta(days=weekday - 1)
        return f"{year}-W{week:02d}", f"{year}-W{week:02d} ({monday:%d/%m/%Y})"
    return day[:7], f"{day[5:7]}/{day[:4]}"


def group_of(data: dict, line: dict, day: str, by: str) -> tuple[str, str]:
    if by in ("day", "week", "month"):
        return period_of(day, by)
    product = data["products"][line["product_id"]]
    producer = data["producers"][line["producer_id"]]
    if by == "product":
        return product["sku"], product["name"]
    if by == "producer":
        return producer["code"], producer["name"]
    if by == "province":
        province = PLACES[producer["code"]][0]
        return province, province or "Không rõ"
    if by == "region":
        return PLACES[producer["code"]][1], PLACES[producer["code"]][1]
    if by == "rating":
        return product["ocop_rating"], RATING_LABELS[product["ocop_rating"]]
    return product["category"], product["category"] or "Chưa phân loại"


def expected_rows(data: dict, start: date, end: date, by: str) -> dict:
    """key -> (label, qty sold, sales, qty refunded, refunds, net, commission, receipts)."""

    def inside(day: str) -> bool:
        return start.isoformat() <= day <= end.isoformat()

    figures = defaultdict(lambda: defaultdict(int))
    labels, receipts = {}, defaultdict(set)
    for line in data["sale_lines"].values():
        day = data["sales"][line["sale_id"]]["business_date"]
        if inside(day):
            key, label = group_of(data, line, day, by)
            labels[key] = label
            figures[key]["sold"] += line["qty"]
            figures[key]["sales"] += line["net_vnd"]
            figures[key]["commission"] += line["commission_vnd"]
            receipts[key].add(line["sale_id"])
    for back in data["refund_lines"].values():
        day = data["refunds"][back["refund_id"]]["business_date"]
        if inside(day):
            key, label = group_of(data, data["sale_lines"][back["sale_line_id"]], day, by)
            labels[key] = label
            figures[key]["back"] += back["qty"]
            figures[key]["refunds"] += back["net_vnd"]
            figures[key]["commission"] -= back["commission_vnd"]
    return {
        key: (
            labels[key],
            f["sold"],
            f["sales"],
            f["back"],
            f["refunds"],
            f["sales"] - f["refunds"],
            f["commission"],
            len(receipts[key]),
        )
        for key, f in figures.items()
    }


def shown(row: SalesReportRow) -> tuple:
    return report_tables.sales_values(row)[1:]  # what a row says, without its grouping key


def assert_reports_match_ledger(db, start: date, end: date) -> None:
    data = ledger(db)
    receipts = {
        sale_id
        for sale_id, sale in data["sales"].items()
        if start.isoformat() <= sale["business_date"] <= end.isoformat()
    }
    for by in reports.SALES_GROUPINGS:
        report = reports.sales_report(db, start, end, by)
        expected = expected_rows(data, start, end, by)
        got = {row.key: shown(row) for row in report.rows if row.qty_sold or row.qty_refunded}
        assert got == expected, by
        sums = [sum(figures[i] for figures in expected.values()) for i in range(1, 7)]
        assert shown(report.total) == ("Tổng cộng", *sums, len(receipts)), by
        if by in reports.PERIOD_GROUPINGS:  # every period of the range, in order
            days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
            keys = dict.fromkeys(period_of(day.isoformat(), by)[0] for day in days)
            assert [row.key for row in report.rows] == list(keys), by


# ---- sales by group ----


def test_every_grouping_adds_up_to_the_ledger(showroom):
    assert_reports_match_ledger(showroom, START, START + timedelta(days=50))
    assert_reports_match_ledger(showroom, START + timedelta(days=3), START + timedelta(days=33))


def test_a_refund_counts_in_the_week_it_was_made(showroom):
    by_week = {
        row.key: row
        for row in reports.sales_report(showroom, START, START + timedelta(days=6), "week").rows
    }
    week47, week48 = by_week["2026-W47"], by_week["2026-W48"]
    assert week47.period_start == date(2026, 11, 16)  # the Monday, before the range starts
    assert week47.label == "2026-W47 (16/11/2026)"
    pia = 3 * 75_000 * 9 // 10  # 10 % off the line
    hcm = 2 * 33_333 + 99_999 - 8_333  # 5 % off the receipt: 8.333,25 rounds to 8.333
    assert week47.sales_vnd == pia + 350_000 + hcm
    assert (week48.refunds_vnd, week48.qty_refunded) == (pia // 3, 1)
    assert week48.receipts == 1  # the refund is not a receipt of week 48


def test_places_typed_differently_are_one_province_and_a_receipt_counts_once(showroom):
    day = START
    by_province = {r.key: r for r in reports.sales_report(showroom, day, day, "province").rows}
    assert by_province["Hồ Chí Minh"].receipts == 1  # CAFE (TP.HCM) and DIEU (Hồ Chí Minh)
    assert by_province["Hồ Chí Minh"].qty_sold == 3
    regions = [
        r.label for r in reports.sales_report(showroom, START, START + timedelta(50), "region").rows
    ]
    assert set(regions) == {place[1] for place in PLACES.values()}


def test_commission_is_what_each_line_recorded(showroom):
    later = reports.sales_report(showroom, date(2026, 12, 2), date(2026, 12, 31), "producer")
    [hanoi] = [row for row in later.rows if row.key == "HANOI"]
    assert hanoi.commission_vnd == share_bp(2 * 75_000, HANOI_NEW_TERMS[1])


def test_unknown_grouping_and_upside_down_range_are_refused(showroom):
    with pytest.raises(reports.ValidationError, match="không có cách nhóm"):
        reports.sales_report(showroom, START, START, "hour")
    with pytest.raises(reports.ValidationError, match="ở sau ngày kết thúc"):
        reports.sales_report(showroom, START, START - timedelta(days=1), "day")


sale_plans = st.lists(
    st.tuples(
        st.integers(0, 70),
        st.lists(
            st.tuples(
                st.sampled_from([p[0] for p in PRODUCTS]), st.integers(1, 4), st.integers(0, 20)
            ),
            min_size=1,
            max_size=3,
        ),
        st.integers(0, 15),
    ),
    min_size=1,
    max_size=10,
)
refund_plans = st.lists(
    st.tuples(st.integers(0, 30), st.integers(0, 20), st.integers(0, 3), st.integers(1, 3)),
    max_size=6,
)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(sale_plans, refund_plans, st.integers(0, 80), st.integers(0, 80))
def test_reports_match_the_ledger_for_random_sales_and_refunds(sale_plan, refund_plan, a, b):
    with tempfile.TemporaryDirectory() as folder:
        db = new_showroom(Path(folder) / "pos.sqlite3")
        posted = sorted(
            (day, sell(db, day, lines, off))
            for day, lines, off in sorted(sale_plan, key=lambda s: s[0])
        )
        for later, sale, line, qty in refund_plan:
            day, number = posted[sale % len(posted)]
            refund(db, day + later, number, line, qty)
        assert_reports_match_ledger(db, START + timedelta(min(a, b)), START + timedelta(max(a, b)))
        db.close()


# ---- best and slow sellers ----


def test_top_products_by_net_sales_and_by_units(showroom):
    end = START + timedelta(days=50)
    expected = expected_rows(ledger(showroom), START, end, "product")
    by_net = sorted(expected, key=lambda sku: (-expected[sku][5], sku))
    by_units = sorted(expected, key=lambda sku: (-(expected[sku][1] - expected[sku][3]), sku))
    assert [r.key for r in reports.top_products(showroom, START, end, 3)] == by_net[:3]
    assert [r.key for r in reports.top_products(showroom, START, end, 3, "qty")] == by_units[:3]
    with pytest.raises(reports.ValidationError):
        reports.top_products(showroom, START, end, 3, "profit")


def test_slow_movers_are_stocked_active_products_selling_least(showroom):
    showroom.execute("UPDATE products SET active = 0 WHERE sku = 'SEN'")
    end = START + timedelta(days=20)
    movers = reports.slow_movers(showroom, START + timedelta(days=5), end, limit=4)
    # Nothing sold from 25/11 to 10/12 but LA (sold 01/12); MOI has no stock, SEN is withdrawn.
    assert [m.sku for m in movers] == ["CAFE", "DIEU", "PIA", "SAM"]  # last sold 20/11 all
    cafe = movers[0]
    assert (cafe.qty_sold, cafe.last_sold_on, cafe.days_since_sale) == (0, START, 20)
    assert cafe.on_hand == 40 - 2
    assert [m.sku for m in reports.slow_movers(showroom, START, end, limit=10)][-1] == "LA"


# ---- stock value ----


def test_stock_value_is_units_on_hand_at_price_less_commission_in_force(showroom):
    on = START + timedelta(days=40)  # Hà Nội's new terms are in force
    products = {row["id"]: row for row in showroom["products"].rows}
    units = defaultdict(int)
    for move in showroom["stock_movements"].rows:
        if move["moved_on"] <= on.isoformat():
            units[move["product_id"]] += move["qty"]
    own_terms = {sku: bp for sku, _, _, _, _, bp, _ in PRODUCTS}
    terms = {code: bp for code, _, _, bp in PRODUCERS} | {"HANOI": HANOI_NEW_TERMS[1]}
    codes = {row["id"]: row["code"] for row in showroom["producers"].rows}
    expected = defaultdict(lambda: [0, 0, 0])
    for product_id, count in units.items():
        product = products[product_id]
        producer = codes[product["producer_id"]]
        retail = count * product["price_vnd"]
        bp = own_terms[product["sku"]] or terms[producer]
        expected[producer][0] += count
        expected[producer][1] += retail
        expected[producer][2] += retail - share_bp(retail, bp)
    value = reports.stock_value(showroom, on)
    assert {row.code: [row.units, row.retail_vnd, row.cost_vnd] for row in value.rows} == expected
    assert value.retail_vnd == sum(v[1] for v in expected.values())
    assert value.cost_vnd == sum(v[2] for v in expected.values())
    before_intake = reports.stock_value(showroom, START - timedelta(days=1))
    assert (before_intake.rows, before_intake.units, before_intake.retail_vnd) == ((), 0, 0)


def test_stock_value_defaults_to_today(showroom, monkeypatch):
    monkeypatch.setattr("pos.clock.now", lambda: at(45))
    assert reports.stock_value(showroom).on == START + timedelta(days=45)


# ---- two ranges side by side ----


def test_comparison_by_producer_and_by_day(showroom):
    week47 = (date(2026, 11, 16), date(2026, 11, 22))
    week48 = (date(2026, 11, 23), date(2026, 11, 29))
    compared = reports.compare_sales(showroom, week47, week48, "producer")
    rows = {row.key: row for row in compared.rows}
    laichau = rows["LAICHAU"]
    assert laichau.earlier.net_vnd == 350_000 and laichau.later.net_vnd == 4 * 65_000
    assert laichau.change_vnd == 4 * 65_000 - 350_000
    assert laichau.change_bp == -2571  # -25,71 %, rounded half-up
    assert rows["HANOI"].later.net_vnd == -(3 * 75_000 * 9 // 10) // 3  # only the refund
    assert (
        compared.total.change_vnd == compared.later.total.net_vnd - compared.earlier.total.net_vnd
    )
    by_day = reports.compare_sales(showroom, week47, week48, "day")
    assert len(by_day.rows) == 7
    assert [(r.earlier.key, r.later.key) for r in by_day.rows[:1]] == [("2026-11-16", "2026-11-23")]
    assert by_day.rows[0].change_bp is None  # nothing sold on Monday 16/11


def test_change_in_basis_points():
    assert money.change_bp(200_000, 250_000) == 2500
    assert money.change_bp(0, 250_000) is None
    assert money.change_bp(-100_000, 0) == 10_000  # from a loss back to nothing: up
    assert money.change_bp(3, 4) == 3333
    assert [report_tables.change_text(bp) for bp in (2500, -2571, 0, None)] == [
        "tăng 25 %",
        "giảm 25,71 %",
        "tăng 0 %",
        "",
    ]


def test_comparison_table_ends_with_the_total(showroom):
    week47 = (date(2026, 11, 16), date(2026, 11, 22))
    week48 = (date(2026, 11, 23), date(2026, 11, 29))
    compared = reports.compare_sales(showroom, week47, week48, "region")
    table = report_tables.comparison_table(compared)
    assert len(table) == len(compared.rows) + 1
    assert all(len(row) == len(report_tables.COMPARE_COLUMNS) for row in table)
    total = compared.total
    assert table[-1][1:5] == (
        "Tổng cộng",
        total.earlier.net_vnd,
        total.later.net_vnd,
        total.later.net_vnd - total.earlier.net_vnd,
    )


# ---- exports ----

HOSTILE_ROW = (
    HOSTILE,
    "+1",
    "-5",
    "@SUM(A1)",
    "\tx",
    "\rx",
    "Trà sâm",
    -5000,
    0,
    date(2026, 11, 24),
)


def test_csv_has_a_bom_and_no_formulas(tmp_path):
    path = tmp_path / "bao-cao.csv"
    write_csv(path, ("Tên", "Số"), [HOSTILE_ROW])
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    header, row = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert header == ["Tên", "Số"]
    assert row == [
        "'" + HOSTILE,
        "'+1",
        "'-5",
        "'@SUM(A1)",
        "'\tx",
        "'\rx",
        "Trà sâm",
        "-5000",  # a number stays a number
        "0",
        "2026-11-24",
    ]


def test_xlsx_keeps_numbers_and_dates_and_no_formulas(tmp_path):
    path = tmp_path / "bao-cao.xlsx"
    write_xlsx(path, ("=Tên",), [HOSTILE_ROW])
    sheet = openpyxl.load_workbook(path).active
    header, row = list(sheet.iter_rows(values_only=True))
    assert header[0] == "'=Tên"
    assert row[:5] == ("'" + HOSTILE, "'+1", "'-5", "'@SUM(A1)", "'\tx")
    assert row[5] in ("'\rx", "'\nx") and row[6] == "Trà sâm"  # XML may store CR as LF
    assert row[7] == -5000 and isinstance(row[7], int)
    assert row[9].date() == date(2026, 11, 24)
    assert all(cell.data_type != "f" for cells in sheet.iter_rows() for cell in cells)


def test_a_failed_export_leaves_the_previous_file_and_no_temp(tmp_path):
    path = tmp_path / "bao-cao.xlsx"
    path.write_bytes(b"previous")

    def half_then_fail(temp: Path) -> None:
        temp.write_bytes(b"half")
        raise OSError(28, "No space left on device")

    with pytest.raises(FileWriteError, match="Không ghi được file"):
        write_whole(path, half_then_fail)
    with pytest.raises(ValueError):
        write_xlsx(path, ("a",), [(object(),)])  # a value a workbook cannot hold
    assert path.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["bao-cao.xlsx"]
    with pytest.raises(FileWriteError, match="Không có thư mục"):
        write_csv(tmp_path / "nope" / "x.csv", ("a",), [])


# ---- command line ----


def run_cli(capsys, db, *args):
    code = cli.main(["--db", db.execute("PRAGMA database_list").fetchone()[2], "report", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_sales_csv_to_stdout_is_the_report(showroom, capsys):
    code, out, err = run_cli(
        capsys,
        showroom,
        "sales",
        "--from",
        "2026-11-20",
        "--to",
        "10/01/2027",
        "--by",
        "region",
        "--format",
        "csv",
    )
    assert code == 0 and err == ""
    header, *rows = list(csv.reader(io.StringIO(out)))
    assert tuple(header) == report_tables.SALES_COLUMNS
    report = reports.sales_report(showroom, START, date(2027, 1, 10), "region")
    assert rows == [[str(v) for v in values] for values in report_tables.sales_table(report)]
    assert rows[-1][1] == "Tổng cộng"


def test_cli_writes_xlsx_and_csv_files(showroom, capsys, tmp_path, monkeypatch):
    monkeypatch.setattr("pos.clock.now", lambda: at(50))
    out_file = tmp_path / "thang.xlsx"
    code, out, _ = run_cli(
        capsys,
        showroom,
        "sales",
        "--from",
        "01/11/2026",
        "--to",
        "31/01/2027",
        "--by",
        "month",
        "--format",
        "xlsx",
        "--out",
        str(out_file),
    )
    assert code == 0 and "Đã ghi 4 dòng" in out
    rows = list(openpyxl.load_workbook(out_file).active.iter_rows(values_only=True))
    assert rows[0] == report_tables.SALES_COLUMNS
    assert [row[0] for row in rows[1:]] == ["2026-11", "2026-12", "2027-01", None]
    report = reports.sales_report(showroom, date(2026, 11, 1), date(2027, 1, 31), "month")
    assert rows[-1][6] == report.total.net_vnd and isinstance(rows[-1][6], int)
    csv_file = tmp_path / "sp.csv"
    assert (
        run_cli(
            capsys,
            showroom,
            "sales",
            "--by",
            "product",
            "--from",
            "2026-11-20",
            "--format",
            "csv",
            "--out",
            str(csv_file),
        )[0]
        == 0
    )
    text = csv_file.read_text(encoding="utf-8-sig")
    assert "'" + HOSTILE.replace('"', '""') in text  # the hostile name, neutralised


def test_cli_tables_for_each_report(showroom, capsys, monkeypatch):
    monkeypatch.setattr("pos.clock.now", lambda: at(50))
    code, out, _ = run_cli(capsys, showroom, "sales", "--by", "week", "--from", "2026-11-20")
    assert code == 0
    assert "Doanh số theo tuần, 20/11/2026 - 09/01/2027" in out
    assert "2026-W53 (28/12/2026)" in out and "Tổng cộng" in out
    code, out, _ = run_cli(capsys, showroom, "top", "--from", "2026-11-20", "--limit", "2")
    assert code == 0 and "Hàng SAM" in out and "647.500" in out  # 945.000 less a refund
    code, out, _ = run_cli(capsys, showroom, "slow", "--from", "2027-01-01")
    assert code == 0 and "Hàng PIA" in out and "Hàng MOI" not in out
    code, out, _ = run_cli(capsys, showroom, "stock-value", "--date", "2026-11-20")
    assert code == 0 and "Công ty TNHH Hoa Ban" in out and "đến hết ngày 20/11/2026" in out


@pytest.mark.parametrize(
    "args, message",
    [
        (("sales", "--from", "2026-02-30"), "--from '2026-02-30' không phải ngày"),
        (("sales", "--to", "hôm qua"), "--to 'hôm qua' không phải ngày"),
        (("sales", "--by", "hour"), "không có cách nhóm 'hour'"),
        (("sales", "--format", "pdf"), "định dạng 'pdf' không có"),
        (("sales", "--format", "xlsx"), "định dạng xlsx cần --out"),
        (("sales", "--out", "x.csv"), "--out chỉ dùng với --format csv hoặc xlsx"),
        (("sales", "--from", "2026-12-01", "--to", "2026-11-01"), "ở sau ngày kết thúc"),
        (("top", "--limit", "0"), "--limit phải từ 1"),
        (("stock-value", "--date", "31/13/2026"), "--date '31/13/2026' không phải ngày"),
    ],
)
def test_cli_bad_input_is_one_vietnamese_line_and_exit_2(showroom, capsys, args, message):
    code, out, err = run_cli(capsys, showroom, *args)
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
