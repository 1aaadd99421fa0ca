"""One copy of the app per database: a second copy (on this PC, or another PC sharing the
file) would run a second till with the same receipt series. An OS file lock beside the
database, released by the OS when the process ends, even by a crash or a kill."""

import os
import socket
from pathlib import Path

if os.name == "nt":
    import msvcrt
else:
    import fcntl

from pos.errors import PosError


def try_lock(handle) -> None:
    """Take an OS lock on an open file at once, or raise OSError (it is someone else's).
    The OS lets go of it when the file is closed or the process ends, even by a kill."""
    if os.name == "nt":
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


class AlreadyRunning(PosError):
    """Another copy of the app has the database open."""


class InstanceLock:
    def __init__(self, db_path: str | Path):
        self.path = Path(f"{db_path}.lock")
        self._handle = None

    def acquire(self) -> None:
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 (held until release)
        try:
            try_lock(handle)
        except OSError:
            handle.seek(0)
            holder = handle.read().strip() or "?"
            handle.close()
            raise AlreadyRunning(
                f"OCOP POS đang mở cơ sở dữ liệu này ({holder}). Hãy dùng cửa sổ đang mở, "
                "hoặc đóng nó trước khi mở lại."
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"máy {socket.gethostname()}, tiến trình {os.getpid()}")
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing the file releases the lock
            self._handle = None

    def __enter__(self) -> "InstanceLock":
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()
