"""Small shared pieces of the screens."""

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHeaderView,
    QLabel,
    QMessageBox,
    QStyle,
    QTableView,
    QWidget,
)
from sqlite_utils import Database

from pos.services.catalog import list_producers
from pos.text import fold


def fit_on_screen(window: QWidget, width: int, height: int) -> None:
    """``window`` at the size it would like, or as much of it as the screen it is on has
    room for (a 1366×768 screen at 125 % gives 614 pixels), and moved fully onto it: a
    dialog taller than the screen hides its buttons below the taskbar."""
    screen = (window.parentWidget() or window).screen()
    available = screen.availableGeometry()
    frame = window.frameGeometry().size() - window.geometry().size()  # title bar, borders
    if frame.isNull():  # not shown yet: as much as the style's own title bar and borders
        border = window.style().pixelMetric(QStyle.PM_MdiSubWindowFrameWidth)
        title = window.style().pixelMetric(QStyle.PM_TitleBarHeight)
        frame = QSize(2 * border, title + 2 * border)
    window.resize(
        min(width, available.width() - frame.width()),
        min(height, available.height() - frame.height()),
    )
    outer = window.frameGeometry()
    window.move(
        max(available.left(), min(outer.left(), available.right() - outer.width() + 1)),
        max(available.top(), min(outer.top(), available.bottom() - outer.height() + 1)),
    )


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
    # Tab leaves the table for the next field; arrows choose the row. Tab walked the cells
    # and moved the selection: the next Ctrl+B could block another lot than the one chosen.
    view.setTabKeyNavigation(False)
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
    if stretch and fit_contents:
        _KeepWhole(view, stretch)
    return view


class _KeepWhole(QObject):
    """A stretched column (the name) shares the spare width, but on a narrow screen the
    others took it all and it shrank to '…': then it takes its text's width and the table
    scrolls sideways instead."""

    def __init__(self, view: QTableView, columns: tuple[int, ...]):
        super().__init__(view)
        self.view, self.columns = view, columns
        view.viewport().installEventFilter(self)
        view.model().modelReset.connect(self.share)
        view.model().layoutChanged.connect(self.share)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Resize:
            self.share()
        return False

    def share(self) -> None:
        view, header = self.view, self.view.horizontalHeader()
        others = sum(
            header.sectionSize(c)
            for c in range(header.count())
            if c not in self.columns and not header.isSectionHidden(c)
        )
        needed = sum(
            max(view.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in self.columns
        )
        narrow = others + needed > view.viewport().width()
        for column in self.columns:
            mode = QHeaderView.ResizeToContents if narrow else QHeaderView.Stretch
            if header.sectionResizeMode(column) != mode:
                header.setSectionResizeMode(column, mode)


def selected_record(table: QTableView):
    """The record of the selected row of a RecordTableModel table, or None."""
    rows = table.selectionModel().selectedRows()
    return table.model().record(rows[0].row()) if rows else None


def page_shortcut(page: QWidget, key: str, action) -> QShortcut:
    """A key that works while focus is anywhere on this page (pages share one window, so
    window-wide keys of hidden pages would clash)."""
    shortcut = QShortcut(QKeySequence(key), page)
    shortcut.setContext(Qt.WidgetWithChildrenShortcut)
    shortcut.activated.connect(action)
    return shortcut


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """Before an act that cannot be undone: what it will do, Yes or No; Enter is No."""
    box = QMessageBox(QMessageBox.Question, title, text, parent=parent)
    box.setStandardButtons(QMessageBox.Yes | QMessageBox.No)
    box.setDefaultButton(QMessageBox.No)
    return box.exec() == QMessageBox.Yes


def message_label(text: str = "") -> QLabel:
    """The line under a screen's work that says what happened (see show_message)."""
    label = QLabel(text)
    label.setObjectName("scanMessage")
    label.setWordWrap(True)
    return label


def show_message(label, text: str, problem: bool = False) -> None:
    """A status line: plain, or red and bold when something needs attention (style sheet)."""
    label.setText(text[:1].upper() + text[1:])  # service messages start lower-case
    if label.property("problem") != problem:  # polishing again costs on every scan
        label.setProperty("problem", problem)
        label.style().polish(label)


def producer_rank(typed: str, code: str, text: str) -> int | None:
    """How well what a person typed names a producer (``text`` shows its code and name),
    with or without diacritics: 0 the code starts with it, 1 a word does, 2 it is inside,
    None not at all. The picker chooses the best; the settlement list keeps every match."""
    typed, code, text = fold(typed).strip(), fold(code), fold(text)
    if typed not in text:
        return None
    if code.startswith(typed):
        return 0
    return 1 if any(word.startswith(typed) for word in text.split()) else 2


class ProducerPicker(QComboBox):
    """Choose a producer by typing part of the code or name (the list filters as you type)."""

    def __init__(self, all_text: str = ""):
        """``all_text``: a first entry meaning every producer (its code is None)."""
        super().__init__()
        self.all_text = all_text
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.NoInsert)
        self.completer().setFilterMode(Qt.MatchContains)
        self.completer().setCompletionMode(QCompleter.PopupCompletion)
        self.setMinimumWidth(360)
        # As wide as the form gives, not as the longest name: a long one pushed the product
        # editor's fields past its right edge.
        self.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(20)
        self.lineEdit().returnPressed.connect(self._choose_typed)
        self.lineEdit().installEventFilter(self)
        self.completer().popup().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        """Tab chooses as Enter does (typed 'bao' and left, the field held 'bao' and no
        one); the completer's popup sees the key first while it is open."""
        if event.type() == QEvent.KeyPress and event.key() in (Qt.Key_Tab, Qt.Key_Backtab):
            if self.lineEdit().text() != self.itemText(self.currentIndex()):
                self._choose_typed()
                self.completer().popup().hide()
        return super().eventFilter(watched, event)

    def _choose_typed(self) -> None:
        """Enter takes the producer whose code starts with what was typed, else whose name
        has a word starting with it, else whose code or name holds it (with or without
        diacritics); the popup is only a help."""
        typed = self.lineEdit().text()
        if typed.strip():
            ranked = [
                (rank, index)
                for index in range(self.count())
                if (
                    rank := producer_rank(
                        typed, str(self.itemData(index) or ""), self.itemText(index)
                    )
                )
                is not None
            ]
            if ranked:
                self.setCurrentIndex(min(ranked)[1])
        self.setEditText(self.itemText(self.currentIndex()))

    def reload(self, db: Database) -> None:
        current = self.code()
        self.blockSignals(True)
        self.clear()
        if self.all_text:
            self.addItem(self.all_text, None)
        for producer in list_producers(db):
            if producer.active:
                self.addItem(f"{producer.code} · {producer.name}", producer.code)
        index = self.findData(current)
        self.setCurrentIndex(max(index, 0))
        self.blockSignals(False)

    def code(self) -> str | None:
        return self.currentData()

    def select(self, code: str | None) -> None:
        self.setCurrentIndex(self.findData(code))
