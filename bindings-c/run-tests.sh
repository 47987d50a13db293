#!/usr/bin/env bash
# The C ABI's tests: builds the cdylib and the mock, checks the committed header, runs
# the C example, the C conformance runner (also under valgrind, on a subset) and the
# hostile-name table, against one qem-mock over HTTPS. (.NET: bindings-dotnet/run-tests.sh.)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"

. "$root/tests/mock/harness.sh"
need_packages "test -f /usr/include/cjson/cJSON.h libcjson-dev" "command -v valgrind valgrind" "command -v curl curl"

cargo build -p qem-c -p qem-mock
echo "== Rust tests: include/qem.h matches the code; callbacks on the callback thread"
cargo test -p qem-c

lib="$root/target/debug"
QEM_MOCK_BIN="$lib/qem-mock" start_mock

cflags=(-Wall -Wextra -Werror -g -I"$here/include")
ldflags=(-L"$lib" -lqem -Wl,-rpath,"$lib")
gcc "${cflags[@]}" "$here/examples/example.c" -o "$out/example" "${ldflags[@]}" -lpthread
gcc "${cflags[@]}" "$here/tests/conformance_runner.c" -o "$out/runner" "${ldflags[@]}" -lcjson

echo "== C example"
"$out/example" "$base" "$out/ca.pem"

echo "== C conformance runner"
"$out/runner" "$base" "$out/ca.pem" "$root"/tests/conformance/cases/*.json "$root"/tests/conformance/{cloud,kinetic,veeam}/*.json | tee "$out/c.log"
c_summary="$(tail -1 "$out/c.log")"

echo "== C: hostile names through every name argument of every operation, and invalid UTF-8"
"$out/runner" "$base" "$out/ca.pem" --hostile "$root/tests/conformance/hostile-names.json" | tee "$out/c-hostile.log"
c_hostile="$(tail -1 "$out/c-hostile.log")"

echo "== C conformance runner under valgrind (a subset)"
subset=()
for f in "$root"/tests/conformance/cases/{00[1-9],01[0-2],10[1-9],20[1-6],70*,718}*.json "$root"/tests/conformance/cloud/*.json; do
  [ -f "$f" ] && subset+=("$f")
done
valgrind --quiet --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect \
  --suppressions="$here/tests/valgrind.supp" --error-exitcode=1 "$out/runner" "$base" "$out/ca.pem" "${subset[@]}" >"$out/vg.log" 2>&1 || {
  cat "$out/vg.log"; echo "valgrind found errors or leaks"; exit 1; }
grep -E "passed, .* failed" "$out/vg.log" | sed 's/^/valgrind: /'

echo "== C example (blocking, async, cancel) under valgrind"
valgrind --quiet --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect \
  --suppressions="$here/tests/valgrind.supp" --error-exitcode=1 "$out/example" "$base" "$out/ca.pem" >"$out/vg-example.log" 2>&1 || {
  cat "$out/vg-example.log"; echo "valgrind found errors or leaks in the example"; exit 1; }
echo "valgrind: example clean"

echo "C: $c_summary; C hostile names: $c_hostile"
case "$c_summary$c_hostile" in *" 0 failed"*" 0 failed") ;; *) exit 1 ;; esac
