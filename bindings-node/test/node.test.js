'use strict'
// Node-specific behaviour: every core operation exposed, concurrency without blocking the
// event loop, close, error mapping, argument checks, panics, streaming to and from files.
const { test, before, after } = require('node:test')
const assert = require('node:assert')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const net = require('node:net')
const { spawnSync, spawn } = require('node:child_process')
const { performance } = require('node:perf_hooks')
const { AemClient, AemClientError, operations, methods } = require('..')
const native = require('../native.js')
// The tests' build of the addon, with the panic hooks the shipped one leaves out.
const hooked = require('./qem-client-test.node')
const { startMock } = require('./mock')

const PKG = path.join(__dirname, '..')
const SERVER = 'Local Server'
const TASK = 'SalesDBBackup'
let mock
let client

before(async () => {
  mock = await startMock()
  client = await AemClient.connect(mock.options())
})
after(async () => {
  await client.close()
  await mock.stop()
})

const camel = (s) => s.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase())

test('every core operation is a camelCase method', () => {
  assert.ok(operations.length >= 36)
  for (const op of operations) {
    assert.strictEqual(typeof AemClient.prototype[camel(op.method)], 'function', op.method)
  }
  // Every helper of the description is typed too.
  for (const h of JSON.parse(native.describeOperations()).services[0].helpers) {
    assert.strictEqual(typeof AemClient.prototype[camel(h.name)], 'function', h.name)
  }
  for (const m of methods) assert.strictEqual(typeof AemClient.prototype[m.name], 'function', m.name)
  for (const name of ['waitForTaskState', 'runTaskAndWait', 'stopTaskAndWait', 'exportTaskToFile',
    'exportAllToFile', 'exportAuditTrailToFile', 'importTaskFromFile', 'importAllFromFile', 'close']) {
    assert.strictEqual(typeof AemClient.prototype[name], 'function', name)
  }
})

test('index.d.ts declares every method and the example uses every method', () => {
  const consumer = fs.readFileSync(path.join(PKG, 'examples', 'consumer.ts'), 'utf8')
  for (const m of methods) assert.match(consumer, new RegExp(`\\.${m.name}\\(`), `examples/consumer.ts does not call ${m.name}`)
  const dts = fs.readFileSync(path.join(PKG, 'index.d.ts'), 'utf8')
  for (const m of methods) assert.match(dts, new RegExp(`^  ${m.name}\\(`, 'm'), m.name)
})

