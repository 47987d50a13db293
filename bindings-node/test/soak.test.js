'use strict'
// The soak under faults (issue 11), through the Node binding: see soak-child.js. The
// child must end by itself, with its pending work done and nothing left holding the loop.
const { test } = require('node:test')
const assert = require('node:assert')
const { spawnSync } = require('node:child_process')
const fs = require('node:fs')
const path = require('node:path')
const { ROOT } = require('./mock')

test('soak: no read fails, no state change happens twice, the process ends cleanly', () => {
  const done = spawnSync(process.execPath, [path.join(__dirname, 'soak-child.js')], { encoding: 'utf8', timeout: 180000 })
  assert.strictEqual(done.status, 0, `the soak process did not end cleanly (${done.status} ${done.signal}): ${done.stderr}`)
  const r = JSON.parse(done.stdout.trim().split('\n').pop())
  assert.strictEqual(r.readFailed, 0, JSON.stringify(r.readFailures))
  assert.deepStrictEqual(r.foreign, [])
  assert.deepStrictEqual(r.appliedTwice, [])
  assert.deepStrictEqual(r.resent, [])
  assert.ok(r.deletesLogged > 100, JSON.stringify(r))
  assert.ok(r.clonesLogged * 10 >= r.changes * 9, JSON.stringify(r))
  const s = r.stats
  for (const k of ['faulted', 'dropped', 'lost', 'expired_sessions']) assert.ok(s[k] > 0, `no ${k}: ${JSON.stringify(s)}`)
  assert.ok(s.logins > 10, JSON.stringify(s))
  const failed = Object.values(r.changeFailures).reduce((a, b) => a + b, 0)
  const line = `soak (Node): ${r.calls} calls (${r.reads} reads, ${r.changes} clone/delete pairs) by up to 200 concurrent promises on one client in ${r.seconds} s; ` +
    `${s.requests} requests, ${s.faulted} x 503, ${s.dropped} dropped, ${s.lost} lost, ${s.expired_sessions} sessions expired, ${s.logins} logins; ` +
    `read failures 0, state changes failed ${failed} ${JSON.stringify(r.changeFailures)} (never repeated), sent twice ${r.resentCount}, applied twice ${r.appliedTwiceCount}, exit 0`
  console.log(line)
  fs.mkdirSync(path.join(ROOT, 'target'), { recursive: true })
  fs.writeFileSync(path.join(ROOT, 'target', 'soak-node.txt'), `${line}\n`)
})
