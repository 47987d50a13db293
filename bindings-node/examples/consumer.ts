// An example consumer that calls every method of the client; `tsc --noEmit -p examples`
// type-checks it against the generated index.d.ts (it is not run by the tests).
import {
  AemClient,
  AemClientError,
  connect,
  operations,
  methods,
  type ServerList,
  type TaskDetails,
  type TaskState,
  type TableStatuses,
  type EndpointList,
  type ExportDocument,
  type BulkReport,
  type TaskStateSnapshot,
  type BackupReport,
  type PromoteReport,
  QlikCloudClient,
  cloudMethods,
  type CloudTask,
  type CloudTaskPage,
  type CloudRun,
  KineticClient,
  type KineticCloneTreesResult
} from '..'

async function main (): Promise<void> {
  const client: AemClient = await AemClient.connect({
    host: 'em.example.net',
    port: 443,
    urlSuffix: 'attunityenterprisemanager',
    verifyCertificate: true,
    caFile: '/etc/ssl/em-ca.pem',
    domain: 'CORP',
    username: 'automation',
    password: 'secret'
  })
  const other = await connect({ host: 'em.example.net' }, { apiToken: 'pat-123' })
  await other.close()
  const jwtClient = await AemClient.connect({ host: 'em.example.net', jwt: 'eyJ...' })
  await jwtClient.close()
  const b64Client = await AemClient.connect({ url: 'https://em.example.net/attunityenterprisemanager', b64: 'Q09SUFx1OnA=' })
  await b64Client.close()

  const server = 'Local Server'
  const task = 'SalesDBBackup'
  const endpoint = 'Oracle Source'
  try {
    await client.login()
    const servers: ServerList = await client.getServerList()
    for (const s of servers.serverList ?? []) console.log(s.name, s.state, s.version)
    const details = await client.getServerDetails(server)
    console.log(details.server_details?.license?.expiration)
    const def = await client.getServer(server)
    await client.putServer('New Server', { ...def, name: 'New Server', host: 'rep2.example.net', port: '443' })
    await client.putServerLicense(server, 'license_key=1\nexpiration_date=2030-12-31')
    const acl = await client.getServerAcl(server)
    await client.putServerAcl(server, { ...acl, admin_role: { users: [{ name: 'CORP\\ops' }], groups: [] } })
    await client.deleteServerAcl(server)
    await client.deleteServer('New Server')

    const tasks = await client.getTaskList(server)
    const states: (TaskState | undefined)[] = (tasks.taskList ?? []).map((t) => t.state)
    console.log(states)
    const taskDetails: TaskDetails = await client.getTaskDetails(server, task)
    console.log(taskDetails.state, taskDetails.cdc_latency?.total_latency)
    const tables = await client.getTableList(server, task, { schema: 'SALES', includeerror: true })
    console.log(tables.tablelist?.length)
    const selection = await client.getTaskTableSelection(server, task)
    await client.putTaskTableSelection(server, task, selection)
    const statuses: TableStatuses = await client.getTableStatuses(server, task, { table: 'ORD%', includeloading: true })
    console.log(statuses.table_details?.[0]?.state)

    const run = await client.runTask(server, task, 'RESUME_PROCESSING', { timeout: 30 })
    console.log(run.state)
    await client.runTask(server, task, 'RESUME_PROCESSING_FROM_TIMESTAMP', { cdcposition: '2024-01-01T00:00:00', timeout: 0 })
    const stopped = await client.stopTask(server, task, { timeout: 30 })
    console.log(stopped.state, stopped.error_message)
    await client.cloneTask(server, task, { new_task_name: 'SalesDBBackup copy', new_target_schema: 'COPY' })
    await client.deleteTask(server, 'SalesDBBackup copy', { deletetasklogs: true })

    const doc: ExportDocument = await client.exportTask(server, task, { withendpoints: true })
    await client.importTask(server, task, doc)
    await client.importTask(server, task, JSON.stringify(doc))
    const all = await client.exportAll(server)
    await client.importAll(server, all)
    const audit = await client.exportAuditTrail('2024-01-01T00:00:00', { endTimestamp: '2024-12-31T00:00:00' })
    console.log(audit)
    const bytes: number = await client.exportTaskToFile(server, task, '/tmp/task.json', { withendpoints: false })
    console.log(bytes, await client.exportAllToFile(server, '/tmp/all.json'))
    await client.exportAuditTrailToFile('2024-01-01T00:00:00', '/tmp/audit.json', { endTimestamp: '2024-12-31T00:00:00' })
    await client.importTaskFromFile(server, task, '/tmp/task.json')
    await client.importAllFromFile(server, '/tmp/all.json')

    const endpoints: EndpointList = await client.getEndpointList(server)
    console.log(endpoints.endpointList?.map((e) => e.name))
    await client.patchEndpoint(server, endpoint, [{ op: 'replace', path: '/db_settings/server', value: 'ora2:1521/ORCL' }])
    const test = await client.testEndpoint(server, endpoint, { timeout: 60 })
    console.log(test.state, test.message)
    await client.reconfigureEndpointNoWait(server, endpoint, 'second', { recycle: true })
    await client.deleteEndpoint(server, 'Unused Endpoint')

    await client.reloadTable(server, task, 'SALES', 'ORDERS')
    await client.resumeTable(server, task, 'SALES', 'ORDERS')
    await client.deleteOldChangeData(server, task, { timestamp_or_offset: 'P1D' })
    await client.setChangeDataRetentionBarrier(server, task, { application: 'etl', retention_point: '2024-01-01T00:00:00Z' })
    const barrier = await client.getChangeDataRetentionBarrier(server, task)
    console.log(barrier.retention_point)

    const running: TaskDetails = await client.runTaskAndWait(server, task, 'RESUME_PROCESSING', { timeoutMs: 60000, pollMs: 500 })
    console.log(running.state)
    await client.waitForTaskState(server, task, ['RUNNING', 'ERROR'], { timeoutMs: 10000 })
    await client.stopTaskAndWait(server, task, { timeoutMs: 60000 })
    const loaded: TaskDetails = await client.waitForFullLoad(server, task, { timeoutMs: 600000 })
    console.log(loaded.full_load_completed)
    await client.drainTask(server, task, { quietPolls: 3 })
    await client.drainAndStopTask(server, task, { quietPolls: 3, timeoutMs: 600000 })

    // Many tasks at once: a selection by names, pattern, states or tags.
    const names: string[] = await client.selectTasks(server, { pattern: 'Sales*', states: ['STOPPED'] })
    const started: BulkReport = await client.runTasks(server, { names, concurrency: 4, wait: true })
    console.log(started.succeeded, started.failed)
    await client.stopTasks(server, { tags: 'nightly', drain: true })
    const snapshot: TaskStateSnapshot = await client.snapshotTaskStates(server)
    console.log(snapshot.tasks?.length)
    const saved: BackupReport = await client.backup('/var/backups/qem', { servers: [server] })
    console.log(saved.items?.length)
    const metrics: string = await client.prometheusMetrics(server, { all: true })
    console.log(metrics.length)
    const promoted: PromoteReport = await client.promoteTask(server, task, 'Production', {
      newName: 'Sales (prod)',
      endpointNames: { 'Oracle dev': 'Oracle prod' },
      withEndpoints: true
    })
    console.log(promoted)

    const generic = await client.call('get_task_details', { server, task })
    console.log(generic.name, operations.length, methods.map((m) => m.name))
    await client.logout()
  } catch (e) {
    if (e instanceof AemClientError) {
      console.error(e.errorCode, e.httpStatus, e.method, e.operation, e.message)
    } else {
      throw e
    }
  } finally {
    await client.close()
  }
}

