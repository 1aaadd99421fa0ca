"""The e-invoice outbox's states, each change one transaction (the sender calls the provider
between them, never inside one, so the till never waits for the network).

pending -> in_flight -> issued; an unclear answer -> lookup (the key is looked up before any
resend, and a blind resend waits the provider's interval); a refused invoice -> parked (its
symbol's later invoices wait behind it, other symbols go on); an account problem -> stopped
(nothing is sent until a manager resumes). Within a symbol invoices go in order, one at a
time, so there is never a second request in flight for a key."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlite_utils import Database

from pos.documents.einvoice import Invoice
from pos.errors import NotFound
from pos.permissions import User, needs_approval, refuse
from pos.services import audit, einvoices
from pos.services.approvals import check_actor

MAX_BACKOFF_S = 300
# Every state but issued, spelled out so the state index reaches only unsent invoices
# (years of issued ones are never read again by the sender or the status line).
UNSENT = "'pending', 'in_flight', 'lookup', 'parked', 'stopped'"


@dataclass(frozen=True)
class Work:
    invoice_id: int
    action: str  # issue | lookup
    invoice: Invoice
    original_number: str  # an adjustment's original, as issued ('' for an original)
    original_code: str
    sent_at: str  # when the last request for it went out ('' never)


@dataclass(frozen=True)
class OutboxStatus:
    unsent: int
    oldest_unsent_at: str  # the issue time of the oldest unsent invoice ('' none)
    parked: int
    stopped: str  # the account problem that stopped sending ('' none)


def _iso(at: datetime) -> str:
    return at.isoformat(timespec="seconds")


def recover(db: Database) -> None:
    """At start: a request that was in flight when the program stopped may have reached the
    provider: it is looked up, never sent blind."""
    with db.atomic():
        db.execute("UPDATE einvoice_outbox SET state = 'lookup' WHERE state = 'in_flight'")


# The first unsent invoice of each symbol, when it is due (and an adjustment or replacement
# once what it refers to is numbered). The heads come from the unsent invoices alone, once
# per claim: a backlog of thousands is read once, not once for each of them.
_HEADS = f"""
SELECT o.invoice_id, o.state, o.sent_at, e.document, a.number, a.tax_authority_code
FROM einvoice_outbox o JOIN einvoices e ON e.id = o.invoice_id
LEFT JOIN einvoice_answers a ON a.invoice_id = e.refers_to
WHERE o.invoice_id IN (
  SELECT min(u.invoice_id) FROM einvoice_outbox u JOIN einvoices s ON s.id = u.invoice_id
  WHERE u.state IN ({UNSENT}) GROUP BY s.symbol)
