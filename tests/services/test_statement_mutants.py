"""Settlement statements, rule by rule: who and what a statement shows, the balance carried
from month to month, which producers get a statement or a PDF, and the manager's approvals
and the books each act leaves (journal, audit log). Written against surviving mutants of
pos/services/statements.py: each test pins a rule a producer or an accountant relies on."""

import csv
import json
import subprocess
from datetime import date, datetime

import pytest

from pos.cart import Cart, price
from pos.errors import PermissionDenied, PosError, ValidationError
from pos.journal import entry_of
from pos.payments import cash_tender
from pos.services import (
    audit,
    catalog,
    integrity,
    sales,
    settings,
    shifts,
    statements,
    stock,
    users,
)
from tests.conftest import demo_user
from tests.emv import emv_fields
from tests.printing.test_statements import pdf_text, sell_and_refund

NOV = (date(2026, 11, 1), date(2026, 11, 30))
DEC = (date(2026, 12, 1), date(2026, 12, 31))
EMPTY_MONTH = (date(2025, 1, 1), date(2025, 1, 31))  # before the showroom had any goods
AFTER_NOVEMBER = datetime(2026, 12, 2, 9, 0)
BAOMINH_NOV_OWED = 830_812  # what sell_and_refund leaves Bảo Minh owed for November
ALL_CODES = [
    "BAOMINH",
    "CHUQUYEN",
    "CONBOVANG",
    "DONGCAO",
    "DUONGTHOTNOT",
    "GOMBATTRANG",
    "HATODO",
    "HOABAN",
    "HTXTAYBAC",
    "LUAVANPHUC",
    "NGAMY",
    "SONGHONG",
    "THANHTAM",
]


def sell(db, sku: str, qty: int, at: datetime) -> None:
    """One cash sale at the till T01 (its shift opened when none is)."""
    if db.execute("SELECT 1 FROM shifts WHERE closed_at IS NULL").fetchone() is None:
        shifts.open_shift(db, "T01", "Lan", 0)
    cart = Cart()
    cart.add(sales.cart_line(catalog.find_product_by_code(db, sku, at.date()), qty))
    total = price(cart).total_vnd
    sales.post_sale(
        db, "T01", cart, [cash_tender(total, total)], f"{sku}-{qty}", at, actor=demo_user(db)
    )


def sell_out_duong_thot_not(db) -> None:
    """Tri Tôn's only lot (24 packs) sold on 24/11: nothing of theirs is left for December."""
    sell(db, "DUONG-THOTNOT", 24, datetime(2026, 11, 24, 15))


def journal_payload(db, number: str) -> dict:
    """What the journal kept of a document, without the seals it carries."""
    stored = db.execute("SELECT payload FROM journal WHERE document_number = ?", [number])
    payload = json.loads(entry_of(stored.fetchone()[0]))
    for sealing in ("seal", "sealed"):
        payload.pop(sealing, None)
    return payload


def newest_audit(db, action: str) -> audit.AuditEntry:
    return audit.audit_entries(db, action, limit=1)[0]


def approval_for(db, cashier, subject: str):
    """A manager's password typed at the cashier's screen for this act."""
    return users.approve(db, "quanly", "quanly2026", "close_period", cashier, subject)


# ---- what a statement shows ----


def test_a_draft_names_both_parties_and_carries_no_earlier_balance(demo_db, clock_at):
    """A draft (no number) shows the showroom's name and address, the producer's code,
    province, tax code and bank account, and only this period's amount: no balance carried,
    no payout, no journal head (nothing is issued yet)."""
    sell_and_refund(demo_db)
    draft = statements.statement_document(demo_db, "BAOMINH", *NOV)
    assert draft.number == "" and draft.journal_head == ""
    assert (draft.previous_balance_vnd, draft.paid_in_period_vnd) == (0, 0)
    assert draft.balance_vnd == draft.figures.owed_vnd == BAOMINH_NOV_OWED
    assert draft.showroom.name == "Showroom OCOP Hà Nội (demo)"
    assert draft.showroom.lines == ("Số 1 phố Demo, Hoàn Kiếm, Hà Nội",)  # no tax code set
    assert draft.producer.name == "Công ty CP Bánh kẹo Bảo Minh"
    assert draft.producer.lines == (
        "Mã: BAOMINH · Hà Nội",
        "MST: 0100456789",
        "TK: 19033000123456 (BIN 970407) · CONG TY CP BANH KEO BAO MINH",
    )


