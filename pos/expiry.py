"""How close a lot is to its expiry date, for colouring lists and planning pick-ups."""

from datetime import date

SOON_DAYS = 30


def expiry_state(expiry_iso: str | None, on: date, soon_days: int = SOON_DAYS) -> str:
    """'expired', 'soon' (within ``soon_days``), 'ok', or 'none' for goods without expiry."""
    if not expiry_iso:
        return "none"
    days_left = (date.fromisoformat(expiry_iso) - on).days
    if days_left < 0:
        return "expired"
    return "soon" if days_left <= soon_days else "ok"
