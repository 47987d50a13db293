#!/usr/bin/env bash
# Installs each package of dist/ (scripts/dist.sh) in a clean place and runs its first
# example against the mock, as a user would: the C archive unpacked in a temporary folder
# and a program built with `cc example.c $(pkg-config --cflags --libs qem)`, run with
# nothing on the loader path; the Python wheel alone in a new venv (no index, no source
# tree), its first example and its `qem` command. Ends with "N passed, N failed".
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
dist="$root/dist"
ls "$dist"/qem-c-*.tar.gz "$dist"/qem_sdk-*.whl >/dev/null
work="$(mktemp -d)"
(cd "$root" && cargo build -q --release -p qem-mock)
"$root/target/release/qem-mock" --port 0 --cert-out "$work/ca.pem" > "$work/mock.out" &
mock=$!
trap 'kill $mock 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do [ -s "$work/mock.out" ] && break; sleep 0.05; done
base="$(sed -n 's/^qem-mock listening on //p' "$work/mock.out")"
passed=0 failed=0
export root dist work base
check() { # name, function: run by a bash of its own, so that its first failing step fails it
  local name="$1" fn="$2"
  export -f "$fn"
  if (cd "$work" && env -u LD_LIBRARY_PATH -u PYTHONPATH bash -euo pipefail -c "$fn") > "$work/out.txt" 2>&1; then
    passed=$((passed + 1)); echo "ok     $name"
  else
    failed=$((failed + 1)); echo "FAILED $name"; sed 's/^/  /' "$work/out.txt"
  fi
}

c_example() {
  mkdir c && tar xzf "$dist"/qem-c-*.tar.gz -C c
  local pc; pc="$(echo "$PWD"/c/*/lib/pkgconfig)"
  PKG_CONFIG_PATH="$pc" pkg-config --modversion qem
  cp c/*/share/qem/example.c .
  # shellcheck disable=SC2046
  cc example.c $(PKG_CONFIG_PATH="$pc" pkg-config --cflags --libs qem) -lpthread -o example
  ./example "$base" "$work/ca.pem"
}
check "C: the archive's example built with pkg-config runs with no LD_LIBRARY_PATH" c_example

python_wheel() {
  python3 -m venv venv
  venv/bin/pip install -q --no-index "$dist"/qem_sdk-*.whl
  QEM_URL="$base" QEM_CA_FILE="$work/ca.pem" venv/bin/python "$root/bindings-python/examples/first_call.py" | tee py.txt
  grep -q "^first call: SalesDBBackup" py.txt
  venv/bin/qem --version
  # The index page's text, and the stubs' marker.
  venv/bin/python -c "import importlib.metadata as m; assert 'pip install qem-sdk' in m.metadata('qem-sdk').get_payload()"
  venv/bin/python -c "import pathlib, qem; assert (pathlib.Path(qem.__file__).parent / 'py.typed').is_file()"
  venv/bin/python -c "import aem_client, qem; print(qem.__version__)"
}
check "Python: the wheel alone in a new venv runs its first call, qem and aem_client" python_wheel

echo "install: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
