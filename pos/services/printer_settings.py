"""The receipt printer as the settings describe it."""

from sqlite_utils import Database

from pos.printing.escpos_out import PrinterConfig
from pos.services.settings import get_setting


def printer_config(db: Database) -> PrinterConfig:
    return PrinterConfig(
        kind=get_setting(db, "printer_kind"),
        target=get_setting(db, "printer_target"),
        paper_mm=int(get_setting(db, "printer_paper_mm")),
        mode=get_setting(db, "printer_mode"),
        codepage=get_setting(db, "printer_codepage"),
    )


def printer_configured(db: Database) -> bool:
    return get_setting(db, "printer_kind") != "none"
