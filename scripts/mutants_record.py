"""mutmut's record of a `make mutants` run kept in the repository (tests/mutants/record.tar.xz),
so that a run, which takes longer on two cores than one working session, goes on from a fresh
clone where the last one stopped: `save` packs the results (each mutant's outcome, by the
hash of the function it changed), the test-to-function map and its timings; `restore` puts
them back into a mutants/ folder that has none. mutmut re-tests what changed since."""

import io
import json
import sys
import tarfile
import time
from pathlib import Path

RECORD = Path("tests/mutants/record.tar.xz")
MUTANTS = Path("mutants")


def _parts() -> list[Path]:
    results = sorted(
        path for pattern in ("*.meta", "*.spans") for path in (MUTANTS / "pos").rglob(pattern)
    )
    return [MUTANTS / "mutmut-stats.json", *results]


def save() -> int:
    parts = [part for part in _parts() if part.exists()]
    if not parts:
        print("no mutmut results in mutants/: nothing to keep")
        return 1
    RECORD.parent.mkdir(parents=True, exist_ok=True)
    partial = RECORD.with_suffix(".partial")
    with tarfile.open(partial, "w:xz") as packed:
        for part in parts:  # the same bytes for the same results: no times, no owners
            data = _whole(part)
            info = tarfile.TarInfo(str(part.relative_to(MUTANTS)))
            info.size = len(data)
            packed.addfile(info, io.BytesIO(data))
    partial.replace(RECORD)
    print(f"kept mutmut's results in {RECORD} ({RECORD.stat().st_size // 1024} KB)")
    return 0


def _whole(part: Path) -> bytes:
    """The file once it is whole JSON: a run still going rewrites its files as it goes."""
    for _ in range(50):
        data = part.read_bytes()
        try:
            json.loads(data)
            return data
        except ValueError:
            time.sleep(0.1)
    raise SystemExit(f"{part} is not whole JSON: is mutmut writing it? try again")


def restore() -> int:
    if (MUTANTS / "mutmut-stats.json").exists():
        return 0  # this folder's own results are newer than the record
    if not RECORD.exists():
        print(f"no {RECORD}: mutmut starts from the beginning")
        return 0
    MUTANTS.mkdir(exist_ok=True)
    with tarfile.open(RECORD) as packed:
        packed.extractall(MUTANTS, filter="data")
    print(f"going on from {RECORD}: mutmut re-tests only what changed since")
    return 0


if __name__ == "__main__":
    sys.exit({"save": save, "restore": restore}[sys.argv[1]]())
