// The addon's exports (src/lib.rs); index.js wraps them, use index.d.ts's AemClient.

/**
 * Receives the end of every call of one client: `text` is the answer's JSON when `ok`
 * (`null` when there is none), the error's JSON (`{ error_code, message, http_status,
 * operation, kind }`) otherwise; `more` is true when other ends (of any client) are
 * queued behind this one.
 */
export type OnDone = (id: number, ok: boolean, text: string, more: boolean) => unknown

/** A client of one Enterprise Manager: a thin handle on the core's `Client`. */
export declare class NativeClient {
  /** Builds a client from the core's settings JSON (snake_case keys); sends nothing. Rejects with the error's JSON as message. */
  static create (optionsJson: string, onDone: OnDone): Promise<NativeClient>
  /** Starts the core's generic entry; its end goes to `onDone` with this id. Pending calls keep the process alive. */
  start (id: number, method: string, argsJson: string): void
  /** Starts logging out (later calls fail with `CLIENT_CLOSED`); its end goes to `onDone` with this id. */
  close (id: number): void
  /** True once `close` was called. */
  get closed (): boolean
}
/** The API description (`schema/api.json`) as JSON text. */
export declare function describeOperations (): string