def test_a_producer_without_a_tax_code_gets_no_tax_line(demo_db):
    """Lụa Vạn Phúc (a household business) has no tax code: no 'MST' line, nothing blank."""
    draft = statements.statement_document(demo_db, "LUAVANPHUC", *NOV)
    assert draft.producer.lines == (
        "Mã: LUAVANPHUC · Hà Nội",
        "TK: 101870234567 (BIN 970415) · NGUYEN VAN A",
    )


def test_the_showroom_tax_code_is_printed_once_it_is_set(demo_db, clock_at):
    """The showroom's tax code (MST) appears under its address once set in Settings."""
    settings.set_settings(demo_db, {"showroom_tax_code": "0109999999"}, demo_user(demo_db, "admin"))
    draft = statements.statement_document(demo_db, "BAOMINH", *NOV)
    assert draft.showroom.lines == ("Số 1 phố Demo, Hoàn Kiếm, Hà Nội", "MST: 0109999999")


def test_a_draft_qr_asks_for_the_amount_with_the_producer_and_month(demo_db, clock_at):
    """The draft's VietQR pays the producer's account the amount owed, its purpose
    'QT <producer> <mmyyyy>' so the transfer can be matched to the statement."""
    sell_and_refund(demo_db)
    fields = emv_fields(statements.statement_document(demo_db, "BAOMINH", *NOV).vietqr_payload)
    assert fields["54"] == str(BAOMINH_NOV_OWED)
    assert "19033000123456" in fields["38"] and "970407" in fields["38"]
    assert emv_fields(fields["62"])["08"] == "QT BAOMINH 112026"


def test_nothing_owed_means_no_qr(demo_db):
    """Hoa Ban sold nothing in November: the statement shows stock only and no QR code."""
    draft = statements.statement_document(demo_db, "HOABAN", *NOV)
    assert draft.figures.stock and not draft.figures.sales
    assert draft.balance_vnd == 0 and draft.vietqr_payload == ""


def test_no_bank_account_on_file_means_the_amount_without_a_qr(demo_db, clock_at):
    """A producer whose bank account is not on file: no 'TK' line and no QR, though the
    statement still says what is owed."""
    sell_and_refund(demo_db)
    demo_db.execute("UPDATE producers SET bank_account = '' WHERE code = 'BAOMINH'")
    draft = statements.statement_document(demo_db, "BAOMINH", *NOV)
    assert draft.producer.lines == ("Mã: BAOMINH · Hà Nội", "MST: 0100456789")
    assert draft.balance_vnd == BAOMINH_NOV_OWED and draft.vietqr_payload == ""


def test_lots_expiring_within_30_days_of_the_period_end_are_listed_with_what_is_left(
    demo_db, clock_at
):
    """The statement warns of the producer's lots expiring up to 30 days after the period
    ends, with their expiry date and the units still on hand (even one)."""
    sell(demo_db, "SUA-TUOI-1L", 23, datetime(2026, 11, 24, 11))
    draft = statements.statement_document(demo_db, "CONBOVANG", *NOV)
    assert draft.expiring == (
        ("SUA-TUOI-1L", "L2613-05", "03/12/2026", 1),
        ("SUA-CHUA-4", "L2611-06", "04/12/2026", 24),
    )
    # a period ending a month earlier: the same lots are still over 30 days away
    october = statements.statement_document(
        demo_db, "CONBOVANG", date(2026, 10, 1), date(2026, 10, 31)
    )
    assert october.expiring == ()


def test_a_lot_sold_short_is_not_listed_as_expiring(demo_db, clock_at):
    """A lot sold past what it held (25 of 24 bottles: on hand -1) has nothing left for the
    producer to take back, so the expiry warning leaves it out."""
    sell(demo_db, "SUA-TUOI-1L", 25, datetime(2026, 11, 24, 11))
    draft = statements.statement_document(demo_db, "CONBOVANG", *NOV)
    assert draft.expiring == (("SUA-CHUA-4", "L2611-06", "04/12/2026", 24),)


