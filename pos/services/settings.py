"""Showroom settings: a small key/value store with defaults for everything the app reads."""

from sqlite_utils import Database

from pos.errors import ValidationError
from pos.text import nfc

DEFAULTS = {
    "showroom_name": "Showroom OCOP",
    "showroom_address": "",
    "ui_language": "vi",
    "terminal_code": "T01",
    "bank_bin": "",  # the showroom's account for VietQR transfers
    "bank_account": "",
    "bank_account_name": "",
}
UI_LANGUAGES = ("vi", "en")


def get_setting(db: Database, key: str) -> str:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return row[0] if row else DEFAULTS.get(key, "")


def set_setting(db: Database, key: str, value: str) -> None:
    set_settings(db, {key: value})


def set_settings(db: Database, values: dict[str, str]) -> None:
    """Save several settings together: all of them or, on a bad value, none."""
    cleaned = {}
    for key, value in values.items():
        if key not in DEFAULTS:
            raise ValidationError(f"không có thiết lập '{key}'")
        cleaned[key] = nfc(value)
    if cleaned.get("ui_language", "vi") not in UI_LANGUAGES:
        raise ValidationError(f"ngôn ngữ không hỗ trợ: {cleaned['ui_language']}")
    with db.atomic():
        for key, value in cleaned.items():
            db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value],
            )
