"""The outbox's sender: claims the next invoice, asks the provider outside any transaction,
records the answer. It runs on a thread of its own with its own connection; the till never
waits for it, and it picks up where it was after a restart (what was in flight is looked up)."""

import logging
import threading
from collections.abc import Callable
from datetime import datetime

from sqlite_utils import Database

from pos import clock
from pos.einvoicing.provider import (
    AccountProblem,
    Answer,
    NotSent,
    OrderProblem,
    Provider,
    UnknownOutcome,
)
from pos.services import einvoice_outbox as outbox

log = logging.getLogger(__name__)


class Sender:
    def __init__(
        self, db: Database, provider: Provider, now: Callable[[], datetime] = clock.now
    ) -> None:
        self.db, self.provider, self.now = db, provider, now
        self.issued = 0  # invoices this sender saw numbered

    def step(self) -> bool:
        """Send or look up one invoice; False when nothing is due."""
        work = outbox.claim(self.db, self.now())
        if work is None:
            return False
        try:
            answer = self._ask(work)
        except NotSent as problem:
            outbox.not_sent(self.db, work, self.now(), problem.message)
        except UnknownOutcome as problem:
            outbox.unknown_outcome(self.db, work, self.now(), problem.message)
        except OrderProblem as problem:
            if work.action == "lookup":  # a lookup refused says nothing about the invoice
                outbox.unknown_outcome(self.db, work, self.now(), problem.message)
            else:
                outbox.parked(self.db, work, self.now(), problem.message)
        except AccountProblem as problem:
            outbox.stopped(self.db, work, self.now(), problem.message)
        except Exception as error:  # a fault of ours: never resend blind after it
            log.exception("e-invoice %s", work.invoice.key)
            outbox.unknown_outcome(self.db, work, self.now(), f"lỗi chương trình: {error}")
        else:
            if answer is None:
                outbox.not_found(self.db, work, self.now(), self.provider.resend_wait_s)
            else:
                self.issued += 1 if answer.number else 0
                outbox.issued(
                    self.db,
                    work,
                    answer.number,
                    answer.tax_authority_code,
                    answer.reservation_code,
                    self.now(),
                )
        return True

    def _ask(self, work: outbox.Work) -> Answer | None:
        if work.action == "lookup":
            return self.provider.lookup(work.invoice.key)
        original = None
        if work.invoice.original is not None:
            original = Answer(work.original_number, work.original_code, "")
        return self.provider.issue(work.invoice, original)

    def drain(self, max_steps: int) -> int:
        """Steps taken until nothing is due (at most ``max_steps``)."""
        for steps in range(max_steps):
            if not self.step():
                return steps
        return max_steps

    def run(self, stop: threading.Event, idle_s: float = 5.0) -> None:
        """Until ``stop`` is set: what was in flight at the last stop is looked up first."""
        outbox.recover(self.db)
        while not stop.is_set():
            try:
                busy = self.step()
            except Exception:  # the database busy or gone: wait, then try again
                log.exception("e-invoice sender")
                busy = False
            if not busy:
                stop.wait(idle_s)
