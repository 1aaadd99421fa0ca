"""Backups from the window: after a Z close, to a chosen folder, and choosing a backup to go
back to (verified first, then the window lets go of the database for the restore)."""

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from pos.services import backups, integrity
from pos.services.settings import set_settings
from tests.conftest import demo_user
from tests.gui.test_till_gui import open_window
from tests.services.test_integrity import damage
from ui.app import configure_application


@pytest.fixture
def window(qtbot, qapp, demo_db, clock_at, tmp_path):
    configure_application(qapp, "vi")
    set_settings(demo_db, {"backup_dir": str(tmp_path / "backups")}, demo_user(demo_db, "admin"))
    return open_window(qtbot, demo_db, "quanly")


def test_a_z_close_takes_an_automatic_backup(qtbot, window, tmp_path):
    window.pages["sell"].shift_closed.emit("T01-Z-000001")
    qtbot.waitUntil(lambda: bool(backups.list_backups(tmp_path / "backups")))
    [taken] = backups.list_backups(tmp_path / "backups")
    assert taken.reason == "z" and integrity.check_file(taken.path) == []
    qtbot.waitUntil(lambda: "sao lưu" in window.backup_label.text().lower())


def test_back_up_to_a_usb_stick_then_restore_it(qtbot, window, tmp_path, monkeypatch):
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(usb))
    page = window.pages["settings"]
    window.show_page("settings")
    page.back_up_to()
    qtbot.waitUntil(lambda: bool(backups.list_backups(usb)))
    [copy] = backups.list_backups(usb)

    damaged = usb / "ocop-pos-20261124-235959-manual.sqlite3"
    damage(copy.path, damaged)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(damaged), ""))
    page.choose_restore()
    qtbot.waitUntil(lambda: "không thể khôi phục" in page.status.text().lower())
    assert window.restore_from is None and window.isVisible()

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(copy.path), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    page.choose_restore()
    qtbot.waitUntil(lambda: window.restore_from is not None)
    assert window.restore_from.backup == copy.path and not window.restore_from.other_showroom_ok
    assert not window.isVisible()