def test_a_blocked_lot_is_listed_as_blocked_whatever_its_expiry(demo_db):
    """A lot blocked (recall, quality doubt) is listed as 'khóa' instead of a date, even with
    its expiry far off, so the producer knows to take it back."""
    sku, lot_code = "BANH-PIA", "L2613-11"
    [lot_id] = demo_db.execute(
        "SELECT l.id FROM lots l JOIN products p ON p.id = l.product_id "
        "WHERE p.sku = ? AND l.lot_code = ?",
        [sku, lot_code],
    ).fetchone()
    assert statements.statement_document(demo_db, "BAOMINH", *NOV).expiring == ()
    stock.set_lot_blocked(demo_db, lot_id, True)
    draft = statements.statement_document(demo_db, "BAOMINH", *NOV)
    assert draft.expiring == ((sku, lot_code, "khóa", 24),)


def test_reprinting_an_unknown_number_is_refused_naming_it(demo_db):
    """Asking for a statement number that was never issued says which number is missing."""
    with pytest.raises(PosError, match="không có bảng kê số QT-000099"):
        statements.statement_document(demo_db, "BAOMINH", *NOV, "QT-000099")


def test_a_statement_issued_before_adjustments_existed_reprints_without_any(demo_db, clock_at):
    """Statements issued by versions before agreed adjustments kept no 'adjustments' in their
    figures: they still reprint, with no adjustment and the same amounts."""
    sell_and_refund(demo_db)
    clock_at(AFTER_NOVEMBER)
    issued = statements.issue_statements(demo_db, demo_user(demo_db, "quanly"), *NOV, False)
    number = next(s.number for s in issued if s.producer_code == "BAOMINH")
    demo_db.execute("DROP TRIGGER settlements_no_update")  # as the older version wrote it
    demo_db.execute(
        "UPDATE settlements SET figures = json_remove(figures, '$.adjustments') WHERE number = ?",
        [number],
    )
    figures = statements.issued_figures(demo_db, number)
    assert figures.adjustments == () and figures.owed_vnd == BAOMINH_NOV_OWED


def test_issued_figures_are_kept_as_canonical_text_with_vietnamese_as_written(demo_db, clock_at):
    """The figures an issued statement keeps are read by people and tools from the database:
    canonical JSON (keys sorted), product names in Vietnamese letters, not \\u escapes."""
    sell_and_refund(demo_db)
    clock_at(AFTER_NOVEMBER)
    issued = statements.issue_statements(demo_db, demo_user(demo_db, "quanly"), *NOV, False)
    number = next(s.number for s in issued if s.producer_code == "BAOMINH")
    [stored] = demo_db.execute(
        "SELECT figures FROM settlements WHERE number = ?", [number]
    ).fetchone()
    assert stored == json.dumps(json.loads(stored), ensure_ascii=False, sort_keys=True)
    assert "Bánh pía Bảo Minh 400g" in stored


# ---- issuing, numbering and the balance carried ----


def test_subjects_a_manager_approves_say_the_act_and_the_period():
    """What the approval dialog shows the manager: issuing alone, or issuing and closing."""
    assert statements.period_subject(*NOV, close=False) == "lập bảng kê 01/11/2026–30/11/2026"
    assert (
        statements.period_subject(*NOV, close=True)
        == "lập bảng kê và khóa sổ 01/11/2026–30/11/2026"
    )


def test_a_cashier_issues_and_closes_with_a_managers_approval_for_that_period(demo_db, clock_at):
    """A cashier may issue and close November with a manager's approval given for exactly
    'lập bảng kê và khóa sổ 01/11/2026–30/11/2026'; the audit log names both, and says the
    period, how many statements and that the period was closed."""
    sell_and_refund(demo_db)
    clock_at(AFTER_NOVEMBER)
    cashier = demo_user(demo_db)
    with pytest.raises(PermissionDenied, match="Cần quản lý duyệt"):
        statements.issue_statements(demo_db, cashier, *NOV, True)
    just_issuing = approval_for(demo_db, cashier, "lập bảng kê 01/11/2026–30/11/2026")
    with pytest.raises(PermissionDenied, match="phê duyệt đã cho việc khác"):
        statements.issue_statements(demo_db, cashier, *NOV, True, just_issuing)
    approval = approval_for(demo_db, cashier, "lập bảng kê và khóa sổ 01/11/2026–30/11/2026")
    issued = statements.issue_statements(demo_db, cashier, *NOV, True, approval)
    assert [s.producer_code for s in issued] == ALL_CODES  # every one had stock
    assert [s.number for s in issued] == [f"QT-{n:06d}" for n in range(1, 14)]  # by code
    entry = newest_audit(demo_db, "statements_issued")
    assert (entry.actor, entry.approver) == ("thungan", "quanly")
    assert entry.details == {
        "start": "2026-11-01",
        "end": "2026-11-30",
        "count": 13,
        "closed": True,
    }
    assert demo_db.execute("SELECT count(*) FROM closed_periods").fetchone()[0] == 1


