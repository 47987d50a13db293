#!/usr/bin/env bash
# Tests of the Node binding on a fresh machine (Rust, Node 20, npm): installs the dev
# dependencies, builds the addon and the mock, runs `node --test` (conformance cases and
# Node-specific tests, TAP with "# pass N" / "# fail N"), type-checks the example
# consumer, then packs the package, installs the tarball into a fresh project and runs a
# smoke script there.
set -euo pipefail
cd "$(dirname "$0")"
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"

echo "== npm ci"
npm ci --no-audit --no-fund --loglevel=error

echo "== build the addon (release) and index.d.ts"
npm run build --silent

echo "== build the mock"
(cd .. && cargo build -p qem-mock --quiet)
export QEM_MOCK_BIN="$PWD/../target/debug/qem-mock"

echo "== node --test"
node --test --test-reporter=tap test/*.test.js

echo "== tsc --noEmit on examples/consumer.ts"
npx --no-install tsc --noEmit -p examples

echo "== npm pack, install into a fresh project, smoke test"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tarball=$(npm pack --silent --pack-destination "$work" | tail -n 1)
mkdir "$work/app"
cp scripts/smoke.js "$work/app/"
(
  cd "$work/app"
  npm init -y >/dev/null
  npm install --no-audit --no-fund --loglevel=error "$work/$tarball"
  node smoke.js
)
