# Sourced by the shell test runners (bindings-c, bindings-dotnet): installs the Debian
# packages named, starts qem-mock from `$QEM_MOCK_BIN` over HTTPS in a temporary folder,
# and stops it on exit. Sets `out` (the folder, removed on exit), `base` (the mock's URL)
# and `ca` (its certificate).

need_packages() { # need_packages "test-command package" ...
  local SUDO="" need=() pair
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  for pair in "$@"; do
    # shellcheck disable=SC2086
    eval ${pair% *} >/dev/null 2>&1 || need+=("${pair##* }")
  done
  if [ ${#need[@]} -gt 0 ]; then
    $SUDO apt-get update
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y "${need[@]}"
  fi
}

start_mock() {
  out="$(mktemp -d)"
  mock_pid=""
  trap '[ -n "$mock_pid" ] && kill "$mock_pid" 2>/dev/null; rm -rf "$out"' EXIT
  "$QEM_MOCK_BIN" --port 0 --cert-out "$out/ca.pem" >"$out/mock.log" 2>&1 &
  mock_pid=$!
  for _ in $(seq 100); do
    grep -q "listening on" "$out/mock.log" 2>/dev/null && break
    sleep 0.1
  done
  base="$(sed -n 's/^qem-mock listening on //p' "$out/mock.log" | head -1)"
  [ -n "$base" ] || { cat "$out/mock.log"; echo "the mock did not start"; exit 1; }
  ca="$out/ca.pem"
  echo "mock at $base"
}
