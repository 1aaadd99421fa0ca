"""Small shared pieces of the screens."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


def make_table(model, stretch: tuple[int, ...] = (), fit_contents: bool = True) -> QTableView:
    """A read-only, row-selecting table; the ``stretch`` columns share the spare width.
    ``fit_contents`` sizes columns to their text, which reads every row on each change:
    tables that change on every scan give their columns fixed widths instead."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setSelectionMode(QAbstractItemView.SingleSelection)
    view.setEditTriggers(QAbstractItemView.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(
        QHeaderView.ResizeToContents if fit_contents else QHeaderView.Interactive
    )
    for index, column in enumerate(model.columns):
        if column.width:
            header.setSectionResizeMode(index, QHeaderView.Interactive)
            header.resizeSection(index, column.width)
    for index in stretch:
        header.setSectionResizeMode(index, QHeaderView.Stretch)
    return view


def page_shortcut(page: QWidget, key: str, action) -> QShortcut:
    """A key that works while focus is anywhere on this page (pages share one window, so
    window-wide keys of hidden pages would clash)."""
    shortcut = QShortcut(QKeySequence(key), page)
    shortcut.setContext(Qt.WidgetWithChildrenShortcut)
    shortcut.activated.connect(action)
    return shortcut


def show_message(label, text: str, problem: bool = False) -> None:
    """A status line: plain, or red and bold when something needs attention (style sheet)."""
    label.setText(text[:1].upper() + text[1:])  # service messages start lower-case
    label.setProperty("problem", problem)
    label.style().polish(label)
