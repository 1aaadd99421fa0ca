"""Importing producers, products and goods receipts (intake) from the fixture file layout."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlite_utils import Database

from pos.catalog import ProducerInput, ProductInput, producer_input_from, product_input_from
from pos.clock import today
from pos.errors import ImportRejected, PosError, RowProblem
from pos.fields import FieldCollector, code_text, optional_date, optional_text, whole_number
from pos.importing.tables import TableFile, import_subject, read_table, require_columns
from pos.permissions import Approval, User
from pos.services import approvals, audit, catalog, stock
from pos.services.product_staging import post_staged_products, stage_products
from pos.storage.bulk_writers import bulk_writer

PRODUCER_COLUMNS = ("code", "name", "kind", "commission_pct")
PRODUCT_COLUMNS = (
    "sku",
    "name",
    "producer_code",
    "price_vnd",
    "ocop_stars",
    "vat_pct",
    "track_expiry",
)
INTAKE_COLUMNS = ("producer_code", "sku", "qty")


@dataclass
class ImportSummary:
    rows: int = 0
    created: int = 0
    updated: int = 0
    skipped: int = 0  # receipts already posted, left out (trade-fair sales, only_new)
    documents: list[str] = field(default_factory=list)


def parse_rows(
    table: TableFile, parse: Callable
) -> tuple[list[tuple[int, object]], list[RowProblem]]:
    """Parse every row; rows that parse go on to the file-wide checks, the others are problems."""
    parsed, problems = [], []
    for line, cells in table.rows:
        try:
            parsed.append((line, parse(cells)))
        except PosError as error:
            problems.append(RowProblem(line, str(error)))
    return parsed, problems


def reject_if(table: TableFile, problems: list[RowProblem]) -> None:
    if problems:
        raise ImportRejected(table.label, sorted(problems, key=lambda p: p.line))


def authorised_import(
    db: Database, actor: User, action: str, path: str | Path, approval: Approval | None
) -> str | None:
    """Inside the import's transaction: the permission used, and the import in the audit log."""
    approver = approvals.use_approval(db, actor, action, import_subject(path), approval)
    audit.record(db, f"import_{action}", actor.username, {"file": Path(path).name}, approver)
    return approver


def import_producers(
    db: Database,
    path: str | Path,
    on: date | None = None,
    *,
    actor: User,
    approval: Approval | None = None,
) -> ImportSummary:
    table = read_table(path)
    require_columns(table, PRODUCER_COLUMNS)
    producers: list[tuple[int, ProducerInput]]
    producers, problems = parse_rows(table, producer_input_from)
    first_line = {}
    for line, producer in producers:
        if producer.code in first_line:
            problems.append(
                RowProblem(
                    line, f"mã chủ thể {producer.code} trùng dòng {first_line[producer.code]}"
                )
            )
        first_line.setdefault(producer.code, line)
    reject_if(table, problems)
    summary = ImportSummary(rows=len(producers))
    with bulk_writer(db), db.atomic():
        authorised_import(db, actor, "catalog", path, approval)
        for _line, producer in producers:
            _count(summary, catalog.write_producer(db, producer, on or today()))
    return summary


def import_products(
    db: Database,
    path: str | Path,
    on: date | None = None,
    *,
    actor: User,
    approval: Approval | None = None,
) -> ImportSummary:
    table = read_table(path)
    require_columns(table, PRODUCT_COLUMNS)
    products: list[tuple[int, ProductInput]]
    products, problems = parse_rows(table, product_input_from)
    known_producers = {p.code for p in catalog.list_producers(db)}
    sku_line, barcode_line = {}, {}
    for line, product in products:
        if product.producer_code not in known_producers:
            problems.append(RowProblem(line, f"không có chủ thể mã {product.producer_code}"))
        if product.sku in sku_line:
            problems.append(
                RowProblem(line, f"mã hàng {product.sku} trùng dòng {sku_line[product.sku]}")
            )
        sku_line.setdefault(product.sku, line)
        for code in product.barcodes:
            owner = catalog.barcode_owner(db, code)
            if code in barcode_line:
                problems.append(RowProblem(line, f"mã vạch {code} trùng dòng {barcode_line[code]}"))
            elif owner is not None and owner != product.sku:
                problems.append(RowProblem(line, f"mã vạch {code} đã thuộc mặt hàng {owner}"))
            barcode_line.setdefault(code, line)
    reject_if(table, problems)
    summary = ImportSummary(rows=len(products))
    stage_products(db, [product for _line, product in products])  # takes no lock
    with bulk_writer(db), db.atomic():
        authorised_import(db, actor, "catalog", path, approval)
        for created, _ in post_staged_products(db, on or today()):
            summary.created += created
            summary.updated += not created
    return summary


