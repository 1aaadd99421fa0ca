"""Trade-fair sales rung up without the till, imported afterwards and posted exactly as the
till posts them (lots, commission snapshot, journal), all or nothing."""

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from pos import clock
from pos.cart import MAX_QTY, Cart, price, priced_within_limits
from pos.clock import display_date
from pos.errors import ImportRejected, PosError, RowProblem, ValidationError
from pos.fields import (
    FieldCollector,
    cell_text,
    check_year,
    optional_text,
    required_text,
    whole_number,
)
from pos.importing.catalog_files import ImportSummary, authorised_import, parse_rows, reject_if
from pos.importing.tables import read_table, require_columns
from pos.money import parse_vnd
from pos.payments import METHODS, Tender
from pos.permissions import Approval, User
from pos.services import catalog, sale_writing, sales
from pos.storage.bulk_writers import bulk_writer

SALES_COLUMNS = ("sold_at", "code", "qty", "payment")
FAIR_TERMINAL = "HOICHO"  # hội chợ: its own receipt series, never colliding with a till
IMPORT_CASHIER = "Nhập từ file"
REPEATED_RECEIPT = "đã nhập:"  # how a refusal names a receipt posted before
SOLD_BEFORE_STOCK = "bán trước khi nhận hàng"  # how a refusal names such a line


@dataclass(frozen=True)
class _SaleRow:
    receipt: str
    sold_at: datetime
    code: str
    qty: int
    unit_price_vnd: int | None
    payment: str


def _sold_at(value: object) -> datetime:
    field = "thời điểm bán (sold_at)"
    if isinstance(value, datetime):
        moment = value
    else:
        text = required_text(value, field)
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            raise ValidationError(f"thời điểm bán '{text}' phải dạng 2026-11-20 14:30") from None
    if moment.tzinfo is not None:  # '...+07:00': the same moment on this computer's clock
        moment = moment.astimezone().replace(tzinfo=None)
    return check_year(moment, field)


def _payment(value: object) -> str:
    text = cell_text(value).casefold()
    if text not in METHODS:
        raise ValidationError(f"hình thức thanh toán '{text}' phải là cash, bank hoặc card")
    return text


def _optional_price(value: object) -> int | None:
    return parse_vnd(value) if cell_text(value) else None


def _sale_row_from(cells: dict) -> _SaleRow:
    fields = FieldCollector()
    sold_at = fields.read(_sold_at, cells.get("sold_at"))
    code = fields.read(required_text, cells.get("code"), "mã vạch hoặc mã hàng")
    qty = fields.read(whole_number, cells.get("qty"), "số lượng", minimum=1, maximum=MAX_QTY)
    price = fields.read(_optional_price, cells.get("unit_price_vnd"))
    payment = fields.read(_payment, cells.get("payment"))
    receipt = fields.read(optional_text, cells.get("receipt"), "số phiếu")
    fields.check()
    return _SaleRow(receipt, sold_at, code, qty, price, payment)


