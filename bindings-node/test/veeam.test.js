'use strict'
// VeeamClient: job clones against the mock's Veeam Backup Enterprise Manager.
const { test, before, after } = require('node:test')
const assert = require('node:assert')
const { VeeamClient, veeamMethods } = require('..')
const { startMock } = require('./mock')

const JOB = '78c3919c-54d7-43fe-b047-485d3566f11f'
const REPO = 'c8f4d7a1-3b2e-4f6a-9d8c-7e1b5a2f3c44'

let mock
before(async () => { mock = await startMock() })
after(async () => { await mock.stop() })

test('clone a job and wait, its task, the lists, the errors, logoff on close', async () => {
  await mock.control('POST', '/mock/reset')
  const em = await VeeamClient.connect(mock.veeamOptions())
  const repos = await em.getRepositories()
  assert.strictEqual(repos.Refs[0].UID, `urn:veeam:Repository:${REPO}`)
  const task = await em.cloneJob(`urn:veeam:Job:${JOB}`, 'Node copy', { folderName: 'NodeCopy', repositoryUid: repos.Refs[0].UID })
  assert.strictEqual(task.State, 'Running')
  assert.strictEqual(task.Links[0].Rel, 'Delete')
  const made = await em.cloneJobAndWait(JOB, 'Node copy 2', { folderName: 'NodeCopy2', repositoryUid: REPO, pollMs: 50, timeoutMs: 20000 })
  assert.strictEqual(made.job_name, 'Node copy 2')
  assert.match(made.job_uid, /^urn:veeam:Job:/)
  assert.strictEqual(made.task.Result.Success, true)
  const jobs = await em.call('getJobs')
  assert.ok(jobs.Refs.some((r) => r.UID === made.job_uid))
  await assert.rejects(em.cloneJob('not-a-guid', 'x', { folderName: 'y', repositoryUid: REPO }), (e) => e.errorCode === 'INVALID_ARGUMENT')
  await assert.rejects(em.getTask('task-404'), (e) => e.errorCode === 'NOT_FOUND' && e.httpStatus === 404 && e.message.includes('Task task-404 not found.'))
  await em.close()
  const log = await mock.control('GET', '/mock/requests')
  assert.ok(log.every((r) => r.names.cookie === 'none'), 'no cookie is ever sent')
  assert.strictEqual(log.at(-1).method, 'DELETE')
  await assert.rejects(em.getJobs(), (e) => e.errorCode === 'CLIENT_CLOSED')
  const wrong = await VeeamClient.connect(mock.veeamOptions({ username: 'EM\\admin', password: 'nope' }))
  await assert.rejects(wrong.getJobs(), (e) => e.errorCode === 'UNAUTHORIZED' && e.httpStatus === 401 && !e.message.includes('nope'))
  await wrong.close()
  await assert.rejects(VeeamClient.connect({ url: 'https://em:9398', apiKey: 'x' }), /unknown option `apiKey`/)
  assert.deepStrictEqual(veeamMethods.map((m) => m.name), ['cloneJob', 'getTask', 'deleteTask', 'getJobs', 'getRepositories', 'cloneJobAndWait'])
})
