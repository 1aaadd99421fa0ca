"""The open cart and parked carts of a terminal, saved as they change so that a crash or a
power cut never loses what the cashier has rung up."""

from dataclasses import dataclass

from sqlite_utils import Database

from pos.cart import Cart
from pos.clock import now_iso
from pos.errors import NotFound
from pos.storage.database import unsynced_commit

CURRENT = "current"


@dataclass(frozen=True)
class ParkedCart:
    slot: str
    label: str
    saved_at: str
    cart: Cart


def save_open_cart(db: Database, terminal_code: str, cart: Cart) -> None:
    """Saved on every scan, so without an fsync of its own (unsynced_commit): an app crash
    loses nothing; a power cut may lose the last scans of an unpaid cart, never a sale."""
    with unsynced_commit(db), db.atomic():
        _save(db, terminal_code, CURRENT, cart, "")


def _save(db: Database, terminal_code: str, slot: str, cart: Cart, label: str) -> None:
    if cart.is_empty() and not cart.discount.value:
        db.execute(
            "DELETE FROM open_carts WHERE terminal_code = ? AND slot = ?", [terminal_code, slot]
        )
        return
    db.execute(
        "INSERT INTO open_carts (terminal_code, slot, cart, label, saved_at) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (terminal_code, slot) DO UPDATE SET "
        "cart = excluded.cart, label = excluded.label, saved_at = excluded.saved_at",
        [terminal_code, slot, cart.to_json(), label, now_iso()],
    )


def load_open_cart(db: Database, terminal_code: str) -> Cart:
    row = db.execute(
        "SELECT cart FROM open_carts WHERE terminal_code = ? AND slot = ?",
        [terminal_code, CURRENT],
    ).fetchone()
    return Cart.from_json(row[0]) if row else Cart()


def clear_open_cart(db: Database, terminal_code: str) -> None:
    """Inside the caller's transaction (the sale that used the cart)."""
    db.execute(
        "DELETE FROM open_carts WHERE terminal_code = ? AND slot = ?", [terminal_code, CURRENT]
    )


def park_cart(db: Database, terminal_code: str, cart: Cart, label: str) -> str:
    """Set the cart aside (the customer went to fetch something); the till starts empty."""
    with db.atomic():
        taken = {
            row[0]
            for row in db.execute(
                "SELECT slot FROM open_carts WHERE terminal_code = ?", [terminal_code]
            )
        }
        number = next(n for n in range(1, len(taken) + 2) if f"parked-{n}" not in taken)
        slot = f"parked-{number}"
        _save(db, terminal_code, slot, cart, label)
        clear_open_cart(db, terminal_code)
    return slot


def parked_carts(db: Database, terminal_code: str) -> list[ParkedCart]:
    rows = db.execute(
        "SELECT slot, label, saved_at, cart FROM open_carts "
        "WHERE terminal_code = ? AND slot != ? ORDER BY saved_at, slot",
        [terminal_code, CURRENT],
    ).fetchall()
    return [
        ParkedCart(slot, label, saved, Cart.from_json(text)) for slot, label, saved, text in rows
    ]


def recall_cart(db: Database, terminal_code: str, slot: str, current: Cart) -> Cart:
    """Bring a parked cart back; the cart on the till (if any) is parked in its place."""
    with db.atomic():
        row = db.execute(
            "SELECT cart FROM open_carts WHERE terminal_code = ? AND slot = ?",
            [terminal_code, slot],
        ).fetchone()
        if row is None or slot == CURRENT:
            raise NotFound("không còn giỏ hàng đã gác này")
        db.execute(
            "DELETE FROM open_carts WHERE terminal_code = ? AND slot = ?", [terminal_code, slot]
        )
        if not current.is_empty():
            _save(db, terminal_code, slot, current, "")
        recalled = Cart.from_json(row[0])
        _save(db, terminal_code, CURRENT, recalled, "")
    return recalled
