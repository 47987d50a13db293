#!/usr/bin/env bash
# Per-call time through the C ABI and through .NET (Mono) against the Rust core, over
# HTTPS to the mock, in one run; writes bindings-c/BENCHMARKS.md. Not a test.
# Needs gcc and Mono (bindings-c/run-tests.sh installs them).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$here/.." && pwd)"
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
cd "$root"
cargo build -q --release -p qem-c -p qem-mock
cargo build -q --release -p qem-core --example core_loop
lib="$root/target/release"
out="$(mktemp -d)"
mock_pid=""
cleanup() { [ -n "$mock_pid" ] && kill "$mock_pid" 2>/dev/null || true; rm -rf "$out"; }
trap cleanup EXIT

gcc -O2 -Wall -Wextra -Werror -I"$here/include" "$here/bench/bench.c" -o "$out/bench" -L"$lib" -lqem -Wl,-rpath,"$lib" -lpthread
mcs -target:library -nowarn:1591 -optimize+ -out:"$out/Qlik.EnterpriseManager.Client.dll" "$here"/dotnet/src/*.cs
mcs -target:exe -optimize+ -r:"$out/Qlik.EnterpriseManager.Client.dll" -out:"$out/Bench.exe" "$here/bench/Bench.cs"

"$lib/qem-mock" --port 0 --cert-out "$out/ca.pem" >"$out/mock.log" 2>&1 &
mock_pid=$!
for _ in $(seq 100); do grep -q "listening on" "$out/mock.log" 2>/dev/null && break; sleep 0.1; done
base="$(sed -n 's/^qem-mock listening on //p' "$out/mock.log" | head -1)"
[ -n "$base" ] || { cat "$out/mock.log"; echo "the mock did not start"; exit 1; }

rounds="${BENCH_ROUNDS:-20}"
per="${BENCH_PER_ROUND:-200}"
core() { "$lib/examples/core_loop" "$base" "$out/ca.pem" "$((rounds * per / 3))" "$@"; }
min() { awk -v a="$1" -v b="$2" 'BEGIN { print (a < b ? a : b) }'; }
# The core's own loop in a process of its own, before and after the bindings (best of both).
core1="$(core blocking)"; many1="$(core concurrent)"
read -r c_sync c_async < <("$out/bench" "$base" "$out/ca.pem" "$rounds" "$per")
read -r n_sync n_async n_many < <(LD_LIBRARY_PATH="$lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" mono "$out/Bench.exe" "$base" "$out/ca.pem" "$rounds" "$per")
core2="$(core blocking)"; many2="$(core concurrent)"
core_us="$(min "$core1" "$core2")"
core_many="$(min "$many1" "$many2")"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

cat >"$here/BENCHMARKS.md" <<MD
# C ABI and .NET SDK benchmarks

Produced by \`bindings-c/bench/run-bench.sh\` (one run, this machine: $(nproc) cores, $(mono --version | head -1 | sed 's/ (.*//')); the mock Enterprise Manager over HTTPS on the same machine. Ratios matter; absolute numbers vary.

## Sequential get_task_details (per call)

The bindings' figures are the best of $rounds rounds of $per calls, blocking and async rounds alternating; the core's is its own loop (\`core/examples/core_loop.rs\`, blocking client, best of 3) run before and after them.

| path | per call |
|---|---|
| Rust core, blocking client, generic entry | $core_us µs |
| C ABI, \`qem_client_call\` (blocking) | $c_sync µs |
| C ABI, \`qem_client_call_async\` + callback, awaited one by one | $c_async µs |
| .NET, \`GetTaskDetails\` (typed answer) | $n_sync µs |
| .NET, \`await GetTaskDetailsAsync\` one by one | $n_async µs |

- C ABI / core: **$(ratio "$c_sync" "$core_us")×** blocking, **$(ratio "$c_async" "$core_us")×** async
- .NET / core: **$(ratio "$n_sync" "$core_us")×** blocking, **$(ratio "$n_async" "$core_us")×** async

## 1,000 concurrent get_task_details (best of 5)

| path | wall time |
|---|---|
| Rust core, all at once (at most 64 on the wire) | $core_many ms |
| .NET, \`Task.WaitAll\` of 1,000 \`GetTaskDetailsAsync\` | $n_many ms |

- .NET / core: **$(ratio "$n_many" "$core_many")×**
MD
cat "$here/BENCHMARKS.md"
