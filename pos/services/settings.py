"""Showroom settings: a small key/value store with defaults for everything the app reads."""

import re

from sqlite_utils import Database

from pos.clock import now_iso, today
from pos.errors import ValidationError
from pos.invoice_symbols import yearly_symbol
from pos.permissions import Approval, User
from pos.services import approvals, audit
from pos.text import nfc

DEFAULTS = {
    "showroom_name": "Showroom OCOP",
    "showroom_address": "",
    "showroom_tax_code": "",
    "showroom_phone": "",
    "receipt_footer": "Cảm ơn quý khách! Hàng OCOP - tự hào sản vật Việt.",
    "ui_language": "vi",
    "terminal_code": "T01",
    "auto_instore_barcodes": "1",  # goods received without a barcode get the showroom's own
    "discount_limit_bp": "1000",  # a cashier may give up to 10 % alone; more needs a manager
    "approval_minutes": "5",  # a manager's approval for a cashier's act is used within this
    "cashier_may_receive": "0",  # 1: cashiers receive consigned goods without a manager
    "z_difference_limit_vnd": "50000",  # a Z's cash over or short by more needs a manager
    "idle_lock_minutes": "10",  # the till locks itself after this long untouched; 0: never
    "customer_display": "",  # the screen (1, 2, ...) facing the customer; '' for none
    "bank_bin": "",  # the showroom's account for VietQR transfers
    "bank_account": "",
    "bank_account_name": "",
    # Receipt printer: how it is reached and how wide its paper is (58 or 80 mm).
    "printer_kind": "none",  # none | usb | network | serial | cups | lp | windows | file
    "printer_target": "",  # usb: 04b8:0202 · network: 192.168.1.50:9100 · serial: /dev/ttyUSB0
    "printer_paper_mm": "80",
    "printer_mode": "raster",  # raster (any printer) | text (needs a Vietnamese code page)
    "printer_codepage": "",
    # Automatic backups (at every Z close and daily): where, and how many to keep.
    "backup_dir": "",  # empty: the user data directory's backups folder
    "backup_keep": "30",
    # E-invoices: the provider that carries them to the tax authority (fake: the demo's own,
    # on this PC), the account, the template, and where the till stands. The password is
    # never here: it is in the OS's store or a file of its own (einvoicing.credentials).
    "einvoice_provider": "none",  # none | viettel | fake
    "einvoice_url": "",
    "einvoice_username": "",
    "einvoice_template": "1/001",
    "einvoice_symbol": "",  # this till's, e.g. 1C26MAA (the year follows the invoice's day)
    "einvoice_import_symbol": "",  # sales imported from a fair's file: a symbol of their own
    "einvoice_location_code": "",
    "einvoice_location_name": "",
    "einvoice_location_address": "",
    "einvoice_lookup_url": "vinvoice.viettel.vn",  # the provider's portal, on receipts
}
# What documents print at their head: kept with its history (settings_history), so that a
# reprint shows the values in force when the document was posted.
PRINTED = (
    "showroom_name",
    "showroom_address",
    "showroom_tax_code",
    "showroom_phone",
    "receipt_footer",
    "bank_bin",  # the receipt's and the statement's VietQR
    "bank_account",
    "bank_account_name",
    # an e-invoice's seller, as it was when the sale was made (it is built later, by the sender)
    "einvoice_template",
    "einvoice_location_code",
    "einvoice_location_name",
    "einvoice_location_address",
)
CHECKS = (
    ("ui_language", "vi|en", "ngôn ngữ không hỗ trợ"),
    ("terminal_code", r"[A-Z0-9]{2,10}", "mã quầy chỉ gồm 2-10 chữ in hoa không dấu hoặc số"),
    ("bank_bin", r"(\d{6})?", "mã BIN ngân hàng gồm 6 chữ số (ví dụ VietinBank 970415)"),
    ("bank_account", r"([0-9A-Za-z]{4,19})?", "số tài khoản gồm 4-19 chữ số/chữ cái"),
    ("auto_instore_barcodes", "0|1", "tự cấp mã vạch nội bộ: 0 hoặc 1"),
    ("discount_limit_bp", r"\d{1,5}", "hạn mức giảm giá tính bằng phần vạn (1000 = 10 %)"),
    ("printer_kind", "none|usb|network|serial|cups|lp|windows|file", "loại máy in không hợp lệ"),
    ("printer_paper_mm", "58|80", "khổ giấy chỉ là 58 hoặc 80 mm"),
    ("printer_mode", "raster|text", "chế độ in là raster hoặc text"),
    ("approval_minutes", r"[1-9]\d?", "thời hạn phê duyệt: từ 1 đến 99 phút"),
    ("cashier_may_receive", "0|1", "thu ngân được nhập hàng: 0 hoặc 1"),
    ("customer_display", r"[1-9]?", "màn hình cho khách: số màn hình (1, 2...) hoặc để trống"),
    ("z_difference_limit_vnd", r"\d{1,9}", "ngưỡng lệch tiền khi đóng ca: số đồng, ví dụ 50000"),
    ("idle_lock_minutes", r"\d{1,3}", "khóa quầy khi không dùng: số phút, 0 là không khóa"),
    ("backup_keep", r"[1-9]\d{0,3}", "số bản sao lưu giữ lại: từ 1 đến 9999"),
    ("einvoice_provider", "none|viettel|fake", "nhà cung cấp hóa đơn điện tử không hợp lệ"),
    ("einvoice_template", r"[12]/[0-9]{3}", "mẫu số hóa đơn có dạng 1/001 hoặc 2/001"),
)
# Settings whose value needs more than a pattern: the rule's own home checks it.
RULES = {
    "einvoice_symbol": lambda text: yearly_symbol(text, today()),
    "einvoice_import_symbol": lambda text: yearly_symbol(text, today()),
}


