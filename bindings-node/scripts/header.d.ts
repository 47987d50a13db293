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

