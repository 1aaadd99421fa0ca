"""Answering the modal dialogs a screen opens (they block until answered): ``when_modal``
waits, without blocking, for the next modal of a kind and then acts on it once."""

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox

from tests.qt_typing import type_text


def when_modal(kind: type, act: Callable, tries: int = 200) -> None:
    """``act(dialog)`` on the next modal ``kind``; a prompt that never comes (20 ms × tries)
    must not answer a later one."""

    def look(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            act(dialog)
        elif left:
            QTimer.singleShot(20, lambda: look(left - 1))

    QTimer.singleShot(20, lambda: look(tries))


def answer_message_box(qtbot, answer: str) -> list[str]:
    """Presses Enter on the next message box (its default), or its Yes button; returns its
    text (in the list, once answered)."""
    seen: list[str] = []

    def press(box: QMessageBox) -> None:
        seen.append(box.text())
        if answer == "yes":
            box.button(QMessageBox.Yes).click()
        else:
            qtbot.keyClick(box, Qt.Key_Return)

    when_modal(QMessageBox, press)
    return seen


def answer_input_dialogs(qtbot, answers: list[str]) -> None:
    """Types each answer into the next input dialog that opens, then presses Enter."""
    pending = list(answers)

    def answer(dialog: QInputDialog) -> None:
        field = dialog.findChild(QLineEdit)
        type_text(field, pending.pop(0))
        qtbot.keyClick(field, Qt.Key_Return)
        if pending:
            when_modal(QInputDialog, answer)

    when_modal(QInputDialog, answer)


def answer_credentials(qtbot, kind: type, username: str | None, secret: str = "") -> list:
    """A person types their name and secret into the next ``kind`` (sign-in or approval)
    dialog; with no username, Esc. Returns the dialog (in the list, once seen)."""
    seen: list = []

    def fill(dialog) -> None:
        seen.append(dialog)
        if username is None:
            qtbot.keyClick(dialog.username, Qt.Key_Escape)
            return
        type_text(dialog.username, username)
        qtbot.keyClick(dialog.username, Qt.Key_Return)
        type_text(dialog.secret, secret)
        qtbot.keyClick(dialog.secret, Qt.Key_Return)
        if dialog.isVisible():  # refused: give up like a cashier pressing Esc
            dialog.reject()

    when_modal(kind, fill, tries=100)
    return seen
