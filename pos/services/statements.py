"""Settlement statements as documents for a producer and a period (drafts until issued)."""

import json
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlite_utils import Database

from pos import clock
from pos.clock import display_date
from pos.consignment import balance_due
from pos.documents.statement import (
    Party,
    SalesRow,
    StatementDocument,
    StatementFigures,
    StockRow,
    has_a_statement,
)
from pos.errors import PosError, ValidationError
from pos.expiry import SOON_DAYS
from pos.exporting import write_csv
from pos.money import format_vnd
from pos.permissions import Approval, User
from pos.printing.statement_pdf import write_statement_pdf
from pos.printing.statement_xlsx import write_statement_xlsx
from pos.services import approvals, audit
from pos.services.catalog import get_producer, producer_id_of
from pos.services.periods import check_open, refuse_unfinished
from pos.services.settings import get_setting
from pos.services.settlement import all_statement_figures, no_figures, statement_figures
from pos.services.stock import LOT_ON_HAND
from pos.storage.ledger import (
    append_to_journal,
    journal_head,
    next_document_number,
    record_anchor,
)
from pos.text import nfc, strip_marks
from pos.vietqr import vietqr_payload


def statement_document(
    db: Database,
    producer_code: str,
    start: date,
    end: date,
    number: str = "",
    figures: StatementFigures | None = None,
) -> StatementDocument:
    """A draft from the ledger (or from ``figures`` already worked out), or (with
    ``number``) the issued statement's kept figures."""
    producer = get_producer(db, producer_code)
    previous = paid = 0
    head, issued_on = "", clock.today()
    if number:
        figures = issued_figures(db, number)
        previous, paid, head, issued_at = db.execute(
            "SELECT previous_balance_vnd, paid_in_period_vnd, journal_head, issued_at "
            "FROM settlements WHERE number = ?",
            [number],
        ).fetchone()
        issued_on = date.fromisoformat(issued_at[:10])  # a reprint is dated as issued
    elif figures is None:
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
    to_pay = balance_due(previous, figures.owed_vnd, paid)
    if to_pay > 0:
        purpose = strip_marks(number or f"QT {producer_code} {start:%m%Y}")
        try:
            qr = vietqr_payload(producer.bank_bin, producer.bank_account, to_pay, purpose)
        except PosError:
            qr = ""  # no bank account on file: the statement says the amount, without a QR
    return StatementDocument(
        number,
        issued_on,
        showroom,
        producer_party,
        figures,
        _expiring(db, producer_code, end),
        qr,
        previous,
        paid,
        head,
    )


def _expiring(db: Database, producer_code: str, end: date) -> tuple:
    soon = (end + timedelta(days=SOON_DAYS)).isoformat()  # as lists colour it
    rows = db.execute(
        f"""
        SELECT p.sku, l.lot_code, l.expiry_date, l.status,
               {LOT_ON_HAND} AS on_hand
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
    "paid_vnd",
    "balance_vnd",
)


def issued_numbers(db: Database, start: date, end: date) -> dict[str, str]:
    """Producer code -> number of the statement issued for exactly this period."""
    return dict(
        db.execute(
            "SELECT pr.code, s.number FROM settlements s "
            "JOIN producers pr ON pr.id = s.producer_id "
            "WHERE s.period_start = ? AND s.period_end = ?",
            [start.isoformat(), end.isoformat()],
        ).fetchall()
    )


@dataclass(frozen=True)
class PeriodRow:
    """A producer's line on the settlement screen."""

    code: str
    name: str
    figures: StatementFigures
    number: str  # the issued statement's, or '' (a draft)


def period_overview(db: Database, start: date, end: date) -> list[PeriodRow]:
    """Every producer with goods, sales or an agreed amount in the period (those with a
    draft statement: a draft carries no earlier balance, the issued statement does), by code."""
    issued = issued_numbers(db, start, end)
    names = dict(db.execute("SELECT code, name FROM producers").fetchall())
    return [
        PeriodRow(code, names.get(code, ""), figures, issued.get(code, ""))
        for code, figures in sorted(all_statement_figures(db, start, end).items())
    ]


def write_statements(
    db: Database,
    start: date,
    end: date,
    out: Path,
    producer_code: str | None = None,
    progress=None,
) -> SettlementRun:
    """Draft statement PDFs, one per producer with anything in the period, and a CSV summary."""
    out.mkdir(parents=True, exist_ok=True)
    codes = (
        [producer_code]
        if producer_code
        else [row[0] for row in db.execute("SELECT code FROM producers ORDER BY code")]
    )
    pdfs, summary = [], []
    issued = issued_numbers(db, start, end)
    # Every producer's figures in one pass; one producer's are worked out on their own.
    worked_out = all_statement_figures(db, start, end) if producer_code is None else None
    for done, code in enumerate(codes):
        if progress:
            progress(done, len(codes))
        figures = (
            None if worked_out is None else worked_out.get(code) or no_figures(code, start, end)
        )
        document = statement_document(db, code, start, end, issued.get(code, ""), figures)
        figures = document.figures
        if not has_a_statement(figures, document.previous_balance_vnd, document.paid_in_period_vnd):
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
                document.paid_in_period_vnd,
                document.balance_vnd,
            )
        )
        write_statement_xlsx(document, path.with_suffix(".xlsx"))
    summary_path = out / f"tong-hop-{start:%Y%m}.csv"
    write_csv(summary_path, SUMMARY_HEADERS, summary)  # producer names cannot run as formulas
    return SettlementRun(pdfs, summary_path)