def test_issuing_without_closing_is_approved_as_issuing_only(demo_db, clock_at):
    """Issuing December early without closing it: the approval is for 'lập bảng kê …' only,
    and the audit log says the period was not closed."""
    clock_at(AFTER_NOVEMBER)
    cashier = demo_user(demo_db)
    approval = approval_for(demo_db, cashier, "lập bảng kê 01/12/2026–31/12/2026")
    issued = statements.issue_statements(demo_db, cashier, *DEC, False, approval, not_over_ok=True)
    entry = newest_audit(demo_db, "statements_issued")
    assert entry.approver == "quanly"
    assert entry.details == {
        "start": "2026-12-01",
        "end": "2026-12-31",
        "count": len(issued),
        "closed": False,
    }


def test_the_journal_keeps_each_statements_amounts(demo_db, clock_at):
    """Each issued statement goes into the journal with its producer, period and amounts:
    net, commission, owed, the balance carried in and the payouts of the period."""
    sell_and_refund(demo_db)
    manager = demo_user(demo_db, "quanly")
    statements.record_payout(demo_db, manager, "BAOMINH", 300_000, date(2026, 11, 28), "bank")
    clock_at(AFTER_NOVEMBER)
    issued = statements.issue_statements(demo_db, manager, *NOV, False)
    baominh = next(s for s in issued if s.producer_code == "BAOMINH")
    figures = statements.issued_figures(demo_db, baominh.number)
    assert journal_payload(demo_db, baominh.number) == {
        "producer": "BAOMINH",
        "start": "2026-11-01",
        "end": "2026-11-30",
        "net": figures.net_vnd,
        "commission": figures.commission_vnd,
        "owed": BAOMINH_NOV_OWED,
        "previous_balance": 0,
        "paid": 300_000,
    }
    assert figures.net_vnd - figures.commission_vnd == BAOMINH_NOV_OWED


def test_the_balance_carried_is_what_earlier_statements_owe_less_what_was_paid(demo_db, clock_at):
    """December's statement starts from November's unpaid balance: owed on November's
    statement less the payout made in November; a producer with nothing left in December
    still gets a statement for the balance it is owed."""
    sell_and_refund(demo_db)
    sell_out_duong_thot_not(demo_db)
    manager = demo_user(demo_db, "quanly")
    statements.record_payout(demo_db, manager, "BAOMINH", 300_000, date(2026, 11, 28), "bank")
    clock_at(AFTER_NOVEMBER)
    november = {
        s.producer_code: s for s in statements.issue_statements(demo_db, manager, *NOV, True)
    }
    assert november["BAOMINH"].balance_vnd == BAOMINH_NOV_OWED - 300_000
    tri_ton_owed = november["DUONGTHOTNOT"].owed_vnd
    assert tri_ton_owed > 0
    december = {
        s.producer_code: s
        for s in statements.issue_statements(demo_db, manager, *DEC, False, not_over_ok=True)
    }
    assert list(december) == ALL_CODES
    assert december["BAOMINH"].previous_balance_vnd == BAOMINH_NOV_OWED - 300_000
    tri_ton = december["DUONGTHOTNOT"]
    assert (tri_ton.previous_balance_vnd, tri_ton.owed_vnd) == (tri_ton_owed, 0)
    assert tri_ton.balance_vnd == tri_ton_owed
    kept = statements.issued_figures(demo_db, tri_ton.number)  # an empty period, theirs
    assert (kept.producer_code, kept.start, kept.end) == ("DUONGTHOTNOT", *DEC)
    assert kept.stock == () and kept.sales == () and kept.owed_vnd == 0


