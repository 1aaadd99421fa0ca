"""Fuzzing what people type and the files they import with random and hostile input: every
reader returns a correct value or raises a PosError with a Vietnamese message (never a trace),
and an import that is refused leaves the database exactly as it was.

A deeper run: FUZZ_EXAMPLES=2000 sets every property's number of examples (about 3 minutes)."""

import csv
import io
import os
import re
import shutil
import tempfile
import zipfile
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from openpyxl.utils.exceptions import IllegalCharacterError

from pos.cart import MAX_QTY, ScanInput, parse_scan
from pos.catalog import ProducerInput, ProductInput, producer_input_from, product_input_from
from pos.errors import ImportRejected, PosError, ValidationError
from pos.exporting import write_csv
from pos.fields import FIRST_YEAR, LAST_YEAR, optional_date, whole_number
from pos.importing.catalog_files import import_intake, import_producers, import_products
from pos.importing.demo import load_demo
from pos.importing.sales_file import import_sales
from pos.money import MAX_VND, format_vnd, parse_percent_bp, parse_vnd
from pos.services import catalog
from pos.storage.database import open_database
from tests.conftest import FIXTURES, INTAKE_DAY, demo_user


def fuzz(examples: int):
    return settings(
        max_examples=int(os.environ.get("FUZZ_EXAMPLES", examples)),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


VIETNAMESE = set("ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")


def assert_readable(error: PosError) -> None:
    message = str(error)
    assert VIETNAMESE & set(message.casefold()), message


def outcome(read, *args, **kwargs):
    """What ``read`` returns, or None after checking that it refused in Vietnamese."""
    try:
        return read(*args, **kwargs)
    except ValidationError as error:
        assert_readable(error)
        return None


# ---- single values ----

HOSTILE = [
    "",
    " ",
    "1.000.000",
    "1,000,000",
    "1 000 000",
    "1\u00a0000\u00a0000",
    "1.000,5",
    "1,5",
    "1.5",
    "-5",
    "-0",
    "+5",
    "--5",
    "١٢٣",
    "１２３",
    "²",
    "1e9",
    "NaN",
    "nan",
    "inf",
    "∞",
    "-∞",
    "😀",
    "\x00",
    "12\x00",
    "\u202e123",
    "\ufeff100",
    "9" * 5000,
    "1" + "0" * 20,
    "1.000.000.000.000.000",
    "50k",
    "-50k",
    "k",
    "₫",
    "1.250.000 ₫",
    '=HYPERLINK("http://x","y")',
    "+1",
    "@SUM(A1:A9)",
    "14/11/0026",
    "31/02/2026",
    "0001-01-01",
    "9999-12-31",
    "14/11/26",
    "2026-11-14",
    "0*CODE",
    "-1*CODE",
    "99999999999999999999*X",
    "3*8938505970004",
    "²" * 13,
    "٨٩٣٨٥٠٥٩٧٠٠٠٤",  # 8938505970004 in Arabic-Indic digits, a valid check digit
    "2026-11-28 09:15+07:00",
    "2026-11-28T09:15:00Z",
    "Trà\x00sâm",
    "Trà\nsâm",
    "\x1b@",
]
HUGE = ["9" * 5000, "9" * 5000 + "*X", "x" * 1_000_000]
NUMBER_TEXT = st.text(alphabet="0123456789.,- +k₫đ%*/", max_size=24)
ANY_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(),
    st.binary(max_size=16),
    st.text(max_size=40),
    NUMBER_TEXT,
    st.sampled_from(HOSTILE),
    st.sampled_from(HUGE),
    st.dates(),
    st.datetimes(),
)


@fuzz(1000)
@given(ANY_VALUE)
def test_value_readers_return_a_value_or_a_vietnamese_refusal(value):
    amount = outcome(parse_vnd, value)
    assert amount is None or (type(amount) is int and 0 <= amount <= MAX_VND)
    signed = outcome(parse_vnd, value, allow_negative=True)
    assert signed is None or (type(signed) is int and abs(signed) <= MAX_VND)
    bp = outcome(parse_percent_bp, value)
    assert bp is None or (type(bp) is int and 0 <= bp <= 10_000)
    day = outcome(optional_date, value, "ngày")
    assert day is None or FIRST_YEAR <= day.year <= LAST_YEAR
    count = outcome(whole_number, value, "số lượng")
    assert count is None or (type(count) is int and abs(count) <= 999_999_999)
    scan = outcome(parse_scan, value)
    assert scan is None or (isinstance(scan, ScanInput) and 1 <= scan.qty <= MAX_QTY)


