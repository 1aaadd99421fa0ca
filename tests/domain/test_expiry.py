from datetime import date

import pytest

from pos.expiry import expiry_state

ON = date(2026, 11, 24)


@pytest.mark.parametrize(
    ("expiry", "state"),
    [
        (None, "none"),
        ("2026-11-23", "expired"),
        ("2026-11-24", "soon"),
        ("2026-12-24", "soon"),
        ("2026-12-25", "ok"),
    ],
)
def test_expiry_state(expiry, state):
    assert expiry_state(expiry, ON) == state
