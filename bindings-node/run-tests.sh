#!/usr/bin/env bash
# Tests of the Node binding on a fresh machine (Rust, Node 20, npm): installs the dev
# dependencies, lints the JavaScript (biome), builds the addon and the mock, type-checks the example consumer, then runs
# `node --test` (TAP, ending with "# pass N" / "# fail N"): the shared conformance cases
# (conformance.test.js), the Node-specific tests (node.test.js), garbage collection of
# dropped clients under --expose-gc (gc.test.js), and the packed tarball installed into a
# fresh project, type-checked and run there (pack.test.js).
set -euo pipefail
cd "$(dirname "$0")"
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"

echo "== npm ci"
npm ci --no-audit --no-fund --loglevel=error

echo "== biome lint (biome.json: the recommended rules; JS and the example's TS)"
npx --no-install biome lint .

echo "== build the addon (release), and the tests' build with the panic hooks"
npm run build --silent
node scripts/build.js --test-hooks

echo "== build the mock"
(cd .. && cargo build -p qem-mock --quiet)
export QEM_MOCK_BIN="$PWD/../target/debug/qem-mock"

echo "== tsc --noEmit on examples/consumer.ts"
npx --no-install tsc --noEmit -p examples

echo "== node --test"
node --test --test-reporter=tap test/*.test.js
