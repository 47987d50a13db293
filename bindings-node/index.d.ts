// Type declarations of qem-client. The part below the "Generated" line is written from the
// API description (schema/api.json) by `cargo run -p qem-codegen`; this header, written by
// hand, declares the client class around it.

/** Any JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

/** Where the Enterprise Manager is and how to talk to it. */
export interface ConnectOptions {
  /** Host name or address (or give `url` instead of host, port and urlSuffix). */
  host?: string
  /** HTTPS port (443). */
  port?: number
  /** Path of the Enterprise Manager web application (`attunityenterprisemanager`). */
  urlSuffix?: string
  /** `https://host[:port]/attunityenterprisemanager`, instead of host, port and urlSuffix. */
  url?: string
  /** Verify the server's certificate (true). */
  verifyCertificate?: boolean
  /** A PEM file of extra trusted CA certificates. */
  caFile?: string
  /** Extra trusted CA certificates as PEM text. */
  caPem?: string | Buffer
  /** `GET` (default) or `POST` login. */
  loginMethod?: 'GET' | 'POST'
  /** Time to connect (10,000 ms). */
  connectTimeoutMs?: number
  /** Longest silence while waiting for an answer (60,000 ms). */
  readTimeoutMs?: number
  /** Retries of reads and logins after connection errors and 502/503/504, and of any call whose connection could not be made (3). */
  maxRetries?: number
  /** How long the server keeps an idle session (300,000 ms). */
  sessionIdleMs?: number
  /** Requests of this client on the wire at once (64); more calls wait their turn. */
  maxConcurrentRequests?: number
}

/** Active Directory user: `DOMAIN\user` or `user@domain` in username, or the domain apart. */
export interface PasswordCredential { domain?: string, username: string, password: string }
/** An API token (`api-token:` login). */
export interface ApiTokenCredential { apiToken: string }
/** A JSON Web Token (`jwt:` login). */
export interface JwtCredential { jwt: string }
/** The base64 of `DOMAIN\user:password`, as the guide's samples carry it. */
export interface B64Credential { b64: string }
/** A SAML message from the identity provider, posted as the login body (no Authorization header). */
export interface SamlCredential { saml: string }
/** Exactly one credential. */
export type Credential = PasswordCredential | ApiTokenCredential | JwtCredential | B64Credential | SamlCredential

/** A failed call, or one the client refused (`INVALID_ARGUMENT`, `CLIENT_CLOSED`). */
export declare class AemClientError extends Error {
  readonly name: 'AemClientError'
  /** The server's code verbatim (`AEM_TASK_ALREADY_RUNNING`) or one of the SDK's (`SdkErrorCode`: `CONNECTION_ERROR`, `TIMEOUT`, `INVALID_ARGUMENT`, `WAIT_TIMEOUT`...). */
  readonly errorCode: SdkErrorCode | (string & {})
  /** The HTTP status of the answer, or null when none came. */
  readonly httpStatus: number | null
  /** The client method that failed (`getTaskDetails`). */
  readonly method: string | null
  /** The REST operation that failed (`GetTaskDetails`), or null. */
  readonly operation: string | null
  /** The error's category (`ErrorKind`: `session`, `not_found`, `connection`...), or `internal` for a bug caught at the boundary. */
  readonly kind: ErrorKind | 'internal' | null
  /** The message without code, operation and status. */
  readonly detail: string
  /** The server's trace id of the failed request (Qlik Cloud's `traceId`), or null. */
  readonly traceId: string | null
}

/** One argument of an operation in the API description. */
export interface ArgumentInfo {
  name: string
  /** `path`, `query` or `body`. */
  in: string
  required: boolean
  /** Its JSON Schema. */
  schema: unknown
  default?: unknown
}

/** One Enterprise Manager operation of the API description (`schema/api.json`). */
export interface OperationInfo {
  name: string
  method: string
  aliases: string[]
  doc: string
  verb: string
  path: string
  query: Record<string, string>
  args: ArgumentInfo[]
  answer: { kind: string, model?: string, schema?: unknown }
}

/** One method of AemClient (the table of `methods.js`, generated). */
export interface MethodInfo {
  name: string
  method: string
  rest: string | null
  kind: 'op' | 'session' | 'export_file' | 'import_file' | 'helper'
  doc: string
  positional: { name: string, wire: string, type: string, check: string }[]
  options: { name: string, wire: string, type: string, check: string }[]
  returns: string
}

/**
 * A client of one Qlik Enterprise Manager. Every method returns a Promise of plain
 * objects with the wire's field names. Required arguments are positional, in the
 * guide's order; optional ones go in a trailing options object.
 */
export declare class AemClient {
  private constructor ()
  /** Creates a client and logs in (wrong credentials reject here). */
  static connect (options: ConnectOptions & Partial<Credential>, credential?: Credential): Promise<AemClient>
  /** True once `close()` was called. */
  readonly closed: boolean
  /**
   * The generic entry: any core method by its snake_case or camelCase name with the
   * guide's argument names (`payload`, `file` to stream an export to a path,
   * `payload_file` to stream an import from one).
   */
  call (method: string, args?: Record<string, unknown>): Promise<any>
  /** Logs out; later calls reject with `CLIENT_CLOSED`. Closing twice is fine. */
  close (): Promise<void>
}
export interface AemClient extends AemClientMethods {}

/** How to reach another service's server, whatever the service. */
export interface ServiceOptions {
  /** The service's root URL. */
  url: string
  /** Verify the server's certificate (true). */
  verifyCertificate?: boolean
  /** A PEM file of extra trusted CA certificates. */
  caFile?: string
  /** Extra trusted CA certificates as PEM text. */
  caPem?: string | Buffer
  /** Time to connect (10,000 ms). */
  connectTimeoutMs?: number
  /** Longest silence while waiting for an answer (60,000 ms). */
  readTimeoutMs?: number
  /** Retries of reads (and token requests) after connection errors and 502/503/504 (3); a 429 is always waited out; a state change that may have reached the server is never repeated. */
  maxRetries?: number
  /** Requests of this client on the wire at once (64). */
  maxConcurrentRequests?: number
}

/** A Qlik Cloud tenant (`url`: `https://tenant.region.qlikcloud.com`) and an `apiKey`, or `clientId` and `clientSecret`. */
export interface QlikCloudOptions extends ServiceOptions {
  /** An API key (a bearer token). */
  apiKey?: string
  /** An OAuth machine-to-machine client's id (with `clientSecret`). */
  clientId?: string
  /** The OAuth client's secret. */
  clientSecret?: string
  /** The OAuth scope asked for (the client's default when absent). */
  scope?: string
  /** A pace that keeps this client under the tenant's rate limit (none). */
  maxRequestsPerMinute?: number
}

/**
 * A client of one Qlik Cloud tenant's Tasks API. Every method returns a Promise of
 * plain objects with the spec's field names. Required arguments are positional;
 * optional ones go in a trailing options object.
 */
export declare class QlikCloudClient {
  private constructor ()
  /** Creates a client; nothing is sent until the first call. */
  static connect (options: QlikCloudOptions): Promise<QlikCloudClient>
}
export interface QlikCloudClient extends ServiceClient, QlikCloudClientMethods {}

/** What the clients of the other services share: the generic entry (by the spec's names) and close. */
export interface ServiceClient {
  /** True once `close()` was called. */
  readonly closed: boolean
  /** The generic entry: any operation of the service by its snake_case, camelCase or REST name, with the spec's argument names (the body as `payload`). */
  call (method: string, args?: Record<string, unknown>): Promise<any>
  /** Refuses every later call (`CLIENT_CLOSED`); closing twice is fine. */
  close (): Promise<void>
}

/** A Kinetic Task web application (`url`: `https://host[:port]/kinetic-task`) and, when its sources check the caller's identity, a user. */
export interface KineticTaskOptions extends ServiceOptions {
  /** A user for HTTP Basic (sent with every request; there is no session). */
  username?: string
  /** Its password. */
  password?: string
}

/** A client of one Kinetic Task web application: clone-trees, typed. */
export declare class KineticClient {
  private constructor ()
  /** Creates a client; nothing is sent until the first call. */
  static connect (options: KineticTaskOptions): Promise<KineticClient>
}
export interface KineticClient extends ServiceClient, KineticClientMethods {}

/** A Veeam Backup Enterprise Manager (`url`: `https://host:9398`) and a user of its portal. */
export interface VeeamOptions extends ServiceOptions {
  /** A Portal Administrator, Portal User or Restore Operator (HTTP Basic at logon). */
  username: string
  /** Its password. */
  password: string
  /** The API version asked for at logon (`latest`). */
  apiVersion?: string
}

/** A client of one Veeam Backup Enterprise Manager: one logon session, renewed once when it expires, logged off by `close()`. */
export declare class VeeamClient {
  private constructor ()
  /** Creates a client; nothing is sent until the first call, which logs on. */
  static connect (options: VeeamOptions): Promise<VeeamClient>
}
export interface VeeamClient extends ServiceClient, VeeamClientMethods {}

/** Shorthand for `AemClient.connect(options, credential)`. */
export declare function connect (options: ConnectOptions & Partial<Credential>, credential?: Credential): Promise<AemClient>
/** Every operation of the core, as its table describes it. */
export declare const operations: readonly OperationInfo[]
/** Every method of AemClient generated from the core. */
export declare const methods: readonly MethodInfo[]
/** Every Qlik Cloud Tasks operation of the core. */
export declare const cloudOperations: readonly OperationInfo[]
/** Every method of QlikCloudClient generated from the core. */
export declare const cloudMethods: readonly MethodInfo[]
/** Every Kinetic Task operation of the core. */
export declare const kineticOperations: readonly OperationInfo[]
/** Every method of KineticClient generated from the core. */
export declare const kineticMethods: readonly MethodInfo[]
/** Every Veeam Backup Enterprise Manager operation of the core. */
export declare const veeamOperations: readonly OperationInfo[]
/** Every method of VeeamClient generated from the core. */
export declare const veeamMethods: readonly MethodInfo[]


