"""Files are whole or absent: on a real full disk (a small tmpfs) statements, labels, exports
and backups say so and leave nothing half-written under a final name; an issued month's
statements are written again exactly as issued; a killed run's temporary files go."""

import os
import subprocess
import time
from datetime import date

import pytest

from pos import cli
from pos.exporting import write_csv, write_xlsx
from pos.files import FileWriteError
from pos.printing.labels import write_label_sheets
from pos.services import backups, labels, statements
from tests.conftest import demo_user
from tests.printing.test_statements import pdf_text, sell_and_refund

NOVEMBER = (date(2026, 11, 1), date(2026, 11, 30))


@pytest.fixture
def small_disk(tmp_path):
    """A 4 MB file system of its own, filled but for ``leave(n)`` bytes."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")

    def leave(free_bytes: int) -> None:
        stats = os.statvfs(mount)
        filler = max(stats.f_bavail * stats.f_frsize - free_bytes, 0)
        (mount / "filler.bin").write_bytes(b"\0" * filler)

    try:
        yield mount, leave
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def files_in(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "filler.bin")


def test_statements_on_a_full_disk_say_so_and_the_issued_month_is_written_again_as_issued(
    demo_db, tmp_path, small_disk, capsys, monkeypatch
):
    disk, leave = small_disk
    sell_and_refund(demo_db)
    statements.issue_statements(demo_db, demo_user(demo_db, "quanly"), *NOVEMBER, close=True)
    first = tmp_path / "issued"
    first.mkdir()
    statements.write_statements(demo_db, *NOVEMBER, first)
    leave(8_000)
    with pytest.raises(FileWriteError, match="ổ đĩa đầy"):
        statements.write_statements(demo_db, *NOVEMBER, disk)
    assert files_in(disk) == []  # nothing half-written, no temporary file either
    (disk / "filler.bin").unlink()
    db_file = demo_db.execute("PRAGMA database_list").fetchone()[2]
    # The month is closed: the rerun without --close writes the issued statements again.
    assert cli.main(["--db", db_file, "settle", "--month", "2026-11", "--out", str(disk)]) == 0
    assert "đã phát hành" in capsys.readouterr().out
    again = sorted(disk.glob("quyet-toan-*.pdf"))
    assert [p.name for p in again] == sorted(p.name for p in first.glob("quyet-toan-*.pdf"))
    for pdf in again:
        assert pdf_text(pdf) == pdf_text(first / pdf.name)
        assert "QT-" in pdf_text(pdf)


def test_the_command_line_on_a_full_disk_gives_a_sentence_not_a_traceback(
    demo_db, small_disk, capsys
):
    disk, leave = small_disk
    sell_and_refund(demo_db)
    leave(4_000)
    db_file = demo_db.execute("PRAGMA database_list").fetchone()[2]
    assert cli.main(["--db", db_file, "settle", "--month", "2026-11", "--out", str(disk)]) != 0
    said = capsys.readouterr()
    assert "ổ đĩa đầy" in said.err and "Traceback" not in said.err + said.out
    assert files_in(disk) == []


def test_labels_and_exports_on_a_full_disk_leave_no_file(demo_db, small_disk):
    disk, leave = small_disk
    sheet = labels.labels_for_product(demo_db, "BANH-PIA", 48)
    leave(6_000)
    with pytest.raises(FileWriteError, match="ổ đĩa đầy"):
        write_label_sheets(sheet, disk / "tem.pdf")
    rows = [(f"SP{i:05d}", "Trà sâm Ngọc Linh", i * 1000) for i in range(5_000)]
    with pytest.raises(FileWriteError, match="ổ đĩa đầy"):
        write_csv(disk / "bao-cao.csv", ("mã", "tên", "giá"), rows)
    with pytest.raises(FileWriteError, match="ổ đĩa đầy"):
        write_xlsx(disk / "bao-cao.xlsx", ("mã", "tên", "giá"), rows)
    assert files_in(disk) == []


def test_a_backup_on_a_full_disk_says_so_and_leaves_nothing(demo_db, small_disk):
    disk, leave = small_disk
    leave(64_000)  # the demo database is several times that
    with pytest.raises(backups.BackupError, match="ổ đĩa đầy"):
        backups.take_backup(demo_db, disk, "manual")
    assert files_in(disk) == []  # no copy, no temporary file, no -wal / -shm


def test_a_killed_runs_temporary_files_are_gone_after_the_next_run(demo_db, tmp_path):
    sell_and_refund(demo_db)
    killed = tmp_path / ".quyet-toan-BAOMINH-202611.pdf.1a2b3c4d.tmp"
    killed.write_bytes(b"%PDF-1.4 half a statement")
    old = time.time() - 7200
    os.utime(killed, (old, old))
    running = tmp_path / ".bao-cao.csv.5e6f7a8b.tmp"  # another run, still writing
    running.write_bytes(b"ma,ten")
    statements.write_statements(demo_db, *NOVEMBER, tmp_path)
    assert not killed.exists() and running.exists()