/** The Qlik Cloud Tasks client: every method, typed. */
async function cloud (): Promise<void> {
  const tenant = await QlikCloudClient.connect({ url: 'https://tenant.eu.qlikcloud.com', apiKey: 'eyJ...', maxRequestsPerMinute: 500 })
  const oauth = await QlikCloudClient.connect({ url: 'https://tenant.eu.qlikcloud.com', clientId: 'id', clientSecret: 'secret' })
  await oauth.close()
  try {
    const page: CloudTaskPage = await tenant.getTasks({ resourceId: 'app-id', limit: 50, sort: '-updatedAt' })
    console.log(page.links?.next?.href, cloudMethods.length)
    const all = await tenant.getTasks({ resourceId: 'app-id', all: true, maxItems: 1000 })
    const task: CloudTask = await tenant.createTask({ name: 'Nightly', specVersion: '0.8' }, { migrateFrom: 'rt-1' })
    const id = task.id ?? all.data[0]?.id ?? ''
    await tenant.updateTask(id, { ...task, description: 'nightly reload' })
    await tenant.getTask(id)
    await tenant.startTask(id, { source: 'manual' })
    const runs = await tenant.getTaskRuns(id, { all: true })
    const log: string = await tenant.getTaskRunLog(id, runs.data[0]?.id ?? '')
    const last: CloudRun = await tenant.getLastTaskRun(id)
    console.log(log.length, last.status, (await tenant.getTasksResourceRuns('app-id')).data.length)
    const run = await tenant.startTaskAndWait(id, { timeoutMs: 600000, pollMs: 5000 })
    console.log(run.status === 'SUCCEEDED', run.endedAt)
    await tenant.deleteTask(id)
    await tenant.call('getTasks', { resourceId: 'app-id' })
  } catch (e) {
    if (e instanceof AemClientError) console.error(e.errorCode, e.httpStatus, e.traceId)
    else throw e
  } finally {
    await tenant.close()
  }
}

/** Kinetic Task's clone-trees, typed. */
async function kinetic (): Promise<void> {
  const task = await KineticClient.connect({ url: 'https://kinetic.example.net/kinetic-task', username: 'svc', password: 'secret' })
  const done: KineticCloneTreesResult = await task.cloneTrees({
    sourceFrom: 'Playground', sourceTo: 'Playground', groupFrom: 'Testing', groupTo: 'Docs', localRoutines: { routine_v1: 'routine_docs_v1' }
  })
  console.log(done.message, done.trees.map((t) => t.name))
  await task.cloneTrees({ payload: { source: { from: 'A', to: 'B' }, sourceGroup: { from: 'G', to: 'H' }, names: ['One'] } })
  await task.close()
}

kinetic().catch((e) => {
  console.error(e)
  process.exitCode = 1
})

cloud().catch((e) => {
  console.error(e)
  process.exitCode = 1
})

main().catch((e) => {
  console.error(e)
  process.exitCode = 1
})
