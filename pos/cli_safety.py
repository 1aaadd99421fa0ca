"""`ocop-pos check`, `backup` and `restore`: commands that work on the database file itself,
so they never open it the ordinary way (which migrates, that is, writes)."""

import sys
from pathlib import Path

from pos.paths import default_backup_dir


def add_parsers(commands) -> None:
    commands.add_parser(
        "check",
        help="kiểm tra toàn bộ: file, trigger bảo vệ, sổ nhật ký, chứng từ, tồn kho (lỗi: mã 1)",
    )
    backup = commands.add_parser("backup", help="sao lưu (đang mở vẫn sao lưu được)")
    backup.add_argument("--out", type=Path, required=True, help="thư mục lưu (ví dụ USB)")
    restore = commands.add_parser("restore", help="khôi phục từ bản sao lưu đã kiểm tra")
    restore.add_argument("file", type=Path, help="file sao lưu")


# The services are imported by each command, not with this module: pos.cli loads it to build
# its parser, and `ocop-pos` without a command starts the app, whose start must not wait.


def check(path: Path) -> int:
    from pos.services import integrity

    problems = integrity.check_file(path)
    for problem in problems:
        print(problem)
    if problems:
        first = next((p.document for p in problems if p.document), "")
        where = f"; chứng từ đầu tiên bị ảnh hưởng: {first}" if first else ""
        print(f"{len(problems)} lỗi{where}", file=sys.stderr)
        return 1
    print(f"{path}: không có lỗi (file, trigger, sổ nhật ký, chứng từ, tồn kho)")
    return 0


def backup(path: Path, out: Path) -> int:
    from pos.services import backups
    from pos.storage.database import open_database

    db = open_database(path)
    try:
        taken = backups.take_backup(db, out, "manual")
    finally:
        db.close()
    print(f"Đã sao lưu và kiểm tra: {taken.path} ({taken.size_bytes:,} byte)".replace(",", "."))
    return 0


def restore(path: Path, backup_file: Path) -> int:
    from pos.services import backups
    from pos.storage.instance_lock import InstanceLock

    with InstanceLock(path):  # not while the app has the database open
        kept = backups.restore_backup(backup_file, path, default_backup_dir())
    print(f"Đã khôi phục {path} từ {backup_file}.")
    if kept:
        print(f"Cơ sở dữ liệu trước khi khôi phục được giữ tại {kept}")
    return 0