def test_a_producer_with_nothing_in_the_period_gets_no_statement(demo_db, clock_at):
    """Tri Tôn sold out in November: issuing December (nothing carried, nothing paid) gives
    them no statement, and every other producer still gets one; a month before the showroom
    had goods gives none at all."""
    sell_out_duong_thot_not(demo_db)
    manager = demo_user(demo_db, "quanly")
    clock_at(AFTER_NOVEMBER)
    december = statements.issue_statements(demo_db, manager, *DEC, False, not_over_ok=True)
    assert [s.producer_code for s in december] == [c for c in ALL_CODES if c != "DUONGTHOTNOT"]
    assert statements.issue_statements(demo_db, manager, *EMPTY_MONTH, False) == []
    assert newest_audit(demo_db, "statements_issued").details["count"] == 0


def test_a_balance_of_one_dong_still_gets_a_qr(demo_db, clock_at):
    """Paid all but 1 đồng: the next statement's QR asks for exactly 1 đồng, its purpose
    the statement's number."""
    sell_and_refund(demo_db)
    manager = demo_user(demo_db, "quanly")
    clock_at(AFTER_NOVEMBER)
    statements.issue_statements(demo_db, manager, *NOV, True)
    statements.record_payout(
        demo_db, manager, "BAOMINH", BAOMINH_NOV_OWED - 1, date(2026, 12, 2), "bank"
    )
    december = statements.issue_statements(demo_db, manager, *DEC, False, not_over_ok=True)
    number = next(s.number for s in december if s.producer_code == "BAOMINH")
    document = statements.statement_document(demo_db, "BAOMINH", *DEC, number)
    assert document.balance_vnd == 1
    fields = emv_fields(document.vietqr_payload)
    assert fields["54"] == "1"
    assert emv_fields(fields["62"])["08"] == number


# ---- the settlement screen and the printed run ----


def test_the_overview_lists_producers_with_stock_only_too(demo_db, clock_at):
    """The settlement screen lists every producer with stock or sales, by code, named, with
    '' as number until issued, then the issued number."""
    sell_and_refund(demo_db)
    rows = statements.period_overview(demo_db, *NOV)
    assert [row.code for row in rows] == ALL_CODES  # Hoa Ban & co. have stock, no sales
    hoaban = next(row for row in rows if row.code == "HOABAN")
    assert (hoaban.name, hoaban.number) == ("Công ty TNHH Hoa Ban", "")
    assert hoaban.figures == statements.statement_figures(demo_db, "HOABAN", *NOV)
    assert {row.number for row in rows} == {""}
    clock_at(AFTER_NOVEMBER)
    issued = statements.issue_statements(demo_db, demo_user(demo_db, "quanly"), *NOV, False)
    numbers = {row.code: row.number for row in statements.period_overview(demo_db, *NOV)}
    assert numbers == {s.producer_code: s.number for s in issued}


def summary_rows(run) -> dict[str, dict]:
    with open(run.summary_csv, encoding="utf-8-sig") as file:
        return {row["code"]: row for row in csv.DictReader(file)}


def test_one_producers_statement_is_written_into_a_new_folder_with_its_summary(demo_db, tmp_path):
    """Printing one producer's statement makes the folder (and its parents), writes that
    producer's PDF and workbook only, and a summary with the figures to the đồng."""
    sell_and_refund(demo_db)
    out = tmp_path / "quyet-toan" / "2026-11"
    steps = []
    run = statements.write_statements(
        demo_db, *NOV, out, "BAOMINH", progress=lambda done, total: steps.append((done, total))
    )
    assert run.pdfs == [out / "quyet-toan-BAOMINH-202611.pdf"]
    assert run.pdfs[0].is_file() and (out / "quyet-toan-BAOMINH-202611.xlsx").is_file()
    assert run.summary_csv == out / "tong-hop-202611.csv"
    assert steps == [(0, 1)]
    figures = statements.statement_figures(demo_db, "BAOMINH", *NOV)
    [row] = summary_rows(run).values()
    assert row == {
        "code": "BAOMINH",
        "name": "Công ty CP Bánh kẹo Bảo Minh",
        "gross_vnd": str(sum(line.gross_vnd for line in figures.sales)),
        "refunds_vnd": "108000",
        "net_vnd": str(figures.net_vnd),
        "commission_vnd": str(figures.commission_vnd),
        "owed_vnd": str(BAOMINH_NOV_OWED),
        "paid_vnd": "0",
        "balance_vnd": str(BAOMINH_NOV_OWED),
    }
    assert int(row["gross_vnd"]) > int(row["net_vnd"]) + int(row["refunds_vnd"])  # discounts


