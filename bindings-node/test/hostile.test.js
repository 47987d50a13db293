'use strict'
// Hostile names (tests/conformance/hostile-names.json) through every name argument of
// every operation: each either reaches the server as exactly one segment of the method
// called, or is refused with INVALID_ARGUMENT before anything is sent.
const { test, before, after } = require('node:test')
const assert = require('node:assert')
const fs = require('node:fs')
const path = require('node:path')
const { AemClient, operations } = require('..')
const { startMock, ROOT } = require('./mock')

const TABLE = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'conformance', 'hostile-names.json'), 'utf8'))
const NAME_ARGS = ['server', 'task', 'endpoint']
// What JavaScript strings can hold and UTF-8 cannot: refused by the core, naming the argument.
const SURROGATES = ['\ud800', 'a\udfffb']
const expand = (e) => (typeof e === 'string' ? e : e.repeat.repeat(e.times))

let mock
before(async () => { mock = await startMock() })
after(async () => { await mock.stop() })

const argNames = (op) => op.args.map((a) => a.name)

function baseArgs (op) {
  const args = {}
  for (const a of argNames(op)) if (a in TABLE.base_args) args[a] = TABLE.base_args[a]
  if (op.method in TABLE.payloads) args.payload = TABLE.payloads[op.method]
  return args
}

for (const op of operations) {
  for (const arg of NAME_ARGS.filter((a) => argNames(op).includes(a))) {
    test(`${op.method} ${arg}`, async () => {
      await mock.control('POST', '/mock/reset')
      const client = await AemClient.connect({ ...mock.options(), maxRetries: 0 })
      try {
        const names = [
          ...TABLE.refused.map(expand).concat(SURROGATES).map((n) => [n, true]),
          ...TABLE.sent.map(expand).map((n) => [n, false])
        ]
        for (const [name, refused] of names) {
          const shown = JSON.stringify(name.slice(0, 20))
          await mock.control('DELETE', '/mock/requests')
          let error = null
          try {
            await client.call(op.method, { ...baseArgs(op), [arg]: name })
          } catch (e) {
            error = e
          }
          const log = await mock.control('GET', '/mock/requests')
          if (refused) {
            assert.ok(error, `${op.method}(${arg}=${shown}) was not refused`)
            assert.strictEqual(error.name, 'AemClientError', error.stack)
            assert.strictEqual(error.errorCode, 'INVALID_ARGUMENT', error.message)
            assert.ok(error.message.includes(`\`${arg}\``), error.message)
            assert.deepStrictEqual(log, [], `${op.method}(${arg}=${shown}) sent ${JSON.stringify(log)}`)
          } else {
            if (error) assert.notStrictEqual(error.errorCode, 'INVALID_ARGUMENT', error.message)
            const seen = log.filter((r) => r.operation !== 'login')
            assert.strictEqual(seen.length, 1, `${op.method}(${arg}=${shown}): ${JSON.stringify(seen)}`)
            assert.strictEqual(seen[0].operation, op.method)
            assert.strictEqual(seen[0].names[arg], name, `${shown} arrived as ${JSON.stringify(seen[0].names)}`)
          }
        }
      } finally {
        await client.close().catch(() => {})
      }
    })
  }
}

test('typed methods refuse the same names', async () => {
  await mock.control('POST', '/mock/reset')
  const client = await AemClient.connect(mock.options())
  try {
    await mock.control('DELETE', '/mock/requests')
    for (const name of ['.', '..', '\ud800']) {
      await assert.rejects(client.getTaskDetails('Local Server', name), { errorCode: 'INVALID_ARGUMENT' })
      await assert.rejects(client.deleteEndpoint(name, 'Oracle Source'), { errorCode: 'INVALID_ARGUMENT' })
    }
    assert.deepStrictEqual(await mock.control('GET', '/mock/requests'), [])
  } finally {
    await client.close()
  }
})

// Every argument that takes text, and the payloads: a lone surrogate anywhere is refused
// by the core with the argument named, and nothing is sent.
test('a lone surrogate in any argument is refused naming it', async () => {
  await mock.control('POST', '/mock/reset')
  const client = await AemClient.connect({ ...mock.options(), maxRetries: 0 })
  try {
    let checked = 0
    for (const op of operations) {
      for (const arg of argNames(op)) {
        const base = baseArgs(op)
        if (arg === 'payload') {
          if (!(op.method in TABLE.payloads)) continue
          const p = TABLE.payloads[op.method]
          base.payload = typeof p === 'string' ? `${p}\ud800` : { note: 'a\udfffb', doc: p }
        } else if (typeof (TABLE.base_args[arg] ?? 'text') === 'string') {
          base[arg] = 'x\ud800'
        } else {
          continue
        }
        await mock.control('DELETE', '/mock/requests')
        await assert.rejects(client.call(op.method, base), (e) => {
          assert.strictEqual(e.errorCode, 'INVALID_ARGUMENT', e.message)
          assert.ok(e.message.includes(`\`${arg}\``), e.message)
          return true
        })
        assert.deepStrictEqual(await mock.control('GET', '/mock/requests'), [])
        checked++
      }
    }
    assert.ok(checked > 60, `${checked} arguments checked`)
    await assert.rejects(client.getTableList('Local Server', 'SalesDBBackup', { schema: '\ud800' }), (e) => e.message.includes('`schema`'))
    await assert.rejects(client.exportAuditTrail('2024-01-01T00:00:00', { endTimestamp: 'a\udfff' }), (e) => e.message.includes('`end_timestamp`'))
  } finally {
    await client.close()
  }
})
