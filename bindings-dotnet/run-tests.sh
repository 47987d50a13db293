#!/usr/bin/env bash
# The .NET SDK's tests on Mono (Debian's mono-complete; no .NET SDK is needed): builds the
# C ABI's library and the mock, compiles the SDK and its tests with mcs, and runs every
# conformance case through P/Invoke, the hostile-name table, then the .NET-specific tests,
# against one qem-mock over HTTPS. The runner prints "N passed, N failed" last and must
# exit by itself (a program that used the async API and returns from Main ends).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"

. "$root/tests/mock/harness.sh"
need_packages "command -v mcs mono-complete" "command -v curl curl"

cargo build -p qem-c -p qem-mock
lib="$root/target/debug"
QEM_MOCK_BIN="$lib/qem-mock" start_mock

echo "== .NET SDK on Mono"
mcs -target:library -unsafe -nowarn:1591 -out:"$out/Qlik.EnterpriseManager.Client.dll" "$here"/src/*.cs
mcs -target:exe -r:"$out/Qlik.EnterpriseManager.Client.dll" -r:System.Net.dll -out:"$out/Tests.exe" "$here/tests/Tests.cs"
LD_LIBRARY_PATH="$lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" timeout 900 mono "$out/Tests.exe" "$base" "$ca" "$root/tests/conformance/cases" | tee "$out/net.log" || {
  echo ".NET runner failed or did not exit (status ${PIPESTATUS[0]})"; exit 1; }
net_summary="$(tail -1 "$out/net.log")"
echo ".NET: $net_summary"
case "$net_summary" in *" 0 failed") ;; *) exit 1 ;; esac