def test_a_full_run_skips_only_producers_with_nothing_and_reports_progress(
    demo_db, tmp_path, clock_at
):
    """Printing every producer's December drafts: one PDF per producer with stock, none for
    Tri Tôn (sold out, nothing owed), the progress bar told each step of 13."""
    sell_out_duong_thot_not(demo_db)
    steps = []
    run = statements.write_statements(
        demo_db, *DEC, tmp_path, progress=lambda done, total: steps.append((done, total))
    )
    printed = [c for c in ALL_CODES if c != "DUONGTHOTNOT"]
    assert run.pdfs == [tmp_path / f"quyet-toan-{code}-202612.pdf" for code in printed]
    assert list(summary_rows(run)) == printed
    assert steps == [(done, 13) for done in range(13)]
    hoaban = summary_rows(run)["HOABAN"]  # stock, nothing sold: printed, nothing owed
    assert (hoaban["gross_vnd"], hoaban["balance_vnd"]) == ("0", "0")


def test_a_run_for_an_empty_month_writes_a_summary_and_no_pdf(demo_db, tmp_path):
    """A month with nothing at all: no PDF, and a summary with its headers only."""
    run = statements.write_statements(demo_db, *EMPTY_MONTH, tmp_path)
    assert run.pdfs == [] and list(tmp_path.glob("*.pdf")) == []
    with open(run.summary_csv, encoding="utf-8-sig") as file:
        assert list(csv.reader(file)) == [list(statements.SUMMARY_HEADERS)]


def test_a_run_prints_the_issued_statement_of_a_producer_owed_a_carried_balance(
    demo_db, tmp_path, clock_at
):
    """Tri Tôn has nothing in December but is still owed November's amount: December's run
    prints their issued statement, the balance carried in the summary."""
    sell_out_duong_thot_not(demo_db)
    manager = demo_user(demo_db, "quanly")
    clock_at(AFTER_NOVEMBER)
    november = statements.issue_statements(demo_db, manager, *NOV, True)
    owed = next(s.owed_vnd for s in november if s.producer_code == "DUONGTHOTNOT")
    statements.issue_statements(demo_db, manager, *DEC, False, not_over_ok=True)
    run = statements.write_statements(demo_db, *DEC, tmp_path)
    assert tmp_path / "quyet-toan-DUONGTHOTNOT-202612.pdf" in run.pdfs
    tri_ton = summary_rows(run)["DUONGTHOTNOT"]
    assert (tri_ton["owed_vnd"], tri_ton["balance_vnd"]) == ("0", str(owed))


# ---- payouts and agreed adjustments ----


def test_a_cashiers_payout_with_approval_is_audited_with_producer_and_amount(demo_db):
    """A payout recorded by a cashier with the manager's approval for 'chi trả BAOMINH
    300.000 ₫': the audit log names both people, the producer and the amount."""
    cashier = demo_user(demo_db)
    approval = approval_for(demo_db, cashier, "chi trả BAOMINH 300.000 ₫")
    statements.record_payout(
        demo_db, cashier, "BAOMINH", 300_000, date(2026, 11, 28), "cash", "", approval
    )
    entry = newest_audit(demo_db, "payout")
    assert (entry.actor, entry.approver) == ("thungan", "quanly")
    assert entry.details == {"producer": "BAOMINH", "amount": 300_000}


def test_an_agreed_adjustment_needs_a_reason(demo_db):
    """An amount without the reason agreed with the producer is refused, saying so."""
    with pytest.raises(ValidationError) as refused:
        statements.record_agreed_adjustment(
            demo_db, demo_user(demo_db, "quanly"), "BAOMINH", 50_000, date(2026, 11, 24), ""
        )
    assert str(refused.value) == "cần số tiền khác 0 và lý do đã thỏa thuận"
    assert demo_db.execute("SELECT count(*) FROM agreed_adjustments").fetchone()[0] == 0


