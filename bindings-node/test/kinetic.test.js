'use strict'
// KineticClient: clone-trees against the mock's Kinetic Task web application.
const { test, before, after } = require('node:test')
const assert = require('node:assert')
const { KineticClient, kineticMethods } = require('..')
const { startMock } = require('./mock')

let mock
before(async () => { mock = await startMock() })
after(async () => { await mock.stop() })

test('clone-trees by fields and by payload, its errors, HTTP Basic', async () => {
  await mock.control('POST', '/mock/reset')
  const task = await KineticClient.connect(mock.kineticOptions())
  const one = await task.cloneTrees({ sourceFrom: 'Playground', sourceTo: 'Playground', groupFrom: 'Testing', groupTo: 'Docs', names: ['Another Tree'] })
  assert.strictEqual(one.message, 'Cloned 1 tree.')
  assert.strictEqual(one.trees[0].sourceGroup, 'Docs')
  const payload = {
    source: { from: 'Playground', to: 'Playground' },
    sourceGroup: { from: 'Testing', to: 'Archive' },
    localRoutines: [{ from: 'routine_playground_testing_v1', to: 'routine_archive_v1' }]
  }
  const all = await task.cloneTrees({ payload })
  assert.deepStrictEqual(all.trees.filter((t) => t.definitionId).map((t) => t.definitionId), ['routine_archive_v1'])
  await assert.rejects(task.call('CloneTrees', { payload }), (e) => e.errorCode === 'BAD_REQUEST' && /already exists/.test(e.message))
  await assert.rejects(task.cloneTrees({ sourceFrom: 'Playground' }), (e) => e.errorCode === 'INVALID_ARGUMENT')
  await task.close()
  const wrong = await KineticClient.connect(mock.kineticOptions({ username: 'admin', password: 'nope' }))
  await assert.rejects(wrong.cloneTrees({ sourceFrom: 'Playground', sourceTo: 'Playground', groupFrom: 'Testing', groupTo: 'X' }),
    (e) => e.errorCode === 'UNAUTHORIZED' && e.httpStatus === 401)
  await wrong.close()
  await assert.rejects(KineticClient.connect({ url: 'https://k/kinetic-task', apiKey: 'x' }), /unknown option `apiKey`/)
  assert.deepStrictEqual(kineticMethods.map((m) => m.name), ['cloneTrees'])
})
