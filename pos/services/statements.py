"""Settlement statements as documents for a producer and a period (drafts until issued)."""

import csv
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlite_utils import Database

from pos import clock
from pos.clock import display_date
from pos.errors import PosError
from pos.printing.statement_pdf import Party, StatementDocument, write_statement_pdf
from pos.services.catalog import get_producer
from pos.services.settings import get_setting
from pos.services.settlement import statement_figures
from pos.text import strip_marks
from pos.vietqr import vietqr_payload

EXPIRY_WARNING_DAYS = 30


def statement_document(
    db: Database, producer_code: str, start: date, end: date, number: str = ""
) -> StatementDocument:
    producer = get_producer(db, producer_code)
    figures = statement_figures(db, producer_code, start, end)
    showroom = Party(
        get_setting(db, "showroom_name"),
        tuple(
            line
            for line in (
                get_setting(db, "showroom_address"),
                f"MST: {get_setting(db, 'showroom_tax_code')}"
                if get_setting(db, "showroom_tax_code")
                else "",
            )
            if line
        ),
    )
    producer_party = Party(
        producer.name,
        tuple(
            line
            for line in (
                f"Mã: {producer.code} · {producer.province}",
                f"MST: {producer.tax_code}" if producer.tax_code else "",
                f"TK: {producer.bank_account} (BIN {producer.bank_bin}) · "
                f"{producer.bank_account_name}"
                if producer.bank_account
                else "",
            )
            if line
        ),
    )
    qr = ""
    if figures.owed_vnd > 0:
        purpose = strip_marks(number or f"QT {producer_code} {start:%m%Y}")
        try:
            qr = vietqr_payload(producer.bank_bin, producer.bank_account, figures.owed_vnd, purpose)
        except PosError:
            qr = ""  # no bank account on file: the statement says the amount, without a QR
    return StatementDocument(
        number,
        clock.today(),
        showroom,
        producer_party,
        figures,
        _expiring(db, producer_code, end),
        qr,
    )


def _expiring(db: Database, producer_code: str, end: date) -> tuple:
    soon = (end + timedelta(days=EXPIRY_WARNING_DAYS)).isoformat()
    rows = db.execute(
        """
        SELECT p.sku, l.lot_code, l.expiry_date, l.status,
               (SELECT sum(qty) FROM stock_movements m WHERE m.lot_id = l.id) AS on_hand
        FROM lots l JOIN products p ON p.id = l.product_id
        JOIN producers pr ON pr.id = p.producer_id
        WHERE pr.code = ? AND (l.status = 'blocked' OR l.expiry_date <= ?)
        ORDER BY l.expiry_date
        """,
        [producer_code, soon],
    ).fetchall()
    return tuple(
        (sku, lot, "khóa" if status == "blocked" else display_date(expiry), on_hand)
        for sku, lot, expiry, status, on_hand in rows
        if on_hand and on_hand > 0
    )


@dataclass(frozen=True)
class SettlementRun:
    pdfs: list[Path]
    summary_csv: Path


def month_bounds(month: str) -> tuple[date, date]:
    """'2026-11' -> 01/11/2026 .. 30/11/2026."""
    try:
        first = date.fromisoformat(f"{month}-01")
    except ValueError:
        raise PosError(f"tháng '{month}' phải dạng YYYY-MM") from None
    next_month = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    return first, next_month - timedelta(days=1)


SUMMARY_HEADERS = (
    "code",
    "name",
    "gross_vnd",
    "refunds_vnd",
    "net_vnd",
    "commission_vnd",
    "owed_vnd",
)


def write_statements(
    db: Database, start: date, end: date, out: Path, producer_code: str | None = None
) -> SettlementRun:
    """Draft statement PDFs, one per producer with anything in the period, and a CSV summary."""
    out.mkdir(parents=True, exist_ok=True)
    codes = (
        [producer_code]
        if producer_code
        else [row[0] for row in db.execute("SELECT code FROM producers ORDER BY code")]
    )
    pdfs, summary = [], []
    for code in codes:
        document = statement_document(db, code, start, end)
        figures = document.figures
        if not figures.stock and not figures.sales:
            continue
        path = out / f"quyet-toan-{code}-{start:%Y%m}.pdf"
        write_statement_pdf(document, path)
        pdfs.append(path)
        gross = sum(row.gross_vnd for row in figures.sales)
        refunds = sum(row.refund_vnd for row in figures.sales)
        summary.append(
            (
                code,
                document.producer.name,
                gross,
                refunds,
                figures.net_vnd,
                figures.commission_vnd,
                figures.owed_vnd,
            )
        )
    summary_path = out / f"tong-hop-{start:%Y%m}.csv"
    with open(summary_path, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(SUMMARY_HEADERS)
        writer.writerows(summary)
    return SettlementRun(pdfs, summary_path)
