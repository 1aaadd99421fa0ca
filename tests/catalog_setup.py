"""Producers and products set up for a test through the editors' own services
(catalog.edit_producer / edit_product), on a chosen day when the test needs dated terms."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time

from pos import clock
from pos.services import catalog


@contextmanager
def _on(day: date | None) -> Iterator[None]:
    if day is None:
        yield
        return
    real = clock.now
    clock.now = lambda: datetime.combine(day, time(9, 0))
    try:
        yield
    finally:
        clock.now = real


def save_producer(db, producer, on: date | None = None, *, actor, approval=None):
    with _on(on):
        return catalog.edit_producer(db, producer, True, actor, approval)


def save_product(db, product, on: date | None = None, *, actor, approval=None):
    with _on(on):
        return catalog.edit_product(db, product, True, actor, approval)