def test_a_cashiers_agreed_adjustment_with_approval_is_journaled_and_audited(demo_db):
    """An adjustment approved for 'điều chỉnh BAOMINH -50.000 ₫' is kept in the journal
    (producer, day, amount, reason) and the audit log (both people, producer, amount)."""
    cashier = demo_user(demo_db)
    approval = approval_for(demo_db, cashier, "điều chỉnh BAOMINH -50.000 ₫")
    entry_id = statements.record_agreed_adjustment(
        demo_db, cashier, "BAOMINH", -50_000, date(2026, 11, 24), "phí vận chuyển", approval
    )
    assert journal_payload(demo_db, f"DC-NSX-{entry_id:06d}") == {
        "producer": "BAOMINH",
        "on": "2026-11-24",
        "amount": -50_000,
        "reason": "phí vận chuyển",
    }
    entry = newest_audit(demo_db, "agreed_adjustment")
    assert (entry.actor, entry.approver) == ("thungan", "quanly")
    assert entry.details == {"producer": "BAOMINH", "amount": -50_000}


def test_an_agreed_adjustment_is_journaled_as_one_the_check_of_the_books_knows(demo_db):
    """An adjustment goes into the journal as an 'agreed_adjustment' entry, the kind the
    check of the books reads its sealed row from: checking right after finds nothing wrong."""
    entry_id = statements.record_agreed_adjustment(
        demo_db, demo_user(demo_db, "quanly"), "BAOMINH", 50_000, date(2026, 11, 24), "thưởng"
    )
    [kind] = demo_db.execute(
        "SELECT document_type FROM journal WHERE document_number = ?", [f"DC-NSX-{entry_id:06d}"]
    ).fetchone()
    assert kind == "agreed_adjustment"
    assert integrity.full_check(demo_db) == []


def test_an_agreed_amount_alone_is_drafted_issued_and_carried_into_the_next_month(
    demo_db, tmp_path
):
    """A month whose only figure is 50.000 ₫ agreed with the producer: the draft run writes
    their statement, issuing numbers it (it used to skip a month without goods or sales, so
    the amount never reached any balance), and February's statement carries it over."""
    manager = demo_user(demo_db, "quanly")
    january, february = (date(2025, 1, 1), date(2025, 1, 31)), (date(2025, 2, 1), date(2025, 2, 28))
    statements.record_agreed_adjustment(
        demo_db, manager, "HOABAN", 50_000, date(2025, 1, 15), "vận chuyển"
    )
    run = statements.write_statements(demo_db, *january, tmp_path)
    pdf = tmp_path / "quyet-toan-HOABAN-202501.pdf"
    assert pdf in run.pdfs
    assert "01/01/2025 – 31/01/2025" in pdf_text(pdf)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert "Quyết toán HOABAN" in info.stdout
    [listed] = statements.period_overview(demo_db, *january)  # the settlement screen's row
    assert (listed.code, listed.figures.owed_vnd, listed.number) == ("HOABAN", 50_000, "")
    [issued] = statements.issue_statements(demo_db, manager, *january, False)
    assert (issued.producer_code, issued.owed_vnd) == ("HOABAN", 50_000)
    [carried] = statements.issue_statements(demo_db, manager, *february, False)
    assert (carried.producer_code, carried.owed_vnd, carried.previous_balance_vnd) == (
        "HOABAN",
        0,
        50_000,
    )


def test_a_payout_alone_is_issued_and_its_run_writes_the_statement(demo_db, tmp_path):
    """Paid 20.000 ₫ ahead in a month with nothing else: the issued statement records it (the
    producer now owes it back), and the run for that issued month writes its PDF."""
    manager = demo_user(demo_db, "quanly")
    january = (date(2025, 1, 1), date(2025, 1, 31))
    statements.record_payout(demo_db, manager, "HOABAN", 20_000, date(2025, 1, 10), "bank")
    assert statements.period_overview(demo_db, *january) == []  # no draft: nothing sold or owed
    [issued] = statements.issue_statements(demo_db, manager, *january, False)
    assert (issued.producer_code, issued.paid_in_period_vnd) == ("HOABAN", 20_000)
    run = statements.write_statements(demo_db, *january, tmp_path)
    assert run.pdfs == [tmp_path / "quyet-toan-HOABAN-202501.pdf"]
