'use strict'
// Benchmark of the Node binding against the mock over HTTPS (not a test). Run
// bench/run-bench.sh (builds what it needs); writes bindings-node/BENCHMARKS.md.
//
// One run: the parent starts the mock and re-runs this file as a child with
// NODE_EXTRA_CA_CERTS set to the mock's certificate, so that the plain `fetch` loop can
// trust it (Node 20 has no public way to give `fetch` a CA otherwise). The child measures
// every path against the same mock: the Rust core through `core_loop` (the baseline every
// binding's benchmark shares), this binding, and a `fetch` loop. Each figure is the best
// of 3 rounds of N calls, as `core_loop` reports its own; the paths take turns for
// BENCH_PASSES passes (best pass kept) so that a busy moment of the machine hits them alike.
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const readline = require('node:readline')
const { spawn, spawnSync } = require('node:child_process')
const { performance } = require('node:perf_hooks')

const HERE = path.resolve(__dirname, '..')
const ROOT = path.resolve(HERE, '..')
const EXE = process.platform === 'win32' ? '.exe' : ''
const MOCK = path.join(ROOT, 'target', 'release', `qem-mock${EXE}`)
const CORE_LOOP = path.join(ROOT, 'target', 'release', 'examples', `core_loop${EXE}`)
const SERVER = 'Local Server'
const TASK = 'SalesDBBackup'
const N = Number(process.env.BENCH_CALLS || 2000)
const PASSES = Number(process.env.BENCH_PASSES || 5)
const ROUNDS = 3
const CONCURRENT = 1000
const TICK_MS = 10
// Spelled in pieces: the binding itself never names the session header (the core does).
const HDR = 'EnterpriseManager.' + 'APISession' + 'ID'

