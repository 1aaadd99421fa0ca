"""How a lot is shown in every list of lots: columns, status words and row colours."""

from PySide6.QtCore import QCoreApplication

from pos import clock
from pos.clock import display_date
from pos.expiry import expiry_state
from pos.services.stock import LotStock
from ui.table_model import RIGHT, Column


def lot_columns(with_producer: bool = True) -> list[Column]:
    columns = (
        [Column(QCoreApplication.translate("LotColumns", "Producer"), lambda s: s.producer_code)]
        if with_producer
        else []
    )
    return columns + [
        Column(QCoreApplication.translate("LotColumns", "SKU"), lambda s: s.sku),
        Column(QCoreApplication.translate("LotColumns", "Product"), lambda s: s.product_name),
        Column(QCoreApplication.translate("LotColumns", "Lot"), lambda s: s.lot_code),
        Column(
            QCoreApplication.translate("LotColumns", "Produced"),
            lambda s: display_date(s.production_date),
        ),
        Column(
            QCoreApplication.translate("LotColumns", "Expiry"),
            lambda s: display_date(s.expiry_date),
        ),
        Column(QCoreApplication.translate("LotColumns", "Status"), lot_status_text),
        Column(QCoreApplication.translate("LotColumns", "On hand"), lambda s: s.on_hand, RIGHT),
    ]


def lot_status_text(lot: LotStock) -> str:
    state = lot_tint(lot)
    return {
        "blocked": QCoreApplication.translate("LotColumns", "blocked"),
        "expired": QCoreApplication.translate("LotColumns", "expired"),
        "soon": QCoreApplication.translate("LotColumns", "expires soon"),
    }.get(state, "")


def lot_tint(lot: LotStock) -> str | None:
    if lot.status == "blocked":
        return "blocked"
    return expiry_state(lot.expiry_date, clock.today())
