#!/usr/bin/env bash
# The C ABI and .NET SDK tests: builds the cdylib and the mock, checks the committed
# header, runs the C example, the C conformance runner (also under valgrind, on a subset)
# and the .NET SDK's tests on Mono, against one qem-mock over HTTPS.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
need=()
command -v mcs >/dev/null 2>&1 || need+=(mono-complete)
[ -f /usr/include/cjson/cJSON.h ] || need+=(libcjson-dev)
command -v valgrind >/dev/null 2>&1 || need+=(valgrind)
command -v curl >/dev/null 2>&1 || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y "${need[@]}"
fi

cargo build -p qem-c -p qem-mock
echo "== Rust tests: include/qem.h matches the code; callbacks on the callback thread"
cargo test -p qem-c

out="$(mktemp -d)"
mock_pid=""
cleanup() {
  [ -n "$mock_pid" ] && kill "$mock_pid" 2>/dev/null || true
  rm -rf "$out"
}
trap cleanup EXIT

lib="$root/target/debug"
"$lib/qem-mock" --port 0 --cert-out "$out/ca.pem" >"$out/mock.log" 2>&1 &
mock_pid=$!
for _ in $(seq 100); do
  grep -q "listening on" "$out/mock.log" 2>/dev/null && break
  sleep 0.1
done
base="$(sed -n 's/^qem-mock listening on //p' "$out/mock.log" | head -1)"
[ -n "$base" ] || { cat "$out/mock.log"; echo "the mock did not start"; exit 1; }
echo "mock at $base"

cflags=(-Wall -Wextra -Werror -g -I"$here/include")
ldflags=(-L"$lib" -lqem -Wl,-rpath,"$lib")
gcc "${cflags[@]}" "$here/examples/example.c" -o "$out/example" "${ldflags[@]}" -lpthread
gcc "${cflags[@]}" "$here/tests/conformance_runner.c" -o "$out/runner" "${ldflags[@]}" -lcjson

echo "== C example"
"$out/example" "$base" "$out/ca.pem"

echo "== C conformance runner"
"$out/runner" "$base" "$out/ca.pem" "$root"/tests/conformance/cases/*.json | tee "$out/c.log"
c_summary="$(tail -1 "$out/c.log")"

echo "== C: hostile names through every name argument of every operation, and invalid UTF-8"
"$out/runner" "$base" "$out/ca.pem" --hostile "$root/tests/conformance/hostile-names.json" | tee "$out/c-hostile.log"
c_hostile="$(tail -1 "$out/c-hostile.log")"

echo "== C conformance runner under valgrind (a subset)"
subset=()
for f in "$root"/tests/conformance/cases/{00[1-9],01[0-2],10[1-9],20[1-6],70*,718}*.json; do
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

echo "== .NET SDK on Mono"
mcs -target:library -unsafe -nowarn:1591 -out:"$out/Qlik.EnterpriseManager.Client.dll" "$here"/dotnet/src/*.cs
mcs -target:exe -r:"$out/Qlik.EnterpriseManager.Client.dll" -r:System.Net.dll -out:"$out/Tests.exe" "$here/dotnet/tests/Tests.cs"
# The runner returns from Main and must exit by itself (a hang here is a failure too).
LD_LIBRARY_PATH="$lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" timeout 900 mono "$out/Tests.exe" "$base" "$out/ca.pem" "$root/tests/conformance/cases" | tee "$out/net.log" || {
  echo ".NET runner failed or did not exit (status ${PIPESTATUS[0]})"; exit 1; }
net_summary="$(tail -1 "$out/net.log")"

echo "C: $c_summary; C hostile names: $c_hostile; .NET: $net_summary"
case "$c_summary$c_hostile$net_summary" in *" 0 failed"*" 0 failed"*" 0 failed") ;; *) exit 1 ;; esac