def import_sales(
    db: Database,
    path: str | Path,
    terminal_code: str = FAIR_TERMINAL,
    now: datetime | None = None,
    *,
    actor: User,
    approval: Approval | None = None,
    only_new: bool = False,
    before_stock_ok: bool = False,
) -> ImportSummary:
    """Post a fair's receipts. A receipt already posted (from this file or an earlier one,
    however the file was re-saved) is refused with the number it got and when; with
    ``only_new`` the repeated receipts are skipped and the others posted (a day-2 file that
    repeats day 1). Lines sold before their product's goods were first received (a typo in
    the date, or goods not received yet) are refused unless ``before_stock_ok``: the manager
    saw the list and goes on."""
    table = read_table(path)
    require_columns(table, SALES_COLUMNS)
    rows, problems = parse_rows(table, _sale_row_from)
    now = now or clock.now()  # the one clock tests and the app agree on
    groups: dict[str, list[tuple[int, _SaleRow, catalog.Product]]] = {}
    for line, row in rows:
        product = catalog.find_product_by_code(db, row.code, row.sold_at.date())
        if product is None:
            problems.append(RowProblem(line, f"không có sản phẩm mã '{row.code}'"))
            continue
        if row.sold_at > now:
            problems.append(RowProblem(line, "thời điểm bán ở tương lai"))
            continue
        groups.setdefault(row.receipt or f"(dòng {line})", []).append((line, row, product))
    carts: dict[str, Cart] = {}
    for receipt, members in groups.items():
        first_line, first, _ = members[0]
        for line, row, _ in members[1:]:
            if (row.sold_at, row.payment) != (first.sold_at, first.payment):
                problems.append(
                    RowProblem(
                        line,
                        f"phiếu {receipt}: khác thời điểm hoặc hình thức với dòng {first_line}",
                    )
                )
        carts[receipt] = _cart(members, problems)
    tokens = _tokens(terminal_code, groups)
    posted_before = _posted_before(db, tokens)
    repeated = [
        RowProblem(
            groups[receipt][0][0], f"phiếu {receipt} {REPEATED_RECEIPT} {posted_before[receipt]}"
        )
        for receipt in groups
        if receipt in posted_before
    ]
    if not only_new:
        problems += repeated
    reject_if(table, problems)
    new_receipts = [receipt for receipt in groups if receipt not in posted_before]
    if not before_stock_ok:
        reject_if(table, _sold_before_stock(db, {r: groups[r] for r in new_receipts}))
    summary = ImportSummary(rows=sum(len(groups[r]) for r in new_receipts))
    summary.skipped = len(repeated)
    if not new_receipts:
        return summary
    # Every receipt priced before the write lock is asked for: the till waits only for the
    # writing itself.
    terms = sale_writing.TermsOnDay()
    drafts = []
    for receipt in new_receipts:
        first_line, first, _ = groups[receipt][0]
        try:
            drafts.append(_draft(db, carts[receipt], first, tokens[receipt], actor.uuid, terms))
        except PosError as error:
            problems.append(RowProblem(first_line, str(error)))
    reject_if(table, problems)
    with bulk_writer(db), db.atomic():
        authorised_import(db, actor, "sales_import", path, approval)
        _refuse_posted_meanwhile(db, [tokens[receipt] for receipt in new_receipts])
        try:
            posted = sale_writing.write_sales(db, terminal_code, drafts, terms)
        except PosError as error:
            index = getattr(error, "sale_index", None)
            if index is None:
                raise
            line = groups[new_receipts[index]][0][0]
            raise ImportRejected(table.label, [RowProblem(line, str(error))]) from None
    summary.documents = [sale.number for sale in posted]
    summary.created = len(posted)
    return summary


def _sold_before_stock(db: Database, groups: dict[str, list]) -> list[RowProblem]:
    """Lines dated before any goods of their product were received at the showroom."""
    ids = sorted({product.id for members in groups.values() for _, _, product in members})
    marks = ",".join("?" * len(ids))
    first_in = dict(
        db.execute(
            f"SELECT product_id, min(moved_on) FROM stock_movements WHERE kind = 'intake' "
            f"AND product_id IN ({marks}) GROUP BY product_id",
            ids,
        ).fetchall()
    )
    found = []
    for receipt, members in groups.items():
        for line, row, product in members:
            received = first_in.get(product.id)
            sold = row.sold_at.date().isoformat()
            if received is None or sold < received:
                when = display_date(received) if received else "chưa nhập lần nào"
                found.append(
                    RowProblem(
                        line,
                        f"phiếu {receipt}: {product.sku} {SOLD_BEFORE_STOCK} "
                        f"(bán {display_date(sold)}, nhận hàng {when})",
                    )
                )
    return found


