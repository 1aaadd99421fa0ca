"""Long reads and file writing off the GUI thread, on their own database connection (the
GUI's connection is never shared between threads); results come back as signals."""

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from sqlite_utils import Database

from pos.services import showroom_file


class Outcome(QObject):
    step = Signal(int, int)  # done, total
    done = Signal(object)  # what the work returned
    failed = Signal(str)  # the error, said to the manager, never lost in a thread


class _OnOwnConnection(QRunnable):
    def __init__(self, db_path: str, work: Callable, outcome: Outcome):
        super().__init__()
        self.db_path, self.work, self.outcome = db_path, work, outcome

    def run(self) -> None:
        try:
            db = showroom_file.open_database(self.db_path)
            try:
                result = self.work(db, self.outcome.step.emit)
            finally:
                db.close()
        except Exception as error:
            self.outcome.failed.emit(str(error))
        else:
            self.outcome.done.emit(result)


def run_in_background(
    pool: QThreadPool,
    db: Database,
    work: Callable,
    parent: QObject,
    done: Callable[[object], None],
    failed: Callable[[str], None],
    step: Callable[[int, int], None] | None = None,
) -> None:
    """``work(db, progress)`` runs in ``pool``; ``done(result)`` or ``failed(message)`` then
    runs on the GUI thread. Connected before the work starts: quick work must not finish
    with nobody listening."""
    outcome = Outcome(parent)
    outcome.done.connect(done)
    outcome.failed.connect(failed)
    if step is not None:
        outcome.step.connect(step)
    pool.start(_OnOwnConnection(showroom_file.database_path(db), work, outcome))