// ---- Generated by `cargo run -p qem-codegen` from schema/api.json: do not edit. ----

/**
 * The SDK's own error codes (an error from the server carries the server's code verbatim):
 * - `CONNECTION_ERROR`: No connection could be made or it broke before an answer arrived.
 * - `TIMEOUT`: The connect or read timeout passed.
 * - `TLS_ERROR`: The TLS handshake failed (for example an untrusted certificate).
 * - `INVALID_ARGUMENT`: The caller passed an argument the client refuses before sending anything.
 * - `INVALID_RESPONSE`: A success status whose body is not what the method promises (HTML, truncated JSON, empty).
 * - `HTTP_ERROR`: A failure status without an Enterprise Manager error body (a proxy's HTML page).
 * - `CLIENT_CLOSED`: The client was closed.
 * - `IO_ERROR`: Reading or writing a local file or stream failed.
 * - `WAIT_TIMEOUT`: A wait helper gave up before the task reached a wanted state.
 * - `TASK_FAILED`: A wait helper saw the task end in ERROR (or STOPPED) instead of the wanted state.
 * - `CANCELLED`: The call was cancelled by the caller.
 * - `INTERNAL_ERROR`: A bug: a panic caught at a binding's boundary, reported instead of a crash.
 * - `BAD_REQUEST`: A service other than Enterprise Manager answered 400 without a code of its own.
 * - `UNAUTHORIZED`: A service other than Enterprise Manager refused the credentials (401) without a code of its own.
 * - `FORBIDDEN`: A service other than Enterprise Manager refused the caller the permission (403) without a code of its own.
 * - `NOT_FOUND`: A service other than Enterprise Manager answered 404 without a code of its own.
 * - `CONFLICT`: A service other than Enterprise Manager answered 409 without a code of its own.
 * - `SERVER_ERROR`: A service other than Enterprise Manager answered 500 or another 5xx without a code of its own.
 * - `SERVICE_UNAVAILABLE`: A service other than Enterprise Manager answered 503 without a code of its own.
 * - `RATE_LIMITED`: The server kept answering 429 (too many requests) beyond the waits allowed.
 */
export type SdkErrorCode = 'CONNECTION_ERROR' | 'TIMEOUT' | 'TLS_ERROR' | 'INVALID_ARGUMENT' | 'INVALID_RESPONSE' | 'HTTP_ERROR' | 'CLIENT_CLOSED' | 'IO_ERROR' | 'WAIT_TIMEOUT' | 'TASK_FAILED' | 'CANCELLED' | 'INTERNAL_ERROR' | 'BAD_REQUEST' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'SERVER_ERROR' | 'SERVICE_UNAVAILABLE' | 'RATE_LIMITED'

/** The category every error falls in (`AemClientError.kind`). */
export type ErrorKind = 'session' | 'unauthorized' | 'not_found' | 'server' | 'connection' | 'timeout' | 'tls' | 'invalid_argument' | 'invalid_response' | 'closed' | 'io'

/** An exported task or server document, parsed. */
export interface ExportDocument {
  [field: string]: unknown
}

