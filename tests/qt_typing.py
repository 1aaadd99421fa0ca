"""Typing into widgets as a person would. qtbot.keyClicks aborts the process on non-ASCII
text with PySide6 6.12, so each character goes in as its own key event."""

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent


def type_text(widget, text: str) -> None:
    for ch in text:
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            QCoreApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, ch))