# ---- issuing, period close, payouts ----

STATEMENT_SERIES = "QT"


@dataclass(frozen=True)
class IssuedStatement:
    number: str
    producer_code: str
    owed_vnd: int
    previous_balance_vnd: int
    paid_in_period_vnd: int

    @property
    def balance_vnd(self) -> int:
        """What the showroom still owes the producer after this statement."""
        return balance_due(self.previous_balance_vnd, self.owed_vnd, self.paid_in_period_vnd)


def _figures_json(figures: StatementFigures) -> str:
    data = asdict(figures)
    data["start"], data["end"] = figures.start.isoformat(), figures.end.isoformat()
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def _figures_from_json(text: str) -> StatementFigures:
    data = json.loads(text)
    return StatementFigures(
        data["producer_code"],
        date.fromisoformat(data["start"]),
        date.fromisoformat(data["end"]),
        tuple(StockRow(**row) for row in data["stock"]),
        tuple(SalesRow(**row) for row in data["sales"]),
        data["net_vnd"],
        data["commission_vnd"],
        data["owed_vnd"],
        tuple(tuple(item) for item in data.get("adjustments", ())),
    )


def balance_before(db: Database, producer_id: int, day: date) -> int:
    """Owed on statements issued for periods before ``day`` less payouts made before it."""
    owed = db.execute(
        "SELECT coalesce(sum(owed_vnd), 0) FROM settlements WHERE producer_id = ? "
        "AND period_end < ?",
        [producer_id, day.isoformat()],
    ).fetchone()[0]
    paid = db.execute(
        "SELECT coalesce(sum(amount_vnd), 0) FROM payouts WHERE producer_id = ? AND paid_on < ?",
        [producer_id, day.isoformat()],
    ).fetchone()[0]
    return owed - paid


def period_subject(start: date, end: date, close: bool) -> str:
    what = "lập bảng kê và khóa sổ" if close else "lập bảng kê"
    return f"{what} {start:%d/%m/%Y}–{end:%d/%m/%Y}"


def money_subject(what: str, producer_code: str, amount_vnd: int) -> str:
    return f"{what} {producer_code} {format_vnd(amount_vnd)}"


def issue_statements(
    db: Database,
    actor: User,
    start: date,
    end: date,
    close: bool,
    approval: Approval | None = None,
    *,
    not_over_ok: bool = False,
) -> list[IssuedStatement]:
    """Number and keep every producer's statement for the period; with ``close`` the period
    is locked (only once it is over: periods.refuse_unfinished). Issuing a period twice is
    refused: reprints use the kept figures."""
    issued = []
    with db.atomic():
        subject = period_subject(start, end, close)
        approver = approvals.use_approval(db, actor, "close_period", subject, approval)
        refuse_unfinished(db, start, end, close, not_over_ok)
        worked_out = all_statement_figures(db, start, end)
        head = journal_head(db)  # the books as they stand, printed on every statement
        for producer_id, code in db.execute(
            "SELECT id, code FROM producers ORDER BY code"
        ).fetchall():
            if db.execute(
                "SELECT 1 FROM settlements WHERE producer_id = ? AND period_start = ? "
                "AND period_end = ?",
                [producer_id, start.isoformat(), end.isoformat()],
            ).fetchone():
                raise ValidationError(f"kỳ này đã lập bảng kê cho {code}")
            figures = worked_out.get(code) or no_figures(code, start, end)
            previous = balance_before(db, producer_id, start)
            paid = db.execute(
                "SELECT coalesce(sum(amount_vnd), 0) FROM payouts WHERE producer_id = ? "
                "AND paid_on BETWEEN ? AND ?",
                [producer_id, start.isoformat(), end.isoformat()],
            ).fetchone()[0]
            if not has_a_statement(figures, previous, paid):
                continue
            number = next_document_number(db, STATEMENT_SERIES)
            settlement_id = db.execute(
                "INSERT INTO settlements (number, producer_id, period_start, period_end, "
                "issued_at, issued_by, net_vnd, commission_vnd, owed_vnd, previous_balance_vnd, "
                "paid_in_period_vnd, figures, journal_head) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    number,
                    producer_id,
                    start.isoformat(),
                    end.isoformat(),
                    clock.now_iso(),
                    actor.username,
                    figures.net_vnd,
                    figures.commission_vnd,
                    figures.owed_vnd,
                    previous,
                    paid,
                    _figures_json(figures),
                    str(head),
                ],
            ).lastrowid
            append_to_journal(
                db,
                "settlement",
                settlement_id,
                number,
                {
                    "producer": code,
                    "start": start.isoformat(),
                    "end": end.isoformat(),
                    "net": figures.net_vnd,
                    "commission": figures.commission_vnd,
                    "owed": figures.owed_vnd,
                    "previous_balance": previous,
                    "paid": paid,
                },
            )
            issued.append(IssuedStatement(number, code, figures.owed_vnd, previous, paid))
        if issued:
            record_anchor(db, head, f"{issued[0].number}…{issued[-1].number}")
        if close:
            db.execute(
                "INSERT INTO closed_periods (period_start, period_end, closed_at, closed_by) "
                "VALUES (?, ?, ?, ?)",
                [start.isoformat(), end.isoformat(), clock.now_iso(), actor.username],
            )
        audit.record(
            db,
            "statements_issued",
            actor.username,
            {
                "start": start.isoformat(),
                "end": end.isoformat(),
                "count": len(issued),
                "closed": close,
            },
            approver,
        )
    return issued


