"""The till locks itself when nobody has touched it for a while (Settings, idle_lock_minutes):
a lock screen covers every page until someone signs in; the cart and the shift stay."""

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget

_TOUCHES = (QEvent.KeyPress, QEvent.MouseButtonPress, QEvent.Wheel, QEvent.InputMethod)


class IdleWatch(QObject):
    """Emits ``idle`` once ``window`` has had no key, click or wheel for ``minutes``; never
    while a dialog is open (a payment awaiting a transfer is not idleness). It watches the
    window's QWindow, which input reaches first: an application-wide filter saw every event
    of every widget and cost 1 ms per scan."""

    idle = Signal()

    def __init__(self, minutes: int, window: QWidget):
        super().__init__(window)
        self.timer = QTimer(self, singleShot=True, interval=max(minutes, 1) * 60_000)
        self.timer.timeout.connect(self._timed_out)
        self.enabled = minutes > 0
        window.winId()  # the native window exists from now on, to be watched
        self.watched = window.windowHandle()
        self.watched.installEventFilter(self)
        self.touched()

    def touched(self) -> None:
        if self.enabled:
            self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self.watched.removeEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() in _TOUCHES:
            self.touched()
        return False

    def _timed_out(self) -> None:
        if QApplication.activeModalWidget() is not None:
            self.touched()
        else:
            self.idle.emit()


class LockScreen(QWidget):
    """What covers the pages while the till is locked; Enter signs someone in."""

    def __init__(self, unlock, parent=None):
        super().__init__(parent)
        title = QLabel(self.tr("The till is locked"))
        title.setObjectName("sectionTitle")
        why = QLabel(
            self.tr("Nobody used it for a while. The cart and the shift are kept as they were.")
        )
        why.setWordWrap(True)
        self.button = QPushButton(self.tr("Sign in (Enter)"))
        self.button.setDefault(True)
        self.button.clicked.connect(unlock)
        column = QVBoxLayout(self)
        column.addStretch()
        for widget in (title, why, self.button):
            column.addWidget(widget, 0, Qt.AlignHCenter)
        column.addStretch()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            self.button.click()
        else:
            super().keyPressEvent(event)
