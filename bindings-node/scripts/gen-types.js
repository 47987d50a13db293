'use strict'
// Writes index.d.ts: the hand-written header (the class around the methods) followed by
// the declarations the addon's build.rs generated from the core's Rust definitions.
// `node scripts/gen-types.js --check` fails when index.d.ts is stale instead.
const fs = require('node:fs')
const path = require('node:path')

const root = path.join(__dirname, '..')
const native = require(path.join(root, 'native.js'))
const text = fs.readFileSync(path.join(__dirname, 'header.d.ts'), 'utf8') + native.typescriptDeclarations()
const target = path.join(root, 'index.d.ts')
if (process.argv.includes('--check')) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : ''
  if (current !== text) {
    console.error('index.d.ts is stale: run `node scripts/gen-types.js`')
    process.exit(1)
  }
} else {
  fs.writeFileSync(target, text)
}
