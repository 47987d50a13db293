//! # qem (C ABI)
//!
//! A stable C ABI over `qem-core`, for C and for every language with a foreign function
//! interface (.NET P/Invoke, ...). It only converts and glues: operations, verbs, paths
//! and statuses all live in the core, so adding an API method never changes this ABI.
//!
//! ## Rules, for every function
//!
//! - Handles are opaque: `QemClient` (a client), `QemCall` (one asynchronous call, for
//!   cancelling it), `QemError` (one failure).
//! - Input strings are NUL-terminated UTF-8, borrowed for the duration of the call only.
//! - Every string or object handed out is owned by the caller and released by the one
//!   matching function: `qem_string_free`, `qem_error_free`, `qem_call_free`,
//!   `qem_client_free`. Strings read through `qem_error_*` accessors are borrowed from
//!   the error and live until `qem_error_free`.
//! - Every function is thread-safe. NULL handles and pointers are rejected with
//!   `QEM_STATUS_INVALID_ARGUMENT`, never dereferenced; no panic crosses the boundary.
//! - A function returning `QemStatus` with an `out_error` parameter stores an error object
//!   there on every status but `QEM_STATUS_OK` (and NULL on success); `out_error` may be
//!   NULL when the caller does not want the details.

#![allow(clippy::missing_safety_doc)] // the safety contract is the module's rules, repeated in the header

use futures_util::FutureExt;
use qem_core::{codes, Error, ErrorKind};
use serde_json::Value;
use std::ffi::{c_char, c_void, CStr, CString};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr;
use std::sync::Mutex;

/// Outcome of a function.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QemStatus {
    /// Success.
    Ok = 0,
    /// The operation failed (the server refused it, no connection, a timeout...): see the error object.
    Error = 1,
    /// A NULL pointer, a string that is not UTF-8, arguments that are not a JSON object,
    /// an unknown operation or argument, a wrong argument type (error code `INVALID_ARGUMENT`).
    InvalidArgument = 2,
    /// The call was cancelled (error code `CANCELLED`).
    Cancelled = 3,
    /// A bug inside the library was caught at the boundary (error code `INTERNAL_ERROR`).
    Internal = 4,
}

/// A client of one Enterprise Manager: settings, credentials and session. Share one
/// between threads freely; free it once with `qem_client_free`.
pub struct QemClient {
    inner: qem_core::blocking::Client,
}

/// One asynchronous call in flight, to cancel it. Free it with `qem_call_free`.
pub struct QemCall {
    cancel: Mutex<Option<tokio::sync::oneshot::Sender<()>>>,
}

/// A failure: status, `error_code`, message, HTTP status, operation. Read it with the
/// `qem_error_*` accessors; free it with `qem_error_free`.
pub struct QemError {
    status: QemStatus,
    code: CString,
    message: CString,
    kind: CString,
    operation: Option<CString>,
    trace_id: Option<CString>,
    json: CString,
    http_status: i32,
}

/// Completion of `qem_client_call_async`, called exactly once per accepted call, on the
/// library's callback thread (never inside `qem_client_call_async` itself, never on a
/// thread of the core's runtime). Callbacks run one at a time, in completion order; the
/// callback thread ends after a short idle time and a new one starts when needed, so no
/// thread that ran a callback outlives the program's activity (runtimes such as Mono wait
/// at exit for every native thread that entered them).
///
/// `result_json` (on `QEM_STATUS_OK`; the JSON answer, `null` when the operation answers
/// nothing) and `error` (on any other status) are borrowed: valid only until the
/// callback returns, so copy what you keep; the other one is NULL. The callback should
/// return soon (the callbacks behind it wait), must not wait for another call's callback,
/// must not call the blocking `qem_client_call`, nor unwind (throw) into the library.
pub type QemCallback = Option<
    unsafe extern "C" fn(
        user_data: *mut c_void,
        status: QemStatus,
        result_json: *const c_char,
        error: *const QemError,
    ),
>;

