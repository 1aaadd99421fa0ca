"""Before the window opens: one copy of the app per database, and a quick integrity check on
a read-only connection. A damaged database is never written into; the manager is offered the
newest backup that passes the full check (the damaged file is kept beside the backups)."""

from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from sqlite_utils import Database

from pos.errors import PosError
from pos.services import backups, showroom_file

TITLE = "OCOP Showroom POS"


def open_checked(
    db_path: Path,
    ask_restore: Callable[[str, backups.Backup | None], bool],
    checking: Future | None = None,
) -> Database | None:
    """The database, opened and migrated, or None when it is damaged and was not restored.
    ``ask_restore(what is wrong, newest good backup)`` says whether to restore it;
    ``checking`` is the quick check of ``db_path`` already started (see ui.app.run_app)."""
    if Path(db_path).exists():
        damaged = checking.result() if checking else showroom_file.quick_check(db_path)
        if damaged:
            folder = showroom_file.backup_folder_of(db_path)
            good = backups.newest_good_backup(folder)
            if not ask_restore(damaged, good) or good is None:
                return None
            backups.restore_backup(good.path, db_path, folder)
    return showroom_file.open_database(db_path)


def ask_restore_dialog(damaged: str, good: backups.Backup | None) -> bool:
    """Vietnamese only: the language setting lives in the database that cannot be read."""
    text = (
        f"Cơ sở dữ liệu bị hỏng và chương trình không ghi gì thêm vào nó.\nChi tiết: {damaged}\n\n"
    )
    if good is None:
        QMessageBox.critical(
            None,
            TITLE,
            text + "Không tìm thấy bản sao lưu nào còn tốt. Hãy giữ nguyên máy và gọi hỗ trợ; "
            "có thể khôi phục từ USB bằng lệnh: ocop-pos restore FILE",
        )
        return False
    answer = QMessageBox.question(
        None,
        TITLE,
        text + f"Khôi phục từ bản sao lưu mới nhất còn tốt ({good.taken_at:%d/%m/%Y %H:%M})?\n"
        "Những gì ghi sau thời điểm đó sẽ không có; file hỏng được giữ lại trong thư mục "
        "sao lưu để hỗ trợ kỹ thuật xem.",
        QMessageBox.Yes | QMessageBox.No,
    )
    return answer == QMessageBox.Yes


def cannot_open(error: PosError) -> int:
    QMessageBox.critical(None, TITLE, str(error))
    return 1
