"""The benchmark still runs end to end (on a tiny showroom), and its generated showroom passes
`ocop-pos check`. No timings are asserted here: figures come from `make bench`."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_bench_smoke_runs_and_reports_every_figure():
    done = subprocess.run(
        [sys.executable, "bench/run.py", "--smoke"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    results = json.loads((ROOT / "bench" / "results-smoke.json").read_text())
    limits, figures = results["limits"], results["figures"]
    for name in ("bare_full_commit", "bare_indexed_lookup"):
        assert limits[name]["n"] >= 30 and limits[name]["p99_ms"] > 0
    assert limits["empty_pdf_page"]["mean_ms"] > 0
    for name in (
        "barcode_lookup",
        "search",
        "search_short",
        "post_sale_3_lines",
        "post_sale_3_lines_einvoiced",
        "scan_to_row_painted",
    ):
        assert figures[name]["n"] >= 30 and figures[name]["p99_ms"] > 0
    month = figures["settlement_month"]
    assert month["producers_with_activity"] > 0 and month["period_overview_s"] > 0
    assert month["statement_figures_loop_s"] > 0
    pdfs = figures["statement_pdfs"]
    assert pdfs["statements"] > 0 and pdfs["pages"] >= pdfs["statements"]
    assert figures["cold_start"]["median_s"] > 0
    uncached = figures["cold_start_uncached"]  # counted only when evicted from the cache
    assert uncached["median_s"] > 0 and len(uncached["samples_s"]) >= 1
    assert len(uncached["resident_before_each"]) >= len(uncached["samples_s"])
    assert "scan_box_focused" in uncached["median_phase_ends_s"]  # ready is a scan later
    assert figures["db_bytes_per_sale_line"] > 0
    assert results["cache"]["integrity_problems"] == 0  # the generator writes what services do
    check = figures["integrity_check"]  # measured in a process of its own
    assert check["problems"] == 0 and check["check_s"] > 0
    assert check["peak_memory_mb"] >= check["memory_before_check_mb"] > 0
    drain = figures["einvoice_drain"]  # the offline backlog, every invoice issued in order
    assert drain["backlog"] >= 30 and drain["issued"] >= drain["backlog"]
    assert drain["unsent_after"] == 0 and drain["in_order"] is True and drain["per_s"] > 0
    assert len(results["targets"]) == 14 and all("met" in row for row in results["targets"])
    assert figures["scan_with_stock_check"]["n"] >= 30
    assert figures["post_sale_other_till"]["n"] >= 30
    assert set(figures["search_by_prefix"]) == {
        f"{length}_letters_limit_{limit}" for length in (1, 2, 3, 4) for limit in (30, 500)
    }
    assert figures["backup"]["backup_s"] > 0 and figures["backup"]["problems"] == 0
    assert figures["backup"]["scans_meanwhile"]["n"] >= 50
    assert figures["recent_check_after_a_day"]["problems"] == 0
    assert figures["recent_check_after_a_day"]["entries_since_mark"] >= 60
    assert set(results["ratios"]) >= {
        "post_sale_p99_over_bare_commit_p99",
        "einvoice_capture_adds_to_post_sale_p50_ms",
        "lookup_p99_over_bare_lookup_p99",
        "search_p99_over_bare_lookup_p99",
        "search_short_p99_over_bare_lookup_p99",
        "pdf_ms_per_page_over_empty_page_ms",
    }


def test_sizes_are_compared_side_by_side_and_growth_is_flagged(tmp_path, capsys):
    """results.json holds every size's figures and each cost's growth from the smallest to
    the largest: a cost that grows 1.3x or more is flagged, the full check may grow."""
    from bench.run import compare_sizes

    def run(lines: int, posting_ms: float, check_mb: float) -> None:
        targets = [
            {
                "target": "sale posting p99",
                "unit": "ms",
                "figure": posting_ms,
                "limit": 5,
                "met": posting_ms <= 5,
            },
            {
                "target": "full check peak memory <= 300 MB",
                "unit": "MB",
                "figure": check_mb,
                "limit": 300,
                "met": check_mb <= 300,
            },
        ]
        results = {"date": f"d{lines}", "targets": targets}
        (tmp_path / f"results-{lines}.json").write_text(json.dumps(results))

    run(1_000_000, 2.0, 100)
    run(3_000_000, 2.8, 250)
    (tmp_path / "results-smoke.json").write_text("{}")  # not a size: left out
    compared = compare_sizes(tmp_path)
    assert compared["sizes"] == [1_000_000, 3_000_000]
    posting, check = compared["targets"]
    assert posting["growth"] == 1.4 and posting["growth_met"] is False
    assert check["growth"] == 2.5 and check["growth_met"] is True
    assert posting["by_size"]["3000000"] == {"figure": 2.8, "limit": 5, "met": True}
    assert "(grows)" in capsys.readouterr().out
