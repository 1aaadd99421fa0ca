"""Files written whole or not at all: statements, notes, labels, exports. Each is written to a
temporary name beside its target and renamed over it only once it is complete and on disk, so
a full disk, a bad value or a power cut leaves the previous file, or none, never half a file."""

import contextlib
import errno
import os
import secrets
import time
from collections.abc import Callable
from pathlib import Path

from pos.errors import PosError

TEMP_SUFFIX = ".tmp"
LEFTOVER_AGE_S = 3600  # a file takes seconds to write: a temporary file this old is a killed run's


class FileWriteError(PosError):
    """The file could not be written (no folder, no permission, disk full, open elsewhere)."""


def write_whole(path: Path, write: Callable[[Path], None]) -> None:
    """Run ``write`` on a temporary file beside ``path``, then rename it into place."""
    path = Path(path)
    if not path.parent.is_dir():
        raise FileWriteError(f"Không có thư mục {path.parent}: hãy chọn thư mục khác")
    remove_leftovers(path.parent)
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}")
    try:
        write(temp)
        with open(temp, "rb+") as written:
            os.fsync(written.fileno())  # on disk before the rename makes it the file
        os.replace(temp, path)
    except PermissionError:
        raise FileWriteError(
            f"Không ghi được file {path}: file đang mở trong chương trình khác (ví dụ trình "
            f"xem PDF hoặc Excel: hãy đóng {path.name} rồi thử lại), hoặc không có quyền ghi "
            "vào thư mục"
        ) from None
    except OSError as error:
        raise FileWriteError(f"Không ghi được file {path}: {why(error)}") from None
    finally:
        with contextlib.suppress(OSError):  # the folder itself may be what failed
            temp.unlink(missing_ok=True)


def why(error: OSError) -> str:
    """An operating system's refusal in a shop manager's words."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return "ổ đĩa đầy: hãy giải phóng dung lượng hoặc chọn ổ khác, rồi thử lại"
    if error.errno == errno.EROFS:
        return "ổ chỉ đọc (USB bị khóa ghi?)"
    return error.strerror or str(error)


def remove_leftovers(folder: Path) -> None:
    """Temporary files of runs killed mid-way (never one another run is still writing)."""
    now = time.time()  # against the files' own times, not the business clock
    for leftover in Path(folder).glob(f".*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            if now - leftover.stat().st_mtime > LEFTOVER_AGE_S:
                leftover.unlink()