@fuzz(300)
@given(st.integers(min_value=0, max_value=MAX_VND))
def test_formatted_amounts_read_back(amount):
    assert parse_vnd(format_vnd(amount, symbol=False)) == amount
    assert parse_vnd(format_vnd(amount)) == amount
    assert parse_vnd(f"{amount:,}") == amount
    assert parse_vnd(f"{amount:,}".replace(",", " ")) == amount
    assert parse_vnd(format_vnd(-amount), allow_negative=True) == -amount


@fuzz(100)
@given(st.integers(min_value=MAX_VND + 1, max_value=10**40))
def test_amounts_above_the_maximum_are_refused(amount):
    for value in (amount, float(amount), str(amount), format_vnd(amount), f"{amount:,}"):
        with pytest.raises(ValidationError, match="quá lớn"):
            parse_vnd(value)


def test_money_forms():
    assert parse_vnd("1.000.000") == parse_vnd("1,000,000") == parse_vnd("1 000 000") == 10**6
    assert parse_vnd("-0") == 0 and parse_vnd("50k") == 50_000
    for ambiguous in ("1.000,5", "1,5", "1.5", "1,000.5", "1.00"):
        with pytest.raises(ValidationError, match="đồng nguyên"):
            parse_vnd(ambiguous)
    for refused in ("+5", "١٢٣", "²", "1e9", "NaN", "∞", "😀", "", 1.5, float("nan"), True):
        with pytest.raises(ValidationError):
            parse_vnd(refused)
    with pytest.raises(ValidationError, match="âm"):
        parse_vnd("-5")
    with pytest.raises(ValidationError) as refused:
        parse_vnd("x" * 1_000_000)
    assert len(str(refused.value)) < 200  # a pasted page is quoted short


@fuzz(200)
@given(st.integers(), st.sampled_from(["", " ", "+"]), st.text(min_size=1, max_size=20))
def test_scan_quantities_are_bounded(qty, sign, code):
    assume(code.strip() and not code[0].isspace())
    text = f"{sign if qty >= 0 else ''}{qty}*{code}"
    if 1 <= qty <= MAX_QTY:
        assert parse_scan(text) == ScanInput(qty, code.strip())
    else:
        with pytest.raises(ValidationError, match="số lượng"):
            parse_scan(text)


def test_scan_forms():
    for text in ("0*CODE", "-1*CODE", "-0*X", "99999999999999999999*X", "9" * 5000 + "*X"):
        with pytest.raises(ValidationError, match="số lượng"):
            parse_scan(text)
    assert parse_scan(" 3 * 8938505970004 ") == ScanInput(3, "8938505970004")
    assert parse_scan("8938505970004") == ScanInput(1, "8938505970004")


