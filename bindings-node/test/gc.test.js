'use strict'
// A client dropped without close() is garbage collected, and its native side is released:
// the core logs its session out in the background. A client with a pending call stays
// alive until the call settles. Runs test/gc-child.js under `node --expose-gc` and checks
// what it saw against the mock's request log.
const { test, before, after } = require('node:test')
const assert = require('node:assert')
const path = require('node:path')
const readline = require('node:readline')
const { spawn } = require('node:child_process')
const { startMock } = require('./mock')

const CLIENTS = 20
let mock
before(async () => { mock = await startMock() })
after(async () => { await mock.stop() })

/** The session tokens of the requests in the mock's log, and those that were logged out. */
async function sessions () {
  const log = await mock.control('GET', '/mock/requests')
  const used = new Set()
  const loggedOut = new Set()
  for (const r of log) {
    const h = r.headers.find(([name]) => /sessionid$/i.test(name))
    if (!h) continue
    if (r.path.endsWith('/logout')) loggedOut.add(h[1])
    else used.add(h[1])
  }
  return { used, loggedOut }
}

test('clients dropped without close() are collected and log out; pending calls keep theirs alive', async (t) => {
  await mock.control('POST', '/mock/reset')
  await mock.control('DELETE', '/mock/requests')
  const child = spawn(process.execPath, ['--expose-gc', path.join(__dirname, 'gc-child.js')], {
    env: { ...process.env, QEM_TEST_OPTIONS: JSON.stringify(mock.options()), QEM_GC_CLIENTS: String(CLIENTS) },
    stdio: ['pipe', 'pipe', 'inherit']
  })
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)))
  const kill = setTimeout(() => child.kill(), 30000)
  try {
    const line = await new Promise((resolve, reject) => {
      readline.createInterface({ input: child.stdout }).once('line', resolve)
      exited.then((c) => reject(new Error(`gc-child exited (${c}) before reporting`)))
    })
    const seen = JSON.parse(line)
    t.diagnostic(line)
    assert.strictEqual(seen.collected, CLIENTS, `only ${seen.collected} of ${CLIENTS} dropped clients were collected`)
    assert.strictEqual(seen.pendingOutcome, 'WAIT_TIMEOUT', 'the call of a dropped client did not settle as it should')
    assert.strictEqual(seen.pendingCollectedEarly, false, 'a client was collected while its call was pending')
    assert.strictEqual(seen.pendingCollectedAfter, true, 'the client was not collected after its call settled')

    // Collected clients release their core client, which logs out in the background.
    const expected = CLIENTS + 1
    let s
    for (let i = 0; i < 100; i++) {
      s = await sessions()
      if (s.loggedOut.size >= expected) break
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    assert.strictEqual(s.used.size, expected, 'sessions the clients used')
    const notOut = [...s.used].filter((x) => !s.loggedOut.has(x))
    assert.deepStrictEqual(notOut, [], `${notOut.length} of ${expected} sessions were never logged out`)

    // Nothing was closed, and the process still exits by itself.
    child.stdin.end()
    assert.strictEqual(await exited, 0)
  } finally {
    clearTimeout(kill)
    child.kill()
  }
})
