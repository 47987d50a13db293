#!/usr/bin/env bash
# Builds the wheel, the mock and the core loop, then runs bench.py (writes BENCHMARKS.md).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$here/.." && pwd)"
venv="${QEM_PY_VENV:-$root/target/python-venv}"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q "maturin>=1.5,<2" requests
rm -rf "$root/target/python-wheels"
(cd "$here" && "$venv/bin/maturin" build --release --features bench,extension-module -o "$root/target/python-wheels")
"$venv/bin/python" -m pip install -q --force-reinstall "$root/target/python-wheels"/*.whl
(cd "$root" && cargo build -q --release -p qem-mock)
"$venv/bin/python" "$here/bench/bench.py"