/// The error code of a Rust panic caught at the boundary (a bug, never a crash).
use qem_core::codes::INTERNAL_ERROR;

fn to_cstring(s: &str) -> CString {
    // Interior NULs cannot be represented in C; they never occur in codes and are rare in
    // messages, so replacing them keeps the rest readable.
    CString::new(s)
        .unwrap_or_else(|_| CString::new(s.replace('\0', "\u{fffd}")).unwrap_or_default())
}

impl QemError {
    fn from_core(e: &Error) -> QemError {
        let status = match (e.kind(), e.error_code()) {
            (_, codes::CANCELLED) => QemStatus::Cancelled,
            (ErrorKind::InvalidArgument, _) => QemStatus::InvalidArgument,
            _ => QemStatus::Error,
        };
        QemError {
            status,
            code: to_cstring(e.error_code()),
            message: to_cstring(e.message()),
            kind: to_cstring(e.kind().as_str()),
            operation: e.operation().map(to_cstring),
            trace_id: e.trace_id().map(to_cstring),
            json: to_cstring(&e.to_json().to_string()),
            http_status: e.http_status().map_or(0, i32::from),
        }
    }

    fn internal(message: &str) -> QemError {
        let json = serde_json::json!({
            "error_code": INTERNAL_ERROR, "message": message, "http_status": null,
            "operation": null, "kind": "internal",
        });
        QemError {
            status: QemStatus::Internal,
            code: to_cstring(INTERNAL_ERROR),
            message: to_cstring(message),
            kind: to_cstring("internal"),
            operation: None,
            trace_id: None,
            json: to_cstring(&json.to_string()),
            http_status: 0,
        }
    }
}

fn invalid(message: impl Into<String>) -> Error {
    Error::invalid_argument(message)
}

fn cancelled() -> Error {
    Error::new(
        ErrorKind::Closed,
        codes::CANCELLED,
        "the call was cancelled",
    )
}

/// Stores the error (if wanted) and returns its status.
unsafe fn fail(out_error: *mut *mut QemError, err: QemError) -> QemStatus {
    let status = err.status;
    if !out_error.is_null() {
        *out_error = Box::into_raw(Box::new(err));
    }
    status
}

/// Runs an entry's body: clears `out_error`, catches panics, converts errors.
fn guard(out_error: *mut *mut QemError, body: impl FnOnce() -> Result<(), Error>) -> QemStatus {
    unsafe {
        if !out_error.is_null() {
            *out_error = ptr::null_mut();
        }
        match catch_unwind(AssertUnwindSafe(body)) {
            Ok(Ok(())) => QemStatus::Ok,
            Ok(Err(e)) => fail(out_error, QemError::from_core(&e)),
            Err(_) => fail(out_error, QemError::internal("a panic was caught in qem")),
        }
    }
}

unsafe fn text<'a>(p: *const c_char, what: &str) -> Result<&'a str, Error> {
    if p.is_null() {
        return Err(invalid(format!("`{what}` is NULL")));
    }
    CStr::from_ptr(p)
        .to_str()
        .map_err(|e| invalid(format!("`{what}` is not UTF-8: {e}")))
}

unsafe fn json_object(p: *const c_char, what: &str) -> Result<Value, Error> {
    let s = text(p, what).map_err(|e| match p.is_null() {
        true => e,
        false => not_utf8_argument(CStr::from_ptr(p).to_bytes()).unwrap_or(e),
    })?;
    // The core reads it (and refuses a lone surrogate escape, naming the argument).
    let v = qem_core::parse_args(s, what)?;
    if !v.is_object() {
        return Err(invalid(format!("`{what}` must be a JSON object")));
    }
    Ok(v)
}

