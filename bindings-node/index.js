'use strict'
// The JavaScript face of the addon: `AemClient`, argument checks and `AemClientError`.
// Its methods, their argument order and types are generated from the API description
// (`methods.js`, written by `cargo run -p qem-codegen`); nothing here knows a URL, a
// verb or a status.

const native = require('./native.js')
const {
  methods,
  defineMethods,
  qlikCloudMethods: cloudMethods,
  defineQlikCloudMethods,
  kineticMethods,
  defineKineticMethods,
  veeamMethods,
  defineVeeamMethods
} = require('./methods.js')

const SERVICES = JSON.parse(native.describeOperations()).services
/** Every Enterprise Manager operation of the API description (`schema/api.json`). */
const operations = Object.freeze(SERVICES[0].operations)
/** Every Qlik Cloud Tasks operation of the API description. */
const cloudOperations = Object.freeze(SERVICES[1].operations)
/** Every Kinetic Task operation of the API description. */
const kineticOperations = Object.freeze(SERVICES[2].operations)
/** Every Veeam Backup Enterprise Manager operation of the API description. */
const veeamOperations = Object.freeze(SERVICES[3].operations)

// A REST name (`GetTasks`) loses the underscore its first capital gives it.
const snake = (s) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace(/^_/, '')
const camel = (s) => s.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase())

/** A failed Enterprise Manager call, or a refused one. */
class AemClientError extends Error {
  constructor (info, method) {
    const code = info.error_code || 'INTERNAL_ERROR'
    const where = [info.operation, info.http_status != null ? `HTTP ${info.http_status}` : null]
      .filter(Boolean)
      .join(', ')
    super(`${code}: ${info.message}${where ? ` (${where})` : ''}`)
    this.name = 'AemClientError'
    /** The server's code verbatim (`AEM_TASK_ALREADY_RUNNING`) or the SDK's (`CONNECTION_ERROR`). */
    this.errorCode = code
    /** The HTTP status of the answer, or null when none came. */
    this.httpStatus = info.http_status ?? null
    /** The client method that failed (`getTaskDetails`). */
    this.method = method ?? null
    /** The REST operation that failed (`GetTaskDetails`), or null. */
    this.operation = info.operation ?? null
    /** The error's category (`session`, `not_found`, `connection`, ...). */
    this.kind = info.kind ?? null
    /** The message without code, operation and status. */
    this.detail = info.message
    /** The server's trace id of the failed request (Qlik Cloud's `traceId`), or null. */
    this.traceId = info.trace_id ?? null
  }
}

/** The `AemClientError` of the addon's error JSON (anything else becomes INTERNAL_ERROR). */
function errorOf (text, method) {
  let info
  try {
    info = JSON.parse(text)
  } catch {}
  if (!info || typeof info !== 'object' || typeof info.error_code !== 'string') {
    info = { error_code: 'INTERNAL_ERROR', message: String(text), kind: 'internal' }
  }
  return new AemClientError(info, method)
}

/** The `AemClientError` of an exception the addon threw (its message is the error JSON). */
const fromNative = (e, method) => errorOf(e && e.message !== undefined ? e.message : e, method)

const closedError = (method) =>
  new AemClientError(
    { error_code: 'CLIENT_CLOSED', message: 'the client was closed; create a new one with AemClient.connect()', kind: 'closed' },
    method
  )

const describe = (v) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v)

const isPlainObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && !Buffer.isBuffer(v)