def get_setting(db: Database, key: str) -> str:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return row[0] if row else DEFAULTS.get(key, "")


def settings_of(db: Database, keys: tuple[str, ...]) -> dict[str, str]:
    """Several settings in one read (a sale reads what its e-invoice carries)."""
    held = dict(
        db.execute(
            f"SELECT key, value FROM settings WHERE key IN ({','.join('?' * len(keys))})", keys
        ).fetchall()
    )
    return {key: held.get(key, DEFAULTS.get(key, "")) for key in keys}


def set_setting(db: Database, key: str, value: str, actor: User) -> None:
    set_settings(db, {key: value}, actor)


def settings_subject(keys) -> str:
    return "cài đặt " + ", ".join(sorted(keys))


def set_settings(
    db: Database,
    values: dict[str, str],
    actor: User,
    approval: Approval | None = None,
) -> None:
    """Save several settings together: all of them or, on a bad value, none. A manager's
    act, in the audit log."""
    cleaned = {}
    for key, value in values.items():
        if key not in DEFAULTS:
            raise ValidationError(f"không có thiết lập '{key}'")
        cleaned[key] = nfc(value)
    for key, pattern, message in CHECKS:
        if key in cleaned and not re.fullmatch(pattern, cleaned[key]):
            raise ValidationError(message)
    for key, rule in RULES.items():
        if cleaned.get(key):
            rule(cleaned[key])
    with db.atomic():
        approver = approvals.use_approval(db, actor, "settings", settings_subject(values), approval)
        changed = {key: value for key, value in cleaned.items() if value != get_setting(db, key)}
        for key, value in changed.items():
            if key in PRINTED:
                _keep_history(db, key, value)
            db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value],
            )
        if changed:
            audit.record(db, "settings_changed", actor.username, changed, approver)


def _keep_history(db: Database, key: str, value: str) -> None:
    if db.execute("SELECT 1 FROM settings_history WHERE key = ?", [key]).fetchone() is None:
        # what documents printed until now (a default, never saved): held since the start
        db.execute(
            "INSERT INTO settings_history (key, value, changed_at) VALUES (?, ?, '')",
            [key, get_setting(db, key)],
        )
    db.execute(
        "INSERT INTO settings_history (key, value, changed_at) VALUES (?, ?, ?)",
        [key, value, now_iso()],
    )


def printed_settings(db: Database, at: str) -> dict[str, str]:
    """The PRINTED settings as they were at ``at`` (ISO time): a document's head, reprinted.
    One read of the history (a receipt is laid out after every sale)."""
    marks = ",".join("?" * len(PRINTED))
    held = dict(
        db.execute(
            f"SELECT key, value FROM (SELECT key, value, row_number() OVER (PARTITION BY key "
            f"ORDER BY changed_at DESC, id DESC) AS newest FROM settings_history "
            f"WHERE key IN ({marks}) AND changed_at <= ?) WHERE newest = 1",
            [*PRINTED, at],
        ).fetchall()
    )
    return {key: held[key] if key in held else get_setting(db, key) for key in PRINTED}