/// Names the argument of a JSON object whose text is not UTF-8: the text read with
/// replacement characters, the top-level key whose value gained one.
fn not_utf8_argument(bytes: &[u8]) -> Option<Error> {
    fn holds(v: &Value) -> bool {
        match v {
            Value::String(s) => s.contains('\u{FFFD}'),
            Value::Array(a) => a.iter().any(holds),
            Value::Object(o) => o.values().any(holds),
            _ => false,
        }
    }
    let lossy = String::from_utf8_lossy(bytes);
    let Ok(Value::Object(o)) = serde_json::from_str::<Value>(&lossy) else {
        return None;
    };
    let (name, _) = o.iter().find(|(_, v)| holds(v))?;
    Some(invalid(format!("`{name}` holds bytes that are not UTF-8")))
}

unsafe fn client_ref<'a>(p: *const QemClient) -> Result<&'a QemClient, Error> {
    p.as_ref().ok_or_else(|| invalid("`client` is NULL"))
}

unsafe fn give_string(out: *mut *mut c_char, s: &str) {
    *out = to_cstring(s).into_raw();
}

/// The library's version, a static string: never free it.
#[no_mangle]
pub extern "C" fn qem_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

/// The API description (`schema/api.json`): for each service, every operation the
/// generic entry serves (name, method, arguments with their types and places, answer)
/// and every helper, and the JSON Schema of every model.
/// On success `*out_json` receives a string owned by the caller: free it with `qem_string_free`.
#[no_mangle]
pub unsafe extern "C" fn qem_operations(
    out_json: *mut *mut c_char,
    out_error: *mut *mut QemError,
) -> QemStatus {
    guard(out_error, || {
        if out_json.is_null() {
            return Err(invalid("`out_json` is NULL"));
        }
        give_string(out_json, qem_core::describe::api_description_text());
        Ok(())
    })
}

/// Creates a client from settings as a JSON object (borrowed): `url`, or `host` with
/// `port` and `url_suffix`; one credential (`username` with optional `domain` and
/// `password`, `api_token`, `jwt`, `b64`, or `saml`: a SAML message posted as the login
/// body); optional `verify_certificate`, `ca_file`,
/// `ca_pem`, `login_method`, `connect_timeout_ms`, `read_timeout_ms`, `max_retries`.
/// Nothing is sent until the first call (which logs in).
/// On success `*out_client` receives a client owned by the caller: free it with
/// `qem_client_free`; on failure it is set to NULL.
#[no_mangle]
pub unsafe extern "C" fn qem_client_new(
    options_json: *const c_char,
    out_client: *mut *mut QemClient,
    out_error: *mut *mut QemError,
) -> QemStatus {
    guard(out_error, || {
        if out_client.is_null() {
            return Err(invalid("`out_client` is NULL"));
        }
        *out_client = ptr::null_mut();
        let options = json_object(options_json, "options_json")?;
        let config = qem_core::ClientConfig::from_json(&options)?;
        let inner = qem_core::blocking::Client::new(config)?;
        *out_client = Box::into_raw(Box::new(QemClient { inner }));
        Ok(())
    })
}

/// Frees a client (NULL is ignored). It does not log out (see `qem_client_close`).
/// Asynchronous calls already started keep their own reference and still complete; the
/// caller must not use `client` again, nor free it while another thread is inside a
/// function with it.
#[no_mangle]
pub unsafe extern "C" fn qem_client_free(client: *mut QemClient) {
    if !client.is_null() {
        let _ = catch_unwind(AssertUnwindSafe(|| drop(Box::from_raw(client))));
    }
}

/// Logs out (when logged in) and makes later calls fail with `CLIENT_CLOSED`. Blocking.
/// The client must still be freed with `qem_client_free`.
#[no_mangle]
pub unsafe extern "C" fn qem_client_close(
    client: *const QemClient,
    out_error: *mut *mut QemError,
) -> QemStatus {
    guard(out_error, || client_ref(client)?.inner.close())
}

