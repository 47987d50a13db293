#!/usr/bin/env bash
# Builds what the benchmark needs in release (the mock, the core's core_loop example,
# the addon), then runs bench/bench.js, which writes bindings-node/BENCHMARKS.md.
# BENCH_CALLS (2000) sets the calls per round, BENCH_PASSES (5) the interleaved passes.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
(cd "$here/.." && cargo build -q --release -p qem-mock)
(cd "$here/.." && cargo build -q --release -p qem-core --example core_loop)
(cd "$here" && node scripts/build.js)
node "$here/bench/bench.js"