@dataclass(frozen=True)
class _IntakeRow:
    producer_code: str
    line: stock.IntakeLine


def _intake_row_from(cells: dict) -> _IntakeRow:
    fields = FieldCollector()
    producer_code = fields.read(code_text, cells.get("producer_code"), "mã chủ thể")
    sku = fields.read(code_text, cells.get("sku"), "mã hàng (sku)")
    qty = fields.read(
        whole_number, cells.get("qty"), "số lượng", minimum=1, maximum=stock.MAX_INTAKE_QTY
    )
    lot = fields.read(optional_text, cells.get("lot"), "số lô")
    production = fields.read(optional_date, cells.get("production_date"), "ngày sản xuất")
    expiry = fields.read(optional_date, cells.get("expiry_date"), "hạn sử dụng")
    fields.check()
    line = stock.IntakeLine(sku, qty, lot, production, expiry)
    return _IntakeRow(producer_code, line)


def import_intake(
    db: Database,
    path: str | Path,
    received_on: date | None = None,
    *,
    actor: User,
    approval: Approval | None = None,
) -> ImportSummary:
    """One goods receipt per producer in the file, all posted together or none."""
    received_on = received_on or today()
    table = read_table(path)
    require_columns(table, INTAKE_COLUMNS)
    rows: list[tuple[int, _IntakeRow]]
    rows, problems = parse_rows(table, _intake_row_from)
    lot_dates = {}
    for line, row in rows:
        try:
            stock.check_intake_line(db, row.producer_code, row.line, received_on)
        except PosError as error:
            problems.append(RowProblem(line, str(error)))
        if row.line.lot_code:
            key = (row.line.sku, row.line.lot_code)
            dates = (row.line.production_date, row.line.expiry_date)
            if lot_dates.setdefault(key, (line, dates))[1] != dates:
                problems.append(
                    RowProblem(
                        line, f"lô {row.line.lot_code} khác ngày với dòng {lot_dates[key][0]}"
                    )
                )
    reject_if(table, problems)
    summary = ImportSummary(rows=len(rows))
    with bulk_writer(db), db.atomic():
        authorised_import(db, actor, "goods_receipt", path, approval)
        for producer_code, lines in _by_producer(rows).items():
            posted = stock.write_goods_receipt(db, producer_code, lines, received_on)
            summary.documents.append(posted.number)
            summary.created += 1
    return summary


def intake_lines(path: str | Path) -> dict[str, list[stock.IntakeLine]]:
    """An intake file's lines by producer, as written (the demo's past re-dates them)."""
    table = read_table(path)
    require_columns(table, INTAKE_COLUMNS)
    rows, problems = parse_rows(table, _intake_row_from)
    reject_if(table, problems)
    return _by_producer(rows)


def _by_producer(rows: list[tuple[int, _IntakeRow]]) -> dict[str, list[stock.IntakeLine]]:
    by_producer: dict[str, list[stock.IntakeLine]] = {}
    for _line, row in rows:
        by_producer.setdefault(row.producer_code, []).append(row.line)
    return by_producer


def _count(summary: ImportSummary, result: catalog.SaveResult) -> None:
    if result.created:
        summary.created += 1
    else:
        summary.updated += 1
