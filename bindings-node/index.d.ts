// Type declarations of qem-client. The part below the "Generated" line comes from the
// core's Rust definitions (build.rs); this header declares the client class around it.

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
  /** The server's code verbatim (`AEM_TASK_ALREADY_RUNNING`) or the SDK's (`CONNECTION_ERROR`, `TIMEOUT`, `TLS_ERROR`, `INVALID_ARGUMENT`, `INVALID_RESPONSE`, `HTTP_ERROR`, `CLIENT_CLOSED`, `IO_ERROR`, `WAIT_TIMEOUT`, `TASK_FAILED`, `INTERNAL_ERROR`). */
  readonly errorCode: string
  /** The HTTP status of the answer, or null when none came. */
  readonly httpStatus: number | null
  /** The client method that failed (`getTaskDetails`). */
  readonly method: string | null
  /** The REST operation that failed (`GetTaskDetails`), or null. */
  readonly operation: string | null
  /** `session`, `unauthorized`, `not_found`, `server`, `connection`, `timeout`, `tls`, `invalid_argument`, `invalid_response`, `closed`, `io` or `internal`. */
  readonly kind: string | null
  /** The message without code, operation and status. */
  readonly detail: string
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

/** One JS method of the generated table. */
export interface MethodInfo {
  name: string
  method: string
  rest: string | null
  kind: 'op' | 'session' | 'export_file' | 'import_file' | 'wait'
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

/** Shorthand for `AemClient.connect(options, credential)`. */
export declare function connect (options: ConnectOptions & Partial<Credential>, credential?: Credential): Promise<AemClient>
/** Every operation of the core, as its table describes it. */
export declare const operations: readonly OperationInfo[]
/** Every method of AemClient generated from the core. */
export declare const methods: readonly MethodInfo[]

// ---- Generated by build.rs from core/src/api.rs and core/src/models: do not edit. ----

/** Role of an endpoint (2.40 Endpoint Role; ALL and BOTH from the SDK's EndpointRole). */
export type EndpointRole = 'SOURCE' | 'TARGET' | 'BOTH' | 'ALL' | (string & {})

/** Result of TestEndpoint (2.36; 2.40 Request state, and the SDK's AemEndpointState). */
export type EndpointState = 'SUCCESS' | 'FAILURE' | 'CONNECTED' | 'ERROR' | 'UNKNOWN' | (string & {})

/** State of a task's source or target endpoint (2.40 Source/target status). */
export type EndpointStatus = 'RUNNING' | 'ERROR' | 'DISCONNECTED' | 'WARNING' | (string & {})

/** License state of a server, in the spelling of real servers and of the guide's SDK chapters (`AemLicenseState`); the REST chapter's spellings (2.40: `LICENSE_VALID`, ...) are read as the same values. */
export type LicenseState = 'VALID_LICENSE' | 'INVALID_LICENSE_CHECKSUM' | 'EXPIRED_LICENSE' | 'NO_LICENSE' | 'MACHINE_NOT_LICENSED' | 'INVALID_LICENSE' | (string & {})

/** A JSON Patch operation of PatchEndpoint (2.29; move and copy are not supported by servers). */
export type PatchOp = 'add' | 'replace' | 'remove' | 'test' | (string & {})

/** Platform a server runs on (2.40 Server Platform; `UNKNOWN` from the SDK's AemPlatform). */
export type Platform = 'WINDOWS' | 'LINUX' | 'UNKNOWN' | (string & {})

/** How to run a task (2.40 Run options, RunTask's `option`). */
export type RunTaskOptions = 'RESUME_PROCESSING' | 'RELOAD_TARGET' | 'RESUME_PROCESSING_FROM_TIMESTAMP' | 'RESUME_PROCESSING_FROM_POSITION' | 'RECOVER_USING_LOCALLY_STORED_CHECKPOINT' | 'RECOVER_USING_CHECKPOINT_STORED_ON_TARGET' | 'METADATA_ONLY_RECREATE_ALL_TABLES' | 'METADATA_ONLY_CREATE_MISSING_TABLES' | (string & {})

/** Monitoring state of a server (2.40 Server State). */
export type ServerState = 'MONITORED' | 'ERROR' | 'NOT_MONITORED' | (string & {})

/** Type of a server as real servers send it in `type` (not in the guide). */
export type ServerType = 'REPLICATE' | 'COMPOSE' | 'COMPOSE_FDL' | 'COMPOSE_FDW' | (string & {})

/** Named load orders of a table selection (2.40 Load order). */
export type StandardLoadOrder = 'LOWEST' | 'LOWER' | 'LOW' | 'NORMAL' | 'HIGH' | 'HIGHER' | 'HIGHEST' | (string & {})

/** State of a table (2.40 state; the numbers 0-4 are read too). */
export type TableState = 'TABLE_QUEUED' | 'TABLE_LOADING' | 'TABLE_COMPLETED' | 'TABLE_CHANGE_PROCESSING' | 'TABLE_ERROR' | (string & {})

/** Kind of a selected table (2.40 Table type; the numbers 1-2 are read too). */
export type TableType = 'TABLE' | 'VIEW' | (string & {})

/** State of a task (2.40 Task State, and what real servers send; `RECOVERING` reads as `Recovery`). */
export type TaskState = 'STOPPED' | 'RUNNING' | 'ERROR' | 'RECOVERY' | 'NOT_EXIST' | 'PAUSED' | 'STARTING' | 'STOPPING' | (string & {})

/** Why a task stopped (2.40 Task Stop reason; the list's `stop_reason`, the details' `task_stop_reason`). */
export type TaskStopReason = 'NONE' | 'NORMAL' | 'RECOVERABLE_ERROR' | 'FATAL_ERROR' | 'FULL_LOAD_ONLY_FINISHED' | 'STOPPED_AFTER_FULL_LOAD' | 'STOPPED_AFTER_CACHED_EVENTS' | 'EXPRESS_LICENSE_LIMITS_REACHED' | 'STOPPED_AFTER_DDL_APPLY' | 'STOPPED_LOW_MEMORY' | 'STOPPED_LOW_DISK_SPACE' | (string & {})

/** Task type in GetTaskDetails' `type`/`$type` (2.17). */
export type TaskType = 'ReplicateTaskInfoDetailed' | 'AemComposeDWTaskInfoDetailed' | 'AemComposeDMTaskInfoDetailed' | 'AemComposeDLTaskInfoDetailed' | (string & {})

/** ExportAuditTrail's answer (2.25): a JSON document whose shape the guide does not give, kept as it came. */
export type AuditTrail = JsonValue

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

/** Latencies, `"HH:MM:SS"` (2.17 `cdc_latency`); see [`Latency::as_duration`]. */
export interface CdcLatency {
  /** From the change on the source to its capture. */
  source_latency?: string
  /** Source + target + apply latency. */
  total_latency?: string
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
  /** Another spelling of `applied_committed_transaction_count`. */
  applied_comitted_transaction_count?: number
  /** Another spelling of `applied_committed_transaction_count`. */
  applied_comitted_transacion_count?: number
  /** Records in all completed transactions. */
  applied_records_committed_count?: number
  /** Another spelling of `applied_records_committed_count`. */
  applied_records_comitted_count?: number
  /** Volume of all completed transactions, MB. */
  applied_volume_committed_mb?: number
  /** Another spelling of `applied_volume_committed_mb`. */
  applied_volume_comitted_mb?: number
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

/** CloneTask's body (qem-clone-task): the new name, and optional overrides. */
export interface CloneTaskRequest {
  /** Clone the task's permissions too (server default false). */
  clone_permissions?: boolean
  /** The new task's name (required). */
  new_task_name: string
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

/** DeleteOldChangeData's body (2.37): a timestamp (`2020-06-30T16:15:00Z`) or an ISO 8601 duration (`P1M3DT1H2M`) after which partitions can be deleted. */
export interface DeleteOldChangeDataRequest {
  /** The point in time, as a timestamp or an offset. */
  timestamp_or_offset: string
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

/** GetEndpointList answer (2.28): `{"endpointList": [...]}`. */
export interface EndpointList {
  /** The endpoints. */
  endpointList?: EndpointInfo[]
  /** Another spelling of `endpointList`. */
  endpoint_list?: EndpointInfo[]
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

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

/** An export document (2.23, 2.32): `{"name", "cmd.replication_definition": {"tasks", "databases"}, "_version", "description"}`; unknown parts are kept in `extra`. */
export interface ExportDocument {
  /** Name of the export, e.g. `Task__2021-08-27--16-12-22-887071`. */
  name?: string
  /** The tasks and databases. */
  'cmd.replication_definition'?: ReplicationDefinition
  /** Version of the exporting server. */
  _version?: ExportVersion
  /** Often a `Host name: ..., Time: ...` stamp. */
  description?: string
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** The `_version` stamp of an export document: `version` and its parts as integers. */
export interface ExportVersion {
  /** Full version, e.g. `2021.5.0.745`. */
  version?: string
  /** Major part, e.g. 2021. */
  version_major?: number
  /** Minor part. */
  version_minor?: number
  /** Revision. */
  version_revision?: number
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

/** A group named in an ACL role (2.10), `DOMAIN\group`. */
export interface GroupRef {
  /** The group's name. */
  name?: string
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

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

/** One JSON Patch operation of PatchEndpoint (2.29): `add`, `replace`, `remove` or `test` on a path under `/db_settings/`. */
export interface PatchOperation {
  /** The operation. */
  op: PatchOp
  /** A JSON Pointer under `/db_settings/`, e.g. `/db_settings/bucketName`. */
  path: string
  /** The value for add, replace and test; absent for remove. */
  value?: JsonValue
}

/** The `cmd.replication_definition` of an export document: its tasks and databases (endpoints), kept as JSON so that nothing is lost on import. */
export interface ReplicationDefinition {
  /** Task definitions, each `{"task": {"name", "source_name", "target_names"}, "source", "targets", "task_settings", ...}`. */
  tasks: JsonValue[]
  /** Endpoint definitions, each `{"name", "role", "type_id", "db_settings", ...}`. */
  databases: JsonValue[]
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

/** The change data retention barrier (2.38 SetChangeDataRetentionBarrier's body, 2.39 GetChangeDataRetentionBarrier's answer). An empty `retention_point` removes the barrier of `application`. */
export interface RetentionBarrier {
  /** Date up to which partitions can be deleted, `yyyy-MM-ddTHH:mm:ssZ` (empty: remove). */
  retention_point?: string
  /** Name of the consuming application. */
  application?: string
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** The users and groups of one role (2.10). */
export interface RoleDef {
  /** Users in the role. */
  users?: UserRef[]
  /** Groups in the role. */
  groups?: GroupRef[]
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** RunTask's body (2.26): `{"cdcposition": ...}`, sent with the three position options. */
export interface RunTaskRequest {
  /** A timestamp (`2017-03-07T11:19:03`), a source position (LSN, SCN) or a target checkpoint. */
  cdcposition?: string
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

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
  /** Another spelling of `username`. */
  user_name?: string
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

/** Details of a server (2.8). */
export interface ServerDetails {
  /** `ReplicateServerDetails` or `ComposeServerDetails`. */
  '$type'?: string
  /** REPLICATE, COMPOSE, COMPOSE_FDL or COMPOSE_FDW (real servers; not in the guide). */
  type?: string
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

/** GetServerDetails answer (2.8): the guide wraps it in `serverDetails`, Qlik's client reads `server_details`; both are read, `server_details` is written. An unwrapped answer (the details themselves) is read too. */
export interface ServerDetailsResponse {
  /** The details. */
  server_details?: ServerDetails
  /** Another spelling of `server_details`. */
  serverDetails?: ServerDetails
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** One server of GetServerList (2.13). */
export interface ServerInfo {
  /** `ReplicateServerInfo` or `ComposeServerInfo`. */
  '$type'?: string
  /** REPLICATE, COMPOSE, COMPOSE_FDL or COMPOSE_FDW: real servers send it, the guide does not show it. */
  type?: string
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

/** GetServerList answer (2.13): `{"serverList": [...]}`. */
export interface ServerList {
  /** The servers. */
  serverList?: ServerInfo[]
  /** Another spelling of `serverList`. */
  server_list?: ServerInfo[]
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

/** The query filters of GetTableList and GetTableStatuses (2.18, 2.21): `%` and `_` patterns on schema and table (case-sensitive); a flag set to false has no effect, none set means every state. */
export interface TableFilter {
  /** Schema name or LIKE pattern. */
  schema?: string
  /** Table name or LIKE pattern. */
  table?: string
  /** Include queued tables. */
  includequeued?: boolean
  /** Include loading tables. */
  includeloading?: boolean
  /** Include completed tables. */
  includecompleted?: boolean
  /** Include tables in change processing. */
  includechangeprocessing?: boolean
  /** Include tables in error. */
  includeerror?: boolean
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

/** GetTableList answer (2.18): `{"tablelist": [...]}`. */
export interface TableList {
  /** The tables. */
  tablelist?: TableRef[]
  /** Another spelling of `tablelist`. */
  tableList?: TableRef[]
  /** Another spelling of `tablelist`. */
  table_list?: TableRef[]
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

/** A task's table selection (2.19 GetTaskTableSelection's answer, 2.20 PutTaskTableSelection's body). Wire names are singular `included_pattern`, `excluded_pattern`; the plural spellings are read too. */
export interface TableSelection {
  /** Include patterns. */
  included_pattern?: TableSelectionDefinition[]
  /** Another spelling of `included_pattern`. */
  included_patterns?: TableSelectionDefinition[]
  /** Exclude patterns. */
  excluded_pattern?: TableSelectionDefinition[]
  /** Another spelling of `excluded_pattern`. */
  excluded_patterns?: TableSelectionDefinition[]
  /** Tables and views selected explicitly (required only when no pattern is defined). */
  explicit_included_tables?: TableSelectionDefinition[]
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
  load_order?: JsonValue
  /** TABLE or VIEW. */
  table_type?: TableType
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

/** GetTableStatuses answer (2.21): `{"table_details": [...]}`. */
export interface TableStatuses {
  /** The tables. */
  table_details?: TableStatus[]
  /** Another spelling of `table_details`. */
  tableDetails?: TableStatus[]
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** RunTask and StopTask answer (2.26, 2.27): `{"state", "error_message"}`. */
export interface TaskActionResponse {
  /** State of the task after the action. */
  state?: TaskState
  /** The error, empty when none. */
  error_message?: string
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

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
  /** Another spelling of `cdc_transactions_counters`. */
  cdc_transaction_counters?: CdcTransactionCounters
  /** Latencies. */
  cdc_latency?: CdcLatency
  /** Profile (2.40): e.g. `UNIDIRECTIONAL`. */
  profile?: string
  /** Why the task stopped; `stop_reason` is read too. */
  task_stop_reason?: TaskStopReason
  /** Another spelling of `task_stop_reason`. */
  stop_reason?: TaskStopReason
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
  assigned_tags?: string[]
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
  /** Another spelling of `stop_reason`. */
  task_stop_reason?: TaskStopReason
  /** The message if the task stopped on an error. */
  message?: string
  /** Custom tags of the task (empty when none). */
  assigned_tags?: string[]
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

/** GetTaskList answer (2.16): `{"taskList": [...]}`. */
export interface TaskList {
  /** The tasks. */
  taskList?: TaskInfo[]
  /** Another spelling of `taskList`. */
  task_list?: TaskInfo[]
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
}

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
  /** Another spelling of `detailed_message`. */
  'detailed message'?: string
  /** The error, as the guide's example sends it. */
  error_message?: string
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

/** A user named in an ACL role (2.10), `DOMAIN\user`. */
export interface UserRef {
  /** The user's name. */
  name?: string
  /** Fields this SDK does not know, as the server sent them. */
  [field: string]: unknown
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
  cdcposition?: string | null
  timeout?: number | null
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

/** The client's methods, one per core method (see index.d.ts for the class). */
export interface AemClientMethods {
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
  exportAuditTrail(startTimestamp: string, options?: ExportAuditTrailParams): Promise<AuditTrail>
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
  /** Logs in now, replacing any session. */
  login(): Promise<void>
  /** Ends the session; a later call logs in again. */
  logout(): Promise<void>
  /** Streams an export of a task to a file; returns its size. */
  exportTaskToFile(server: string, task: string, path: string, options?: ExportTaskToFileParams): Promise<number>
  /** Streams an export of a whole server to a file; returns its size. */
  exportAllToFile(server: string, path: string): Promise<number>
  /** Streams the audit trail to a file; returns its size. */
  exportAuditTrailToFile(startTimestamp: string, path: string, options?: ExportAuditTrailToFileParams): Promise<number>
  /** Imports a task from a document file, streamed. */
  importTaskFromFile(server: string, task: string, path: string): Promise<void>
  /** Imports a whole-server document file, streamed. */
  importAllFromFile(server: string, path: string): Promise<void>
  /** Polls a task until it is in one of `states`. */
  waitForTaskState(server: string, task: string, states: TaskState[], options?: WaitForTaskStateParams): Promise<TaskDetails>
  /** Runs a task and waits until it is RUNNING. */
  runTaskAndWait(server: string, task: string, option: RunTaskOptions, options?: RunTaskAndWaitParams): Promise<TaskDetails>
  /** Stops a task and waits until it is STOPPED. */
  stopTaskAndWait(server: string, task: string, options?: StopTaskAndWaitParams): Promise<TaskDetails>
}
