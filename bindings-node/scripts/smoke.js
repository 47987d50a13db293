'use strict'
// Smoke test of the packed tarball, run from a fresh project where `qem-client` was
// installed from it: connect to a mock, call, export to a file, close, exit by itself.
// Usage: QEM_MOCK_BIN=/path/to/qem-mock node smoke.js
const { spawn } = require('node:child_process')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const readline = require('node:readline')
const { AemClient, AemClientError } = require('qem-client')

async function main () {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qem-smoke-'))
  const cert = path.join(dir, 'ca.pem')
  const mock = spawn(process.env.QEM_MOCK_BIN, ['--port', '0', '--cert-out', cert], { stdio: ['ignore', 'pipe', 'inherit'] })
  try {
    const base = await new Promise((resolve, reject) => {
      mock.once('exit', (c) => reject(new Error(`qem-mock exited with ${c}`)))
      readline.createInterface({ input: mock.stdout }).on('line', (l) => {
        const m = /^qem-mock listening on (\S+)/.exec(l)
        if (m) resolve(new URL(m[1]))
      })
    })
    mock.stdout.resume()
    const client = await AemClient.connect({
      host: base.hostname, port: Number(base.port), urlSuffix: base.pathname.slice(1), caFile: cert
    }, { username: 'QEM\\admin', password: 'admin-pass' })
    const servers = await client.getServerList()
    if (servers.serverList[0].name !== 'Local Server') throw new Error('unexpected server list')
    const details = await client.getTaskDetails('Local Server', 'SalesDBBackup')
    if (details.name !== 'SalesDBBackup') throw new Error('unexpected task details')
    const bytes = await client.exportTaskToFile('Local Server', 'SalesDBBackup', path.join(dir, 't.json'))
    if (!(bytes > 0)) throw new Error('empty export')
    const failed = await client.getTaskDetails('Local Server', 'Nope').catch((e) => e)
    if (!(failed instanceof AemClientError) || !failed.httpStatus) throw new Error('no AemClientError')
    await client.close()
    console.log('smoke: 1 passed, 0 failed')
  } finally {
    mock.kill()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e)
  console.log('smoke: 0 passed, 1 failed')
  process.exitCode = 1
})
