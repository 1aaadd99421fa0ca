"""How a lot is shown in every list of lots: columns, status words and row colours."""

from PySide6.QtCore import QCoreApplication

from pos import clock
from pos.clock import display_date
from pos.expiry import expiry_state
from pos.services.stock import LotStock
from ui.table_model import RIGHT, Column


def _tr(text: str) -> str:
    return QCoreApplication.translate("LotColumns", text)


def lot_columns(with_producer: bool = True) -> list[Column]:
    columns = [Column(_tr("Producer"), lambda s: s.producer_code)] if with_producer else []
    return columns + [
        Column(_tr("SKU"), lambda s: s.sku),
        Column(_tr("Product"), lambda s: s.product_name),
        Column(_tr("Lot"), lambda s: s.lot_code),
        Column(_tr("Produced"), lambda s: display_date(s.production_date)),
        Column(_tr("Expiry"), lambda s: display_date(s.expiry_date)),
        Column(_tr("Status"), lot_status_text),
        Column(_tr("On hand"), lambda s: s.on_hand, RIGHT),
    ]


def lot_status_text(lot: LotStock) -> str:
    state = lot_tint(lot)
    return {
        "blocked": _tr("blocked"),
        "expired": _tr("expired"),
        "soon": _tr("expires soon"),
    }.get(state, "")


def lot_tint(lot: LotStock) -> str | None:
    if lot.status == "blocked":
        return "blocked"
    return expiry_state(lot.expiry_date, clock.today())
