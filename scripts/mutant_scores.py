"""The score per module of the last `make mutants` run (mutmut's results): killed out of all
the mutants checked, and every survivor by name (`mutmut show NAME` prints its change).
Killed counts timeouts and mutants the tests refused to load (the tests stopped them)."""

import re
import subprocess
import sys
from collections import Counter, defaultdict

KILLED = {"killed", "timeout", "segfault", "suspicious"}
LEFT = {"survived", "no tests"}


def main() -> int:
    listed = subprocess.run(
        [sys.executable, "-m", "mutmut", "results", "--all", "true"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    counts: dict[str, Counter] = defaultdict(Counter)
    survivors: dict[str, list[str]] = defaultdict(list)
    for line in listed.splitlines():
        found = re.match(r"\s*(\S+?)\.x\S*?__mutmut_\d+: (.+)", line)
        if not found:
            continue
        module, status = found.group(1), found.group(2).strip()
        counts[module][status] += 1
        if status in LEFT:
            survivors[module].append(line.split(":")[0].strip())
    print(f"{'module':34} {'checked':>8} {'killed':>7} {'left':>5} {'score':>7}")
    for module, count in sorted(counts.items()):
        killed = sum(count[s] for s in KILLED)
        left = sum(count[s] for s in LEFT)
        checked = killed + left
        score = f"{100 * killed / checked:6.1f}%" if checked else "     -"
        pending = count["not checked"]
        note = f"  ({pending} not run yet)" if pending else ""
        print(f"{module:34} {checked:>8} {killed:>7} {left:>5} {score}{note}")
    for module, names in sorted(survivors.items()):
        print(f"\n{module}: {len(names)} left")
        for name in names:
            print(f"  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
