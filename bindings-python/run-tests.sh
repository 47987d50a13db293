#!/usr/bin/env bash
# The Python binding's tests, on a fresh machine: makes a virtual environment, builds the
# wheel with maturin, installs it, builds the mock, runs pytest (conformance cases, the
# chapter 4 audit, bad input and Python-specific tests), checks the stubs against the
# installed package (mypy's stubtest) and type-checks the example scripts with mypy.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"

# Build products live under target/ so that nothing generated sits in bindings-python/.
venv="${QEM_PY_VENV:-$root/target/python-venv}"
wheels="$root/target/python-wheels"
python="${PYTHON:-python3}"

echo "== virtual environment: $venv"
[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
"$venv/bin/python" -m pip install -q --upgrade pip
"$venv/bin/python" -m pip install -q "maturin>=1.5,<2" pytest mypy

echo "== wheel"
rm -rf "$wheels"
(cd "$here" && "$venv/bin/maturin" build --release -o "$wheels")
"$venv/bin/python" -m pip install -q --force-reinstall "$wheels"/*.whl

echo "== mock"
(cd "$root" && cargo build -q -p qem-mock --release)
export QEM_MOCK="$root/target/release/qem-mock"

echo "== pytest"
cd "$here"
set +e
QEM_WHEELS="$wheels" "$venv/bin/python" -m pytest tests -ra -p no:cacheprovider
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: failing" >&2
  exit 1
fi
[ "$status" -eq 0 ] || exit "$status"
cat "$root/target/soak-python.txt" 2>/dev/null || true

echo "== stubtest (the stubs against the installed package)"
"$venv/bin/python" -m mypy.stubtest qem aem_client --allowlist "$here/tests/stubtest-allowlist.txt"

echo "== mypy (stubs, on the example scripts)"
(cd "$here/examples" && "$venv/bin/mypy" --strict --no-incremental dropin_example.py modern_example.py first_call.py)
(cd "$here/python" && "$venv/bin/mypy" --strict --no-incremental -p qem -p aem_client)
