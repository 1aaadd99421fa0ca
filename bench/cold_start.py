"""One cold start of the app, as ui.launcher.main and ui.app.run_app do it, minus the sign-in
dialog: quick check started on its own thread, Qt loaded meanwhile, instance lock, open,
configure, main window for the cashier, shown, until a barcode typed into the till's scan box
shows on the cart (ready: what a cashier waits for). Prints one JSON line: seconds since
``started`` (the parent's time.time() just before it spawned this process) at each step.

    python bench/cold_start.py DB_PATH STARTED BARCODE"""

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    db_path, started, barcode = Path(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
    marks = {"interpreter": time.time() - started}
    import ui.launcher  # noqa: F401  what the ocop-pos script loads before it starts the app
    from pos.storage.quick_check import quick_check_started

    checking = quick_check_started(db_path)  # as pos.cli.app_start does, while Qt loads
    from PySide6.QtWidgets import QApplication

    from pos.services import users
    from pos.services.settings import get_setting
    from pos.storage.database import defer_checkpoints
    from pos.storage.instance_lock import InstanceLock
    from ui.app import configure_application, load_bundled_fonts
    from ui.main_window import MainWindow
    from ui.startup import open_checked

    marks["imports"] = time.time() - started
    app = QApplication(sys.argv[:1])
    app.setApplicationName("OCOP Showroom POS")
    load_bundled_fonts()
    lock = InstanceLock(db_path)
    lock.acquire()
    db, _ = open_checked(db_path, lambda _damaged, _good: False, checking)  # open, migrate
    if db is None:
        raise SystemExit("the bench database failed its quick check")
    marks["database_open"] = time.time() - started
    defer_checkpoints(db)
    configure_application(app, get_setting(db, "ui_language"))
    user = users.get_user(db, "thungan")  # instead of the sign-in dialog
    marks["configured"] = time.time() - started
    window = MainWindow(db, str(db_path), user)
    window.print_service.start()
    # window.backups.start() is left out: the daily backup runs off the GUI thread.
    marks["window_built"] = time.time() - started
    window.showMaximized()
    window.activateWindow()  # what the window manager does for a new window
    till = window.pages["sell"]
    deadline = time.time() + 60
    while not (window.isVisible() and till.scan_box.isVisible() and till.scan_box.hasFocus()):
        app.processEvents()
        if time.time() > deadline:
            raise SystemExit("the till's scan box never got focus")
    app.processEvents()  # paint what showing queued
    marks["scan_box_focused"] = time.time() - started
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    units = sum(line.qty for line in till.cart.lines)  # a cart saved before may be restored
    QTest.keyClicks(till.scan_box, barcode)
    QTest.keyClick(till.scan_box, Qt.Key_Return)
    while sum(line.qty for line in till.cart.lines) == units:
        app.processEvents()
        if time.time() > deadline:
            raise SystemExit(f"the scan of {barcode} never showed on the cart")
    app.processEvents()  # paint the cart line
    marks["ready"] = time.time() - started
    print(json.dumps(marks), flush=True)
    lock.release()
    os._exit(0)  # the measurement is done: no teardown


if __name__ == "__main__":
    main()
