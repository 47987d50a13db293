'use strict'
// Runs every shared conformance case (tests/conformance/cases/*.json, and cloud/*.json
// through QlikCloudClient) through the Node binding's generic entry, as tests/conformance/README.md describes: one subtest per file.
const { test, before, after } = require('node:test')
const assert = require('node:assert')
const fs = require('node:fs')
const path = require('node:path')
const { AemClient, QlikCloudClient, KineticClient, VeeamClient } = require('..')
const { startMock, ROOT } = require('./mock')

const CONFORMANCE = path.join(ROOT, 'tests', 'conformance')
const inDir = (dir) => fs.readdirSync(path.join(CONFORMANCE, dir)).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(dir, f))
const files = [...inDir('cases'), ...inDir('cloud'), ...inDir('kinetic'), ...inDir('veeam')]
const camelKey = (k) => k.replace(/_([a-z])/g, (_, c) => c.toUpperCase())
const NO_FAULTS = { latency_ms: 0, error_rate: 0, error_status: 503, drop_rate: 0, seed: 1 }

let mock
before(async () => { mock = await startMock() })
after(async () => { await mock.stop() })

function credentialOf (login) {
  if (!login) return { username: 'QEM\\admin', password: 'admin-pass' }
  if (login.api_token) return { apiToken: login.api_token }
  if (login.jwt) return { jwt: login.jwt }
  if (login.b64) return { b64: login.b64 }
  if (login.saml) return { saml: login.saml }
  return { username: login.username, password: login.password, ...(login.domain ? { domain: login.domain } : {}) }
}

/** A case's extra client options (`login.options`, snake_case) as connect options. */
function optionsOf (login) {
  return Object.fromEntries(Object.entries((login?.options) || {}).map(([k, v]) => [camelKey(k), v]))
}

/** `expected` is a subset of `actual`: objects by key, arrays element-wise, "$any". */
function subset (expected, actual, at) {
  if (expected === '$any') {
    if (actual === undefined) throw new Error(`${at} is missing`)
    return
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) throw new Error(`${at} is ${JSON.stringify(actual)}, expected an array`)
    if (expected.length !== actual.length) {
      throw new Error(`${at} has ${actual.length} elements, expected ${expected.length}: ${JSON.stringify(actual)}`)
    }
    expected.forEach((e, i) => { subset(e, actual[i], `${at}[${i}]`) })
    return
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) {
      throw new Error(`${at} is ${JSON.stringify(actual)}, expected an object`)
    }
    for (const [k, v] of Object.entries(expected)) {
      if (!(k in actual)) throw new Error(`${at}.${k} is missing in ${JSON.stringify(actual)}`)
      subset(v, actual[k], `${at}.${k}`)
    }
    return
  }
  if (expected !== actual) throw new Error(`${at} is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`)
}

async function runStep (client, step) {
  if (step.mock) {
    switch (step.mock) {
      case 'expire_sessions': return mock.control('POST', '/mock/expire-sessions')
      case 'sleep': return new Promise((resolve) => setTimeout(resolve, step.ms || 0))
      case 'faults': return mock.control('PUT', '/mock/faults', { ...NO_FAULTS, ...(step.faults || {}) })
      case 'clear_requests': return mock.control('DELETE', '/mock/requests')
      case 'expect_requests': {
        const seen = (await mock.control('GET', '/mock/requests')) || []
        const kept = step.operation === undefined ? seen : seen.filter((r) => r.operation === step.operation)
        return subset(step.expect || [], kept, 'requests')
      }
      default: throw new Error(`unknown mock action ${step.mock}`)
    }
  }
  let answer
  try {
    answer = await client.call(step.method, step.args || {})
  } catch (e) {
    if (step.expect_error === undefined) throw new Error(`failed: ${e.message}`)
    assert.strictEqual(e.name, 'AemClientError', `not an AemClientError: ${e.stack}`)
    assert.strictEqual(e.errorCode, step.expect_error, `failed with ${e.message}; expected ${step.expect_error}`)
    if (step.expect_http_status !== undefined) {
      assert.strictEqual(e.httpStatus, step.expect_http_status, `HTTP status of ${e.message}`)
    }
    return
  }
  if (step.expect_error !== undefined) {
    throw new Error(`succeeded with ${JSON.stringify(answer)}; expected error ${step.expect_error}`)
  }
  if (step.expect !== undefined && step.expect !== null) subset(step.expect, answer, '$')
}

/** A case naming a service (Qlik Cloud, Kinetic Task) gets that service's client with its credentials. */
function serviceClientOf (kase) {
  const credential = Object.fromEntries(Object.entries(kase.credentials || {}).map(([k, v]) => [camelKey(k), v]))
  if (kase.service === 'veeam') return VeeamClient.connect(mock.veeamOptions(credential))
  return kase.service === 'kinetic'
    ? KineticClient.connect(mock.kineticOptions(credential))
    : QlikCloudClient.connect(mock.cloudOptions(credential))
}

for (const file of files) {
  test(path.basename(file).replace(/\.json$/, ''), async () => {
    const kase = JSON.parse(fs.readFileSync(path.join(CONFORMANCE, file), 'utf8'))
    await mock.control('PUT', '/mock/faults', NO_FAULTS)
    if (kase.state) await mock.control('PUT', '/mock/state', kase.state)
    else await mock.control('POST', '/mock/reset')
    // A case sees its own requests only.
    await mock.control('DELETE', '/mock/requests')
    const options = { ...mock.options(credentialOf(kase.login)), ...optionsOf(kase.login) }
    if (kase.expect_login_error) {
      await assert.rejects(AemClient.connect(options), (e) => {
        assert.strictEqual(e.errorCode, kase.expect_login_error, e.message)
        return true
      })
      return
    }
    const client = kase.service && kase.service !== 'qem' ? await serviceClientOf(kase) : await AemClient.connect(options)
    try {
      for (const [i, step] of (kase.steps || []).entries()) {
        try {
          await runStep(client, step)
        } catch (e) {
          e.message = `step ${i + 1} (${step.method || step.mock}): ${e.message}`
          throw e
        }
      }
    } finally {
      await client.close().catch(() => {})
    }
  })
}
