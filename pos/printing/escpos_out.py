"""Sending slips to an ESC/POS printer with python-escpos: connection from the settings,
raster (default: any printer prints Vietnamese) or text with a configured code page, paper
cut, and the cash drawer pulse."""

from contextlib import contextmanager
from dataclasses import dataclass

from PIL import Image

from pos.errors import PosError
from pos.printing.blocks import Block, QrCode, as_text
from pos.printing.raster import PAPER_DOTS, render

DRAWER_PIN = 2  # the usual RJ-11 drawer kick pin
TEXT_COLUMNS = {58: 32, 80: 48}


class PrinterError(PosError):
    """The printer could not be reached or refused the job; the sale is not affected."""


@dataclass(frozen=True)
class PrinterConfig:
    kind: str  # none | usb | network | serial | cups | lp | windows | file
    target: str
    paper_mm: int = 80
    mode: str = "raster"  # raster | text
    codepage: str = ""

    @property
    def width_px(self) -> int:
        return PAPER_DOTS[self.paper_mm]


def open_printer(config: PrinterConfig):
    """A python-escpos printer for the configured connection, opened, or PrinterError."""
    from escpos import printer as escpos_printer  # only the print thread pays for importing

    target = config.target.strip()
    try:
        if config.kind == "usb":
            vendor, product = (int(part, 16) for part in target.split(":"))
            device = escpos_printer.Usb(vendor, product)
        elif config.kind == "network":
            host, _, port = target.partition(":")
            device = escpos_printer.Network(host, int(port or 9100), timeout=5)
        elif config.kind == "serial":
            devfile, _, baud = target.partition("@")
            device = escpos_printer.Serial(devfile, baudrate=int(baud or 9600))
        elif config.kind == "cups":
            device = escpos_printer.CupsPrinter(printer_name=target)
        elif config.kind == "lp":  # CUPS through the lp command, where pycups is missing
            device = escpos_printer.LP(printer_name=target)
        elif config.kind == "windows":
            device = escpos_printer.Win32Raw(target)
        elif config.kind == "file":
            device = escpos_printer.File(target)
        else:
            raise PrinterError("chưa chọn máy in trong Cài đặt")
        device.open()
    except PrinterError:
        raise
    except (ValueError, TypeError) as error:
        raise PrinterError(f"địa chỉ máy in '{target}' không đúng dạng ({error})") from None
    except Exception as error:  # python-escpos raises many kinds; all mean "not reachable"
        raise PrinterError(f"không kết nối được máy in {config.kind} {target}: {error}") from None
    return device


def send_slip(
    device, blocks: list[Block], config: PrinterConfig, cut: bool = True, open_drawer: bool = False
) -> None:
    """Print one slip on an opened device; raster unless the printer has a code page."""
    try:
        if config.mode == "text" and config.codepage:
            _send_text(device, blocks, config)
        else:
            send_image(device, render(blocks, config.width_px))
        if cut:
            device.cut()
        if open_drawer:
            device.cashdraw(DRAWER_PIN)
    except PosError:
        raise
    except Exception as error:
        raise PrinterError(f"máy in báo lỗi khi in (hết giấy, mở nắp?): {error}") from None


def send_image(device, image: Image.Image) -> None:
    # python-escpos complains on stdout when its profile knows no paper width: tell this
    # device's own copy of the profile (the profile data is shared by every printer object).
    data = device.profile.profile_data
    pixels = data.get("media", {}).get("width", {}).get("pixels", "Unknown")
    if not isinstance(pixels, int) or pixels < image.width:
        media = {
            **data.get("media", {}),
            "width": {**data.get("media", {}).get("width", {}), "pixels": image.width},
        }
        device.profile.profile_data = {**data, "media": media}
    device.image(image, impl="bitImageRaster", center=False)


def _send_text(device, blocks: list[Block], config: PrinterConfig) -> None:
    device.charcode(config.codepage)
    text_blocks = [b for b in blocks if not isinstance(b, QrCode)]
    device.text(as_text(text_blocks, TEXT_COLUMNS[config.paper_mm]))
    for block in blocks:
        if isinstance(block, QrCode):
            device.qr(block.payload, size=4, native=True)  # the printer draws it


@contextmanager
def _connected(config: PrinterConfig, opener):
    device = opener(config)
    try:
        yield device
    finally:
        try:
            device.close()
        except Exception:  # closing a dead connection must not hide the real error
            pass


def print_slip(
    config: PrinterConfig, blocks: list[Block], open_drawer: bool = False, opener=open_printer
) -> None:
    """Open, print, cut, (kick the drawer), close: what one print job does, off the GUI."""
    with _connected(config, opener) as device:
        send_slip(device, blocks, config, cut=True, open_drawer=open_drawer)


def print_images(config: PrinterConfig, images: list[Image.Image], opener=open_printer) -> None:
    """Thermal labels: each image, then a cut (label printers feed to the next label)."""
    with _connected(config, opener) as device:
        try:
            for image in images:
                send_image(device, image)
                device.cut()
        except Exception as error:
            raise PrinterError(f"máy in báo lỗi khi in tem: {error}") from None


def kick_drawer(config: PrinterConfig, opener=open_printer) -> None:
    """The cash drawer hangs off the receipt printer: a pulse opens it."""
    with _connected(config, opener) as device:
        try:
            device.cashdraw(DRAWER_PIN)
        except Exception as error:
            raise PrinterError(f"không mở được két tiền: {error}") from None
