# Two commands do all set-up on a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
TS := resources/translations/ocop_pos_vi.ts
QM := resources/translations/ocop_pos_vi.qm
DEMO_DB := demo.sqlite3

.PHONY: run test lint lock golden screenshots translations-update system-deps clean bench bench-smoke faults \
	mutants mutants-save fresh-machine

run: system-deps $(INSTALLED) $(QM)
	$(VENV)/bin/ocop-pos --db $(DEMO_DB) demo --if-empty
	$(VENV)/bin/ocop-pos --db $(DEMO_DB)

test: system-deps $(INSTALLED) $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q
	$(VENV)/bin/ruff check pos ui tests scripts bench faults

lint: $(INSTALLED)
	$(VENV)/bin/ruff check pos ui tests scripts bench faults
	$(VENV)/bin/ruff format --check pos ui tests scripts faults

# Every screen of the app as PNG (Vietnamese and English) in screenshots/, to look at.
screenshots: system-deps $(INSTALLED) $(QM)
	for size in 1024x768 1366x768 1093x614 1920x1080; do \
		SCREEN=$$size $(PY) scripts/screenshots.py screenshots && \
		SCREEN=$$size LANG_UI=en $(PY) scripts/screenshots.py screenshots || exit 1; \
	done

# After changing tr() texts in ui/: refresh the .ts, translate the new entries, commit it.
translations-update: $(INSTALLED)
	$(VENV)/bin/pyside6-lupdate ui/*.py -ts $(TS) -no-obsolete

# Installs exactly the versions the suite was run with (requirements.lock); `make lock`
# resolves pyproject.toml again, for every platform (the Windows build uses the same pins).
$(INSTALLED): pyproject.toml requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -c requirements.lock -e '.[test]'
	touch $@

lock: $(INSTALLED)
	$(PY) -m pip install --quiet uv
	$(VENV)/bin/uv pip compile pyproject.toml --extra test --extra mutants --universal \
		--python-version 3.11 \
		--no-header --upgrade -o requirements.lock

# lrelease needs the system's libraries (libglib...): installed first, whatever the order
$(QM): $(TS) $(INSTALLED) | system-deps
	$(VENV)/bin/pyside6-lrelease -silent $(TS) -qm $(QM)

system-deps:
	@scripts/ensure-system-deps.sh

clean:
	rm -rf $(VENV) $(QM) .pytest_cache .ruff_cache mutants

# A large showroom (built once into bench/cache/), measured; prints figures, writes
# bench/results.json. bench-smoke is the same on a tiny showroom, in seconds.
BENCH_LINES ?= 1000000
bench: system-deps $(INSTALLED) $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) bench/run.py --lines $(BENCH_LINES)

# Write the golden files (tests/golden/) anew from the code as it is: review the diff, then
# commit it. A missing golden file fails `make test`.
golden: system-deps $(INSTALLED) $(QM)
	OCOP_WRITE_GOLDEN=1 QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q tests/printing tests/services/test_upgrade.py

bench-smoke: system-deps $(INSTALLED) $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) bench/run.py --smoke

# Deeper fault runs than the suite's (which kills 3 times and fuzzes lightly): 100 SIGKILLs
# while sales are posted, two imports of 20,000 rows beside the till, and the fuzzers with
# many more examples. Minutes, not seconds.
faults: system-deps $(INSTALLED) $(QM)
	$(PY) -m faults.kill_loop 100
	$(PY) -m faults.einvoice_kill_loop 200
	$(PY) -m faults.busy_writers 20000
	$(PY) -m faults.busy_writers 20000 sales intake
	$(PY) -m faults.busy_writers 20000 sales sales
	FUZZ_EXAMPLES=2000 QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q tests/faults/test_fuzz.py tests/faults/test_faults.py

# Mutation testing (README, "Mutation testing"): mutmut changes the domain rules and the
# services' money paths one mutant at a time and runs the tests that reach each; an hour or
# more on two cores, so not part of `make test`. It resumes where it stopped.
# ONLY='pos.money.* pos.services.refunds.*' tests just those (mutant names, wildcards).
FIXTURES_DIR := $(abspath ../shared/fixtures)
mutants: system-deps $(INSTALLED) $(QM)
	$(PY) -m pip install --quiet -c requirements.lock -e '.[test,mutants]'
	$(PY) scripts/mutants_record.py restore
	OCOP_FIXTURES=$(FIXTURES_DIR) QT_QPA_PLATFORM=offscreen $(VENV)/bin/mutmut run \
		--max-children $$(nproc) $(ONLY); status=$$?; \
		$(PY) scripts/mutants_record.py save; exit $$status
	OCOP_FIXTURES=$(FIXTURES_DIR) $(PY) scripts/mutant_scores.py

# mutmut's results so far into tests/mutants/record.tar.xz (make mutants does it at the end;
# this is for a run stopped before it), to commit so the next clone goes on from them.
mutants-save:
	$(PY) scripts/mutants_record.py save

# The README's two commands on a bare Debian 12 (debootstrap chroot; needs root).
fresh-machine:
	scripts/fresh-machine-check.sh
