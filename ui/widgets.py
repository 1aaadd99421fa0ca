"""Small shared pieces of the screens."""

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


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
