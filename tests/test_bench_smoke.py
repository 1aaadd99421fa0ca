"""The benchmark still runs end to end (on a tiny showroom). No timings are asserted here:
figures come from `make bench`."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_bench_smoke_runs_and_reports_every_figure():
    done = subprocess.run(
        [sys.executable, "bench/run.py", "--smoke"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    figures = json.loads((ROOT / "bench" / "results-smoke.json").read_text())["figures"]
    for name in (
        "bare_full_commit",
        "barcode_lookup",
        "search",
        "post_sale_3_lines",
        "scan_to_row_painted",
    ):
        assert figures[name]["n"] == 30 and figures[name]["p99_ms"] > 0
    assert figures["db_bytes_per_sale_line"] > 0
