"""PySide6 6.12.0 dropped a reference to None in every begin/end model change, so a till
crashed ("deallocating None") after a few thousand scans. Guard against such a binding."""

import sys

from ui.table_model import Column, RecordTableModel
from ui.widgets import make_table


def test_model_changes_keep_none_alive(qapp):
    model = RecordTableModel([Column("a", lambda r: r), Column("b", lambda r: r * 2)])
    view = make_table(model)
    view.show()
    before = sys.getrefcount(None)
    for size in range(1000):
        model.set_records(list(range(size % 40)))
    # Each of the 1000 resets would have taken 2 references away with the faulty binding.
    assert sys.getrefcount(None) > before - 200
    view.close()
