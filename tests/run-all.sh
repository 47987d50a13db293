#!/usr/bin/env bash
# Every test of the project, on a fresh machine: installs what it needs, then runs the
# Rust core's unit and integration tests, the mock's tests and the shared conformance
# cases, then each binding's tests. Exits non-zero on the first failing suite.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"

section() { printf '\n==== %s ====\n' "$*"; }

section "Rust: core, mock and the shared conformance cases"
cargo test --workspace 2>&1

for suite in bindings-python/run-tests.sh bindings-node/run-tests.sh bindings-c/run-tests.sh; do
  if [ -f "$suite" ]; then
    section "$suite"
    bash "$suite"
  fi
done
section "all suites passed"