/** Checks one argument against its kind from the table and converts it for the core. */
function checkArg (method, name, check, v) {
  const bad = (want) => new TypeError(`${method}: argument \`${name}\` must be ${want}, not ${describe(v)}`)
  switch (check) {
    case 'string':
    case 'text':
    case 'path':
      if (typeof v !== 'string') throw bad('a string')
      return v
    case 'boolean':
      if (typeof v !== 'boolean') throw bad('a boolean')
      return v
    case 'integer':
      if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw bad('a non-negative integer')
      return v
    case 'object':
      if (!isPlainObject(v) && typeof v !== 'string') throw bad('an object')
      return v
    case 'array':
      if (!Array.isArray(v) && typeof v !== 'string') throw bad('an array')
      return v
    case 'document':
      if (Buffer.isBuffer(v)) return v.toString('utf8')
      if (!isPlainObject(v) && typeof v !== 'string') throw bad('a string or an object')
      return v
    case 'states':
      if (!Array.isArray(v) || v.length === 0 || v.some((s) => typeof s !== 'string')) {
        throw bad('a non-empty array of task states')
      }
      return v
    case 'strings':
      if (typeof v !== 'string' && (!Array.isArray(v) || v.some((s) => typeof s !== 'string'))) {
        throw bad('a string or an array of strings')
      }
      return v
    default:
      return v
  }
}

/** Turns a method's JS arguments into the core's named arguments, or throws TypeError. */
function buildArgs (spec, given) {
  const name = spec.name
  const args = {}
  const positional = spec.positional
  const hasOptions = spec.options.length > 0
  const max = positional.length + (hasOptions ? 1 : 0)
  if (given.length > max) {
    throw new TypeError(`${name}: takes at most ${max} argument(s) (${positional.map((p) => p.name).concat(hasOptions ? ['options'] : []).join(', ')}), got ${given.length}`)
  }
  positional.forEach((p, i) => {
    const v = given[i]
    if (v === undefined || v === null) throw new TypeError(`${name}: argument \`${p.name}\` is required`)
    args[p.wire] = checkArg(name, p.name, p.check, v)
  })
  const opts = given[positional.length]
  if (opts !== undefined && opts !== null) {
    if (!isPlainObject(opts)) {
      throw new TypeError(`${name}: argument \`options\` must be an object, not ${describe(opts)}`)
    }
    for (const [k, v] of Object.entries(opts)) {
      const o = spec.options.find((x) => x.name === k || x.wire === k)
      if (!o) {
        const known = spec.options.map((x) => x.name).join(', ') || 'none'
        throw new TypeError(`${name}: unknown option \`${k}\` (known: ${known})`)
      }
      if (v !== undefined && v !== null) args[o.wire] = checkArg(name, k, o.check, v)
    }
  }
  return args
}

function stringify (method, args) {
  try {
    return JSON.stringify(args)
  } catch (e) {
    throw new TypeError(`${method}: arguments cannot be sent as JSON: ${e.message}`)
  }
}

const CREDENTIALS = ['username', 'apiToken', 'jwt', 'b64', 'saml']
const OPTION_KEYS = {
  url: 'string',
  host: 'string',
  port: 'integer',
  urlSuffix: 'string',
  verifyCertificate: 'boolean',
  caFile: 'string',
  caPem: 'string',
  loginMethod: 'string',
  connectTimeoutMs: 'integer',
  readTimeoutMs: 'integer',
  maxRetries: 'integer',
  sessionIdleMs: 'integer',
  maxConcurrentRequests: 'integer',
  domain: 'string',
  username: 'string',
  password: 'string',
  apiToken: 'string',
  jwt: 'string',
  b64: 'string',
  saml: 'string'
}