def fixture_table(name: str) -> tuple[list[str], list[list[str]]]:
    with open(FIXTURES / name, encoding="utf-8-sig", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    return header, rows


def mutated_rows(name: str):
    """A fixture row with some cells replaced by anything, plus columns nobody expects."""
    header, rows = fixture_table(name)
    cell = st.one_of(ANY_VALUE, st.text(alphabet="0123456789-./", max_size=14))
    return st.sampled_from(rows).flatmap(
        lambda row: st.fixed_dictionaries(
            {
                column: st.one_of(st.just(value), cell)
                for column, value in zip(header, row, strict=True)
            },
            optional={"junk": ANY_VALUE, "": ANY_VALUE},
        )
    )


@fuzz(300)
@given(st.one_of(mutated_rows("producers.csv"), st.dictionaries(st.text(max_size=8), ANY_VALUE)))
def test_producer_rows_give_a_producer_or_every_problem(row):
    producer = outcome(producer_input_from, row)
    assert producer is None or isinstance(producer, ProducerInput)


@fuzz(300)
@given(st.one_of(mutated_rows("products.csv"), st.dictionaries(st.text(max_size=8), ANY_VALUE)))
def test_product_rows_give_a_product_or_every_problem(row):
    product = outcome(product_input_from, row)
    assert product is None or (
        isinstance(product, ProductInput)
        and 0 <= product.price_vnd <= MAX_VND
        and all(code.isascii() and code.isdigit() for code in product.barcodes)
    )


# ---- files ----

NOW = datetime(2026, 11, 30, 20, 0)
SALES = """receipt,sold_at,code,qty,unit_price_vnd,payment
HC1,2026-11-28 09:15,8938505970103,2,,cash
HC1,2026-11-28 09:15,BANH-PIA,1,70000,cash
HC2,2026-11-28 10:00,khan-lua,1,,bank
,2026-11-28T11:00:00,MUT-SEN,3,,card
"""
IMPORTERS = {
    "producers": lambda db, path: import_producers(
        db, path, INTAKE_DAY, actor=demo_user(db, "admin")
    ),
    "products": lambda db, path: import_products(
        db, path, INTAKE_DAY, actor=demo_user(db, "admin")
    ),
    "intake": lambda db, path: import_intake(db, path, INTAKE_DAY, actor=demo_user(db, "admin")),
    "sales": lambda db, path: import_sales(db, path, now=NOW, actor=demo_user(db, "quanly")),
}
FIXTURE_FILES = {
    "producers": "producers.csv",
    "products": "products.csv",
    "intake": "intake-2026-11.csv",
}


def sample_table(kind: str) -> tuple[list[str], list[list[str]]]:
    if kind == "sales":
        header, *rows = list(csv.reader(io.StringIO(SALES)))
        return header, rows
    return fixture_table(FIXTURE_FILES[kind])


def sample_text(kind: str) -> str:
    header, rows = sample_table(kind)
    return to_csv([header, *rows])


def to_csv(rows, delimiter: str = ",") -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    """One demo database file, copied for every example (much faster than loading it)."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    db = open_database(path)
    load_demo(db, FIXTURES, INTAKE_DAY)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


@contextmanager
def demo_copy(demo_file: Path):
    with tempfile.TemporaryDirectory() as folder:
        shutil.copy(demo_file, Path(folder) / "pos.sqlite3")
        db = open_database(Path(folder) / "pos.sqlite3")
        try:
            yield db, Path(folder)
        finally:
            db.close()


def content(db) -> str:
    return "\n".join(db.conn.iterdump())


def import_or_refuse(demo_file: Path, kind: str, name: str, data: bytes | None) -> object:
    """Import ``data`` saved as ``name`` (None: no file at all) into a copy of the demo:
    the summary, or the PosError after checking it is readable and nothing changed."""
    with demo_copy(demo_file) as (db, folder):
        path = folder / name
        if data is not None:
            path.write_bytes(data)
        before = content(db)
        try:
            summary = IMPORTERS[kind](db, path)
        except PosError as error:
            assert_readable(error)
            assert not db.conn.in_transaction
            assert content(db) == before
            return error
        for text in stored_text(db):
            assert not re.search(r"[\x00-\x1f\x7f]", text) and len(text) <= 1000, text[:80]
        return summary


def stored_text(db):
    """Every text an import writes where receipts, labels and exports read it."""
    for table in ("producers", "products", "barcodes", "lots", "sales", "sale_lines"):
        for row in db.execute(f"SELECT * FROM {table}").fetchall():
            yield from (value for value in row if isinstance(value, str))


def xlsx_bytes(rows) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


SHARP = HOSTILE + [
    "-50000",
    "0",
    "99999",
    "100000",
    "1000000000000",
    "x" * 600,
    "HOABAN",
    "SAM-CU-100",
    "8938505970004",
]
CELL = st.one_of(st.sampled_from(SHARP), st.sampled_from(SHARP), st.text(max_size=12), NUMBER_TEXT)
XLSX_CELL = st.one_of(
    CELL,
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.none(),
)


# What a keyboard, another program or a bad copy slips into a cell.
SLIPPED = st.sampled_from(
    [
        "\x00",
        "\n",
        "\r",
        "\t",
        "\x1b",
        "\x7f",
        "\ufeff",
        "\u202e",
        "²",
        "١",
        '"',
        ",",
        ";",
        "=",
        "-",
    ]
)


@st.composite
def hostile_table(draw, kind: str, cell=CELL) -> list[list]:
    """The sample file's rows with cells replaced or with a character slipped in, columns
    dropped, doubled or added, rows cut short or made longer."""
    header, rows = sample_table(kind)
    rows = [list(row) for row in draw(st.lists(st.sampled_from(rows), min_size=0, max_size=5))]
    for row in rows:
        for index in draw(st.sets(st.integers(0, len(header) - 1), max_size=3)):
            if draw(st.booleans()):
                row[index] = draw(cell)
            else:
                at = draw(st.integers(0, len(row[index])))
                row[index] = row[index][:at] + draw(SLIPPED) + row[index][at:]
    table = [list(header), *rows]
    operation = draw(st.sampled_from(["none", "none", "drop", "double", "extra", "ragged"]))
    column = draw(st.integers(0, len(header) - 1))
    if operation == "drop":
        table = [row[:column] + row[column + 1 :] for row in table]
    elif operation == "double":
        table = [row + [row[column]] for row in table]
    elif operation == "extra":
        table = [table[0] + [draw(st.sampled_from(["ghi_chu", "", "code"]))]] + [
            row + [draw(cell)] for row in table[1:]
        ]
    elif operation == "ragged" and len(table) > 1:
        table[-1] = table[-1][: draw(st.integers(0, len(header)))] + draw(
            st.lists(cell, max_size=2)
        )
    return table


ENCODINGS = ["utf-8", "utf-8", "utf-8-sig", "utf-16", "cp1258", "latin-1"]


@st.composite
def hostile_csv(draw, kind: str) -> bytes:
    table = draw(hostile_table(kind))
    text = to_csv(table, draw(st.sampled_from([",", ";"])))
    encoding = draw(st.sampled_from(ENCODINGS))
    data = text.encode(encoding, errors="replace")
    if draw(st.booleans()):  # a BOM, a NUL or a cut somewhere in the bytes
        at = draw(st.integers(0, len(data)))
        insert = draw(st.sampled_from(["\ufeff".encode(), b"\x00", b"\xff", b'"', b""]))
        data = data[:at] + insert + data[at + draw(st.integers(0, 3)) :]
    return data


@st.composite
def hostile_xlsx(draw, kind: str) -> bytes:
    table = draw(hostile_table(kind, XLSX_CELL))
    try:
        return xlsx_bytes(table)
    except IllegalCharacterError:  # openpyxl writes no control character into a cell
        assume(False)


def zip_garbage(data: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", data)
        archive.writestr("[Content_Types].xml", data[::-1])
    return buffer.getvalue()


KINDS = list(IMPORTERS)


@fuzz(40)
@given(kind=st.sampled_from(KINDS), data=st.binary(max_size=3000))
def test_random_bytes_are_refused(demo_file, kind, data):
    for name in ("f.csv", "f.xlsx"):
        assert isinstance(import_or_refuse(demo_file, kind, name, data), PosError)
    assert isinstance(import_or_refuse(demo_file, kind, "f.xlsx", zip_garbage(data)), PosError)


@fuzz(300)
@given(data=st.data(), kind=st.sampled_from(KINDS))
def test_mutated_csv_files_import_or_change_nothing(demo_file, data, kind):
    import_or_refuse(demo_file, kind, "f.csv", data.draw(hostile_csv(kind)))


@fuzz(100)
@given(data=st.data(), kind=st.sampled_from(KINDS))
def test_mutated_xlsx_files_import_or_change_nothing(demo_file, data, kind):
    import_or_refuse(demo_file, kind, "f.xlsx", data.draw(hostile_xlsx(kind)))


def hostile_files(kind: str) -> dict[str, bytes | None]:
    text = sample_text(kind)
    header, rest = text.split("\n", 1)
    first, second = rest.splitlines()[:2]
    return {
        "empty": b"",
        "only a header": header.encode(),
        "utf-16": text.encode("utf-16"),
        "cp1258": text.encode("cp1258", errors="replace"),
        "latin-1": text.encode("latin-1", errors="replace"),
        "mojibake": text.encode().decode("latin-1").encode(),
        "BOM in the middle": (text[:40] + "\ufeff" + text[40:]).encode(),
        "two files joined": ("\ufeff" + text + "\ufeff" + text).encode(),
        "NUL bytes": text.replace(",", ",\x00", 3).encode(),
        "1 MB cell": f'{header}\n{first}\n"{"x" * 1_000_000}",{second}\n'.encode(),
        "unclosed quote": f'{header}\n{first}\n"{second}\n{text}'.encode(),
        "doubled column": to_csv(
            [[*row, row[0]] for row in csv.reader(io.StringIO(text))]
        ).encode(),
        "extra cell": f"{header}\n{first},surplus\n".encode(),
        "huge numbers": text.replace(",1,", f",{'9' * 25},").replace(",2,", ",-50000,").encode(),
        "formulas": text.replace(",1,", ',"=1+1",').replace(",6,", ",@SUM(A1),").encode(),
        "csv named .xlsx": None,
        "a directory": None,
        "missing": None,
    }


REFUSED = {
    "empty",
    "utf-16",
    "1 MB cell",
    "unclosed quote",
    "doubled column",
    "extra cell",
    "csv named .xlsx",
    "a directory",
    "missing",
}


@pytest.mark.parametrize("kind", KINDS)
def test_hostile_files_import_or_change_nothing(demo_file, kind):
    for label, data in hostile_files(kind).items():
        if label == "csv named .xlsx":
            result = import_or_refuse(demo_file, kind, "f.xlsx", sample_text(kind).encode())
        elif label == "a directory":
            result = import_or_refuse(demo_file, kind, ".", None)
        elif label == "missing":
            result = import_or_refuse(demo_file, kind, "missing.csv", None)
        else:
            result = import_or_refuse(demo_file, kind, "f.csv", data)
        if label in REFUSED or (label == "cp1258" and not sample_text(kind).isascii()):
            assert isinstance(result, ImportRejected), (label, result)


def test_a_formula_name_is_stored_as_typed_and_exported_as_text(demo_file, tmp_path):
    name = '=HYPERLINK("http://x","Bấm")'
    header, rows = fixture_table("products.csv")
    row = dict(zip(header, rows[0], strict=True))
    row.update(sku="CONG-THUC", barcode="", name=name)
    with demo_copy(demo_file) as (db, folder):
        import_products(
            db,
            _save_text(folder / "p.csv", to_csv([header, list(row.values())])),
            INTAKE_DAY,
            actor=demo_user(db, "admin"),
        )
        product = catalog.find_product_by_code(db, "CONG-THUC")
        assert product.name == name
        write_csv(tmp_path / "out.csv", ["sku", "name"], [[product.sku, product.name]])
    with open(tmp_path / "out.csv", encoding="utf-8-sig", newline="") as handle:
        assert list(csv.reader(handle))[1] == ["CONG-THUC", "'" + name]


def test_fair_sales_beyond_a_till_line_are_refused_with_their_line(demo_file):
    header = "receipt,sold_at,code,qty,unit_price_vnd,payment\n"
    cases = {
        "HC1,2026-11-28 09:15,BANH-PIA,99999,,cash\n": (2, "số lượng quá lớn"),
        "HC1,2026-11-28 09:15,BANH-PIA,6000,,cash\nHC1,2026-11-28 09:15,BANH-PIA,6000,,cash\n": (
            3,
            "số lượng phải từ 1 đến 9999",
        ),
        "HC1,2026-11-28 09:15,BANH-PIA,9999,1000000000000,cash\n": (2, "tổng phiếu quá lớn"),
        "HC1,0026-11-28 09:15,BANH-PIA,1,,cash\n": (2, "năm 26"),
    }
    for rows, (line, reason) in cases.items():
        refused = import_or_refuse(demo_file, "sales", "f.csv", (header + rows).encode())
        assert isinstance(refused, ImportRejected)
        assert [(p.line, reason in p.reason) for p in refused.problems] == [(line, True)], refused


def test_a_sale_time_with_its_zone_is_read_on_this_computers_clock(demo_file):
    rows = (
        "receipt,sold_at,code,qty,unit_price_vnd,payment\nHC1,2026-11-28T02:15Z,BANH-PIA,1,,cash\n"
    )
    with demo_copy(demo_file) as (db, folder):
        import_sales(db, _save_text(folder / "f.csv", rows), now=NOW, actor=demo_user(db, "quanly"))
        sold_at = db.execute("SELECT sold_at FROM sales WHERE number = 'HOICHO-000001'").fetchone()
    expected = datetime(2026, 11, 28, 2, 15, tzinfo=UTC).astimezone().replace(tzinfo=None)
    assert sold_at[0] == expected.isoformat(timespec="seconds")


def _save_text(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
