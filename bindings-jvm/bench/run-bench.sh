#!/usr/bin/env bash
# Builds what the benchmark needs in release (the mock, the core's core_loop example, the
# jar, through the runner's steps), then runs bench/Bench.kt against one mock; it writes
# bindings-jvm/BENCHMARKS.md. BENCH_CALLS (2000) sets the calls per round, BENCH_PASSES (5)
# the interleaved passes.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$here/.." && pwd)"
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
jvm="$root/target/jvm"
# The jar comes from the test runner's build (it also installs the JDK and kotlinc).
QEM_JVM_BUILD_ONLY=1 bash "$here/run-tests.sh" >/dev/null
(cd "$root" && cargo build -q --release -p qem-mock -p qem-core --example core_loop)
klib="$root/target/kotlin/node_modules/kotlin-compiler/lib"
deps="/usr/share/java/jna.jar:$klib/kotlinx-coroutines-core-jvm.jar:$klib/kotlin-stdlib.jar"
"$klib/../bin/kotlinc" -nowarn -cp "$jvm/qem-jvm.jar:$deps" -d "$jvm/bench.jar" "$here/bench/Bench.kt"
. "$root/tests/mock/harness.sh"
QEM_MOCK_BIN="$root/target/release/qem-mock" start_mock
java -Xmx512m -cp "$jvm/bench.jar:$jvm/qem-jvm.jar:$deps" BenchKt "$base" "$ca" "$here/BENCHMARKS.md" "$root/target/release/examples/core_loop"
