"""The main window's pages, each built the first time it is shown or asked for: the cashier
needs only the till at start, and building every page took a third of the start-up time.
Each page scrolls inside its place: a page needing more room than a small screen has must
not push the window off it (the stack is as large as its largest page)."""

from collections.abc import Callable, Iterator, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QStackedWidget, QWidget


class PageShelf(Mapping):
    def __init__(self, stack: QStackedWidget, makers: dict[str, Callable[[], QWidget]]):
        self._stack = stack
        self._makers = makers
        self._built: dict[str, QWidget] = {}
        self._places: dict[str, QScrollArea] = {}
        self._hooks: dict[str, list[Callable[[QWidget], None]]] = {}
        for _ in makers:
            stack.addWidget(QWidget())  # stands in until the page is built

    def __getitem__(self, key: str) -> QWidget:
        if key not in self._built:
            page = self._makers[key]()
            index = list(self._makers).index(key)
            stand_in = self._stack.widget(index)
            place = QScrollArea()
            place.setWidgetResizable(True)
            place.setFrameShape(QFrame.NoFrame)
            place.setFocusPolicy(Qt.NoFocus)  # focus belongs in the page: its keys need it
            place.setWidget(page)
            self._stack.insertWidget(index, place)
            self._places[key] = place
            self._stack.removeWidget(stand_in)
            stand_in.deleteLater()
            self._built[key] = page
            for hook in self._hooks.pop(key, []):
                hook(page)
        return self._built[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._makers)

    def __len__(self) -> int:
        return len(self._makers)

    def place(self, key: str) -> QWidget:
        """What the stack shows for the page (it scrolls the page on a small screen)."""
        self[key]  # built first
        return self._places[key]

    def built(self, key: str) -> QWidget | None:
        """The page if it has been built, without building it."""
        return self._built.get(key)

    def when_built(self, key: str, hook: Callable[[QWidget], None]) -> None:
        """Run ``hook(page)`` once the page exists (now, if it already does)."""
        if key in self._built:
            hook(self._built[key])
        else:
            self._hooks.setdefault(key, []).append(hook)