async function parent () {
  for (const f of [MOCK, CORE_LOOP]) {
    if (!fs.existsSync(f)) throw new Error(`${f} is missing: run bench/run-bench.sh`)
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qem-node-bench-'))
  const ca = path.join(dir, 'ca.pem')
  const mock = spawn(MOCK, ['--port', '0', '--cert-out', ca], { stdio: ['ignore', 'pipe', 'inherit'] })
  try {
    const url = await new Promise((resolve, reject) => {
      mock.once('error', reject)
      mock.once('exit', (code) => reject(new Error(`qem-mock exited with ${code}`)))
      readline.createInterface({ input: mock.stdout }).on('line', (line) => {
        const m = /^qem-mock listening on (\S+)/.exec(line)
        if (m) resolve(m[1])
      })
    })
    mock.stdout.resume()
    const r = spawnSync(process.execPath, [__filename, 'child', url, ca], {
      env: { ...process.env, NODE_EXTRA_CA_CERTS: ca },
      stdio: 'inherit'
    })
    if (r.status !== 0) throw new Error(`the benchmark child failed (${r.status})`)
  } finally {
    mock.kill()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** `core_loop URL CA CALLS MODE`: best-of-3 µs per call, or ms for `concurrent`. */
function coreLoop (url, ca, calls, mode) {
  const r = spawnSync(CORE_LOOP, [url, ca, String(calls), mode], { encoding: 'utf8' })
  const v = Number(r.stdout.trim())
  if (r.status !== 0 || !Number.isFinite(v)) throw new Error(`core_loop ${mode} failed: ${r.stderr || r.stdout}`)
  return v
}

/** Best of ROUNDS rounds of `n` sequential awaited calls of `one`, in µs per call. */
async function bestOf (n, one) {
  let best = Infinity
  for (let r = 0; r < ROUNDS; r++) {
    const t = performance.now()
    for (let i = 0; i < n; i++) await one()
    best = Math.min(best, ((performance.now() - t) * 1000) / n)
  }
  return best
}

/** Garbage collections seen since `gcWatch()`: `[start, end]` in `performance.now()` ms. */
const gcs = []
function gcWatch () {
  const { PerformanceObserver } = require('node:perf_hooks')
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcs.push([e.startTime, e.startTime + e.duration])
  }).observe({ entryTypes: ['gc'] })
}

/**
 * Calls `start()` (which issues the calls synchronously and returns their promise) while
 * a 10 ms interval ticks, and awaits it. Returns the wall ms, the ms `start()` took (the
 * caller's own synchronous loop, during which no timer can run), how late the timer
 * was at most once the calls were issued (while the answers came in), the same for the
 * ticks whose wait held no garbage collection, overall, and the longest collection.
 */
async function withTicker (start) {
  const ticks = []
  const timer = setInterval(() => ticks.push(performance.now()), TICK_MS)
  const t = performance.now()
  const pending = start()
  const issued = performance.now()
  await pending
  const end = performance.now()
  clearInterval(timer)
  await new Promise((resolve) => setTimeout(resolve, 20)) // let the gc entries arrive
  const inRound = gcs.filter(([s, e]) => e > t && s < end)
  let late = 0
  let lateAfter = 0
  let lateNoGc = 0
  let prev = t
  for (const at of [...ticks, end]) {
    late = Math.max(late, at - prev - TICK_MS)
    if (at > issued) {
      const from = Math.max(prev + TICK_MS, issued)
      lateAfter = Math.max(lateAfter, at - from)
      if (!inRound.some(([s, e]) => e > prev && s < at)) lateNoGc = Math.max(lateNoGc, at - from)
    }
    prev = at
  }
  const gcMax = Math.max(0, ...inRound.map(([s, e]) => e - s))
  return { wall: end - t, issue: issued - t, late, lateAfter, lateNoGc, gcMax }
}

async function child (url, ca) {
  const { AemClient } = require('..')
  const client = await AemClient.connect({ url, caFile: ca }, { username: 'QEM\\admin', password: 'admin-pass' })

  // A plain fetch loop (keep-alive by default), as a hand-written script does. The URL
  // is the core's business; only this benchmark spells it out.
  const api = `${url}/api/v1`
  const taskUrl = `${api}/servers/Local%20Server/tasks/SalesDBBackup`
  const auth = `Basic ${Buffer.from('QEM\\admin:admin-pass').toString('base64')}`
  const login = await fetch(`${api}/login`, { headers: { Authorization: auth } })
  await login.arrayBuffer()
  const token = login.headers.get(HDR)
  if (!login.ok || !token) throw new Error(`fetch login: HTTP ${login.status}`)
  const fetchOnce = async () => {
    const r = await fetch(taskUrl, { headers: { [HDR]: token } })
    if (!r.ok) throw new Error(`fetch: HTTP ${r.status}`)
    return r.json()
  }
  const bindingOnce = () => client.getTaskDetails(SERVER, TASK)

  // Warm up (JIT, connections), then the passes.
  for (let i = 0; i < 200; i++) await bindingOnce()
  for (let i = 0; i < 200; i++) await fetchOnce()
  // The binding calls the core's `call_text` (the answer as JSON text, which JSON.parse
  // then reads): the `-text` loops are its like-for-like baseline; `call` (the answer
  // built as a Rust `Value`) is shown beside them.
  const best = { coreAsync: Infinity, coreBlocking: Infinity, coreValue: Infinity, binding: Infinity, fetch: Infinity }
  const keep = (k, v) => { best[k] = Math.min(best[k], v) }
  for (let p = 0; p < PASSES; p++) {
    keep('coreAsync', coreLoop(url, ca, N, 'async-text'))
    keep('coreBlocking', coreLoop(url, ca, N, 'blocking-text'))
    keep('coreValue', coreLoop(url, ca, N, 'blocking'))
    keep('binding', await bestOf(N, bindingOnce))
    keep('fetch', await bestOf(N, fetchOnce))
  }

  // 1,000 at once (the core keeps at most 64 of one client on the wire, the rest queue
  // inside it), with a 10 ms timer ticking alongside the binding's.
  const many = { core: coreLoop(url, ca, CONCURRENT, 'concurrent-text'), binding: Infinity, late: 0, lateAfter: 0, lateNoGc: 0, gcMax: 0, issue: 0, fetch: Infinity }
  gcWatch()
  for (let r = 0; r < ROUNDS; r++) {
    const b = await withTicker(() => Promise.all(Array.from({ length: CONCURRENT }, bindingOnce)))
    many.binding = Math.min(many.binding, b.wall)
    many.late = Math.max(many.late, b.late)
    many.lateAfter = Math.max(many.lateAfter, b.lateAfter)
    many.lateNoGc = Math.max(many.lateNoGc, b.lateNoGc)
    many.gcMax = Math.max(many.gcMax, b.gcMax)
    many.issue = Math.max(many.issue, b.issue)
    const t = performance.now()
    await Promise.all(Array.from({ length: CONCURRENT }, fetchOnce))
    many.fetch = Math.min(many.fetch, performance.now() - t)
  }
  await client.close()

  const f = (x, d = 1) => x.toFixed(d)
  const lines = [
    '# Node binding benchmarks',
    '',
    `Produced by \`bindings-node/bench/run-bench.sh\` in one run (this machine: ${os.cpus().length} cores, ` +
      `Node ${process.version}), against the mock Enterprise Manager over HTTPS on the same machine. ` +
      'Ratios matter; absolute numbers vary from run to run and machine to machine.',
    '',
    `## Sequential get_task_details (µs per call; best of ${ROUNDS} rounds of ${N} calls, ${PASSES} interleaved passes)`,
    '',
    '| path | per call |',
    '|---|---|',
    `| Rust core, \`call_text\` awaited one after another (\`core_loop ${N} async-text\`) | ${f(best.coreAsync)} µs |`,
    `| Rust core, \`call_text\` on the blocking client (\`core_loop ${N} blocking-text\`) | ${f(best.coreBlocking)} µs |`,
    `| Rust core, \`call\` (answer built as a \`Value\`) on the blocking client (\`core_loop ${N} blocking\`) | ${f(best.coreValue)} µs |`,
    `| this binding, \`await client.getTaskDetails(server, task)\` | ${f(best.binding)} µs |`,
    `| plain \`fetch\` loop (keep-alive, \`.json()\`) | ${f(best.fetch)} µs |`,
    '',
    `- binding / core awaited: **${f(best.binding / best.coreAsync, 2)}×**; ` +
      `binding / core blocking: **${f(best.binding / best.coreBlocking, 2)}×** (target ≤ 1.3×; both against \`call_text\`, ` +
      'the entry the binding uses)',
    `- fetch / binding: **${f(best.fetch / best.binding, 2)}×** (the binding is that much faster)`,
    '',
    `## ${CONCURRENT.toLocaleString('en')} concurrent get_task_details (wall time)`,
    '',
    '| path | wall time |',
    '|---|---|',
    `| Rust core, all at once (\`core_loop ${CONCURRENT} concurrent-text\`, best of ${ROUNDS}) | ${f(many.core, 0)} ms |`,
    `| this binding, one \`Promise.all\` of ${CONCURRENT} (best of ${ROUNDS}) | ${f(many.binding, 0)} ms |`,
    `| plain \`fetch\`, one \`Promise.all\` of ${CONCURRENT} (best of ${ROUNDS}) | ${f(many.fetch, 0)} ms |`,
    '',
    `- binding / core: **${f(many.binding / many.core, 2)}×**; fetch / binding: **${f(many.fetch / many.binding, 2)}×**`,
    `- a ${TICK_MS} ms \`setInterval\` ticking during the binding's calls (worst of ${ROUNDS} rounds): once the calls ` +
      `were issued, at most **${f(many.lateAfter)} ms** late while the answers came in; **${f(many.lateNoGc)} ms** at most ` +
      `for ticks whose wait held no garbage collection (the longest collection in those rounds took ${f(many.gcMax)} ms: ` +
      'the 1,000 answers one `Promise.all` keeps are live data to it). Overall, issuing included, at most ' +
      `**${f(many.late)} ms** late: issuing the ${CONCURRENT} calls, the caller's own synchronous \`Array.from(...)\` loop ` +
      `during which no timer can run, took at most ${f(many.issue)} ms. The answers are handed over in slices of at most ` +
      '2 ms with a turn of the event loop between them (`SLICE_MS` in `index.js`)',
    ''
  ]
  const text = lines.join('\n')
  fs.writeFileSync(path.join(HERE, 'BENCHMARKS.md'), text)
  console.log(text)
}

if (process.argv[2] === 'child') {
  child(process.argv[3], process.argv[4]).catch((e) => { console.error(e); process.exit(1) })
} else {
  parent().catch((e) => { console.error(e); process.exit(1) })
}
