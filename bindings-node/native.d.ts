// The addon's exports (src/lib.rs); index.js wraps them, use index.d.ts's AemClient.

/** A client of one Enterprise Manager: a thin handle on the core's `Client`. */
export declare class NativeClient {
  /** Builds a client from the core's settings JSON (snake_case keys); sends nothing. */
  static create (optionsJson: string): Promise<NativeClient>
  /** The core's generic entry; resolves to the answer as JSON text. Rejects with the error's JSON as message. */
  call (method: string, argsJson: string): Promise<string>
  /** The benchmark's baselines: n calls through the core alone ('await', 'thread' or 'concurrent'); resolves to the seconds taken. */
  benchCore (method: string, argsJson: string, n: number, mode: 'await' | 'thread' | 'concurrent'): Promise<number>
  /** Logs out and refuses later calls with `CLIENT_CLOSED`. */
  close (): Promise<void>
  /** True once `close` was called. */
  get closed (): boolean
}
/** The core's table of operations as JSON text. */
export declare function describeOperations (): string
/** The JS method table generated from the core's typed methods, as JSON text. */
export declare function methodTable (): string
/** TypeScript declarations generated from the core. */
export declare function typescriptDeclarations (): string
/** Panics on purpose (tests prove a panic rejects instead of aborting). */
export declare function testPanic (message: string): Promise<void>