/// The generic entry, blocking: calls `operation` (the guide's REST name such as
/// `GetServerList`/`RunTask`, or its Python name such as `get_server_list`; also `login`,
/// `logout`, `wait_for_task_state`, `run_task_and_wait`, `stop_task_and_wait`) with
/// `args_json`, a JSON object of the guide's parameter names (the body under `payload`).
/// Both strings are borrowed.
/// On success `*out_result_json` receives the JSON answer (`null` when the operation
/// answers nothing; export documents as JSON), owned by the caller: free it with
/// `qem_string_free`. On failure it is set to NULL.
/// Do not call it from inside a `QemCallback`.
#[no_mangle]
pub unsafe extern "C" fn qem_client_call(
    client: *const QemClient,
    operation: *const c_char,
    args_json: *const c_char,
    out_result_json: *mut *mut c_char,
    out_error: *mut *mut QemError,
) -> QemStatus {
    guard(out_error, || {
        if out_result_json.is_null() {
            return Err(invalid("`out_result_json` is NULL"));
        }
        *out_result_json = ptr::null_mut();
        let c = client_ref(client)?;
        let op = text(operation, "operation")?;
        let args = json_object(args_json, "args_json")?;
        let answer = c.inner.call_text(op, args)?;
        give_string(out_result_json, &answer);
        Ok(())
    })
}

struct SendPtr(*mut c_void);
// The pointer is the caller's `user_data`, only handed back to the caller's callback;
// the caller vouches for its use on another thread.
unsafe impl Send for SendPtr {}

/// The generic entry, asynchronous: as `qem_client_call`, but returns at once and
/// reports through `callback(user_data, ...)` exactly once, on the library's callback
/// thread (see `QemCallback`), when the call succeeds, fails or is cancelled. `operation`
/// and `args_json` are borrowed for this function only (they are copied). The call keeps
/// the client alive by itself.
/// If `out_call` is not NULL it receives a cancellation handle owned by the caller
/// (free it with `qem_call_free`, before or after completion).
/// When this function returns anything but `QEM_STATUS_OK` (a NULL or invalid argument)
/// the callback is never called and `*out_call` is NULL.
#[no_mangle]
pub unsafe extern "C" fn qem_client_call_async(
    client: *const QemClient,
    operation: *const c_char,
    args_json: *const c_char,
    callback: QemCallback,
    user_data: *mut c_void,
    out_call: *mut *mut QemCall,
    out_error: *mut *mut QemError,
) -> QemStatus {
    guard(out_error, || {
        if !out_call.is_null() {
            *out_call = ptr::null_mut();
        }
        let c = client_ref(client)?;
        let op = text(operation, "operation")?.to_string();
        let args = json_object(args_json, "args_json")?;
        let callback = callback.ok_or_else(|| invalid("`callback` is NULL"))?;
        let rt = qem_core::runtime::shared()?;
        let inner = c.inner.as_async().clone();
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let user_data = SendPtr(user_data);
        rt.spawn(async move {
            let call = AssertUnwindSafe(async { inner.call_text(&op, args).await }).catch_unwind();
            let outcome = tokio::select! {
                // Dropping the handle without cancelling closes the channel: that is
                // not a cancellation, so only an explicit send wins this branch.
                Ok(()) = rx => Ok(Err(cancelled())),
                r = call => r,
            };
            // Converted here, on the runtime's thread; only the callback itself runs on
            // the callback thread.
            let done = match outcome {
                Ok(Ok(text)) => Ok(to_cstring(&text)),
                Ok(Err(e)) => Err(QemError::from_core(&e)),
                Err(_) => Err(QemError::internal("a panic was caught in qem")),
            };
            dispatch::run(Box::new(move || {
                let user_data = user_data;
                let _ = catch_unwind(AssertUnwindSafe(|| match &done {
                    Ok(s) => callback(user_data.0, QemStatus::Ok, s.as_ptr(), ptr::null()),
                    Err(err) => callback(user_data.0, err.status, ptr::null(), err),
                }));
            }));
        });
        if !out_call.is_null() {
            *out_call = Box::into_raw(Box::new(QemCall {
                cancel: Mutex::new(Some(tx)),
            }));
        }
        Ok(())
    })
}