def _tokens(terminal_code: str, groups: dict[str, list]) -> dict[str, str]:
    """Each receipt's key for good: the fair's series and its receipt number. A row without
    a number is known by what it sold (time, code, units, price, payment) and, for rows
    alike in every way, by which of them it is: nothing a re-saving of the file changes."""
    tokens, alike = {}, {}
    for receipt, members in groups.items():
        row = members[0][1]
        key = receipt
        if not row.receipt:
            content = (row.sold_at.isoformat(), row.code, row.qty, row.unit_price_vnd, row.payment)
            digest = hashlib.sha256(repr(content).encode()).hexdigest()[:16]
            alike[digest] = alike.get(digest, 0) + 1
            key = f"#{digest}-{alike[digest]}"
        tokens[receipt] = f"fair:{terminal_code}:{key}"
    return tokens


_OLD_TOKEN = len("import:") + 16 + 1  # imports before receipt keys: import:<file hash>:<receipt>


def _posted_before(db: Database, tokens: dict[str, str]) -> dict[str, str]:
    """Receipt -> 'number, imported on dd/mm/yyyy' for the receipts already posted."""
    sale_of = {}
    for receipt, token in tokens.items():
        row = db.execute("SELECT id, number FROM sales WHERE client_token = ?", [token]).fetchone()
        if row:
            sale_of[receipt] = row
    old = {
        token[_OLD_TOKEN:]: (sale_id, number)
        for sale_id, number, token in db.execute(
            "SELECT id, number, client_token FROM sales WHERE client_token LIKE 'import:%'"
        )
    }
    sale_of |= {r: old[r] for r in tokens if r in old and r not in sale_of}
    if not sale_of:
        return {}
    ids = {sale_id for sale_id, _ in sale_of.values()}
    posted_at = {
        doc_id: at
        for doc_id, at in db.execute(
            "SELECT document_id, posted_at FROM journal WHERE document_type = 'sale'"
        )
        if doc_id in ids
    }
    return {
        receipt: f"số {number}, nhập ngày {datetime.fromisoformat(posted_at[sale_id]):%d/%m/%Y}"
        for receipt, (sale_id, number) in sale_of.items()
    }


def _cart(members: list[tuple[int, _SaleRow, catalog.Product]], problems: list[RowProblem]) -> Cart:
    """The receipt's cart, built before anything is written: the rows of one product add up
    to one line (at most MAX_QTY units), and the receipt stays within pos.money.MAX_VND."""
    cart = Cart()
    for line, row, product in members:
        try:
            cart.add(sales.cart_line(product, row.qty, row.unit_price_vnd))
        except PosError as error:
            problems.append(RowProblem(line, str(error)))
    try:
        priced_within_limits(cart)
    except PosError as error:
        problems.append(RowProblem(members[0][0], str(error)))
    return cart


def _draft(
    db: Database,
    cart: Cart,
    row: _SaleRow,
    token: str,
    importer_uuid: str,
    terms: sale_writing.TermsOnDay,
) -> sale_writing.SaleDraft:
    total = price(cart).total_vnd
    tender = Tender(row.payment, total, total if row.payment == "cash" else None, "hội chợ")
    return sale_writing.draft_sale(
        db,
        cart,
        [tender],
        token,
        row.sold_at,
        terms,
        cashier=IMPORT_CASHIER,
        cashier_uuid=importer_uuid,
    )


def _refuse_posted_meanwhile(db: Database, tokens: list[str]) -> None:
    """Inside the write: the same receipts posted by another import since this one read."""
    for start in range(0, len(tokens), 500):
        chunk = tokens[start : start + 500]
        row = db.execute(
            f"SELECT number FROM sales WHERE client_token IN ({', '.join('?' * len(chunk))}) "
            "LIMIT 1",
            chunk,
        ).fetchone()
        if row:
            raise ValidationError(
                f"Một lần nhập khác vừa ghi các phiếu này (số {row[0]}): chưa ghi gì thêm. "
                "Hãy nhập lại để xem phiếu nào còn mới."
            )
