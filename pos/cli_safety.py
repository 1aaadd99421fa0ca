"""`ocop-pos check`, `backup` and `restore`: commands that work on the database file itself,
so they never open it the ordinary way (which migrates, that is, writes)."""

import sys
from pathlib import Path

from pos.errors import ValidationError
from pos.paths import default_backup_dir


def add_parsers(commands, signed) -> None:
    check = commands.add_parser(
        "check",
        help="kiểm tra toàn bộ: file, cấu trúc, sổ nhật ký, chứng từ, tồn kho (lỗi: mã 1)",
    )
    check.add_argument(
        "--anchor",
        action="append",
        default=[],
        help="mốc sổ nhật ký in trên báo cáo Z hoặc bảng kê, dạng SỐ_MỤC:MÃ (lặp lại được)",
    )
    check.add_argument("--anchors", type=Path, help="file các mốc, mỗi dòng một mốc")
    check.add_argument(
        "--recent",
        action="store_true",
        help="chỉ kiểm tra những gì ghi sau lần kiểm tra trước (vài giây), không đọc lại cả file",
    )
    check.add_argument(
        "--backups", type=Path, help="thư mục sao lưu: các mốc ghi trong tên các bản sao lưu"
    )
    backup = commands.add_parser("backup", help="sao lưu (đang mở vẫn sao lưu được)")
    backup.add_argument("--out", type=Path, required=True, help="thư mục lưu (ví dụ USB)")
    restore = commands.add_parser(
        "restore", parents=[signed], help="khôi phục từ bản sao lưu đã kiểm tra (--user)"
    )
    restore.add_argument("file", type=Path, help="file sao lưu")
    restore.add_argument(
        "--other-showroom",
        action="store_true",
        help="xác nhận khôi phục bản sao lưu của showroom khác",
    )


# The services are imported by each command, not with this module: pos.cli loads it to build
# its parser, and `ocop-pos` without a command starts the app, whose start must not wait.


def _authorise_restore(path: Path, backup_file: Path, username: str | None) -> None:
    """The person restoring signs in on the database being replaced, and the act is audited
    there (it is kept beside the backups). A database too damaged to open has nobody to ask:
    the person is then checked against the backup's own users, on a copy of it."""
    import shutil
    import tempfile

    from pos.cli_signing import signed_in
    from pos.services import backups
    from pos.storage.database import open_database
    from pos.storage.quick_check import quick_check

    with tempfile.TemporaryDirectory() as folder:
        where = path
        if not (path.exists() and quick_check(path) is None):
            where = Path(folder) / "backup.sqlite3"
            shutil.copyfile(backup_file, where)
        db = open_database(where)
        try:
            backups.authorise_restore(db, signed_in(db, username), backup_file)
        finally:
            db.close()


def check(
    path: Path,
    typed: list[str],
    anchors_file: Path | None,
    backups_dir: Path | None = None,
    recent: bool = False,
) -> int:
    from pos.journal import Anchor
    from pos.services import backups, integrity

    if recent:
        return _recent_check(path)

    if anchors_file is not None:
        if not anchors_file.is_file():
            raise ValidationError(f"không có file mốc {anchors_file}")
        typed = [*typed, *filter(str.strip, anchors_file.read_text("utf-8").splitlines())]
    anchors = tuple(Anchor.parse(text) for text in typed)
    if backups_dir is not None:
        if not backups_dir.is_dir():
            raise ValidationError(f"không có thư mục sao lưu {backups_dir}")
        anchors += backups.backup_heads(backups_dir)
    problems = integrity.check_file(path, anchors=anchors)
    for problem in problems:
        print(problem)
    if problems:
        first = next((p.document for p in problems if p.document), "")
        where = f"; chứng từ đầu tiên bị ảnh hưởng: {first}" if first else ""
        print(f"{len(problems)} lỗi{where}", file=sys.stderr)
        return 1
    against = f", khớp {len(anchors)} mốc đã nhập" if anchors else ""
    print(f"{path}: không có lỗi (file, cấu trúc, sổ nhật ký, chứng từ, tồn kho{against})")
    return 0


def _recent_check(path: Path) -> int:
    """What was posted since the journal was last found sound (read-only, like check: the
    app moves the mark when it finds nothing)."""
    from pos.services import integrity

    if not path.exists():
        raise ValidationError(f"không có file {path}")
    damaged = integrity.quick_check(path)  # a damaged file would be read as garbage
    problems, head = (
        ([integrity.Problem("sqlite", "", damaged)], None)
        if damaged
        else integrity.recent_check_of_file(path)
    )
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} lỗi", file=sys.stderr)
        return 1
    print(f"{path}: không có lỗi trong những gì ghi sau lần kiểm tra trước (đến mục {head.seq})")
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


def restore(
    path: Path, backup_file: Path, username: str | None, other_showroom_ok: bool = False
) -> int:
    from pos.services import backups
    from pos.storage.instance_lock import InstanceLock

    with InstanceLock(path):  # not while the app has the database open
        other = backups.other_showroom(backup_file, path) if backup_file.is_file() else None
        if other and not other_showroom_ok:
            raise backups.OtherShowroom(f"{other} Chắc chắn thì chạy lại với --other-showroom.")
        _authorise_restore(path, backup_file, username)
        kept = backups.restore_backup(backup_file, path, default_backup_dir(), other_showroom_ok)
    print(f"Đã khôi phục {path} từ {backup_file}.")
    if kept:
        print(f"Cơ sở dữ liệu trước khi khôi phục được giữ tại {kept}")
    return 0
