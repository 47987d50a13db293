'use strict'
// Starts the qem-mock binary as a child process and talks to its control API.
const { spawn } = require('node:child_process')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const https = require('node:https')
const readline = require('node:readline')

const ROOT = path.resolve(__dirname, '..', '..')
const MOCK_BIN = process.env.QEM_MOCK_BIN ||
  path.join(ROOT, 'target', 'debug', process.platform === 'win32' ? 'qem-mock.exe' : 'qem-mock')

async function startMock () {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qem-node-'))
  const certFile = path.join(dir, 'mock-ca.pem')
  const child = spawn(MOCK_BIN, ['--port', '0', '--cert-out', certFile], { stdio: ['ignore', 'pipe', 'inherit'] })
  const baseUrl = await new Promise((resolve, reject) => {
    const rl = readline.createInterface({ input: child.stdout })
    const timer = setTimeout(() => reject(new Error('qem-mock did not start in 20 s')), 20000)
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`qem-mock exited with ${code}`)))
    rl.on('line', (line) => {
      const m = /^qem-mock listening on (\S+)/.exec(line)
      if (m) {
        clearTimeout(timer)
        resolve(m[1])
      }
    })
  })
  // Keep draining stdout so the child never blocks on a full pipe.
  child.stdout.resume()
  const url = new URL(baseUrl)
  const ca = fs.readFileSync(certFile)
  const control = (method, p, body) => new Promise((resolve, reject) => {
    const data = body === undefined ? null : Buffer.from(JSON.stringify(body))
    const req = https.request({
      host: url.hostname,
      port: url.port,
      path: p,
      method,
      ca,
      agent: false,
      headers: data ? { 'content-type': 'application/json', 'content-length': data.length } : { 'content-length': 0 }
    }, (res) => {
      const chunks = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        if (res.statusCode >= 300) return reject(new Error(`${method} ${p}: HTTP ${res.statusCode} ${text}`))
        resolve(text ? JSON.parse(text) : null)
      })
    })
    req.on('error', reject)
    req.end(data)
  })
  return {
    baseUrl,
    host: url.hostname,
    port: Number(url.port),
    urlSuffix: url.pathname.replace(/^\/+|\/+$/g, ''),
    certFile,
    control,
    /** Connect options for this mock, with the given credential. */
    options (credential = { username: 'QEM\\admin', password: 'admin-pass' }) {
      return { host: url.hostname, port: Number(url.port), urlSuffix: url.pathname.replace(/^\/+|\/+$/g, ''), caFile: certFile, ...credential }
    },
    /** QlikCloudClient options for this mock's tenant, with the given credential (camelCase). */
    cloudOptions (credential = { apiKey: 'key-dev' }) {
      return { url: `${url.origin}/qlik-cloud`, caFile: certFile, ...credential }
    },
    /** KineticTaskClient options for this mock's web application, with the given user (or none). */
    kineticOptions (credential = {}) {
      return { url: `${url.origin}/kinetic-task`, caFile: certFile, ...credential }
    },
    /** VeeamClient options for this mock's Enterprise Manager, with the given user. */
    veeamOptions (credential = { username: 'EM\\admin', password: 'admin-pass' }) {
      return { url: `${url.origin}/veeam`, caFile: certFile, ...credential }
    },
    async stop () {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill()
        await exited
      }
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
}

module.exports = { startMock, MOCK_BIN, ROOT }
