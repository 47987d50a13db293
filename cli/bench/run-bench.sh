#!/usr/bin/env bash
# Builds the release qem binary and runs bench.py (writes cli/BENCHMARKS.md).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
(cd "$root" && cargo build -q --release -p qem-cli)
python3 "$root/cli/bench/bench.py" "$root/target/release/qem"