AND o.state IN ('pending', 'lookup') AND o.next_try_at <= :now
AND (e.refers_to IS NULL OR a.number IS NOT NULL AND a.number != '')
ORDER BY o.state = 'pending', o.invoice_id LIMIT 1
"""


def claim(db: Database, now: datetime) -> Work | None:
    """The next invoice to send or look up, marked in flight; None while sending is stopped
    or nothing is due."""
    with db.atomic():
        einvoices.queue_captured(db)
        if db.execute("SELECT 1 FROM einvoice_outbox WHERE state = 'stopped'").fetchone():
            return None
        row = db.execute(_HEADS, {"now": _iso(now)}).fetchone()
        if row is None:
            return None
        invoice_id, state, sent_at, document, original_number, original_code = row
        action = "lookup" if state == "lookup" else "issue"
        if action == "issue":
            sent_at = _iso(now)
        db.execute(
            "UPDATE einvoice_outbox SET state = 'in_flight', sent_at = ? WHERE invoice_id = ?",
            [sent_at, invoice_id],
        )
    return Work(
        invoice_id,
        action,
        Invoice.from_json(document),
        original_number or "",
        original_code or "",
        sent_at,
    )


def _move(db: Database, invoice_id: int, state: str, next_try_at: str, message: str) -> None:
    db.execute(
        "UPDATE einvoice_outbox SET state = ?, next_try_at = ?, message = ? "
        "WHERE invoice_id = ? AND state = 'in_flight'",
        [state, next_try_at, message, invoice_id],
    )


def issued(
    db: Database, work: Work, number: str, code: str, reservation: str, now: datetime
) -> None:
    """The provider's answer. Without a number yet (it numbers some invoices later), the
    key is looked up again shortly."""
    with db.atomic():
        if not number:
            _move(db, work.invoice_id, "lookup", _iso(now + timedelta(seconds=30)), "")
            return
        db.execute(
            "INSERT INTO einvoice_answers (invoice_id, number, tax_authority_code, "
            "reservation_code, answered_at) VALUES (?, ?, ?, ?, ?)",
            [work.invoice_id, number, code, reservation, _iso(now)],
        )
        _move(db, work.invoice_id, "issued", _iso(now), "")


def not_found(db: Database, work: Work, now: datetime, resend_wait_s: float) -> None:
    """A lookup found no invoice: send it again, but only once the provider's interval since
    the last request has passed (before that, the request may still be creating one)."""
    with db.atomic():
        may_resend = datetime.fromisoformat(work.sent_at) + timedelta(seconds=resend_wait_s)
        if now >= may_resend:
            _move(db, work.invoice_id, "pending", _iso(now), "")
        else:
            _move(db, work.invoice_id, "lookup", _iso(may_resend), "")


def unknown_outcome(db: Database, work: Work, now: datetime, message: str) -> None:
    with db.atomic():
        _move(db, work.invoice_id, "lookup", _iso(now + _backoff(db, work)), message)


def not_sent(db: Database, work: Work, now: datetime, message: str) -> None:
    """Never reached the provider: as it was, tried again after a growing wait. A lookup
    that could not be made stays a lookup."""
    state = "lookup" if work.action == "lookup" else "pending"
    with db.atomic():
        _move(db, work.invoice_id, state, _iso(now + _backoff(db, work)), message)


def _backoff(db: Database, work: Work) -> timedelta:
    """2, 4, 8 ... seconds (at most MAX_BACKOFF_S) after each failed try: ``attempts``
    counts failures, not requests (a restart that looks a key up again is no failure)."""
    failures = db.execute(
        "UPDATE einvoice_outbox SET attempts = attempts + 1 WHERE invoice_id = ? "
        "RETURNING attempts",
        [work.invoice_id],
    ).fetchone()[0]
    return timedelta(seconds=min(MAX_BACKOFF_S, 2 ** min(failures, 9)))


def parked(db: Database, work: Work, now: datetime, message: str) -> None:
    with db.atomic():
        _move(db, work.invoice_id, "parked", _iso(now), message)
        audit.record(db, "einvoice_parked", "", {"invoice": work.invoice.key, "why": message})


def stopped(db: Database, work: Work, now: datetime, message: str) -> None:
    """An account problem: this invoice waits as it was, and nothing goes until resumed."""
    with db.atomic():
        _move(db, work.invoice_id, "stopped", _iso(now), message)
        audit.record(db, "einvoice_stopped", "", {"invoice": work.invoice.key, "why": message})


def resume(db: Database, actor: User) -> int:
    """A manager, the account put right: sending starts again. Returns how many wait."""
    with db.atomic():
        check_actor(db, actor)
        if needs_approval(actor, "einvoice"):
            raise refuse("einvoice")
        db.execute(
            "UPDATE einvoice_outbox SET state = 'lookup', message = '' WHERE state = 'stopped'"
        )
        audit.record(db, "einvoice_resumed", actor.username, {})
        return status(db).unsent


def resend(db: Database, actor: User, key: str) -> None:
    """A manager's "send it again" for a refused invoice once its cause is put right outside
    it (a symbol registered with the provider, the template's fields set up): the same
    invoice, its symbol's later ones going on after it."""
    with db.atomic():
        check_actor(db, actor)
        if needs_approval(actor, "einvoice"):
            raise refuse("einvoice")
        changed = db.execute(
            "UPDATE einvoice_outbox SET state = 'pending', next_try_at = '', message = '' "
            "WHERE state = 'parked' AND invoice_id = (SELECT id FROM einvoices WHERE key = ?)",
            [key],
        ).rowcount
        if not changed:
            raise NotFound("hóa đơn điện tử này không ở trạng thái bị từ chối")
        audit.record(db, "einvoice_resent", actor.username, {"invoice": key})


def status(db: Database) -> OutboxStatus:
    unsent, oldest, parked_count = db.execute(
        "SELECT count(*), min(e.issued_at), count(*) FILTER (WHERE o.state = 'parked') "
        f"FROM einvoice_outbox o JOIN einvoices e ON e.id = o.invoice_id "
        f"WHERE o.state IN ({UNSENT})"
    ).fetchone()
    stop = db.execute(
        "SELECT message FROM einvoice_outbox WHERE state = 'stopped' LIMIT 1"
    ).fetchone()
    waiting, oldest_waiting = einvoices.unqueued(db)  # captured, queued in a moment
    oldest = min(filter(None, (oldest, oldest_waiting)), default="")
    return OutboxStatus(unsent + waiting, oldest, parked_count, stop[0] if stop else "")


def answer_of(db: Database, key: str) -> tuple[str, str, str] | None:
    """(number, tax authority's code, reservation code) of an issued invoice."""
    row = db.execute(
        "SELECT a.number, a.tax_authority_code, a.reservation_code FROM einvoice_answers a "
        "JOIN einvoices e ON e.id = a.invoice_id WHERE e.key = ?",
        [key],
    ).fetchone()
    if row is None:
        raise NotFound("hóa đơn điện tử này chưa được cấp số")
    return tuple(row)
