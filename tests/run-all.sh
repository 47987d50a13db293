#!/usr/bin/env bash
# Every test of the project, on a fresh machine: installs what it needs, checks the
# format and lint gates (rustfmt, clippy -D warnings, ruff, the generated files are up to
# date; biome for the JavaScript runs
# with the Node binding's tests, which install it), then runs the
# Rust core's unit and integration tests, the mock's tests and the shared conformance
# cases, then each binding's tests. Exits non-zero on the first failing suite and ends
# with one "N passed, N failed" line over all suites.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
# Incremental caches only help rebuilds while editing; on one clean run they
# only take disk (CI's machine ran out of it with them).
export CARGO_INCREMENTAL=0

log=$(mktemp)
trap 'rm -f "$log"' EXIT
section() { printf '\n==== %s ====\n' "$*"; }

section "Format and lint gates: rustfmt, clippy, ruff"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --quiet -- -D warnings
lint_venv="target/lint-venv"
[ -x "$lint_venv/bin/ruff" ] || { python3 -m venv "$lint_venv" && "$lint_venv/bin/pip" install -q ruff; }
"$lint_venv/bin/ruff" check bindings-python
"$lint_venv/bin/ruff" format --check bindings-python
# Generated files (schema/api.json) must match the core's registry.
cargo run -q -p qem-codegen -- --check
echo "gates: clean"

section "Rust: core, mock and the shared conformance cases"
cargo test --workspace 2>&1 | tee -a "$log"

for suite in bindings-python/run-tests.sh bindings-node/run-tests.sh bindings-c/run-tests.sh bindings-dotnet/run-tests.sh bindings-jvm/run-tests.sh; do
  if [ -f "$suite" ]; then
    section "$suite"
    bash "$suite" 2>&1 | tee -a "$log"
  fi
done

section "Packages: scripts/dist.sh, then each installed from dist/ in a clean place"
bash scripts/dist.sh
bash tests/install/run.sh 2>&1 | tee -a "$log"

# Totals from every runner's summary: cargo's "test result", pytest's "N passed",
# node's "# pass N" and the plain "N passed, N failed" lines of the C and .NET runners
# (a line that only repeats other figures, such as "C: 1 passed, 0 failed; C hostile names: ...", is skipped).
python3 - "$log" <<'PY'
import re, sys
text = open(sys.argv[1], errors="replace").read()
passed = failed = 0
for m in re.finditer(r"test result: \w+\. (\d+) passed; (\d+) failed", text):
    passed += int(m[1]); failed += int(m[2])
for m in re.finditer(r"^=+ (?:(\d+) failed, )?(\d+) passed.* in [\d.]+s", text, re.M):
    failed += int(m[1] or 0); passed += int(m[2])
for m in re.finditer(r"^# pass (\d+)\n# fail (\d+)", text, re.M):
    passed += int(m[1]); failed += int(m[2])
for m in re.finditer(r"^(?:\w+: )?(\d+) passed, (\d+) failed(?:, \d+ skipped)?$", text, re.M):
    passed += int(m[1]); failed += int(m[2])
print(f"\ntotal: {passed} passed, {failed} failed")
sys.exit(1 if failed or not passed else 0)
PY