/** GetServerDetails answer (2.8): the guide wraps it in `serverDetails`, Qlik's client reads `server_details`; both are read, `server_details` is written. An unwrapped answer (the details themselves) is read too. */
export interface ServerDetailsResponse {
  /** The details. */
  server_details?: ServerDetails
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** Details of a server (2.8). */
export interface ServerDetails {
  /** `ReplicateServerDetails` or `ComposeServerDetails`. */
  '$type'?: string
  /** REPLICATE, COMPOSE, COMPOSE_FDL or COMPOSE_FDW (real servers; not in the guide). */
  type?: ServerType
  /** Name of the server in Enterprise Manager. */
  name?: string
  /** Description of the server. */
  description?: string
  /** Connection properties. */
  configuration?: ServerConfiguration
  /** Monitoring state. */
  state?: ServerState
  /** The error message if Enterprise Manager fails to connect. */
  message?: string
  /** Server version. */
  version?: string
  /** The server's license. */
  license?: License
  /** Last successful sync of tasks and messages. */
  last_connection?: string
  /** Task counts. */
  task_summary?: TaskSummary
  /** Resource use. */
  resource_utilization?: ResourceUtilization
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** Type of a server as real servers send it in `type` (not in the guide). */
export type ServerType = 'REPLICATE' | 'COMPOSE' | 'COMPOSE_FDL' | 'COMPOSE_FDW' | (string & {})

/** Connection properties inside server details (2.8 `configuration`). */
export interface ServerConfiguration {
  /** Host name or IP address of the server machine. */
  host?: string
  /** Platform of the server machine. */
  platform?: Platform
  /** Port the server machine is reached on. */
  port?: string
  /** User name for connecting to the server. */
  username?: string
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** Platform a server runs on (2.40 Server Platform; `UNKNOWN` from the SDK's AemPlatform). */
export type Platform = 'WINDOWS' | 'LINUX' | 'UNKNOWN' | (string & {})

/** Monitoring state of a server (2.40 Server State). */
export type ServerState = 'MONITORED' | 'ERROR' | 'NOT_MONITORED' | (string & {})

/** License of a server (2.8 `license`). */
export interface License {
  /** When the license was issued. */
  issue_date?: string
  /** The license state. */
  state?: LicenseState
  /** Expiration date of the license. */
  expiration?: string
  /** Days left before the license expires (a number; the guide's REST example writes `"30"`, read alike). */
  days_to_expiration?: number
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** License state of a server, in the spelling of real servers and of the guide's SDK chapters (`AemLicenseState`); the REST chapter's spellings (2.40: `LICENSE_VALID`, ...) are read as the same values. */
export type LicenseState = 'VALID_LICENSE' | 'INVALID_LICENSE_CHECKSUM' | 'EXPIRED_LICENSE' | 'NO_LICENSE' | 'MACHINE_NOT_LICENSED' | 'INVALID_LICENSE' | (string & {})

/** Task counts of a server (2.8 `task_summary`). */
export interface TaskSummary {
  /** All tasks. */
  total?: number
  /** Running tasks. */
  running?: number
  /** Stopped tasks. */
  stopped?: number
  /** Recovering tasks. */
  recovering?: number
  /** Tasks that hit a fatal error. */
  error?: number
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** Resource use of a server (2.8 `resource_utilization`); -1 means not available. */
export interface ResourceUtilization {
  /** Disk used by all tasks, MB. */
  disk_usage_mb?: number
  /** Memory used by active tasks, MB. */
  memory_mb?: number
  /** CPU use of the Replicate server process and its tasks, percent. */
  attunity_cpu_percentage?: number
  /** CPU use of the whole machine, percent. */
  machine_cpu_percentage?: number
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** A server definition (2.9 PutServer's body, 2.11 GetServer's answer). Get it, edit it, put it back: unknown fields are kept. */
export interface ServerDefinition {
  /** `AemReplicateServer` or `AemComposeServer`. */
  '$type'?: string
  /** Name of the server (must match the URL). */
  name?: string
  /** Description (at most 250 characters). */
  description?: string
  /** Host name or IP address. */
  host?: string
  /** Port, written as a string as the guide's body shows; numbers are read too. */
  port?: string
  /** User name (a server administrator). */
  username?: string
  /** Password; GetServer answers a session-bound `{S:guid}` that PutServer accepts back in the same session. */
  password?: string
  /** Verify the server's certificate (GetServer sends `"true"`; written as a boolean). */
  verify_server_certificate?: boolean
  /** Retrieve tasks and messages from this server (default true). */
  monitored?: boolean
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** A server's explicit ACL (2.10 PutServerAcl's body, 2.12 GetServerAcl's answer). */
export interface AuthorizationAcl {
  /** Admins. */
  admin_role?: RoleDef
  /** Designers. */
  designer_role?: RoleDef
  /** Operators. */
  operator_role?: RoleDef
  /** Viewers. */
  viewer_role?: RoleDef
  /** True: do not inherit ACLs from ancestors (read from `true` or `"true"`). */
  disable_inheritance?: boolean
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** The users and groups of one role (2.10). */
export interface RoleDef {
  /** Users in the role. */
  users: UserRef[]
  /** Groups in the role. */
  groups: GroupRef[]
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** A user named in an ACL role (2.10), `DOMAIN\user`. */
export interface UserRef {
  /** The user's name. */
  name?: string
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** A group named in an ACL role (2.10), `DOMAIN\group`. */
export interface GroupRef {
  /** The group's name. */
  name?: string
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** GetServerList answer (2.13): `{"serverList": [...]}`. */
export interface ServerList {
  /** The servers. */
  serverList: ServerInfo[]
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** One server of GetServerList (2.13). */
export interface ServerInfo {
  /** `ReplicateServerInfo` or `ComposeServerInfo`. */
  '$type'?: string
  /** REPLICATE, COMPOSE, COMPOSE_FDL or COMPOSE_FDW: real servers send it, the guide does not show it. */
  type?: ServerType
  /** The name of the server. */
  name?: string
  /** The description of the server. */
  description?: string
  /** Host name or IP address of the server. */
  host?: string
  /** Port the server is reached on (a string on the wire; numbers are read too). */
  port?: string
  /** Current state of the server. */
  state?: ServerState
  /** The error message if Enterprise Manager fails to connect to the server. */
  message?: string
  /** Operating system of the server. */
  platform?: Platform
  /** Version of the server. */
  version?: string
  /** Last successful sync of tasks and messages. */
  last_connection?: string
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** GetTaskList answer (2.16): `{"taskList": [...]}`. */
export interface TaskList {
  /** The tasks. */
  taskList: TaskInfo[]
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** One task of GetTaskList (2.16). */
export interface TaskInfo {
  /** Replicate: the task's name; Compose: `task__project`. */
  name?: string
  /** Current state. */
  state?: TaskState
  /** Why the task stopped (always NONE for Compose); `task_stop_reason` is read too. */
  stop_reason?: TaskStopReason
  /** The message if the task stopped on an error. */
  message?: string
  /** Custom tags of the task (empty when none). */
  assigned_tags: string[]
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** State of a task (2.40 Task State, and what real servers send; `RECOVERING` reads as `Recovery`). */
export type TaskState = 'STOPPED' | 'RUNNING' | 'ERROR' | 'RECOVERY' | 'NOT_EXIST' | 'PAUSED' | 'STARTING' | 'STOPPING' | (string & {})

/** Why a task stopped (2.40 Task Stop reason; the list's `stop_reason`, the details' `task_stop_reason`). */
export type TaskStopReason = 'NONE' | 'NORMAL' | 'RECOVERABLE_ERROR' | 'FATAL_ERROR' | 'FULL_LOAD_ONLY_FINISHED' | 'STOPPED_AFTER_FULL_LOAD' | 'STOPPED_AFTER_CACHED_EVENTS' | 'EXPRESS_LICENSE_LIMITS_REACHED' | 'STOPPED_AFTER_DDL_APPLY' | 'STOPPED_LOW_MEMORY' | 'STOPPED_LOW_DISK_SPACE' | (string & {})

/** GetTaskDetails answer for a Replicate or Compose task (2.17). Read flat or wrapped in `{"task": {...}}` (Qlik's sample); written flat. */
export interface TaskDetails {
  /** Replicate: `ReplicateTaskInfoDetailed`; Compose (Python SDK): `AemCompose..TaskInfoDetailed`. */
  type?: TaskType
  /** Compose: `AemComposeDWTaskInfoDetailed`, `AemComposeDMTaskInfoDetailed` or `AemComposeDLTaskInfoDetailed`. */
  '$type'?: string
  /** Replicate: the task's name; Compose: `task__project`. */
  name?: string
  /** Description (empty when none). */
  description?: string
  /** Current state. */
  state?: TaskState
  /** The message if the task stopped on an error. */
  message?: string
  /** Source endpoint (Compose: the landing database). */
  source_endpoint?: EndpointRef
  /** Target endpoint (Compose: the storage database). */
  target_endpoint?: EndpointRef
  /** Changes applied. */
  cdc_event_counters?: CdcEventCounters
  /** Full load progress. */
  full_load_counters?: FullLoadCounters
  /** Whether full load has ended. */
  full_load_completed?: boolean
  /** Full load start, UTC. */
  full_load_start?: string
  /** Full load end, UTC. */
  full_load_end?: string
  /** Full load throughput. */
  full_load_throughput?: FullLoadThroughput
  /** Change-processing throughput. */
  cdc_throughput?: CdcThroughput
  /** CDC transaction counters (`cdc_transaction_counters`, as the guide's heading says, is read too). */
  cdc_transactions_counters?: CdcTransactionCounters
  /** Latencies. */
  cdc_latency?: CdcLatency
  /** Profile (2.40): e.g. `UNIDIRECTIONAL`. */
  profile?: string
  /** Why the task stopped; `stop_reason` is read too. */
  task_stop_reason?: TaskStopReason
  /** Memory used, MB (0 when not running). */
  memory_mb?: number
  /** CPU use of the task process, percent (-1 when not available). */
  cpu_percentage?: number
  /** Disk used, MB. */
  disk_usage_mb?: number
  /** Data errors in all tables. */
  data_error_count?: number
  /** Replication options. */
  options?: TaskOptions
  /** Name of the associated Log Stream Staging task (empty when none). */
  log_stream_staging?: string
  /** Compose: the project. */
  project?: string
  /** Compose: whether loading has completed. */
  loading_completed?: boolean
  /** Compose: loading start, UTC. */
  loading_start?: string
  /** Compose: loading end, UTC. */
  loading_end?: string
  /** Compose: loading progress. */
  loading_counters?: LoadingCounters
  /** Custom tags of the task (empty when none). */
  assigned_tags: string[]
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** Task type in GetTaskDetails' `type`/`$type` (2.17). */
export type TaskType = 'ReplicateTaskInfoDetailed' | 'AemComposeDWTaskInfoDetailed' | 'AemComposeDMTaskInfoDetailed' | 'AemComposeDLTaskInfoDetailed' | (string & {})

/** A task's source or target endpoint (2.17 `source_endpoint`, `target_endpoint`). */
export interface EndpointRef {
  /** Name of the endpoint (Compose: the landing or storage database). */
  name?: string
  /** Endpoint type, e.g. `Oracle`. */
  type?: string
  /** Endpoint status (2.40 Source/target status), when sent. */
  state?: EndpointStatus
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** State of a task's source or target endpoint (2.40 Source/target status). */
export type EndpointStatus = 'RUNNING' | 'ERROR' | 'DISCONNECTED' | 'WARNING' | (string & {})

/** Changes applied so far, all tables (2.17 `cdc_event_counters`). */
export interface CdcEventCounters {
  /** Records inserted. */
  applied_insert_count?: number
  /** Records updated. */
  applied_update_count?: number
  /** Records deleted. */
  applied_delete_count?: number
  /** Metadata changes. */
  applied_ddl_count?: number
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** Full load progress (2.17 `full_load_counters`). */
export interface FullLoadCounters {
  /** Tables loaded. */
  tables_completed_count?: number
  /** Tables loading. */
  tables_loading_count?: number
  /** Tables waiting to load. */
  tables_queued_count?: number
  /** Tables that failed to load. */
  tables_with_error_count?: number
  /** Records loaded. */
  records_completed_count?: number
  /** Estimated records still to load. */
  estimated_records_for_all_tables_count?: number
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** Full load throughput (2.17 `full_load_throughput`): rec/sec and kbyte/sec. */
export interface FullLoadThroughput {
  /** Source, rec/sec. */
  source_throughput_records_count?: number
  /** Source, kbyte/sec. */
  source_throughput_volume?: number
  /** Target, rec/sec. */
  target_throughput_records_count?: number
  /** Target, kbyte/sec. */
  target_throughput_volume?: number
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** Change-processing throughput of the current or last CDC (2.17 `cdc_throughput`). */
export interface CdcThroughput {
  /** Source, rec/sec. */
  source_throughput_records_count?: ThroughputValue
  /** Source, kbyte/sec. */
  source_throughput_volume?: ThroughputValue
  /** Target, rec/sec. */
  target_throughput_records_count?: ThroughputValue
  /** Target, kbyte/sec. */
  target_throughput_volume?: ThroughputValue
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** One change-processing throughput figure (2.17): `{"current": n}`. */
export interface ThroughputValue {
  /** The current value. */
  current?: number
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** CDC transaction counters (2.17 `cdc_transactions_counters`). Real servers spell `comitted`, the guide's table `committed`: both are read, `committed` is written. */
export interface CdcTransactionCounters {
  /** COMMIT change records. */
  commit_change_records_count?: number
  /** ROLLBACK transactions. */
  rollback_transaction_count?: number
  /** ROLLBACK change records. */
  rollback_change_records_count?: number
  /** ROLLBACK change volume, MB. */
  rollback_change_volume_mb?: number
  /** Transactions in progress. */
  applied_transactions_in_progress_count?: number
  /** Records in all in-progress transactions. */
  applied_records_in_progress_count?: number
  /** Transactions committed. */
  applied_committed_transaction_count?: number
  /** Records in all completed transactions. */
  applied_records_committed_count?: number
  /** Volume of all completed transactions, MB. */
  applied_volume_committed_mb?: number
  /** Changes accumulated in memory until source commit. */
  incoming_accumulated_changes_in_memory_count?: number
  /** Changes accumulated on disk until source commit. */
  incoming_accumulated_changes_on_disk_count?: number
  /** Changes in memory during apply, until target commit. */
  incoming_applying_changes_in_memory_count?: number
  /** Changes on disk during apply, until target commit. */
  incoming_applying_changes_on_disk_count?: number
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** Latencies, `"HH:MM:SS"` (2.17 `cdc_latency`); see [`Latency::as_duration`]. */
export interface CdcLatency {
  /** From the change on the source to its capture. */
  source_latency?: Latency
  /** Source + target + apply latency. */
  total_latency?: Latency
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** A latency as servers send it (2.17 `cdc_latency`): `"HH:MM:SS"`, also `"H:MM:SS"`, `"D.HH:MM:SS"`, fractional seconds, or a plain number of seconds. The raw text is kept and written back as it came. */
export type Latency = string

/** Replication options of a task (2.40 Task options; Compose sends the first two). */
export interface TaskOptions {
  /** Full load. */
  full_load_enabled?: boolean
  /** Apply changes. */
  apply_changes_enabled?: boolean
  /** Store changes in change tables. */
  store_changes_enabled?: boolean
  /** Store changes in one audit table. */
  audit_changes_enabled?: boolean
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** Loading progress of a Compose task (2.17 `loading_counters`). */
export interface LoadingCounters {
  /** All tables. */
  tables_total_count?: number
  /** Tables loaded. */
  tables_completed_count?: number
  /** Tables loading. */
  tables_loading_count?: number
  /** Tables waiting to load. */
  tables_queued_count?: number
  /** Tables that failed to load. */
  tables_with_error_count?: number
  /** Commands executed. */
  commands_total_count?: number
  /** Commands completed. */
  commands_completed_count?: number
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** GetTableList answer (2.18): `{"tablelist": [...]}`. */
export interface TableList {
  /** The tables. */
  tablelist: TableRef[]
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** One table of GetTableList (2.18). */
export interface TableRef {
  /** Schema name. */
  schema?: string
  /** Table name. */
  table?: string
  /** Current state. */
  state?: TableState
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** State of a table (2.40 state; the numbers 0-4 are read too). */
export type TableState = 'TABLE_QUEUED' | 'TABLE_LOADING' | 'TABLE_COMPLETED' | 'TABLE_CHANGE_PROCESSING' | 'TABLE_ERROR' | (string & {})

/** A task's table selection (2.19 GetTaskTableSelection's answer, 2.20 PutTaskTableSelection's body). Wire names are singular `included_pattern`, `excluded_pattern`; the plural spellings are read too. */
export interface TableSelection {
  /** Include patterns. */
  included_pattern: TableSelectionDefinition[]
  /** Exclude patterns. */
  excluded_pattern: TableSelectionDefinition[]
  /** Tables and views selected explicitly (required only when no pattern is defined). */
  explicit_included_tables: TableSelectionDefinition[]
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** A table, or a pattern, of a table selection (2.19, 2.20). */
export interface TableSelectionDefinition {
  /** Schema or owner (a pattern in patterns). */
  owner?: string
  /** Table name (a pattern in patterns). */
  name?: string
  /** Load order (0 = random). */
  load_order?: LoadOrder
  /** TABLE or VIEW. */
  table_type?: TableType
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

export type LoadOrder = number | StandardLoadOrder

/** Named load orders of a table selection (2.40 Load order). */
export type StandardLoadOrder = 'LOWEST' | 'LOWER' | 'LOW' | 'NORMAL' | 'HIGH' | 'HIGHER' | 'HIGHEST' | (string & {})

/** Kind of a selected table (2.40 Table type; the numbers 1-2 are read too). */
export type TableType = 'TABLE' | 'VIEW' | (string & {})

/** GetTableStatuses answer (2.21): `{"table_details": [...]}`. */
export interface TableStatuses {
  /** The tables. */
  table_details: TableStatus[]
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** One table of GetTableStatuses (2.21). */
export interface TableStatus {
  /** Source schema. */
  schema_on_source?: string
  /** Source table. */
  table_on_source?: string
  /** Target schema (empty when not known). */
  schema_on_target?: string
  /** Target table (empty when not known). */
  table_on_target?: string
  /** Current state. */
  state?: TableState
  /** Data errors of the table. */
  data_errors_count?: number
  /** Full load figures. */
  table_full_load_info?: TableFullLoadInfo
  /** Change-processing figures. */
  table_cdc_info?: TableCdcInfo
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** Full load figures of a table (2.21 `table_full_load_info`). */
export interface TableFullLoadInfo {
  /** Full load start, UTC ISO 8601. */
  start_time?: string
  /** Full load end, UTC ISO 8601. */
  end_time?: string
  /** Estimated rows (loading or queued tables). */
  estimated_row_count?: number
  /** Always null on real servers (see the guide's formula). */
  estimated_end_time?: string
  /** Rows transferred. */
  transferred_row_count?: number
  /** Volume transferred. */
  transferred_volume_mb?: number
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** Change-processing figures of a table (2.21 `table_cdc_info`). */
export interface TableCdcInfo {
  /** Records inserted. */
  insert_count?: number
  /** Records updated. */
  update_count?: number
  /** Records deleted. */
  delete_count?: number
  /** DDL operations. */
  ddl_count?: number
  /** Last update on the target, UTC ISO 8601. */
  last_update_time?: string
  /** INSERTs cached during full load. */
  cached_insert_count?: number
  /** UPDATEs cached during full load. */
  cached_update_count?: number
  /** DELETEs cached during full load. */
  cached_delete_count?: number
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** How to run a task (2.40 Run options, RunTask's `option`). */
export type RunTaskOptions = 'RESUME_PROCESSING' | 'RELOAD_TARGET' | 'RESUME_PROCESSING_FROM_TIMESTAMP' | 'RESUME_PROCESSING_FROM_POSITION' | 'RECOVER_USING_LOCALLY_STORED_CHECKPOINT' | 'RECOVER_USING_CHECKPOINT_STORED_ON_TARGET' | 'METADATA_ONLY_RECREATE_ALL_TABLES' | 'METADATA_ONLY_CREATE_MISSING_TABLES' | (string & {})

/** RunTask and StopTask answer (2.26, 2.27): `{"state", "error_message"}`. */
export interface TaskActionResponse {
  /** State of the task after the action. */
  state?: TaskState
  /** The error, empty when none. */
  error_message?: string
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** CloneTask's body (qem-clone-task): the new name, and optional overrides. */
export interface CloneTaskRequest {
  /** Clone the task's permissions too (server default false). */
  clone_permissions?: boolean
  /** The new task's name (required). */
  new_task_name?: string
  /** Display name of an existing source endpoint of the same type. */
  new_source_endpoint?: string
  /** Display name of an existing target endpoint of the same type. */
  new_target_endpoint?: string
  /** Schema in which to create the control tables. */
  new_control_schema?: string
  /** Schema in which to create the target tables. */
  new_target_schema?: string
  /** Tablespace of the control tables (Oracle targets). */
  new_control_table_tablespace?: string
  /** Tablespace of the control table indexes (Oracle targets). */
  new_control_index_tablespace?: string
}

/** GetEndpointList answer (2.28): `{"endpointList": [...]}`. */
export interface EndpointList {
  /** The endpoints. */
  endpointList: EndpointInfo[]
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** One endpoint of GetEndpointList (2.28). */
export interface EndpointInfo {
  /** The endpoint's name. */
  name?: string
  /** Its description. */
  description?: string
  /** SOURCE or TARGET. */
  role?: EndpointRole
  /** Endpoint type, e.g. `ORACLE`. */
  type?: string
  /** Whether the endpoint is licensed on this server. */
  is_licensed?: boolean
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** Role of an endpoint (2.40 Endpoint Role; ALL and BOTH from the SDK's EndpointRole). */
export type EndpointRole = 'SOURCE' | 'TARGET' | 'BOTH' | 'ALL' | (string & {})

/** One JSON Patch operation of PatchEndpoint (2.29): `add`, `replace`, `remove` or `test` on a path under `/db_settings/`. */
export interface PatchOperation {
  /** The operation. */
  op: PatchOp
  /** A JSON Pointer under `/db_settings/`, e.g. `/db_settings/bucketName`. */
  path: string
  /** The value for add, replace and test; absent for remove. */
  value?: JsonValue
}

/** A JSON Patch operation of PatchEndpoint (2.29; move and copy are not supported by servers). */
export type PatchOp = 'add' | 'replace' | 'remove' | 'test' | (string & {})

/** TestEndpoint answer (2.36). The guide shows the state three ways, and real servers send them side by side: `requeststate` (2.36's body: SUCCESS, FAILURE), `state` (2.36's example: CONNECTED) and `status` (chapters 3 and 4, what Qlik's client reads: UNKNOWN, CONNECTED, ERROR). Each is read as it came. */
export interface TestEndpointResponse {
  /** Whether the test request succeeded: SUCCESS or FAILURE. */
  requeststate?: EndpointState
  /** The endpoint's state: CONNECTED, ERROR, UNKNOWN (SUCCESS/FAILURE on some servers). */
  state?: EndpointState
  /** The endpoint's state as the SDK chapters name it: UNKNOWN, CONNECTED, ERROR. */
  status?: EndpointState
  /** Short description of the error. */
  message?: string
  /** Elaborate description of the error. */
  detailed_message?: string
  /** The error, as the guide's example sends it. */
  error_message?: string
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** Result of TestEndpoint (2.36; 2.40 Request state, and the SDK's AemEndpointState). */
export type EndpointState = 'SUCCESS' | 'FAILURE' | 'CONNECTED' | 'ERROR' | 'UNKNOWN' | (string & {})

/** DeleteOldChangeData's body (2.37): a timestamp (`2020-06-30T16:15:00Z`) or an ISO 8601 duration (`P1M3DT1H2M`) after which partitions can be deleted. */
export interface DeleteOldChangeDataRequest {
  /** The point in time, as a timestamp or an offset. */
  timestamp_or_offset?: string
}

/** The change data retention barrier (2.38 SetChangeDataRetentionBarrier's body, 2.39 GetChangeDataRetentionBarrier's answer). An empty `retention_point` removes the barrier of `application`. */
export interface RetentionBarrier {
  /** Date up to which partitions can be deleted, `yyyy-MM-ddTHH:mm:ssZ` (empty: remove). */
  retention_point?: string
  /** Name of the consuming application. */
  application?: string
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** Polls a task until it is in one of `states`; answers its details. */
export interface WaitForTaskStateArgs {
  server: Name
  task: Name
  /** The wanted states (any of them). */
  states: Strings
  /** How long a wait may take, in milliseconds (10 minutes when absent). */
  timeout_ms?: number
  /** How often a wait polls, in milliseconds (when absent: 250; a Qlik Cloud wait, 1 second). */
  poll_ms?: number
}

export type Name = string

export type Strings = string | string[]

/** Runs a task and waits until it is RUNNING (TASK_FAILED on ERROR or STOPPED). */
export interface RunTaskAndWaitArgs {
  server: Name
  task: Name
  /** The run option (RESUME_PROCESSING). */
  option?: RunTaskOptions
  /** The position for the three position options. */
  cdcposition?: string
  /** How long a wait may take, in milliseconds (10 minutes when absent). */
  timeout_ms?: number
  /** How often a wait polls, in milliseconds (when absent: 250; a Qlik Cloud wait, 1 second). */
  poll_ms?: number
}

/** Stops a task and waits until it is STOPPED. */
export interface StopTaskAndWaitArgs {
  server: Name
  task: Name
  /** How long a wait may take, in milliseconds (10 minutes when absent). */
  timeout_ms?: number
  /** How often a wait polls, in milliseconds (when absent: 250; a Qlik Cloud wait, 1 second). */
  poll_ms?: number
}

/** Waits until a task's full load has ended; answers its details. */
export interface WaitForFullLoadArgs {
  server: Name
  task: Name
  /** How long a wait may take, in milliseconds (10 minutes when absent). */
  timeout_ms?: number
  /** How often a wait polls, in milliseconds (when absent: 250; a Qlik Cloud wait, 1 second). */
  poll_ms?: number
}

/** Waits for latency 00:00:00 and no change in flight on `quiet_polls` polls in a row. */
export interface DrainTaskArgs {
  server: Name
  task: Name
  /** Polls in a row that must be quiet (3). */
  quiet_polls?: Count
  /** How long a wait may take, in milliseconds (10 minutes when absent). */
  timeout_ms?: number
  /** How often a wait polls, in milliseconds (when absent: 250; a Qlik Cloud wait, 1 second). */
  poll_ms?: number
}

export type Count = number

/** Drains a task (as drain_task), then stops it and waits for STOPPED. */
export interface DrainAndStopTaskArgs {
  server: Name
  task: Name
  /** Polls in a row that must be quiet (3). */
  quiet_polls?: Count
  /** How long a wait may take, in milliseconds (10 minutes when absent). */
  timeout_ms?: number
  /** How often a wait polls, in milliseconds (when absent: 250; a Qlik Cloud wait, 1 second). */
  poll_ms?: number
}

/** The names of the tasks a selection picks, sorted (an empty selection needs `all`: true). */
export interface SelectTasksArgs {
  server: Name
  /** Exact task names (any of them). */
  names?: Strings
  /** A name pattern: `*` any run of characters, `?` one character. */
  pattern?: string
  /** Current states (any of them). */
  states?: Strings
  /** Custom tags (a task with any of them). */
  tags?: Strings
  /** Every task of the server (other criteria still narrow it). */
  all?: boolean
  /** How long a wait may take, in milliseconds (10 minutes when absent). */
  timeout_ms?: number
  /** How often a wait polls, in milliseconds (when absent: 250; a Qlik Cloud wait, 1 second). */
  poll_ms?: number
}

/** The report of a bulk helper: one outcome per selected task, in name order. */
export interface BulkReport {
  /** The server acted on. */
  server: string
  /** How many tasks succeeded. */
  succeeded: number
  /** How many failed. */
  failed: number
  /** Every selected task's outcome. */
  tasks: TaskOutcome[]
}

/** What a bulk helper did to one task. */
export interface TaskOutcome {
  /** The task's name. */
  task: string
  /** Whether the action (and its wait, if asked for) succeeded. */
  ok: boolean
  /** The state seen last, when known. */
  state?: string
  /** The error's stable code. */
  error_code?: string
  /** The error's message. */
  message?: string
  /** The HTTP status of the answer, when one came. */
  http_status?: number
}

/** Runs the selected tasks with a concurrency limit; a report per task. */
export interface RunTasksArgs {
  server: Name
  names?: Strings
  pattern?: string
  states?: Strings
  tags?: Strings
  all?: boolean
  /** The run option (RESUME_PROCESSING). */
  option?: RunTaskOptions
  /** Tasks handled at once (8). */
  concurrency?: Count
  /** Wait for each task to be RUNNING (true). */
  wait?: boolean
  /** How long a wait may take, in milliseconds (10 minutes when absent). */
  timeout_ms?: number
  /** How often a wait polls, in milliseconds (when absent: 250; a Qlik Cloud wait, 1 second). */
  poll_ms?: number
}

/** Stops the selected tasks (drained first with `drain`); a report per task. */
export interface StopTasksArgs {
  server: Name
  names?: Strings
  pattern?: string
  states?: Strings
  tags?: Strings
  all?: boolean
  /** Drain each task before stopping it (false). */
  drain?: boolean
  /** Polls in a row that must be quiet when draining (3). */
  quiet_polls?: Count
  /** Tasks handled at once (8). */
  concurrency?: Count
  /** Wait for each task to be STOPPED (true). */
  wait?: boolean
  /** How long a wait may take, in milliseconds (10 minutes when absent). */
  timeout_ms?: number
  /** How often a wait polls, in milliseconds (when absent: 250; a Qlik Cloud wait, 1 second). */
  poll_ms?: number
}

/** The states of every task of a server at one moment, to compare with or restore later. */
export interface TaskStateSnapshot {
  /** The server. */
  server: string
  /** When it was taken, UTC (`2026-12-01T22:30:00Z`). */
  taken_at: string
  /** Every task, in name order. */
  tasks: TaskStateEntry[]
}

/** One task's state at the time of a snapshot. */
export interface TaskStateEntry {
  /** The task's name. */
  name: string
  /** Its state (`UNKNOWN` when the server sent none). */
  state: string
  /** Why it stopped, when sent. */
  stop_reason?: string
}

/** Every task's state and stop reason, with the time taken. */
export interface SnapshotTaskStatesArgs {
  server: Name
  /** How long a wait may take, in milliseconds (10 minutes when absent). */
  timeout_ms?: number
  /** How often a wait polls, in milliseconds (when absent: 250; a Qlik Cloud wait, 1 second). */
  poll_ms?: number
}

/** What a backup wrote: `folder` is `<dir>/<UTC date and time>`, holding per server `<server>/server.json` (ExportAll) and `<server>/tasks/<task>.json` (each task with its endpoints). */
export interface BackupReport {
  /** The dated folder. */
  folder: string
  /** Files written. */
  written: number
  /** Files that failed. */
  failed: number
  /** Every file, in order. */
  items: BackupItem[]
}

/** One file a backup wrote, or failed to write. */
export interface BackupItem {
  /** The server. */
  server: string
  /** The task, for a task export; absent for the whole-server export. */
  task?: string
  /** The file's path. */
  file: string
  /** Its size, when written. */
  bytes?: number
  /** The error's stable code. */
  error_code?: string
  /** The error's message. */
  message?: string
  /** The HTTP status of the answer, when one came. */
  http_status?: number
}

/** Dated backups: ExportAll per server and every task with its endpoints, under `dir`. */
export interface BackupArgs {
  /** The folder the dated backup folder is made in. */
  dir: Name
  /** The servers (all of GetServerList when absent). */
  servers?: Strings
  /** How long a wait may take, in milliseconds (10 minutes when absent). */
  timeout_ms?: number
  /** How often a wait polls, in milliseconds (when absent: 250; a Qlik Cloud wait, 1 second). */
  poll_ms?: number
}

/** The selected tasks' figures in the Prometheus text format (every task when nothing is selected). */
export interface PrometheusMetricsArgs {
  server: Name
  names?: Strings
  pattern?: string
  states?: Strings
  tags?: Strings
  all?: boolean
  /** Task details read at once (8). */
  concurrency?: Count
  /** How long a wait may take, in milliseconds (10 minutes when absent). */
  timeout_ms?: number
  /** How often a wait polls, in milliseconds (when absent: 250; a Qlik Cloud wait, 1 second). */
  poll_ms?: number
}

/** What [`Client::promote_task`] did. */
export interface PromoteReport {
  /** Where the task came from. */
  from_server: string
  /** Its name there. */
  task: string
  /** Where it went. */
  to_server: string
  /** Its name there. */
  new_name: string
  /** The endpoints the imported document carried (after renames). */
  endpoints: string[]
}

/** Exports a task, renames it and its endpoints, overrides endpoint settings, imports it (nothing imported when a change does not apply). */
export interface PromoteTaskArgs {
  server: Name
  task: Name
  /** The server it is imported to. */
  to_server: Name
  /** Its name there (the same name when absent). */
  new_name?: string
  /** Endpoint renames: old name -> new name. */
  endpoint_names?: { [field: string]: unknown }
  /** Endpoint -> `db_settings` keys to set (`null` removes a key). */
  endpoint_settings?: { [field: string]: unknown }
  /** Export and import the task's endpoints too (true). */
  with_endpoints?: boolean
  /** How long a wait may take, in milliseconds (10 minutes when absent). */
  timeout_ms?: number
  /** How often a wait polls, in milliseconds (when absent: 250; a Qlik Cloud wait, 1 second). */
  poll_ms?: number
}

/** A page of tasks (GetTasks): `data` and the `links` to the next page. With `all: true`, every task and no links. */
export interface CloudTaskPage {
  /** The links to the other pages. */
  links?: CloudLinks
  /** The tasks of the page. */
  data: CloudTask[]
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** The links of a page: where the next and previous pages are. */
export interface CloudLinks {
  /** The next page; absent on the last one. */
  next?: CloudLink
  /** The previous page. */
  prev?: CloudLink
  /** This page. */
  self?: CloudLink
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** A link of a page (`links.next`, `links.prev`, `links.self`). */
export interface CloudLink {
  /** The URL, absolute on the tenant. */
  href?: string
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** A task: a workflow definition (Serverless Workflow) and what the service keeps about it. */
export interface CloudTask {
  /** The task's id (the choreographer's). */
  id?: string
  /** An expression generating a domain-specific workflow instance id. */
  key?: string
  /** The name of the workflow definition (required when creating). */
  name?: string
  /** When instances start: `{"schedule": ..., "stateName": ...}`. */
  start?: JsonValue
  /** Whether the task is enabled. */
  enabled?: boolean
  /** The workflow's version. */
  version?: string
  /** What the service maintains about the task. */
  metadata?: CloudTaskMetadata
  /** Whether instances stay when no execution path is active. */
  keepActive?: boolean
  /** The resource (app) the task runs, computed by the service from `states`. */
  resourceId?: string
  /** The workflow's description. */
  description?: string
  /** The Serverless Workflow schema version (required when creating). */
  specVersion?: string
  /** The CloudEvents the workflow consumes or produces. */
  events?: JsonValue[]
  /** The workflow's states. */
  states?: JsonValue[]
  /** Terms describing the workflow's purpose. */
  annotations?: string[]
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** What the service maintains about a task (`metadata`, or a run's `taskMeta`). */
export interface CloudTaskMetadata {
  /** Where the resource is used: ANALYTICS (when absent), DATA_PREPARATION, DATAFLOW_PREP, SINGLE_TABLE_PREP. */
  usage?: string
  /** The user id of the task's owner. */
  ownerId?: string
  /** The space the task operates in. */
  spaceId?: string
  /** The trigger of the task. */
  trigger?: CloudTrigger
  /** The tenant the task operates in. */
  tenantId?: string
  /** When the task was created (UTC). */
  createdAt?: string
  /** The user id of the task's creator. */
  createdBy?: string
  /** When the task was deleted (UTC). */
  deletedAt?: string
  /** When the task was last updated (UTC). */
  updatedAt?: string
  /** Why the task is disabled: MANUALLY, CONSECUTIVE-FAILURES, APP-SCRIPT-UPDATED, OWNER-DELETED, OWNER-DISABLED. */
  disabledCode?: string
  /** The reload task this one was migrated from. */
  migratedFrom?: string
  /** The orchestration of the task. */
  orchestration?: CloudOrchestration
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** The trigger of a task in the choreographer. */
export interface CloudTrigger {
  /** The trigger's id. */
  id?: string
  /** The trigger type (0 to 3). */
  type?: number
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** The orchestration of a task in the choreographer. */
export interface CloudOrchestration {
  /** The orchestration's id. */
  id?: string
  /** The orchestration system type (0 to 3). */
  type?: number
  /** The orchestration's attributes, as the service sent them. */
  attrs?: JsonValue
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** StartTask's answer. */
export interface CloudStartResult {
  /** What the service said ("Task started successfully"). */
  message?: string
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** A page of runs (GetTaskRuns, GetTasksResourceRuns): `data` and the `links`. With `all: true`, every run and no links. */
export interface CloudRunPage {
  /** The links to the other pages. */
  links?: CloudLinks
  /** The runs of the page. */
  data: CloudRun[]
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** A run of a task. */
export interface CloudRun {
  /** The run's id. */
  id?: string
  /** Log information of the run. */
  log?: string
  /** RUNNING, SUCCEEDED or FAILED. */
  status?: CloudRunStatus
  /** The task's id. */
  taskId?: string
  /** When the run ended (UTC). */
  endedAt?: string
  /** The action's id. */
  actionId?: string
  /** The task's metadata when it ran. */
  taskMeta?: CloudTaskMetadata
  /** The task's name. */
  taskName?: string
  /** The id of the worker's job (a reload id, an automation run id). */
  workerId?: string
  /** When the run started (UTC). */
  startedAt?: string
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** The status of a task run. */
export type CloudRunStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | (string & {})

/** Starts a task and waits for the run it started: the run once it SUCCEEDED; TASK_FAILED (the run id and the end of its log) when it FAILED; WAIT_TIMEOUT. */
export interface StartTaskAndWaitArgs {
  /** The task's id. */
  id: Name
  /** How long a wait may take, in milliseconds (10 minutes when absent). */
  timeout_ms?: number
  /** How often a wait polls, in milliseconds (when absent: 250; a Qlik Cloud wait, 1 second). */
  poll_ms?: number
}

/** CloneTrees' request: which Source and Group to copy from and to, which trees, and the new definition ids of the local routines copied. */
export interface KineticCloneTreesRequest {
  /** The Source copied from and to. */
  source: KineticFromTo
  /** The Group (within the Sources) copied from and to. */
  sourceGroup: KineticFromTo
  /** Each local routine's definition id and its copy's (required when local routines are copied: definition ids are unique). */
  localRoutines?: KineticFromTo[]
  /** The trees and local routines to copy (all of the Source and Group when absent). */
  names?: string[]
}

/** A name before and after the clone. */
export interface KineticFromTo {
  /** The name cloned from. */
  from: string
  /** The name cloned to. */
  to: string
}

/** CloneTrees' answer: what Kinetic Task did, and the trees it created. */
export interface KineticCloneTreesResult {
  /** What it did ("Cloned 2 trees."). */
  message?: string
  /** The trees and local routines created. */
  trees: KineticTree[]
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** A tree or local routine (a routine has a `definitionId`). */
export interface KineticTree {
  /** The tree's id. */
  id?: number
  /** Its name (unique within its Source and Group). */
  name?: string
  /** Notes. */
  notes?: string
  /** The owner's email. */
  ownerEmail?: string
  /** The Source it belongs to. */
  source?: KineticSourceRef
  /** The Group it belongs to. */
  sourceGroup?: string
  /** Active or Inactive. */
  status?: string
  /** A local routine's definition id. */
  definitionId?: string
  /** When it was created. */
  createdAt?: string
  /** Who created it. */
  createdBy?: string
  /** When it was last updated. */
  updatedAt?: string
  /** Who updated it last. */
  updatedBy?: string
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** The Source a tree belongs to. */
export interface KineticSourceRef {
  /** The Source's name. */
  name?: string
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** A task Enterprise Manager runs for a request (a clone): poll it until `Finished`. */
export interface VeeamTask {
  /** Its id (`task-1`). */
  TaskId?: string
  /** `Running`, `OperationFinished` or `Finished`. */
  State?: VeeamTaskState
  /** What it does (`CloneJob`). */
  Operation?: string
  /** How it went, once finished. */
  Result?: VeeamTaskResult
  /** Its URL. */
  Href?: string
  /** `Task`. */
  Type?: string
  /** Its links: `Delete` (stops it), and once a clone finished, `Related` (the new job). */
  Links: VeeamLink[]
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** The state of a Veeam task. */
export type VeeamTaskState = 'Running' | 'OperationFinished' | 'Finished' | (string & {})

/** How a finished task went. */
export interface VeeamTaskResult {
  /** False when it failed (a name already taken, for one). */
  Success?: boolean
  /** Veeam's message (`Ok`, or why it failed). */
  Message?: string
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** A link of an entity: where a related resource is and what may be done with it. */
export interface VeeamLink {
  /** What it is to the entity (`Delete`, `Related`, `Alternate`...). */
  Rel?: string
  /** Its URL. */
  Href?: string
  /** The resource's name (a `Related` job's: the new job's name). */
  Name?: string
  /** The resource's type (`Job`, `Task`...). */
  Type?: string
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** A list of references (GetJobs, GetRepositories). */
export interface VeeamEntityReferences {
  /** The references. */
  Refs: VeeamRef[]
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** A reference to an entity (a job, a repository): its UID, name and URL. */
export interface VeeamRef {
  /** Its UID (`urn:veeam:Job:<guid>`). */
  UID?: string
  /** Its name. */
  Name?: string
  /** Its URL. */
  Href?: string
  /** `JobReference`, `RepositoryReference`... */
  Type?: string
  /** Its links. */
  Links: VeeamLink[]
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** CloneJobAndWait's answer: the job the clone made, and its finished task. */
export interface VeeamClonedJob {
  /** The new job's GUID (what `/jobs/{id}` takes). */
  job_id?: string
  /** Its UID, `urn:veeam:Job:<guid>`. */
  job_uid?: string
  /** Its name. */
  job_name?: string
  /** The clone's task, finished. */
  task?: VeeamTask
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** Clones a job and waits for its task: the new job (id, UID and name from the task's Related link) once Finished; TASK_FAILED with Veeam's message; WAIT_TIMEOUT. */
export interface CloneJobAndWaitArgs {
  /** The job cloned: its GUID or urn:veeam:Job:<guid>. */
  job: Name
  /** The new job's name (at most 50 characters). */
  job_name: Name
  /** A backup clone's folder (the name of its backup files). */
  folder_name?: string
  /** The repository: a GUID or urn:veeam:Repository:<guid>. */
  repository_uid?: string
  /** Backup (the default), Replica, BackupCopy or ImmediateBackupCopy. */
  kind?: string
  /** The new job's description. */
  description?: string
  /** A replica clone's suffix of its VM replicas' names. */
  vm_suffix?: string
  /** A backup copy clone's file name. */
  job_file_name?: string
  /** How long a wait may take, in milliseconds (10 minutes when absent). */
  timeout_ms?: number
  /** How often a wait polls, in milliseconds (when absent: 250; a Qlik Cloud wait, 1 second). */
  poll_ms?: number
}

/** Optional arguments of `AemClient.getTableList`. */
export interface GetTableListParams {
  schema?: string | null
  table?: string | null
  includequeued?: boolean | null
  includeloading?: boolean | null
  includecompleted?: boolean | null
  includechangeprocessing?: boolean | null
  includeerror?: boolean | null
}

/** Optional arguments of `AemClient.getTableStatuses`. */
export interface GetTableStatusesParams {
  schema?: string | null
  table?: string | null
  includequeued?: boolean | null
  includeloading?: boolean | null
  includecompleted?: boolean | null
  includechangeprocessing?: boolean | null
  includeerror?: boolean | null
}

/** Optional arguments of `AemClient.deleteTask`. */
export interface DeleteTaskParams {
  deletetasklogs?: boolean | null
}

/** Optional arguments of `AemClient.exportTask`. */
export interface ExportTaskParams {
  withendpoints?: boolean | null
}

/** Optional arguments of `AemClient.exportAuditTrail`. */
export interface ExportAuditTrailParams {
  endTimestamp?: string | null
}

/** Optional arguments of `AemClient.runTask`. */
export interface RunTaskParams {
  timeout?: number | null
  cdcposition?: string | null
}

/** Optional arguments of `AemClient.stopTask`. */
export interface StopTaskParams {
  timeout?: number | null
}

/** Optional arguments of `AemClient.reconfigureEndpointNoWait`. */
export interface ReconfigureEndpointNoWaitParams {
  recycle?: boolean | null
}

/** Optional arguments of `AemClient.testEndpoint`. */
export interface TestEndpointParams {
  timeout?: number | null
}

/** Optional arguments of `AemClient.exportTaskToFile`. */
export interface ExportTaskToFileParams {
  withendpoints?: boolean | null
}

/** Optional arguments of `AemClient.exportAuditTrailToFile`. */
export interface ExportAuditTrailToFileParams {
  endTimestamp?: string | null
}

/** Optional arguments of `AemClient.waitForTaskState`. */
export interface WaitForTaskStateParams {
  timeoutMs?: number | null
  pollMs?: number | null
}

/** Optional arguments of `AemClient.runTaskAndWait`. */
export interface RunTaskAndWaitParams {
  cdcposition?: string | null
  timeoutMs?: number | null
  pollMs?: number | null
}

/** Optional arguments of `AemClient.stopTaskAndWait`. */
export interface StopTaskAndWaitParams {
  timeoutMs?: number | null
  pollMs?: number | null
}

/** Optional arguments of `AemClient.waitForFullLoad`. */
export interface WaitForFullLoadParams {
  timeoutMs?: number | null
  pollMs?: number | null
}

/** Optional arguments of `AemClient.drainTask`. */
export interface DrainTaskParams {
  quietPolls?: number | null
  timeoutMs?: number | null
  pollMs?: number | null
}

/** Optional arguments of `AemClient.drainAndStopTask`. */
export interface DrainAndStopTaskParams {
  quietPolls?: number | null
  timeoutMs?: number | null
  pollMs?: number | null
}

/** Optional arguments of `AemClient.selectTasks`. */
export interface SelectTasksParams {
  names?: string | string[] | null
  pattern?: string | null
  states?: TaskState | TaskState[] | null
  tags?: string | string[] | null
  all?: boolean | null
  timeoutMs?: number | null
  pollMs?: number | null
}

/** Optional arguments of `AemClient.runTasks`. */
export interface RunTasksParams {
  names?: string | string[] | null
  pattern?: string | null
  states?: TaskState | TaskState[] | null
  tags?: string | string[] | null
  all?: boolean | null
  option?: RunTaskOptions | null
  concurrency?: number | null
  wait?: boolean | null
  timeoutMs?: number | null
  pollMs?: number | null
}

/** Optional arguments of `AemClient.stopTasks`. */
export interface StopTasksParams {
  names?: string | string[] | null
  pattern?: string | null
  states?: TaskState | TaskState[] | null
  tags?: string | string[] | null
  all?: boolean | null
  drain?: boolean | null
  quietPolls?: number | null
  concurrency?: number | null
  wait?: boolean | null
  timeoutMs?: number | null
  pollMs?: number | null
}

/** Optional arguments of `AemClient.snapshotTaskStates`. */
export interface SnapshotTaskStatesParams {
  timeoutMs?: number | null
  pollMs?: number | null
}

/** Optional arguments of `AemClient.backup`. */
export interface BackupParams {
  servers?: string | string[] | null
  timeoutMs?: number | null
  pollMs?: number | null
}

/** Optional arguments of `AemClient.prometheusMetrics`. */
export interface PrometheusMetricsParams {
  names?: string | string[] | null
  pattern?: string | null
  states?: TaskState | TaskState[] | null
  tags?: string | string[] | null
  all?: boolean | null
  concurrency?: number | null
  timeoutMs?: number | null
  pollMs?: number | null
}

/** Optional arguments of `AemClient.promoteTask`. */
export interface PromoteTaskParams {
  newName?: string | null
  endpointNames?: Record<string, unknown> | null
  endpointSettings?: Record<string, unknown> | null
  withEndpoints?: boolean | null
  timeoutMs?: number | null
  pollMs?: number | null
}

/** The methods of AemClient, one per operation and helper of its service in the API description. */
export interface AemClientMethods {
  /** 2.5 Logs in (again), replacing any session. */
  login(): Promise<void>
  /** 2.6 Ends the session; a later call logs in again. */
  logout(): Promise<void>
  /** 2.7 Registers a license (its text) on a server. */
  putServerLicense(server: string, payload: string): Promise<void>
  /** 2.8 Details of a server: configuration, state, license, task summary, resources. */
  getServerDetails(server: string): Promise<ServerDetailsResponse>
  /** 2.9 Adds a server or updates its definition. */
  putServer(server: string, payload: ServerDefinition): Promise<void>
  /** 2.10 Replaces the explicit ACL of a server. */
  putServerAcl(server: string, payload: AuthorizationAcl): Promise<void>
  /** 2.11 A server's definition; the password comes back as a session-bound identifier. */
  getServer(server: string): Promise<ServerDefinition>
  /** 2.12 The explicit ACL of a server. */
  getServerAcl(server: string): Promise<AuthorizationAcl>
  /** 2.13 Every server under management. */
  getServerList(): Promise<ServerList>
  /** 2.14 Removes a server from Enterprise Manager. */
  deleteServer(server: string): Promise<void>
  /** 2.15 Removes the explicit ACL of a server. */
  deleteServerAcl(server: string): Promise<void>
  /** 2.16 The tasks of a server. */
  getTaskList(server: string): Promise<TaskList>
  /** 2.17 Full monitoring information of a task. */
  getTaskDetails(server: string, task: string): Promise<TaskDetails>
  /** 2.18 The tables of a task matching the filter. */
  getTableList(server: string, task: string, options?: GetTableListParams): Promise<TableList>
  /** 2.19 The table selection of a task. */
  getTaskTableSelection(server: string, task: string): Promise<TableSelection>
  /** 2.20 Replaces the table selection of a task. */
  putTaskTableSelection(server: string, task: string, payload: TableSelection): Promise<void>
  /** 2.21 Load and change-processing statuses of the tables matching the filter. */
  getTableStatuses(server: string, task: string, options?: GetTableStatusesParams): Promise<TableStatuses>
  /** 2.22 Deletes a task, and its logs when asked. */
  deleteTask(server: string, task: string, options?: DeleteTaskParams): Promise<void>
  /** 2.23 A task's definition as a JSON document (see `export_task_to_file` to stream it). */
  exportTask(server: string, task: string, options?: ExportTaskParams): Promise<ExportDocument>
  /** 2.24 Creates or replaces a task from an exported document. */
  importTask(server: string, task: string, payload: string | ExportDocument): Promise<void>
  /** 2.25 The audit trail between two timestamps (UTC or .NET ticks). */
  exportAuditTrail(startTimestamp: string, options?: ExportAuditTrailParams): Promise<ExportDocument>
  /** 2.26 Runs a task; the server waits up to `timeout` seconds (30 by default) for a steady state. */
  runTask(server: string, task: string, option: RunTaskOptions, options?: RunTaskParams): Promise<TaskActionResponse>
  /** 2.27 Stops a task; the server waits up to `timeout` seconds (30 by default). */
  stopTask(server: string, task: string, options?: StopTaskParams): Promise<TaskActionResponse>
  /** CloneTask: copies a task's definition under a new name. */
  cloneTask(server: string, task: string, payload: CloneTaskRequest): Promise<void>
  /** 2.28 The endpoints of a server. */
  getEndpointList(server: string): Promise<EndpointList>
  /** 2.29 Changes endpoint settings with JSON Patch operations on `/db_settings/...`. */
  patchEndpoint(server: string, endpoint: string, payload: PatchOperation[]): Promise<void>
  /** 2.30 Deletes an endpoint no task uses. */
  deleteEndpoint(server: string, endpoint: string): Promise<void>
  /** 2.31 Switches an endpoint to another configuration without waiting. */
  reconfigureEndpointNoWait(server: string, endpoint: string, configuration: string, options?: ReconfigureEndpointNoWaitParams): Promise<void>
  /** 2.32 Every task and endpoint of a server as one document. */
  exportAll(server: string): Promise<ExportDocument>
  /** 2.33 Imports a document of tasks and endpoints into a server. */
  importAll(server: string, payload: string | ExportDocument): Promise<void>
  /** 2.34 Reloads a table. */
  reloadTable(server: string, task: string, schema: string, table: string): Promise<void>
  /** 2.35 Resumes a suspended table. */
  resumeTable(server: string, task: string, schema: string, table: string): Promise<void>
  /** 2.36 Tests an endpoint's connection; the server waits up to `timeout` seconds (60 by default). */
  testEndpoint(server: string, endpoint: string, options?: TestEndpointParams): Promise<TestEndpointResponse>
  /** 2.37 Deletes change data older than a timestamp or an ISO 8601 duration. */
  deleteOldChangeData(server: string, task: string, payload: DeleteOldChangeDataRequest): Promise<void>
  /** 2.38 Sets the change data retention barrier. */
  setChangeDataRetentionBarrier(server: string, task: string, payload: RetentionBarrier): Promise<void>
  /** 2.39 The change data retention barrier. */
  getChangeDataRetentionBarrier(server: string, task: string): Promise<RetentionBarrier>
  /** 2.23 A task's definition as a JSON document (see `export_task_to_file` to stream it). Streamed into a file; answers the number of bytes written. */
  exportTaskToFile(server: string, task: string, path: string, options?: ExportTaskToFileParams): Promise<number>
  /** 2.24 Creates or replaces a task from an exported document. The document is streamed from a file. */
  importTaskFromFile(server: string, task: string, path: string): Promise<void>
  /** 2.25 The audit trail between two timestamps (UTC or .NET ticks). Streamed into a file; answers the number of bytes written. */
  exportAuditTrailToFile(startTimestamp: string, path: string, options?: ExportAuditTrailToFileParams): Promise<number>
  /** 2.32 Every task and endpoint of a server as one document. Streamed into a file; answers the number of bytes written. */
  exportAllToFile(server: string, path: string): Promise<number>
  /** 2.33 Imports a document of tasks and endpoints into a server. The document is streamed from a file. */
  importAllFromFile(server: string, path: string): Promise<void>
  /** Polls a task until it is in one of `states`; answers its details. */
  waitForTaskState(server: string, task: string, states: TaskState[], options?: WaitForTaskStateParams): Promise<TaskDetails>
  /** Runs a task and waits until it is RUNNING (TASK_FAILED on ERROR or STOPPED). */
  runTaskAndWait(server: string, task: string, option: RunTaskOptions, options?: RunTaskAndWaitParams): Promise<TaskDetails>
  /** Stops a task and waits until it is STOPPED. */
  stopTaskAndWait(server: string, task: string, options?: StopTaskAndWaitParams): Promise<TaskDetails>
  /** Waits until a task's full load has ended; answers its details. */
  waitForFullLoad(server: string, task: string, options?: WaitForFullLoadParams): Promise<TaskDetails>
  /** Waits for latency 00:00:00 and no change in flight on `quiet_polls` polls in a row. */
  drainTask(server: string, task: string, options?: DrainTaskParams): Promise<TaskDetails>
  /** Drains a task (as drain_task), then stops it and waits for STOPPED. */
  drainAndStopTask(server: string, task: string, options?: DrainAndStopTaskParams): Promise<TaskDetails>
  /** The names of the tasks a selection picks, sorted (an empty selection needs `all`: true). */
  selectTasks(server: string, options?: SelectTasksParams): Promise<string[]>
  /** Runs the selected tasks with a concurrency limit; a report per task. */
  runTasks(server: string, options?: RunTasksParams): Promise<BulkReport>
  /** Stops the selected tasks (drained first with `drain`); a report per task. */
  stopTasks(server: string, options?: StopTasksParams): Promise<BulkReport>
  /** Every task's state and stop reason, with the time taken. */
  snapshotTaskStates(server: string, options?: SnapshotTaskStatesParams): Promise<TaskStateSnapshot>
  /** Dated backups: ExportAll per server and every task with its endpoints, under `dir`. */
  backup(dir: string, options?: BackupParams): Promise<BackupReport>
  /** The selected tasks' figures in the Prometheus text format (every task when nothing is selected). */
  prometheusMetrics(server: string, options?: PrometheusMetricsParams): Promise<string>
  /** Exports a task, renames it and its endpoints, overrides endpoint settings, imports it (nothing imported when a change does not apply). */
  promoteTask(server: string, task: string, toServer: string, options?: PromoteTaskParams): Promise<PromoteReport>
}

/** Optional arguments of `QlikCloudClient.getTasks`. */
export interface QlikCloudGetTasksParams {
  resourceId?: string | null
  limit?: number | null
  page?: string | null
  sort?: string | null
  all?: boolean | null
  maxItems?: number | null
}

/** Optional arguments of `QlikCloudClient.createTask`. */
export interface QlikCloudCreateTaskParams {
  migrateFrom?: string | null
}

/** Optional arguments of `QlikCloudClient.startTask`. */
export interface QlikCloudStartTaskParams {
  source?: string | null
}

/** Optional arguments of `QlikCloudClient.getTaskRuns`. */
export interface QlikCloudGetTaskRunsParams {
  limit?: number | null
  page?: string | null
  sort?: string | null
  all?: boolean | null
  maxItems?: number | null
}

/** Optional arguments of `QlikCloudClient.getTaskRunLog`. */
export interface QlikCloudGetTaskRunLogParams {
  format?: string | null
}

/** Optional arguments of `QlikCloudClient.getTasksResourceRuns`. */
export interface QlikCloudGetTasksResourceRunsParams {
  limit?: number | null
  page?: string | null
  sort?: string | null
  all?: boolean | null
  maxItems?: number | null
}

/** Optional arguments of `QlikCloudClient.startTaskAndWait`. */
export interface QlikCloudStartTaskAndWaitParams {
  timeoutMs?: number | null
  pollMs?: number | null
}

/** The methods of QlikCloudClient, one per operation and helper of its service in the API description. */
export interface QlikCloudClientMethods {
  /** The tasks the caller may see (`params.resource_id`: of one app): one page, or every page with `all`. */
  getTasks(options?: QlikCloudGetTasksParams): Promise<CloudTaskPage>
  /** Creates a task (`name` and `specVersion` at least; `migrateFrom` names a reload task to migrate): the task as stored. */
  createTask(payload: CloudTask, options?: QlikCloudCreateTaskParams): Promise<CloudTask>
  /** One task. */
  getTask(id: string): Promise<CloudTask>
  /** Replaces a task (the caller becomes its owner): the task as stored. */
  updateTask(id: string, payload: CloudTask): Promise<CloudTask>
  /** Deletes a task. */
  deleteTask(id: string): Promise<void>
  /** Starts a task; `source` is the origin of the trigger (`manual` when absent). */
  startTask(id: string, options?: QlikCloudStartTaskParams): Promise<CloudStartResult>
  /** A task's runs: one page, or every page with `all`. */
  getTaskRuns(id: string, options?: QlikCloudGetTaskRunsParams): Promise<CloudRunPage>
  /** The log of one run, as text. */
  getTaskRunLog(id: string, runId: string, options?: QlikCloudGetTaskRunLogParams): Promise<string>
  /** A task's last run. */
  getLastTaskRun(id: string): Promise<CloudRun>
  /** The runs of the tasks of one resource (`id` is the resource's): one page, or every page with `all`. */
  getTasksResourceRuns(id: string, options?: QlikCloudGetTasksResourceRunsParams): Promise<CloudRunPage>
  /** Starts a task and waits for the run it started: the run once it SUCCEEDED; TASK_FAILED (the run id and the end of its log) when it FAILED; WAIT_TIMEOUT. */
  startTaskAndWait(id: string, options?: QlikCloudStartTaskAndWaitParams): Promise<CloudRun>
}

/** Optional arguments of `KineticClient.cloneTrees`. */
export interface KineticCloneTreesParams {
  payload?: KineticCloneTreesRequest | null
  sourceFrom?: string | null
  sourceTo?: string | null
  groupFrom?: string | null
  groupTo?: string | null
  names?: string | string[] | null
  localRoutines?: unknown | null
}

/** The methods of KineticClient, one per operation and helper of its service in the API description. */
export interface KineticClientMethods {
  /** Copies the trees and local routines of a Source / Group into another (the originals stay): `payload`, or the flat `source_from`, `source_to`, `group_from`, `group_to`, `names`, `local_routines` (pairs or a map); answers the trees created. Never repeated once it may have reached the server. */
  cloneTrees(options?: KineticCloneTreesParams): Promise<KineticCloneTreesResult>
}

/** Optional arguments of `VeeamClient.cloneJob`. */
export interface VeeamCloneJobParams {
  folderName?: string | null
  repositoryUid?: string | null
  kind?: string | null
  description?: string | null
  vmSuffix?: string | null
  jobFileName?: string | null
}

/** Optional arguments of `VeeamClient.cloneJobAndWait`. */
export interface VeeamCloneJobAndWaitParams {
  folderName?: string | null
  repositoryUid?: string | null
  kind?: string | null
  description?: string | null
  vmSuffix?: string | null
  jobFileName?: string | null
  timeoutMs?: number | null
  pollMs?: number | null
}

/** The methods of VeeamClient, one per operation and helper of its service in the API description. */
export interface VeeamClientMethods {
  /** Clones a job (`job`: its GUID or urn:veeam:Job:<guid>) as `job_name` on the same backup server: a backup (`folder_name`, `repository_uid`), or `kind` Replica (`vm_suffix`), BackupCopy or ImmediateBackupCopy (`job_file_name`, `repository_uid`); answers the Task doing it. Never repeated once it may have reached the server. */
  cloneJob(job: string, jobName: string, options?: VeeamCloneJobParams): Promise<VeeamTask>
  /** A task: its State (Running, OperationFinished, Finished), its Result once finished, and its Links (Related: the job a clone made). */
  getTask(task: string): Promise<VeeamTask>
  /** Stops a task and forgets it. */
  deleteTask(task: string): Promise<void>
  /** The jobs, as references with their UIDs (Portal Administrators only). */
  getJobs(): Promise<VeeamEntityReferences>
  /** The backup repositories, as references with their UIDs. */
  getRepositories(): Promise<VeeamEntityReferences>
  /** Clones a job and waits for its task: the new job (id, UID and name from the task's Related link) once Finished; TASK_FAILED with Veeam's message; WAIT_TIMEOUT. */
  cloneJobAndWait(job: string, jobName: string, options?: VeeamCloneJobAndWaitParams): Promise<VeeamClonedJob>
}

