'use strict'
// QlikCloudClient: the typed Qlik Cloud Tasks methods against the mock's tenant.
const { test, before, after, beforeEach } = require('node:test')
const assert = require('node:assert')
const { QlikCloudClient, AemClientError, cloudMethods } = require('..')
const { startMock } = require('./mock')

let mock
before(async () => { mock = await startMock() })
after(async () => { await mock.stop() })
beforeEach(async () => {
  await mock.control('POST', '/mock/reset')
  await mock.control('PUT', '/mock/state', { qlik_cloud: { settings: { run_ms: 50 } } })
})

test('every operation has its typed method, with the spec names on the wire', async () => {
  const c = await QlikCloudClient.connect(mock.cloudOptions())
  const page = await c.getTasks({ resourceId: 'app-1', limit: 1 })
  assert.strictEqual(page.data.length, 1)
  assert.match(page.links.next.href, /page=/)
  assert.strictEqual((await c.getTasks({ resourceId: 'app-1', all: true, maxItems: 1 })).data.length, 1)
  const created = await c.createTask({ name: 'node', specVersion: '0.8', resourceId: 'app-js', later: [1] }, { migrateFrom: 'rt-2' })
  assert.strictEqual(created.metadata.migratedFrom, 'rt-2')
  assert.deepStrictEqual(created.later, [1])
  const updated = await c.updateTask(created.id, { ...created, description: 'changed' })
  assert.strictEqual(updated.description, 'changed')
  assert.strictEqual((await c.getTask(created.id)).name, 'node')
  assert.ok((await c.startTask(created.id, { source: 'manual' })).message)
  const last = await c.getLastTaskRun(created.id)
  assert.strictEqual(last.taskId, created.id)
  const runs = await c.getTaskRuns(created.id, { all: true })
  assert.strictEqual(runs.data.length, 1)
  const log = await c.getTaskRunLog(created.id, runs.data[0].id)
  assert.strictEqual(typeof log, 'string')
  assert.strictEqual((await c.getTasksResourceRuns('app-js')).data[0].taskId, created.id)
  const run = await c.startTaskAndWait(created.id, { timeoutMs: 5000, pollMs: 20 })
  assert.strictEqual(run.status, 'SUCCEEDED')
  assert.strictEqual(await c.deleteTask(created.id), undefined)
  await assert.rejects(c.getTask(created.id), (e) => {
    assert.ok(e instanceof AemClientError)
    assert.match(e.errorCode, /^TASKS-/)
    assert.strictEqual(e.httpStatus, 404)
    assert.strictEqual(e.operation, 'GetTask')
    assert.strictEqual(e.method, 'getTask')
    assert.ok(e.traceId)
    return true
  })
  // The generic entry by every spelling, JavaScript names mapped to the wire's.
  for (const name of ['get_tasks', 'getTasks', 'GetTasks']) {
    const got = await c.call(name, { resourceId: 'app-1', all: true, maxItems: 1 })
    assert.strictEqual(got.data.length, 1, name)
  }
  await c.close()
  await assert.rejects(c.getTask('task-1'), (e) => e.errorCode === 'CLIENT_CLOSED')
  assert.deepStrictEqual(cloudMethods.map((m) => m.method).slice(0, 3), ['get_tasks', 'create_task', 'get_task'])
})

test('OAuth client credentials; bad options and arguments refused before sending', async () => {
  const c = await QlikCloudClient.connect(mock.cloudOptions({ clientId: 'm2m-client', clientSecret: 'm2m-secret' }))
  assert.strictEqual((await c.getTask('task-1')).id, 'task-1')
  await assert.rejects(QlikCloudClient.connect(mock.cloudOptions({ apiKey: 'k', clientId: 'c', clientSecret: 's' })),
    (e) => e.errorCode === 'INVALID_ARGUMENT')
  await assert.rejects(QlikCloudClient.connect({ apiKey: 'k' }), TypeError)
  await assert.rejects(QlikCloudClient.connect({ url: 'https://t', username: 'u' }), /unknown option `username`/)
  await mock.control('DELETE', '/mock/requests')
  await assert.rejects(c.getTask(''), (e) => e.errorCode === 'INVALID_ARGUMENT')
  await assert.rejects(c.getTask('..'), (e) => e.errorCode === 'INVALID_ARGUMENT')
  await assert.rejects(c.getTasks({ resourceId: 'app-1', limit: -1 }), TypeError)
  await assert.rejects(c.getTasks({ resourceId: 'app-1', nope: 1 }), /unknown option `nope`/)
  await assert.rejects(c.createTask(42), TypeError)
  await assert.rejects(c.call('get_server_list'), (e) => e.errorCode === 'INVALID_ARGUMENT' && /qlik_cloud/.test(e.message))
  assert.strictEqual(typeof c.getServerList, 'undefined')
  assert.deepStrictEqual(await mock.control('GET', '/mock/requests'), [])
  await c.close()
})

test('a failed run and a missing permission', async () => {
  const c = await QlikCloudClient.connect(mock.cloudOptions())
  await assert.rejects(c.startTaskAndWait('task-2', { pollMs: 20 }), (e) => e.errorCode === 'TASK_FAILED')
  const viewer = await QlikCloudClient.connect(mock.cloudOptions({ apiKey: 'key-viewer' }))
  await assert.rejects(viewer.getTask('task-1'), (e) => e.httpStatus === 403)
  await Promise.all([c.close(), viewer.close()])
})