/// The callback thread: completions of asynchronous calls are queued here and run on one
/// thread this library owns, which ends after [`dispatch::IDLE`] without work.
///
/// Running callbacks on the core's runtime threads would be simpler, but those threads
/// live as long as the process: a managed runtime that a callback enters (Mono) adopts
/// the thread and waits for it at exit, so a program that used the async API would
/// never end. A thread of our own that ends when idle is detached by the runtime as it
/// exits, and it also keeps callers' code off the runtime's I/O threads.
mod dispatch {
    use std::collections::VecDeque;
    use std::panic::{catch_unwind, AssertUnwindSafe};
    use std::sync::{Condvar, Mutex, MutexGuard};
    use std::time::Duration;

    /// How long the callback thread waits for more work before it ends.
    pub const IDLE: Duration = Duration::from_millis(50);

    pub type Job = Box<dyn FnOnce() + Send>;

    struct State {
        /// The process the state belongs to: after `fork()` the child has no thread.
        pid: u32,
        queue: VecDeque<Job>,
        /// A callback thread is running (it will look at the queue before it ends).
        running: bool,
    }

    static STATE: Mutex<State> = Mutex::new(State {
        pid: 0,
        queue: VecDeque::new(),
        running: false,
    });
    static WAKE: Condvar = Condvar::new();

    fn lock() -> MutexGuard<'static, State> {
        // Jobs run outside the lock and catch their panics: a poisoned lock is still sound.
        STATE.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Queues a job for the callback thread, starting one when none runs.
    pub fn run(job: Job) {
        let mut s = lock();
        let pid = std::process::id();
        if s.pid != pid {
            // First use, or a forked child whose parent's thread does not exist here: its
            // jobs belong to the parent, so forget them rather than run them twice.
            std::mem::forget(std::mem::take(&mut s.queue));
            s.pid = pid;
            s.running = false;
        }
        s.queue.push_back(job);
        if s.running {
            drop(s);
            WAKE.notify_one();
            return;
        }
        s.running = true;
        drop(s);
        let started = std::thread::Builder::new()
            .name("qem-callback".into())
            .spawn(worker);
        if started.is_err() {
            // No thread to be had: run what is queued here rather than never.
            let mut s = lock();
            s.running = false;
            let jobs = std::mem::take(&mut s.queue);
            drop(s);
            for job in jobs {
                let _ = catch_unwind(AssertUnwindSafe(job));
            }
        }
    }

    fn worker() {
        let mut s = lock();
        loop {
            if let Some(job) = s.queue.pop_front() {
                drop(s);
                let _ = catch_unwind(AssertUnwindSafe(job));
                s = lock();
                continue;
            }
            let (guard, wait) = WAKE
                .wait_timeout(s, IDLE)
                .unwrap_or_else(|p| p.into_inner());
            s = guard;
            if wait.timed_out() && s.queue.is_empty() {
                s.running = false;
                return;
            }
        }
    }
}

/// Asks an asynchronous call to stop. Safe before, during or after its completion, and
/// more than once: if the call has not completed yet its callback reports
/// `QEM_STATUS_CANCELLED` (a request already sent may still have reached the server);
/// otherwise nothing happens. Does not free `call`.
#[no_mangle]
pub unsafe extern "C" fn qem_call_cancel(call: *const QemCall) -> QemStatus {
    guard(ptr::null_mut(), || {
        let call = call.as_ref().ok_or_else(|| invalid("`call` is NULL"))?;
        let sender = call.cancel.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some(tx) = sender {
            // An error only means the call already completed.
            let _ = tx.send(());
        }
        Ok(())
    })
}

/// Frees a cancellation handle (NULL is ignored). Does not cancel: the call still completes
/// and its callback still comes.
#[no_mangle]
pub unsafe extern "C" fn qem_call_free(call: *mut QemCall) {
    if !call.is_null() {
        let _ = catch_unwind(AssertUnwindSafe(|| drop(Box::from_raw(call))));
    }
}

