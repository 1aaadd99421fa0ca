"""The provider the showroom's settings name, ready to send. ``fake`` is the demo's: the
fake Viettel started on loopback inside this process, so the demo issues invoices with
nothing else running. The password never comes from the database: the caller passes it."""

from collections.abc import Callable
from datetime import date

from pos.einvoicing.fake_viettel import FakeState, FakeViettel
from pos.einvoicing.provider import Provider
from pos.einvoicing.viettel import Viettel
from pos.invoice_symbols import yearly_symbol
from pos.services.einvoices import Connection

DEMO_ACCOUNT = ("demo", "demo")


def open_provider(connection: Connection, password: str, today: date) -> tuple[Provider, Callable]:
    """(provider, close)."""
    if connection.provider == "fake":
        series = {
            yearly_symbol(symbol, date(year, 1, 1)).text[1:]
            for symbol in connection.symbols
            for year in (today.year, today.year + 1)
        }
        username, password = DEMO_ACCOUNT
        fake = FakeViettel(FakeState(connection.tax_code, username, password, series))
        fake.__enter__()
        client = Viettel(fake.url, connection.tax_code, username, password)

        def close() -> None:
            client.close()
            fake.__exit__(None, None, None)

        return client, close
    client = Viettel(connection.url, connection.tax_code, connection.username, password)
    return client, client.close
