#!/usr/bin/env bash
# Builds the addon (release) and the mock, then runs bench/bench.js (writes BENCHMARKS.md).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
cd "$here"
[ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error
npm run build --silent
(cd .. && cargo build -q --release -p qem-mock)
QEM_MOCK_BIN="$here/../target/release/qem-mock" node bench/bench.js
