"""`ocop-pos einvoice status | send | lookup RECEIPT | export --month M`: the e-invoice
queue from the command line (a PC without the window, the accountant's month)."""

import argparse
from pathlib import Path

from pos import clock, exporting
from pos.clock import display_time
from pos.errors import ValidationError
from pos.fields import month_of, whole_number
from pos.money import format_vnd

EXPORT_HEADERS = (
    "issued_at",
    "receipt",
    "kind",
    "symbol",
    "number",
    "tax_authority_code",
    "reservation_code",
    "buyer",
    "buyer_tax_code",
    "amount_before_vat",
    "vat",
    "total",
    "state",
)


def add_parsers(commands) -> None:
    einvoice = commands.add_parser("einvoice", help="hóa đơn điện tử: hàng đợi gửi, tra, xuất")
    actions = einvoice.add_subparsers(dest="action", required=True)
    actions.add_parser("status", help="còn bao nhiêu chưa gửi, cái nào bị từ chối")
    send = actions.add_parser("send", help="gửi ngay hóa đơn đang chờ (chương trình đã đóng)")
    send.add_argument("--steps", default="10000", help="gửi hoặc tra lại tối đa bấy nhiêu lần")
    lookup = actions.add_parser("lookup", help="hóa đơn điện tử của một phiếu bán hoặc trả")
    lookup.add_argument("receipt", help="số phiếu, ví dụ T01-000123")
    export = actions.add_parser("export", help="hóa đơn của một tháng, CSV hoặc XLSX")
    export.add_argument("--month", required=True, help="tháng, YYYY-MM hoặc mm/yyyy")
    export.add_argument("-o", "--out", type=Path, required=True, help="file .csv hoặc .xlsx")


def run(db, args: argparse.Namespace) -> int:
    return ACTIONS[args.action](db, args)


def _status(db, args) -> int:
    from pos.services import einvoice_lists, einvoice_outbox

    status = einvoice_outbox.status(db)
    if not status.unsent:
        print("Hóa đơn điện tử: đã gửi hết")
    else:
        print(
            f"Hóa đơn điện tử chưa gửi: {status.unsent}, cũ nhất lập lúc "
            f"{display_time(status.oldest_unsent_at)}"
        )
    if status.stopped:
        print(f"Đã dừng gửi: {status.stopped}")
    for row in einvoice_lists.refused(db):
        print(f"  {row.document_number} ({row.symbol}): {row.message}")
    return 1 if status.stopped or status.parked else 0


def _send(db, args) -> int:
    from pos.einvoicing.connection import open_provider
    from pos.einvoicing.credentials import load_password
    from pos.einvoicing.sender import Sender
    from pos.services import einvoice_outbox, einvoices, showroom_file
    from pos.storage.instance_lock import InstanceLock

    connection = einvoices.connection(db)
    if connection is None:
        raise ValidationError("showroom chưa dùng hóa đơn điện tử (Cài đặt → Hóa đơn điện tử)")
    password = load_password(connection.username) if connection.username else ""
    provider, close = open_provider(connection, password, clock.today())
    sender = Sender(db, provider)
    # Not while the app runs: its own sender has them, and what it has in flight is its.
    lock = InstanceLock(showroom_file.database_path(db))
    try:
        with lock:
            einvoice_outbox.recover(db)
            sender.drain(whole_number(args.steps, "số lần"))
    finally:
        close()
    unsent = einvoice_outbox.status(db).unsent
    print(f"Đã cấp số {sender.issued} hóa đơn; còn chưa gửi {unsent}")
    return 0 if not unsent else 1


def _lookup(db, args) -> int:
    from pos.services import einvoice_lists

    for row in einvoice_lists.of_document(db, args.receipt):
        kind = einvoice_lists.KINDS[row.kind]
        state = einvoice_lists.STATES[row.state]
        print(f"{row.document_number} · {kind} · ký hiệu {row.symbol} · {state}")
        print(f"  lập lúc {display_time(row.issued_at)}, tổng {format_vnd(row.total_vnd)}")
        if row.number:
            print(
                f"  số {row.number}, mã CQT {row.tax_authority_code}, "
                f"mã tra cứu {row.reservation_code}"
            )
        if row.message:
            print(f"  {row.message}")
    return 0


def _export(db, args) -> int:
    from pos.services import einvoice_lists, einvoices

    month = month_of(args.month)
    einvoices.queue_captured(db, limit=None)  # the last sales' invoices, if the app is closed
    rows = [
        (
            row.issued_at,
            row.document_number,
            row.kind,
            row.symbol,
            row.number,
            row.tax_authority_code,
            row.reservation_code,
            row.buyer_name,
            row.buyer_tax_code,
            row.amount_vnd,
            row.vat_vnd,
            row.total_vnd,
            row.state,
        )
        for row in einvoice_lists.of_month(db, month)
    ]
    if args.out.suffix.lower() == ".xlsx":
        exporting.write_xlsx(args.out, EXPORT_HEADERS, rows)
    else:
        exporting.write_csv(args.out, EXPORT_HEADERS, rows)
    print(f"Đã ghi {len(rows)} hóa đơn điện tử tháng {month:%m/%Y} vào {args.out}")
    return 0


ACTIONS = {"status": _status, "send": _send, "lookup": _lookup, "export": _export}
