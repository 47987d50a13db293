'use strict'
// Run by gc.test.js as `node --expose-gc test/gc-child.js` with the mock's connect options
// in QEM_TEST_OPTIONS. It creates clients and drops them without close(), then forces
// garbage collections until a FinalizationRegistry has seen every one of them collected.
// One client is dropped while a call of it is pending: that call must still settle, and
// that client must not be collected before it has. The child prints one JSON line of what
// it saw, then waits for stdin to end (so the parent can see the background logouts
// reach the mock) and exits by itself: no client was closed, and none keeps it alive.
const { AemClient } = require('..')

const CLIENTS = Number(process.env.QEM_GC_CLIENTS || 20)
const options = JSON.parse(process.env.QEM_TEST_OPTIONS)
const collected = new Set()
const registry = new FinalizationRegistry((name) => collected.add(name))
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

async function gcUntil (done, ms) {
  const end = Date.now() + ms
  while (!done() && Date.now() < end) {
    global.gc()
    await pause(20)
  }
  return done()
}

/** A client that answers one call, then is dropped (no reference outlives this function). */
async function useAndDrop (name) {
  const client = await AemClient.connect(options)
  await client.getServerList()
  registry.register(client, name)
}

/**
 * A client dropped with a call pending: a wait that times out after `ms`. The promise
 * is the only thing the caller keeps.
 */
async function dropWhilePending (ms) {
  const client = await AemClient.connect(options)
  registry.register(client, 'pending')
  return {
    settled: client.waitForTaskState('Local Server', 'SalesDBBackup', ['RUNNING'], { timeoutMs: ms, pollMs: 50 })
      .then(() => 'resolved', (e) => e.errorCode || String(e))
  }
}

async function main () {
  if (typeof global.gc !== 'function') throw new Error('run with --expose-gc')
  for (let i = 0; i < CLIENTS; i++) await useAndDrop(`client ${i}`)
  const dropped = await gcUntil(() => collected.size >= CLIENTS, 15000)

  // Pending calls keep their client alive: collect hard while the wait runs.
  const { settled } = await dropWhilePending(1000)
  let early = false
  let waiting = true
  const collecting = (async () => {
    while (waiting) {
      global.gc()
      await pause(20)
      if (waiting && collected.has('pending')) early = true
    }
  })()
  const outcome = await settled
  waiting = false
  await collecting
  const pendingCollected = await gcUntil(() => collected.has('pending'), 15000)

  console.log(JSON.stringify({
    clients: CLIENTS,
    collected: [...collected].filter((n) => n !== 'pending').length,
    allDropped: dropped,
    pendingOutcome: outcome,
    pendingCollectedEarly: early,
    pendingCollectedAfter: pendingCollected
  }))
  await new Promise((resolve) => {
    process.stdin.on('end', resolve)
    process.stdin.resume()
  })
  process.stdin.pause()
}

main().catch((e) => {
  console.error(e)
  process.exit(2)
})
