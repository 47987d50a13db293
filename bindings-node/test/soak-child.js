'use strict'
// The soak (issue 11) as its own process, so that a clean exit is part of the result:
// one client, 200 concurrent calls at a time in waves, a few thousand mixed calls while
// the mock injects 503s, dropped connections, lost answers and latency and ends every
// session a quarter second after its login. Prints one JSON line of figures and
// findings; soak.test.js judges them.
const { AemClient, AemClientError } = require('..')
const { startMock } = require('./mock')

const SERVER = 'Local Server'
const TASK = 'SalesDBBackup'
const WAVES = 40
const WIDTH = 200
const SECONDS = 45
const FAULTS = { latency_ms: 1, error_rate: 0.05, error_status: 503, drop_rate: 0.02, lose_rate: 0.02, session_max_age_ms: 250, seed: 7 }

async function main () {
  const mock = await startMock()
  try {
    const state = await mock.control('GET', '/mock/state')
    Object.assign(state.settings, { request_log_size: 200000, run_delay_ms: 20, stop_delay_ms: 20 })
    await mock.control('PUT', '/mock/state', state)
    await mock.control('PUT', '/mock/faults', FAULTS)
    const client = await AemClient.connect({ ...mock.options(), maxRetries: 8 })
    const reads = [
      () => client.getServerList(),
      () => client.getTaskList(SERVER),
      () => client.getTaskDetails(SERVER, TASK),
      () => client.getTableStatuses(SERVER, TASK),
      () => client.getEndpointList(SERVER),
      () => client.exportTask(SERVER, TASK)
    ]
    const r = { reads: 0, readFailures: [], changes: [], changeFailures: {}, foreign: [] }
    const change = async (method, args) => {
      try {
        await client.call(method, args)
        return true
      } catch (e) {
        if (e instanceof AemClientError) r.changeFailures[e.errorCode] = (r.changeFailures[e.errorCode] || 0) + 1
        else r.foreign.push(String(e?.stack))
        return false
      }
    }
    const one = async (w, i) => {
      r.reads++
      try {
        await reads[(w + i) % reads.length]()
      } catch (e) {
        r.readFailures.push(String(e?.message))
      }
      if (i % 4 === 0) {
        const name = `soak-${w}-${i}`
        const cloned = await change('clone_task', { server: SERVER, task: TASK, payload: { new_task_name: name } })
        const deleted = cloned && await change('delete_task', { server: SERVER, task: name })
        r.changes.push({ name, cloned, deleted })
      }
    }
    const started = Date.now()
    for (let wave = 0; wave < WAVES && Date.now() - started < SECONDS * 1000; wave++) {
      await Promise.all(Array.from({ length: WIDTH }, (_, k) => one(k, wave * WIDTH + k)))
    }
    const seconds = (Date.now() - started) / 1000
    await mock.control('PUT', '/mock/faults', {})
    await client.close()

    const applied = {}
    for (const e of (await mock.control('GET', '/mock/state')).audit_trail) {
      const key = `${e.action} ${e.object}`
      applied[key] = (applied[key] || 0) + 1
    }
    const twice = r.changes.filter((c) => {
      const clones = applied[`CloneTask ${c.name}`] || 0
      const deletes = applied[`DeleteTask ${c.name}`] || 0
      return clones > 1 || deletes > 1 || (c.cloned && clones !== 1) || (c.deleted && deletes !== 1)
    })
    // Every clone (its name in the body) and delete (in the URL) reached the server as
    // at most one request that may have acted: one answered 440, 503 (injected before
    // processing) or dropped before processing did not act.
    const acted = {}
    for (const q of await mock.control('GET', '/mock/requests')) {
      const clone = q.operation === 'clone_task'
      if ((clone || q.operation === 'delete_task') && ['answered', 'lost'].includes(q.outcome) && q.status !== 440) {
        const key = `${q.operation} ${clone ? q.names.new_task_name : q.names.task}`
        acted[key] = (acted[key] || 0) + 1
      }
    }
    const resent = Object.keys(acted).filter((k) => acted[k] > 1)
    const stats = await mock.control('GET', '/mock/stats')
    console.log(JSON.stringify({
      calls: r.reads + r.changes.reduce((n, c) => n + 1 + (c.cloned ? 1 : 0), 0),
      reads: r.reads,
      readFailed: r.readFailures.length,
      readFailures: r.readFailures.slice(0, 5),
      changes: r.changes.length,
      changeFailures: r.changeFailures,
      foreign: r.foreign.slice(0, 5),
      appliedTwice: twice.slice(0, 5),
      appliedTwiceCount: twice.length,
      resent: resent.slice(0, 5),
      resentCount: resent.length,
      deletesLogged: Object.keys(acted).filter((k) => k.startsWith('delete_task ')).length,
      clonesLogged: Object.keys(acted).filter((k) => k.startsWith('clone_task ')).length,
      stats,
      seconds
    }))
  } finally {
    await mock.stop()
  }
}

main().catch((e) => {
  console.error(e)
  process.exitCode = 1
})
