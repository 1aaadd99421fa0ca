"""Small shared pieces of the screens."""

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def make_table(model, stretch: tuple[int, ...] = ()) -> QTableView:
    """A read-only, row-selecting table; the ``stretch`` columns share the spare width."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setSelectionMode(QAbstractItemView.SingleSelection)
    view.setEditTriggers(QAbstractItemView.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeToContents)
    for index, column in enumerate(model.columns):
        if column.width:
            header.setSectionResizeMode(index, QHeaderView.Interactive)
            header.resizeSection(index, column.width)
    for index in stretch:
        header.setSectionResizeMode(index, QHeaderView.Stretch)
    return view