/** Maps the camelCase connect options to the core's settings JSON (snake_case). */
function configOf (options, credential) {
  if (!isPlainObject(options)) {
    throw new TypeError(`AemClient.connect: argument \`options\` must be an object, not ${describe(options)}`)
  }
  if (credential !== undefined && credential !== null && !isPlainObject(credential)) {
    throw new TypeError(`AemClient.connect: argument \`credential\` must be an object, not ${describe(credential)}`)
  }
  const all = { ...options, ...(credential || {}) }
  const config = {}
  for (const [k, v] of Object.entries(all)) {
    const check = OPTION_KEYS[k]
    if (!check) {
      throw new TypeError(`AemClient.connect: unknown option \`${k}\` (known: ${Object.keys(OPTION_KEYS).join(', ')})`)
    }
    if (v === undefined || v === null) continue
    const value = k === 'caPem' && Buffer.isBuffer(v) ? v.toString('utf8') : v
    config[snake(k)] = checkArg('AemClient.connect', k, check, value)
  }
  if (config.port !== undefined && (config.port < 1 || config.port > 65535)) {
    throw new TypeError('AemClient.connect: option `port` must be between 1 and 65535')
  }
  if (config.url === undefined && config.host === undefined) {
    throw new TypeError('AemClient.connect: option `host` (or `url`) is required')
  }
  const given = CREDENTIALS.filter((c) => config[snake(c)] !== undefined)
  if (given.length !== 1) {
    throw new TypeError(
      'AemClient.connect: give exactly one credential: { username, password, domain? }, { apiToken }, { jwt }, { b64 } or { saml }' +
        (given.length ? ` (got ${given.join(', ')})` : '')
    )
  }
  if (config.username !== undefined && config.password === undefined) {
    throw new TypeError('AemClient.connect: option `password` is required with `username`')
  }
  return config
}

/** The connection options every service's client takes. */
const COMMON_OPTION_KEYS = {
  url: 'string',
  verifyCertificate: 'boolean',
  caFile: 'string',
  caPem: 'string',
  connectTimeoutMs: 'integer',
  readTimeoutMs: 'integer',
  maxRetries: 'integer',
  maxConcurrentRequests: 'integer'
}
const CLOUD_OPTION_KEYS = {
  ...COMMON_OPTION_KEYS,
  apiKey: 'string',
  clientId: 'string',
  clientSecret: 'string',
  scope: 'string',
  maxRequestsPerMinute: 'integer'
}
const KINETIC_OPTION_KEYS = { ...COMMON_OPTION_KEYS, username: 'string', password: 'string' }
const VEEAM_OPTION_KEYS = { ...KINETIC_OPTION_KEYS, apiVersion: 'string' }

/** Maps another service's camelCase options to the core's settings JSON (the core checks the credentials). */
function serviceConfigOf (where, service, keys, options) {
  if (!isPlainObject(options)) throw new TypeError(`${where}: argument \`options\` must be an object, not ${describe(options)}`)
  const config = { service }
  for (const [k, v] of Object.entries(options)) {
    const check = keys[k]
    if (!check) throw new TypeError(`${where}: unknown option \`${k}\` (known: ${Object.keys(keys).join(', ')})`)
    if (v === undefined || v === null) continue
    const value = k === 'caPem' && Buffer.isBuffer(v) ? v.toString('utf8') : v
    config[snake(k)] = checkArg(where, k, check, value)
  }
  if (config.url === undefined) throw new TypeError(`${where}: option \`url\` is required`)
  return config
}

const TOKEN = Symbol('qem-client')

/** A call that failed in the addon: the error's JSON, made into an AemClientError by the method that awaited it. */
class Failure {
  constructor (text) {
    this.text = text
  }
}

/**
 * The `Calls` of every client with calls in flight. A client is held here, strongly,
 * from its first pending call until its last one settles. Nothing else outside the
 * client refers to it: the addon's completion callback reaches it through a `WeakRef`
 * (see `completionOf`). So a client with no pending calls that the program no longer
 * references can be garbage collected. The native side's finalizer then releases the
 * core client, and the core logs its session out in the background.
 */
const busy = new Set()

/**
 * The calls in flight of one native client. `start` hands a call to the addon with an
 * id and returns its promise; the addon reports the end through the completion callback
 * as `(id, ok, text)`, `text` being the answer's JSON when `ok` and the error's JSON
 * otherwise, and `settle` resolves that id's promise. (The addon keeps the process alive
 * while calls are pending.) Failures reject with a `Failure`: the `AemClientError` is
 * created after the caller's `await`, so that its stack shows where the call was made.
 */