def issued_figures(db: Database, number: str) -> StatementFigures:
    """The figures exactly as issued (for reprints)."""
    row = db.execute("SELECT figures FROM settlements WHERE number = ?", [number]).fetchone()
    if row is None:
        raise PosError(f"không có bảng kê số {number}")
    return _figures_from_json(row[0])


def record_payout(
    db: Database,
    actor: User,
    producer_code: str,
    amount_vnd: int,
    paid_on: date,
    method: str,
    reference: str = "",
    approval: Approval | None = None,
) -> int:
    """A payment to a producer (partial payments allowed); the balance carries forward."""
    reference = nfc(reference)  # the row and the journal keep the same text
    if amount_vnd <= 0:
        raise ValidationError("số tiền thanh toán phải lớn hơn 0")
    if method not in ("bank", "cash"):
        raise ValidationError("thanh toán bằng chuyển khoản hoặc tiền mặt")
    with db.atomic():
        subject = money_subject("chi trả", producer_code, amount_vnd)
        approver = approvals.use_approval(db, actor, "close_period", subject, approval)
        producer_id = producer_id_of(db, producer_code)
        payout_id = db.execute(
            "INSERT INTO payouts (producer_id, paid_on, method, reference, amount_vnd, "
            "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                producer_id,
                paid_on.isoformat(),
                method,
                reference,
                amount_vnd,
                actor.username,
                clock.now_iso(),
            ],
        ).lastrowid
        append_to_journal(
            db,
            "payout",
            payout_id,
            f"TT-{payout_id:06d}",
            {
                "producer": producer_code,
                "paid_on": paid_on.isoformat(),
                "amount": amount_vnd,
                "method": method,
                "reference": reference,
            },
        )
        audit.record(
            db,
            "payout",
            actor.username,
            {"producer": producer_code, "amount": amount_vnd},
            approver,
        )
    return payout_id


def record_agreed_adjustment(
    db: Database,
    actor: User,
    producer_code: str,
    amount_vnd: int,
    on: date,
    reason: str,
    approval: Approval | None = None,
) -> int:
    """An amount agreed with the producer (+ owed to them, - owed by them) in a period."""
    reason = nfc(reason)
    if amount_vnd == 0 or not reason:
        raise ValidationError("cần số tiền khác 0 và lý do đã thỏa thuận")
    with db.atomic():
        subject = money_subject("điều chỉnh", producer_code, amount_vnd)
        approver = approvals.use_approval(db, actor, "close_period", subject, approval)
        check_open(db, on)
        producer_id = producer_id_of(db, producer_code)
        entry_id = db.execute(
            "INSERT INTO agreed_adjustments (producer_id, on_date, amount_vnd, reason, "
            "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
            [producer_id, on.isoformat(), amount_vnd, reason, actor.username, clock.now_iso()],
        ).lastrowid
        append_to_journal(
            db,
            "agreed_adjustment",
            entry_id,
            f"DC-NSX-{entry_id:06d}",
            {
                "producer": producer_code,
                "on": on.isoformat(),
                "amount": amount_vnd,
                "reason": reason,
            },
        )
        audit.record(
            db,
            "agreed_adjustment",
            actor.username,
            {"producer": producer_code, "amount": amount_vnd},
            approver,
        )
    return entry_id
