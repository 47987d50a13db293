'use strict'
// The package as users get it: `npm pack` makes a tarball of exactly the files the
// package needs; installed into a fresh project it loads, type-checks from there and runs
// scripts/smoke.js (connect, calls, export to a file, an error, close, exit by itself).
const { test } = require('node:test')
const assert = require('node:assert')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { spawnSync } = require('node:child_process')
const { MOCK_BIN } = require('./mock')

const PKG = path.join(__dirname, '..')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

function run (cmd, args, cwd, env = process.env) {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 120000 })
  assert.strictEqual(r.status, 0, `${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`)
  return r.stdout
}

test('npm pack makes a tarball that installs in a fresh project and works', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'qem-node-pack-'))
  try {
    const [packed] = JSON.parse(run(npm, ['pack', '--json', '--pack-destination', work, '--loglevel=error'], PKG))
    const files = packed.files.map((f) => f.path).sort()
    assert.deepStrictEqual(files, ['README.md', 'index.d.ts', 'index.js', 'methods.js', 'native.d.ts', 'native.js', 'package.json', 'qem-client.node'])

    const app = path.join(work, 'app')
    fs.mkdirSync(app)
    fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'fresh-app', version: '1.0.0', private: true }))
    run(npm, ['install', '--no-audit', '--no-fund', '--loglevel=error', path.join(work, packed.filename)], app)
    const installed = path.join(app, 'node_modules', 'qem-client')
    assert.ok(fs.existsSync(path.join(installed, 'qem-client.node')), 'the addon was not installed')

    // Loads from the installed copy, not from this checkout.
    const where = run(process.execPath, ['-p', "require.resolve('qem-client') + ' ' + typeof require('qem-client').AemClient.connect"], app).trim()
    assert.strictEqual(where, `${fs.realpathSync(path.join(installed, 'index.js'))} function`)

    // Its types resolve from the installed package.
    fs.writeFileSync(path.join(app, 'app.ts'), [
      "import { AemClient, AemClientError, TaskDetails } from 'qem-client'",
      'export async function main (): Promise<TaskDetails> {',
      "  const c = await AemClient.connect({ host: 'h', apiToken: 't' })",
      "  try { return await c.getTaskDetails('s', 't') } catch (e) { if (e instanceof AemClientError) console.log(e.errorCode); throw e } finally { await c.close() }",
      '}', ''
    ].join('\n'))
    fs.writeFileSync(path.join(app, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'commonjs', strict: true, noEmit: true, types: ['node'], typeRoots: [path.join(PKG, 'node_modules', '@types')] },
      files: ['app.ts']
    }))
    run(process.execPath, [path.join(PKG, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', app, '--pretty', 'false'], app)

    fs.copyFileSync(path.join(PKG, 'scripts', 'smoke.js'), path.join(app, 'smoke.js'))
    const out = run(process.execPath, ['smoke.js'], app, { ...process.env, QEM_MOCK_BIN: MOCK_BIN })
    assert.match(out, /smoke: 1 passed, 0 failed/)
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
  }
})