class Calls {
  native = null
  #next = 0
  #pending = new Map()

  settle (id, ok, text) {
    const call = this.#pending.get(id)
    if (call === undefined) return
    this.#pending.delete(id)
    if (this.#pending.size === 0) busy.delete(this)
    if (!ok) {
      call.reject(new Failure(text))
      return
    }
    let answer
    try {
      answer = JSON.parse(text)
    } catch (e) {
      call.reject(new Failure(JSON.stringify({ error_code: 'INTERNAL_ERROR', message: `the addon answered invalid JSON: ${e.message}`, kind: 'internal' })))
      return
    }
    call.resolve(answer)
  }

  /** Starts the core method `method` (null: close) with its arguments' JSON. */
  start (method, argsJson) {
    return new Promise((resolve, reject) => {
      this.#next = (this.#next + 1) >>> 0
      const id = this.#next
      try {
        if (method === null) this.native.close(id)
        else this.native.start(id, method, argsJson)
      } catch (e) {
        reject(new Failure(e && e.message !== undefined ? e.message : String(e)))
        return
      }
      this.#pending.set(id, { resolve, reject })
      if (this.#pending.size === 1) busy.add(this)
    })
  }
}

/**
 * The completion callback of one client's addon object. It reaches the client's `Calls`
 * through a `WeakRef` only: the addon holds the callback for as long as the native
 * object lives, and a strong reference would keep the native object (held by `Calls`)
 * alive forever. While calls are pending, `busy` holds the `Calls`, so `deref()` never
 * misses an answer.
 */
function completionOf (calls) {
  const ref = new WeakRef(calls)
  return (id, ok, text, more) => {
    const target = ref.deref()
    if (target !== undefined) deliver(target, id, ok, text, more)
  }
}

// Answers are handed over in slices of at most SLICE_MS of the JavaScript thread's time.
// The addon's callbacks come in bursts when many calls are in flight (Node runs up to
// 1,000 queued callbacks in one go), and answers also pile up while the program is busy,
// for instance issuing 1,000 calls. Parsing all of them and resolving all their promises
// at once would hold back timers and I/O for as long as that takes. So a run of answers
// (the addon's `more` says others are queued behind this one) that has used up its slice
// leaves the rest in `backlog`. The backlog is then worked off one slice per turn of the
// event loop, from `setImmediate`. A lone answer, such as those of sequential calls, is
// settled at once, and nothing is scheduled for it.
const SLICE_MS = 2
/** Deferred answers, flat: `calls, id, ok, text, calls, id, ok, text, ...` from `head`. */
const backlog = []
let head = 0
/** When the current run of answers started (`performance.now()`), or -1 if none is open. */
let runStart = -1
let flushScheduled = false
/** The next flush only lets a turn of the event loop go by (timers and I/O go first). */
let flushSkips = false
const now = () => performance.now()

function deliver (calls, id, ok, text, more) {
  if (head === backlog.length) {
    const t = now()
    if (runStart < 0) runStart = t
    if (t - runStart < SLICE_MS) {
      calls.settle(id, ok, text)
      if (!more) runStart = -1
      return
    }
    // This run has used up its slice: the rest waits for a later turn of the loop.
    runStart = -1
    flushSkips = true
    scheduleFlush()
  }
  backlog.push(calls, id, ok, text)
}

function scheduleFlush () {
  if (flushScheduled) return
  flushScheduled = true
  setImmediate(flush)
}

/**
 * Settles one slice of the backlog, then schedules the next. The first flush after a run
 * only reschedules: it runs in the same turn of the loop as the run (the check phase
 * follows the poll phase), and timers should get their turn first.
 */
function flush () {
  flushScheduled = false
  if (flushSkips) {
    flushSkips = false
    scheduleFlush()
    return
  }
  const start = now()
  while (head < backlog.length) {
    const calls = backlog[head]
    const id = backlog[head + 1]
    const ok = backlog[head + 2]
    const text = backlog[head + 3]
    backlog[head] = backlog[head + 3] = undefined
    head += 4
    calls.settle(id, ok, text)
    if (now() - start >= SLICE_MS) break
  }
  if (head === backlog.length) {
    backlog.length = 0
    head = 0
  } else {
    scheduleFlush()
  }
}

/** Runs one generated method, and makes one call (set in Client's static block, which can reach #run and #invoke). */
let runMethod
let invokeMethod

/** The native client under a new JavaScript client of class `Class`. */
async function open (Class, config) {
  const calls = new Calls()
  try {
    calls.native = await native.NativeClient.create(JSON.stringify(config), completionOf(calls))
  } catch (e) {
    throw fromNative(e, 'connect')
  }
  return new Class(TOKEN, calls)
}

/** What every client shares, whatever its service: calls, the generic entry, close. */
class Client {
  #calls
  #closed = false

  constructor (token, calls) {
    if (token !== TOKEN) throw new TypeError(`use \`await ${new.target.name}.connect(options)\` to create a ${new.target.name}`)
    this.#calls = calls
  }

  /** True once `close()` was called. */
  get closed () {
    return this.#closed
  }

  async #invoke (method, args, jsName) {
    if (this.#closed) throw closedError(jsName)
    // Text UTF-8 cannot carry (a lone surrogate, which JSON.stringify writes as an
    // escape) is refused by the core, naming the argument, wherever it sits.
    try {
      return await this.#calls.start(method, stringify(jsName, args))
    } catch (e) {
      throw e instanceof Failure ? errorOf(e.text, jsName) : e
    }
  }

  /** Logs out (Enterprise Manager) and refuses every later call; closing twice is fine. */
  async close () {
    if (this.#closed) return
    this.#closed = true
    try {
      await this.#calls.start(null, null)
    } catch (e) {
      throw e instanceof Failure ? errorOf(e.text, 'close') : e
    }
  }

  /** One generated method's call: its arguments checked against its spec, then the core's answer. */
  async #run (spec, given) {
    const answer = await this.#invoke(spec.method, buildArgs(spec, given), spec.name)
    if (spec.kind === 'export_file') return answer.bytes
    return spec.returns === 'void' ? undefined : answer
  }

  static {
    runMethod = (client, spec, given) => client.#run(spec, given)
    invokeMethod = (client, method, args, jsName) => client.#invoke(method, args, jsName)
  }
}

/** The generic entry's checks; the key of each argument is `wireKey`'s. */
function genericCall (client, method, args, wireKey) {
  if (typeof method !== 'string' || method === '') {
    throw new TypeError(`call: argument \`method\` must be a non-empty string, not ${describe(method)}`)
  }
  if (args !== undefined && args !== null && !isPlainObject(args)) {
    throw new TypeError(`call: argument \`args\` must be an object, not ${describe(args)}`)
  }
  const wire = {}
  for (const [k, v] of Object.entries(args || {})) if (v !== undefined) wire[wireKey(k)] = v
  return invokeMethod(client, snake(method), wire, camel(snake(method)))
}

const run = (client, spec, given) => runMethod(client, spec, given)

/** A client of one Qlik Enterprise Manager. Create it with `AemClient.connect()`. */
class AemClient extends defineMethods(Client, run) {
  /**
   * Creates a client and logs in (wrong credentials fail here).
   * `options`: `{ host, port, urlSuffix, verifyCertificate, caFile, ... }` (or `url`), with
   * one credential in it or as the second argument.
   */
  static async connect (options, credential) {
    const client = await open(AemClient, configOf(options, credential))
    await client.login()
    return client
  }

  /**
   * The generic entry: any core method by its snake_case or camelCase name, with the
   * guide's argument names (`payload` for the body, `file` to stream an export to a
   * path, `payload_file` to stream an import from one). Answers plain objects, or null.
   */
  async call (method, args) {
    return genericCall(this, method, args, snake)
  }
}

/** The wire name of each argument of a service's methods by its JavaScript name (`maxItems`: `max_items`). */
const wireNames = (table) => new Map(table.flatMap((m) => [...m.positional, ...m.options].map((a) => [a.name, a.wire])))
const CLOUD_WIRE = wireNames(cloudMethods)
const KINETIC_WIRE = wireNames(kineticMethods)
const VEEAM_WIRE = wireNames(veeamMethods)

/** A client of one Qlik Cloud tenant's Tasks API. Create it with `QlikCloudClient.connect()`. */
class QlikCloudClient extends defineQlikCloudMethods(Client, run) {
  /**
   * Creates a client of the tenant at `url` with an `apiKey`, or an OAuth client's
   * `clientId` and `clientSecret` (its token is fetched with the first call, shared and
   * renewed before it expires). Nothing is sent yet.
   */
  static async connect (options) {
    return open(QlikCloudClient, serviceConfigOf('QlikCloudClient.connect', 'qlik_cloud', CLOUD_OPTION_KEYS, options))
  }

  /**
   * The generic entry: any Qlik Cloud operation by its snake_case, camelCase or REST
   * name (`get_tasks`, `getTasks`, `GetTasks`) with the spec's argument names
   * (`resourceId`, `runId`, the body as `payload`). Answers plain objects, text, or null.
   */
  async call (method, args) {
    return genericCall(this, method, args, (k) => CLOUD_WIRE.get(k) ?? k)
  }
}

/** A client of one Kinetic Task web application. Create it with `KineticClient.connect()`. */
class KineticClient extends defineKineticMethods(Client, run) {
  /**
   * Creates a client of the web application at `url` (`https://host[:port]/kinetic-task`),
   * with `username` and `password` (HTTP Basic on every request) when its sources' API
   * policy rules check the caller's identity. Nothing is sent yet.
   */
  static async connect (options) {
    return open(KineticClient, serviceConfigOf('KineticClient.connect', 'kinetic', KINETIC_OPTION_KEYS, options))
  }

  /**
   * The generic entry: any Kinetic Task operation by its snake_case, camelCase or REST name
   * (`clone_trees`, `cloneTrees`, `CloneTrees`), the body as `payload` or its fields by name.
   */
  async call (method, args) {
    return genericCall(this, method, args, (k) => KINETIC_WIRE.get(k) ?? k)
  }
}

/**
 * A client of one Veeam Backup Enterprise Manager. Create it with `VeeamClient.connect()`;
 * `close()` logs its session off.
 */
class VeeamClient extends defineVeeamMethods(Client, run) {
  /**
   * Creates a client of the Enterprise Manager at `url` (`https://host:9398`) for a
   * `username` and `password` (a Portal Administrator, Portal User or Restore Operator;
   * `apiVersion` is `latest` unless given). Nothing is sent yet: the first call logs on
   * (`call('login')` does it now).
   */
  static async connect (options) {
    return open(VeeamClient, serviceConfigOf('VeeamClient.connect', 'veeam', VEEAM_OPTION_KEYS, options))
  }

  /**
   * The generic entry: any Veeam operation or helper by its snake_case, camelCase or REST
   * name (`clone_job`, `cloneJob`, `CloneJob`), the clone's fields by name.
   */
  async call (method, args) {
    return genericCall(this, method, args, (k) => VEEAM_WIRE.get(k) ?? k)
  }
}

if (Symbol.asyncDispose) {
  Client.prototype[Symbol.asyncDispose] = function () {
    return this.close()
  }
}

/** Shorthand for `AemClient.connect(options, credential)`. */
const connect = (options, credential) => AemClient.connect(options, credential)

module.exports = {
  AemClient,
  QlikCloudClient,
  KineticClient,
  VeeamClient,
  AemClientError,
  connect,
  operations,
  methods,
  cloudOperations,
  cloudMethods,
  kineticOperations,
  kineticMethods,
  veeamOperations,
  veeamMethods
}