/// Frees a string handed out by this library (NULL is ignored).
#[no_mangle]
pub unsafe extern "C" fn qem_string_free(s: *mut c_char) {
    if !s.is_null() {
        let _ = catch_unwind(AssertUnwindSafe(|| drop(CString::from_raw(s))));
    }
}

/// Frees an error object (NULL is ignored), with every string its accessors returned.
#[no_mangle]
pub unsafe extern "C" fn qem_error_free(error: *mut QemError) {
    if !error.is_null() {
        let _ = catch_unwind(AssertUnwindSafe(|| drop(Box::from_raw(error))));
    }
}

/// The status this error stands for (`QEM_STATUS_INVALID_ARGUMENT` for NULL).
#[no_mangle]
pub unsafe extern "C" fn qem_error_status(error: *const QemError) -> QemStatus {
    error
        .as_ref()
        .map_or(QemStatus::InvalidArgument, |e| e.status)
}

/// The stable error code: the server's own (`AEM_TASK_ALREADY_RUNNING`,
/// `INVALID_SESSION_ID`...) or the library's (`INVALID_ARGUMENT`, `CONNECTION_ERROR`,
/// `TIMEOUT`, `TLS_ERROR`, `CANCELLED`, ...). Borrowed from `error`, valid until
/// `qem_error_free`; NULL when `error` is NULL.
#[no_mangle]
pub unsafe extern "C" fn qem_error_code(error: *const QemError) -> *const c_char {
    error.as_ref().map_or(ptr::null(), |e| e.code.as_ptr())
}

/// The human-readable message. Borrowed from `error`, valid until `qem_error_free`; NULL
/// when `error` is NULL.
#[no_mangle]
pub unsafe extern "C" fn qem_error_message(error: *const QemError) -> *const c_char {
    error.as_ref().map_or(ptr::null(), |e| e.message.as_ptr())
}

/// The HTTP status of the server's answer, or 0 when there was none (or `error` is NULL).
#[no_mangle]
pub unsafe extern "C" fn qem_error_http_status(error: *const QemError) -> i32 {
    error.as_ref().map_or(0, |e| e.http_status)
}

/// The REST name of the operation that failed (`GetTaskDetails`), or NULL when unknown
/// (or `error` is NULL). Borrowed from `error`, valid until `qem_error_free`.
#[no_mangle]
pub unsafe extern "C" fn qem_error_operation(error: *const QemError) -> *const c_char {
    optional_text(error, |e| &e.operation)
}

/// A text field of `error` that may be absent: NULL when it is (or `error` is NULL).
unsafe fn optional_text(
    error: *const QemError,
    field: impl Fn(&QemError) -> &Option<CString>,
) -> *const c_char {
    error
        .as_ref()
        .and_then(|e| field(e).as_ref())
        .map_or(ptr::null(), |s| s.as_ptr())
}

/// The server's trace id of the failed request (Qlik Cloud's `traceId`), or NULL when it
/// sent none (or `error` is NULL). Borrowed from `error`, valid until `qem_error_free`.
#[no_mangle]
pub unsafe extern "C" fn qem_error_trace_id(error: *const QemError) -> *const c_char {
    optional_text(error, |e| &e.trace_id)
}

/// The error's category: `session`, `unauthorized`, `not_found`, `server`, `connection`,
/// `timeout`, `tls`, `invalid_argument`, `invalid_response`, `closed`, `io`, `internal`.
/// Borrowed from `error`, valid until `qem_error_free`; NULL when `error` is NULL.
#[no_mangle]
pub unsafe extern "C" fn qem_error_kind(error: *const QemError) -> *const c_char {
    error.as_ref().map_or(ptr::null(), |e| e.kind.as_ptr())
}

/// The whole error as a JSON object `{"error_code", "message", "http_status",
/// "operation", "kind"}`. Borrowed from `error`, valid until `qem_error_free`; NULL when
/// `error` is NULL.
#[no_mangle]
pub unsafe extern "C" fn qem_error_json(error: *const QemError) -> *const c_char {
    error.as_ref().map_or(ptr::null(), |e| e.json.as_ptr())
}
