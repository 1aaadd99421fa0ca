"""Showroom settings: a small key/value store with defaults for everything the app reads."""

from sqlite_utils import Database

from pos.errors import ValidationError
from pos.text import nfc

DEFAULTS = {
    "showroom_name": "Showroom OCOP",
    "showroom_address": "",
    "ui_language": "vi",
}
UI_LANGUAGES = ("vi", "en")


def get_setting(db: Database, key: str) -> str:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return row[0] if row else DEFAULTS.get(key, "")


def set_setting(db: Database, key: str, value: str) -> None:
    if key not in DEFAULTS:
        raise ValidationError(f"không có thiết lập '{key}'")
    value = nfc(value)
    if key == "ui_language" and value not in UI_LANGUAGES:
        raise ValidationError(f"ngôn ngữ không hỗ trợ: {value}")
    with db.atomic():
        db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )
