"""Before the window opens: one copy of the app per database, and a quick integrity check on
a read-only connection. A damaged database is never written into; the manager is offered the
newest backup that passes the full check (the damaged file is kept beside the backups)."""

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox
from sqlite_utils import Database

from pos.errors import PosError
from pos.services import backups, integrity, showroom_file

TITLE = "OCOP Showroom POS"


def open_checked(
    db_path: Path,
    ask_restore: Callable[[str, backups.Backup | None], bool],
    checking: Future | None = None,
) -> tuple[Database | None, Future | None]:
    """The database, opened and migrated (None when it is damaged and was not restored),
    and the check for a CheckWatch to act on (None when there is none, or when what it found
    was acted on here: the file was restored). ``checking``
    is the quick check of ``db_path`` already started (see ui.app.run_app): unless it has
    ended, the file opens without waiting for it (it reads the whole file: seconds after
    years of sales); without one, the check runs first. ``ask_restore(what is wrong, newest
    good backup)`` says whether to restore it."""
    if checking is not None and not showroom_file.in_wal_mode(db_path):
        checking.result()  # a file a restore left: opening it changes its journal, wait
    if Path(db_path).exists() and (checking is None or checking.done()):
        damaged = checking.result() if checking else showroom_file.quick_check(db_path)
        if damaged:
            if not _restored(db_path, damaged, ask_restore):
                return None, None
            checking = None  # what it found was about the file replaced
    try:
        return showroom_file.open_database(db_path), checking
    except PosError:
        damaged = checking.result() if checking is not None else None
        if not damaged:  # a sound file that cannot open (a full disk...): said as it is
            raise
    # too damaged to open before the check had said so: as if it had said so first
    if not _restored(db_path, damaged, ask_restore):
        return None, None
    return showroom_file.open_database(db_path), None


def _restored(
    db_path: Path, damaged: str, ask_restore: Callable[[str, backups.Backup | None], bool]
) -> bool:
    """The newest good backup put in the damaged file's place, if the manager says so."""
    folder = showroom_file.backup_folder_of(db_path)
    good = backups.newest_good_backup(folder)
    if not ask_restore(damaged, good) or good is None:
        return False
    backups.restore_backup(good.path, db_path, folder)  # checked in full first
    return True


class CheckWatch(QObject):
    """The checks that go on after the database opened: the quick check, then the
    incremental check of what was posted since the journal was last found sound (the mark
    then moves to the head it checked). When either finds a problem, the app writes nothing
    more into the file (services refuse, in words) and the manager is offered the newest
    good backup, as at start; ``stopped`` then tells the window to close when a restore
    was chosen (``restore_from``)."""

    stopped = Signal()

    def __init__(
        self,
        db: Database,
        db_path: Path,
        checking: Future | None,
        ask_restore: Callable[[str, backups.Backup | None], bool],
    ):
        super().__init__()
        self.db, self.db_path, self.checking, self.ask_restore = db, db_path, checking, ask_restore
        self.damaged: str | None = None
        self.restore_from: backups.RestoreChoice | None = None
        self.pool = ThreadPoolExecutor(1, thread_name_prefix="recent-check")
        self.recent: Future | None = None  # integrity.recent_check, once the file is whole
        self.timer = QTimer(self, interval=CHECK_POLL_MS)
        self.timer.timeout.connect(self.poll)
        if checking is not None:
            self.timer.start()

    def poll(self) -> None:
        if not (self.checking if self.recent is None else self.recent).done():
            return
        try:
            self.damaged = self._found()
        except Exception:  # the check could not run (a busy file...): logged, not damage
            logging.getLogger("ocop_pos").exception("the check beside the app could not run")
            self.damaged = None
        else:
            if self.damaged is None and self.recent is None:  # whole: now what came since
                self.recent = self.pool.submit(integrity.recent_check_of_file, self.db_path)
                return
        self.timer.stop()
        self.pool.shutdown(wait=False)
        if not self.damaged:
            return
        showroom_file.stop_writing(self.db)
        good = backups.newest_good_backup(showroom_file.backup_folder_of(self.db_path))
        if self.ask_restore(self.damaged, good) and good is not None:
            self.restore_from = backups.RestoreChoice(good.path)
        self.stopped.emit()

    def _found(self) -> str | None:
        """What the check that ended found, in words (None: nothing); a clean incremental
        check moves the mark to the head it checked."""
        if self.recent is None:
            return self.checking.result()
        problems, head = self.recent.result()
        if problems:
            return "; ".join(map(str, problems[:3]))
        integrity.mark_checked(self.db, head)
        return None


CHECK_POLL_MS = 200


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
