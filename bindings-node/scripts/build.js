'use strict'
// Builds the addon with cargo and copies it next to native.js as qem-client.node (its
// methods.js and index.d.ts are generated and committed: `cargo run -p qem-codegen`).
// `node scripts/build.js --debug` builds the dev profile instead; `--test-hooks` builds
// the tests' addon (with the panic hooks) into test/qem-client-test.node.
const { spawnSync } = require('node:child_process')
const fs = require('node:fs')
const path = require('node:path')

const root = path.join(__dirname, '..')
const release = !process.argv.includes('--debug')
const args = ['build', '-p', 'qem-node', '--message-format=json-render-diagnostics']
if (release) args.push('--release')
const hooks = process.argv.includes('--test-hooks')
if (hooks) args.push('--features', 'test-hooks')
const r = spawnSync('cargo', args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 256 << 20 })
if (r.status !== 0) process.exit(r.status || 1)
let artifact
for (const line of r.stdout.split('\n')) {
  if (!line.startsWith('{')) continue
  const msg = JSON.parse(line)
  if (msg.reason === 'compiler-artifact' && msg.target && msg.target.name === 'qem_node') {
    artifact = msg.filenames.find((f) => /\.(so|dylib|dll)$/.test(f)) || artifact
  }
}
if (!artifact) {
  console.error('cargo did not report the qem_node library')
  process.exit(1)
}
const target = hooks ? path.join(root, 'test', 'qem-client-test.node') : path.join(root, 'qem-client.node')
fs.rmSync(target, { force: true })
fs.copyFileSync(artifact, target)
console.log(`built ${path.relative(root, target)} from ${artifact}`)