test('the helpers are typed methods answering their reports', async () => {
  const names = await client.selectTasks(SERVER, { all: true })
  assert.ok(Array.isArray(names) && names.includes(TASK), String(names))
  const snapshot = await client.snapshotTaskStates(SERVER)
  assert.strictEqual(snapshot.server, SERVER)
  assert.ok(snapshot.tasks.some((t) => t.name === TASK && typeof t.state === 'string'))
  const metrics = await client.prometheusMetrics(SERVER, { names: [TASK] })
  assert.strictEqual(typeof metrics, 'string')
  assert.ok(metrics.includes(TASK))
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qem-node-backup-'))
  try {
    const saved = await client.backup(dir, { servers: SERVER })
    assert.ok(saved.items.some((i) => i.server === SERVER && i.task === TASK && i.bytes > 0), JSON.stringify(saved))
    assert.strictEqual(saved.failed, 0)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
  // A name no task has is a failed item of the report: the options reached the core as given.
  const report = await client.runTasks(SERVER, { names: 'No Such Task', wait: false })
  assert.strictEqual(report.succeeded, 0)
  assert.strictEqual(report.failed, 1)
  assert.deepStrictEqual([report.tasks[0].task, report.tasks[0].error_code], ['No Such Task', 'NOT_FOUND'])
})

test('answers are plain objects with wire field names', async () => {
  const list = await client.getServerList()
  assert.strictEqual(Object.getPrototypeOf(list), Object.prototype)
  assert.ok(Array.isArray(list.serverList))
  assert.strictEqual(list.serverList[0].name, SERVER)
  const details = await client.getTaskDetails(SERVER, TASK)
  assert.strictEqual(details.name, TASK)
  assert.ok('source_endpoint' in details)
  const tables = await client.getTableStatuses(SERVER, TASK, { schema: 'SALES', includecompleted: true })
  assert.ok(Array.isArray(tables.table_details))
  assert.strictEqual(await client.logout(), undefined)
})

test('1,000 concurrent calls complete while a timer keeps ticking', async (t) => {
  const ticks = []
  const timer = setInterval(() => ticks.push(performance.now()), 10)
  try {
    const started = performance.now()
    const pending = Array.from({ length: 1000 }, (_, i) =>
      i % 2 ? client.getTaskDetails(SERVER, TASK) : client.getServerList())
    // Issuing them is this test's own synchronous loop; from here on only answers run.
    const issued = performance.now()
    const answers = await Promise.all(pending)
    const ended = performance.now()
    // The longest the timer waited beyond its 10 ms while the answers came in.
    let maxLate = 0
    let prev = started
    for (const at of [...ticks, ended]) {
      if (at > issued) maxLate = Math.max(maxLate, at - Math.max(prev + 10, issued))
      prev = at
    }
    const during = ticks.filter((at) => at > issued).length
    t.diagnostic(`1,000 calls: issued in ${(issued - started).toFixed(1)} ms, answered ${(ended - issued).toFixed(0)} ms later; ` +
      `${during} ticks meanwhile, at most ${maxLate.toFixed(1)} ms late`)
    assert.strictEqual(answers.length, 1000)
    assert.strictEqual(answers[1].name, TASK)
    assert.strictEqual(answers[0].serverList[0].name, SERVER)
    // Non-blocking, not speed: the timer kept its schedule while the calls ran. A binding
    // that blocked for its calls would show one gap as long as all of them; a loaded
    // machine (or a garbage collection) may delay a tick by some tens of ms.
    const answering = ended - issued
    assert.ok(maxLate < Math.max(100, answering / 4), `the event loop stalled for ${maxLate.toFixed(0)} ms of ${answering.toFixed(0)} ms`)
    assert.ok(during >= Math.floor(answering / 10 / 3), `only ${during} ticks in ${answering.toFixed(0)} ms`)
  } finally {
    clearInterval(timer)
  }
})

test('maxConcurrentRequests bounds the requests on the wire', async () => {
  await mock.control('PUT', '/mock/faults', { latency_ms: 30 })
  await mock.control('DELETE', '/mock/stats')
  try {
    const c = await AemClient.connect({ ...mock.options(), maxConcurrentRequests: 2 })
    await Promise.all(Array.from({ length: 8 }, () => c.getServerList()))
    await c.close()
    const stats = await mock.control('GET', '/mock/stats')
    assert.strictEqual(stats.peak_in_flight, 2)
  } finally {
    await mock.control('PUT', '/mock/faults', { latency_ms: 0 })
  }
  await assert.rejects(AemClient.connect({ ...mock.options(), maxConcurrentRequests: 0 }), (e) => e.errorCode === 'INVALID_ARGUMENT')
})

test('a closed client rejects with CLIENT_CLOSED', async () => {
  const c = await AemClient.connect(mock.options())
  await c.getServerList()
  await c.close()
  await c.close()
  assert.strictEqual(c.closed, true)
  await assert.rejects(c.getTaskList(SERVER), (e) => {
    assert.ok(e instanceof AemClientError)
    assert.strictEqual(e.errorCode, 'CLIENT_CLOSED')
    assert.strictEqual(e.method, 'getTaskList')
    assert.match(e.message, /closed/)
    return true
  })
  await assert.rejects(c.call('get_server_list'), { errorCode: 'CLIENT_CLOSED' })
})

test('the addon\'s thread sleeps while a client is idle or waits on a slow server', async () => {
  // The runtime thread polls without sleeping for a moment after its last work (see
  // `SPIN` in src/lib.rs); it must then sleep, idle or not. CPU time of the whole
  // process (every thread) over a stretch of wall time: a thread that kept spinning
  // would use about all of it.
  const cpuOver = async (work) => {
    const t = performance.now()
    const c = process.cpuUsage()
    await work()
    const used = process.cpuUsage(c)
    return { cpuMs: (used.user + used.system) / 1000, wallMs: performance.now() - t }
  }
  await client.getServerList()
  const idle = await cpuOver(() => new Promise((resolve) => setTimeout(resolve, 600)))
  assert.ok(idle.cpuMs < idle.wallMs * 0.25, `idle: ${idle.cpuMs} ms of CPU in ${idle.wallMs} ms`)
  await mock.control('PUT', '/mock/faults', { latency_ms: 600 })
  try {
    const slow = await cpuOver(() => client.getServerList())
    assert.ok(slow.wallMs >= 550, `the mock's delay did not apply (${slow.wallMs} ms)`)
    assert.ok(slow.cpuMs < slow.wallMs * 0.25, `waiting: ${slow.cpuMs} ms of CPU in ${slow.wallMs} ms`)
  } finally {
    await mock.control('PUT', '/mock/faults', { latency_ms: 0 })
  }
})

test('the process exits by itself after close()', async () => {
  const script = `
    const { AemClient } = require(${JSON.stringify(PKG)})
    ;(async () => {
      const c = await AemClient.connect(${JSON.stringify(mock.options())})
      await Promise.all([c.getServerList(), c.getTaskList('Local Server')])
      await c.close()
      console.log('closed')
    })().catch((e) => { console.error(e); process.exit(2) })`
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout.on('data', (d) => { out += d })
  const code = await new Promise((resolve, reject) => {
    const t = setTimeout(() => { child.kill(); reject(new Error('the process did not exit within 15 s of close()')) }, 15000)
    child.on('exit', (c) => { clearTimeout(t); resolve(c) })
  })
  assert.strictEqual(code, 0)
  assert.match(out, /closed/)
})

test('a server error maps to AemClientError with code, status and method', async () => {
  await assert.rejects(client.getTaskDetails(SERVER, 'NoSuchTask'), (e) => {
    assert.ok(e instanceof AemClientError)
    assert.ok(e instanceof Error)
    assert.strictEqual(e.name, 'AemClientError')
    assert.match(e.errorCode, /NOT_FOUND/)
    assert.strictEqual(typeof e.httpStatus, 'number')
    assert.ok(e.httpStatus >= 400)
    assert.strictEqual(e.method, 'getTaskDetails')
    assert.strictEqual(e.operation, 'GetTaskDetails')
    return true
  })
  await assert.rejects(client.runTask(SERVER, TASK, 'RESUME_PROCESSING_FROM_POSITION'), {
    name: 'AemClientError', errorCode: 'INVALID_ARGUMENT', httpStatus: null, method: 'runTask'
  })
  await assert.rejects(client.call('no_such_method', {}), { errorCode: 'INVALID_ARGUMENT', method: 'noSuchMethod' })
})

test('a connection error to a closed port maps to CONNECTION_ERROR', async () => {
  const port = await new Promise((resolve) => {
    const srv = net.createServer()
    srv.listen(0, '127.0.0.1', () => { const p = srv.address().port; srv.close(() => resolve(p)) })
  })
  await assert.rejects(AemClient.connect({ ...mock.options(), host: '127.0.0.1', port, maxRetries: 0 }), (e) => {
    assert.ok(e instanceof AemClientError)
    assert.strictEqual(e.errorCode, 'CONNECTION_ERROR')
    assert.strictEqual(e.httpStatus, null)
    assert.strictEqual(e.method, 'login')
    return true
  })
})

test('missing or mistyped arguments reject with a TypeError naming the argument', async () => {
  const cases = [
    [() => client.getTaskDetails(SERVER), /`task` is required/],
    [() => client.getTaskDetails(42, TASK), /`server` must be a string/],
    [() => client.getTaskDetails(null, TASK), /`server` is required/],
    [() => client.runTask(SERVER, TASK), /`option` is required/],
    [() => client.runTask(SERVER, TASK, 'RESUME_PROCESSING', { timeout: '30' }), /`timeout` must be a non-negative integer/],
    [() => client.runTask(SERVER, TASK, 'RESUME_PROCESSING', { timeout: -1 }), /`timeout`/],
    [() => client.runTask(SERVER, TASK, 'RESUME_PROCESSING', { bogus: 1 }), /unknown option `bogus`/],
    [() => client.runTask(SERVER, TASK, 'RESUME_PROCESSING', 'fast'), /`options` must be an object/],
    [() => client.deleteTask(SERVER, TASK, { deletetasklogs: 'yes' }), /`deletetasklogs` must be a boolean/],
    [() => client.cloneTask(SERVER, TASK), /`payload` is required/],
    [() => client.cloneTask(SERVER, TASK, 7), /`payload` must be an object/],
    [() => client.patchEndpoint(SERVER, 'x', {}), /`payload` must be an array/],
    [() => client.waitForTaskState(SERVER, TASK, []), /`states`/],
    [() => client.exportTaskToFile(SERVER, TASK), /`path` is required/],
    [() => client.getServerList(1, 2), /at most/],
    [() => client.call(12), /`method`/],
    [() => client.call('get_server_list', 'x'), /`args`/],
    [() => AemClient.connect(), /`options`/],
    [() => AemClient.connect({ port: 443, username: 'u', password: 'p' }), /`host`/],
    [() => AemClient.connect({ host: 'h', port: '443', username: 'u', password: 'p' }), /`port`/],
    [() => AemClient.connect({ host: 'h' }), /exactly one credential/],
    [() => AemClient.connect({ host: 'h', apiToken: 't', jwt: 'j' }), /exactly one credential/],
    [() => AemClient.connect({ host: 'h', username: 'u' }), /`password`/],
    [() => AemClient.connect({ host: 'h', jwt: 'j', verifyCertificate: 'no' }), /`verifyCertificate`/],
    [() => AemClient.connect({ host: 'h', jwt: 'j', hots: 'x' }), /unknown option `hots`/]
  ]
  for (const [call, pattern] of cases) {
    await assert.rejects(call, (e) => {
      assert.ok(e instanceof TypeError, `${call}: ${e?.stack}`)
      assert.match(e.message, pattern)
      return true
    })
  }
})

test('nothing a caller passes crashes the process', async () => {
  const circular = { new_task_name: 'x' }
  circular.self = circular
  await assert.rejects(client.cloneTask(SERVER, TASK, circular), TypeError)
  await assert.rejects(client.cloneTask(SERVER, TASK, { new_task_name: 10n }), TypeError)
  await assert.rejects(client.call('get_task_details', { server: SERVER, task: Symbol('x') }), AemClientError)
  await assert.rejects(client.call('get_task_details', { server: [1, 2], task: {} }), { errorCode: 'INVALID_ARGUMENT' })
  await assert.rejects(client.getTaskDetails(SERVER, '\u0000\uffff/../'), AemClientError)
  await assert.rejects(client.putServer('', {}), AemClientError)
  await assert.rejects(client.importTask(SERVER, TASK, 'not json at all'), AemClientError)
  await assert.rejects(client.importTaskFromFile(SERVER, TASK, '/no/such/file.json'), { errorCode: 'IO_ERROR' })
  await assert.rejects(AemClient.connect({ ...mock.options(), caFile: '/no/such/ca.pem' }), { errorCode: 'IO_ERROR' })
  await assert.rejects(AemClient.connect({ ...mock.options(), caFile: undefined }), { errorCode: 'TLS_ERROR' })
  assert.throws(() => { const C = AemClient; return new C() }, TypeError)
  // Still alive and working.
  assert.strictEqual((await client.getTaskDetails(SERVER, TASK)).name, TASK)
})

test('a Rust panic rejects instead of killing the process', async () => {
  const ends = new Map()
  const nc = await hooked.NativeClient.create(JSON.stringify({ url: mock.baseUrl, ca_file: mock.certFile, username: 'QEM\\admin', password: 'admin-pass' }),
    (id, ok, text) => ends.get(id)({ ok, text }))
  const end = (id) => new Promise((resolve) => ends.set(id, resolve))
  const panicked = end(1)
  nc.testPanic(1, 'boom')
  const { ok, text } = await panicked
  assert.strictEqual(ok, false)
  const info = JSON.parse(text)
  assert.strictEqual(info.error_code, 'INTERNAL_ERROR')
  assert.match(info.message, /boom/)
  // The same client keeps working, and so does everyone else's.
  const answered = end(2)
  nc.start(2, 'get_server_list', '{}')
  assert.strictEqual(JSON.parse((await answered).text).serverList[0].name, SERVER)
  const closed = end(3)
  nc.close(3)
  assert.strictEqual((await closed).ok, true)
  assert.strictEqual((await client.getServerList()).serverList[0].name, SERVER)
})

test('exports stream to a file and imports stream from one', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qem-node-files-'))
  try {
    const file = path.join(dir, 'task.json')
    const bytes = await client.exportTaskToFile(SERVER, TASK, file, { withendpoints: true })
    assert.strictEqual(bytes, fs.statSync(file).size)
    const text = fs.readFileSync(file, 'utf8')
    assert.ok(text.includes(TASK))
    await client.importTaskFromFile(SERVER, 'ImportedCopy', file)
    const names = (await client.getTaskList(SERVER)).taskList.map((t) => t.name)
    assert.ok(names.includes(TASK))
    const all = path.join(dir, 'all.json')
    assert.ok(await client.exportAllToFile(SERVER, all) > 0)
    await client.importAllFromFile(SERVER, all)
    const doc = await client.exportTask(SERVER, TASK)
    assert.strictEqual(typeof doc, 'object')
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

test('wait helpers run and stop a task', async () => {
  await mock.control('POST', '/mock/reset')
  const c = await AemClient.connect(mock.options())
  try {
    const running = await c.runTaskAndWait(SERVER, TASK, 'RESUME_PROCESSING', { timeoutMs: 20000, pollMs: 50 })
    assert.strictEqual(running.state, 'RUNNING')
    const seen = await c.waitForTaskState(SERVER, TASK, ['RUNNING'], { timeoutMs: 5000 })
    assert.strictEqual(seen.state, 'RUNNING')
    const stopped = await c.stopTaskAndWait(SERVER, TASK, { timeoutMs: 20000, pollMs: 50 })
    assert.strictEqual(stopped.state, 'STOPPED')
    await assert.rejects(c.waitForTaskState(SERVER, TASK, ['RUNNING'], { timeoutMs: 100, pollMs: 50 }), { errorCode: 'WAIT_TIMEOUT' })
  } finally {
    await c.close()
  }
})

/** A valid value for each argument check of the method table, and a mistyped one. */
const GOOD = { string: 'x', text: 'k=v', path: '/tmp/qem-node-none', boolean: true, integer: 1, object: {}, array: [], document: {}, states: ['RUNNING'], strings: ['x'] }
const BAD = { string: 42, text: { k: 'v' }, path: 7, boolean: 'yes', integer: '1', object: 7, array: 7, document: 7, states: 'RUNNING', strings: 7 }
const WANT = {
  string: 'a string', text: 'a string', path: 'a string', boolean: 'a boolean', integer: 'a non-negative integer',
  object: 'an object', array: 'an array', document: 'a string or an object', states: 'a non-empty array of task states',
  strings: 'a string or an array of strings'
}
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** `make()` returns a promise (never throws) that rejects with a TypeError matching `pattern`. */
async function rejectsTypeError (what, make, pattern) {
  let p
  assert.doesNotThrow(() => { p = make() }, `${what} threw synchronously`)
  assert.ok(p instanceof Promise, `${what} did not return a Promise`)
  await assert.rejects(p, (e) => {
    assert.ok(e instanceof TypeError, `${what}: not a TypeError: ${e?.stack}`)
    assert.match(e.message, pattern, what)
    return true
  })
}

test('every method rejects each missing or mistyped argument with a TypeError naming it', async () => {
  let checked = 0
  for (const m of methods) {
    const good = m.positional.map((p) => GOOD[p.check])
    for (const [i, p] of m.positional.entries()) {
      assert.ok(p.check in GOOD, `${m.name}: unknown check ${p.check}`)
      await rejectsTypeError(`${m.name} without ${p.name}`, () => client[m.name](...good.slice(0, i)),
        new RegExp(`^${m.name}: argument \`${p.name}\` is required$`))
      const args = good.slice()
      args[i] = BAD[p.check]
      await rejectsTypeError(`${m.name} with a mistyped ${p.name}`, () => client[m.name](...args),
        new RegExp(`^${m.name}: argument \`${p.name}\` must be ${esc(WANT[p.check])}, not `))
      checked += 2
    }
    for (const o of m.options) {
      await rejectsTypeError(`${m.name} with a mistyped ${o.name}`, () => client[m.name](...good, { [o.name]: BAD[o.check] }),
        new RegExp(`^${m.name}: argument \`${o.name}\` must be ${esc(WANT[o.check])}, not `))
      checked++
    }
    if (m.options.length) {
      await rejectsTypeError(`${m.name} with options 'x'`, () => client[m.name](...good, 'x'),
        new RegExp(`^${m.name}: argument \`options\` must be an object, not string`))
      await rejectsTypeError(`${m.name} with an unknown option`, () => client[m.name](...good, { nope: 1 }),
        new RegExp(`^${m.name}: unknown option \`nope\``))
      checked += 2
    }
    const max = m.positional.length + (m.options.length ? 1 : 0)
    await rejectsTypeError(`${m.name} with too many arguments`, () => client[m.name](...good, ...Array(max - good.length + 1).fill({})),
      new RegExp(`^${m.name}: takes at most ${max} argument`))
    checked++
  }
  assert.ok(checked > 150, `${checked} checks`)
})

test('every connect option rejects a mistyped value with a TypeError naming it', async () => {
  const base = { host: 'h', jwt: 'j' }
  const options = {
    url: 1, host: 1, port: '443', urlSuffix: 1, verifyCertificate: 'no', caFile: 1, caPem: 1, loginMethod: 1,
    connectTimeoutMs: -1, readTimeoutMs: 1.5, maxRetries: '3', sessionIdleMs: {}, maxConcurrentRequests: 'many',
    domain: 1, username: 1, password: 1, apiToken: 1, jwt: 1, b64: 1
  }
  const header = fs.readFileSync(path.join(PKG, 'scripts', 'header.d.ts'), 'utf8')
  for (const [k, v] of Object.entries(options)) {
    assert.match(header, new RegExp(`\\b${k}\\??:`), `${k} is not declared`)
    await rejectsTypeError(`connect with a mistyped ${k}`, () => AemClient.connect({ ...base, [k]: v }),
      new RegExp(`^AemClient\\.connect: argument \`${k}\` must be`))
  }
  await rejectsTypeError('connect with a credential string', () => AemClient.connect({ host: 'h' }, 'secret'), /`credential` must be an object/)
  await rejectsTypeError('connect with port 0', () => AemClient.connect({ ...base, port: 0 }), /`port` must be between 1 and 65535/)
  await rejectsTypeError('connect with an array', () => AemClient.connect([]), /`options` must be an object, not an array/)
})

test('a closed client rejects every method with CLIENT_CLOSED', async () => {
  const c = await AemClient.connect(mock.options())
  await c.close()
  for (const m of methods) {
    if (m.name === 'close') continue
    await assert.rejects(c[m.name](...m.positional.map((p) => GOOD[p.check])), (e) => {
      assert.ok(e instanceof AemClientError, `${m.name}: ${e?.stack}`)
      assert.strictEqual(e.errorCode, 'CLIENT_CLOSED', m.name)
      assert.strictEqual(e.method, m.name)
      assert.match(e.message, /closed.*AemClient\.connect\(\)/)
      return true
    })
  }
  await c.close()
})

test('close() with calls in flight settles every one of them', async () => {
  const c = await AemClient.connect(mock.options())
  const calls = Array.from({ length: 100 }, () => c.getTaskDetails(SERVER, TASK).then(() => 'ok', (e) => e.errorCode))
  await c.close()
  const ends = await Promise.all(calls)
  for (const e of ends) assert.ok(e === 'ok' || e === 'CLIENT_CLOSED' || e === 'AEM_INVALID_SESSION_ID' || e === 'INVALID_SESSION_ID', e)
  await assert.rejects(c.getServerList(), { errorCode: 'CLIENT_CLOSED' })
})

test('hostile values anywhere never crash the process', async () => {
  const hostile = () => [
    Symbol('s'), 10n, () => 1, NaN, Infinity, -0.5, 2 ** 64,
    new Proxy({}, { get () { throw new Error('trap') }, ownKeys () { throw new Error('trap') }, getPrototypeOf () { throw new Error('trap') } }),
    { toJSON () { throw new Error('toJSON') } },
    Object.defineProperty({}, 'x', { enumerable: true, get () { throw new Error('getter') } }),
    Object.create(null), new Date(0), /re/, new Map([[1, 2]]), Buffer.from('{}'), [undefined, null, [[[]]]]
  ]
  const c = await AemClient.connect(mock.options())
  let settled = 0
  try {
    for (const m of methods) {
      const good = m.positional.map((p) => GOOD[p.check])
      for (let i = 0; i <= good.length; i++) {
        for (const v of hostile()) {
          const args = good.slice()
          args[i] = v
          const p = c[m.name](...args)
          assert.ok(p instanceof Promise, m.name)
          await p.then(() => {}, (e) => assert.ok(e instanceof Error, `${m.name}: rejected with ${String(e)}`))
          settled++
        }
      }
    }
    for (const v of hostile()) {
      await c.call('get_task_details', { server: v, task: v }).catch((e) => assert.ok(e instanceof Error))
      await c.call(v, v).catch((e) => assert.ok(e instanceof Error))
      await AemClient.connect(v).then((x) => x.close(), (e) => assert.ok(e instanceof Error))
      await AemClient.connect({ ...mock.options(), caPem: v }).then((x) => x.close(), (e) => assert.ok(e instanceof Error))
      settled += 4
    }
  } finally {
    await c.close()
    await mock.control('POST', '/mock/reset')
  }
  assert.ok(settled > 500, `${settled} calls`)
  assert.strictEqual((await client.getTaskDetails(SERVER, TASK)).name, TASK)
})

test('the shipped addon has no test hooks', () => {
  assert.strictEqual(native.NativeClient.prototype.testPanic, undefined)
  assert.strictEqual(native.NativeClient.prototype.testPanicNow, undefined)
  assert.strictEqual(typeof hooked.NativeClient.prototype.testPanicNow, 'function')
})

test('a Rust panic on the calling thread throws instead of aborting', async () => {
  const nc = await hooked.NativeClient.create(JSON.stringify({ url: mock.baseUrl, ca_file: mock.certFile, username: 'QEM\\admin', password: 'admin-pass' }), () => {})
  assert.throws(() => nc.testPanicNow('kaboom'), (e) => e instanceof Error && /kaboom/.test(e.message))
  assert.strictEqual(nc.closed, false)
  assert.strictEqual((await client.getServerList()).serverList[0].name, SERVER)
})

test('errors carry the stack of the call that failed', async () => {
  const e = await client.getTaskDetails(SERVER, 'NoSuchTask').catch((x) => x)
  assert.ok(e instanceof AemClientError)
  assert.match(e.stack, /node\.test\.js/)
})

test('the TypeScript declarations accept the example consumer and reject misuse', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qem-node-tsc-'))
  try {
    // Each line of `wrong` must be a type error; consumer.ts must have none.
    const wrong = [
      "client.getTaskDetails('Local Server')",
      "client.getTaskDetails('Local Server', 42)",
      "client.runTask('s', 't', 'RESUME_PROCESSING', { bogus: 1 })",
      "client.runTask('s', 't', 'RESUME_PROCESSING', { timeout: '30' })",
      "client.noSuchMethod()",
      "const n: number = (await client.getServerList()).serverList",
      "const s: string = await client.exportTaskToFile('s', 't', '/tmp/x')",
      "AemClient.connect({ host: 'h', port: '443' })",
      "AemClient.connect({ host: 'h', hots: 'x' })",
      'new AemClient()',
      "const code: number = (null as unknown as AemClientError).errorCode"
    ]
    const bad = "import { AemClient, AemClientError } from '" + PKG.replace(/\\/g, '/') + "'\n" +
      'export async function misuse (client: AemClient): Promise<void> {\n' + wrong.map((l) => `  ${l}\n`).join('') + '}\n'
    fs.writeFileSync(path.join(dir, 'bad.ts'), bad)
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'commonjs', strict: true, noEmit: true, types: ['node'], typeRoots: [path.join(PKG, 'node_modules', '@types')] },
      files: [path.join(PKG, 'examples', 'consumer.ts'), path.join(dir, 'bad.ts')]
    }))
    const r = spawnSync(process.execPath, [path.join(PKG, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir, '--pretty', 'false'], { encoding: 'utf8' })
    const errors = r.stdout.split('\n').filter((l) => /error TS\d+/.test(l))
    const inConsumer = errors.filter((l) => l.includes('consumer.ts'))
    assert.deepStrictEqual(inConsumer, [], 'examples/consumer.ts must type-check')
    const lines = new Set(errors.filter((l) => l.includes('bad.ts')).map((l) => Number(/bad\.ts\((\d+),/.exec(l)[1])))
    wrong.forEach((l, i) => { assert.ok(lines.has(i + 3), `not a type error: ${l}\n${r.stdout}`) })
    assert.strictEqual(errors.length, [...lines].length + inConsumer.length, r.stdout)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})
