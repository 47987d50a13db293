//! `qem._native`: the Python binding's native half. It converts and glues only: every
//! call goes through `qem_core::Client::call` (the core owns URLs, verbs and statuses);
//! arguments and answers cross as JSON text, which CPython's `json` module turns into
//! objects faster than walking them here.
//!
//! - [`NativeClient::call`] blocks with the GIL released, waking every 50 ms to let
//!   Python deliver signals (Ctrl-C aborts the call).
//! - [`NativeClient::call_async`] runs the call on the shared runtime and hands the
//!   answer to a Python callback (the asyncio glue lives in `qem/_aio.py`).
//! - [`logbridge`] forwards the core's `tracing` records to Python's `logging`.

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::GILOnceCell;
use qem_core::{runtime, ClientConfig, Error};
use serde_json::Value;
use std::future::Future;
use std::sync::mpsc::{sync_channel, RecvTimeoutError};
use std::time::Duration;

mod logbridge;

/// How often a blocking call wakes up to let Python run signal handlers.
const SIGNAL_SLICE: Duration = Duration::from_millis(50);

static ERROR_FACTORY: GILOnceCell<PyObject> = GILOnceCell::new();

/// Builds the Python exception (`qem.errors` hierarchy) for a core error.
fn py_error(py: Python<'_>, err: &Error) -> PyErr {
    error_from_json(py, &err.to_json().to_string())
}

fn error_from_json(py: Python<'_>, text: &str) -> PyErr {
    let factory = ERROR_FACTORY.get_or_try_init(py, || -> PyResult<PyObject> {
        Ok(py.import("qem.errors")?.getattr("_from_native")?.unbind())
    });
    match factory.and_then(|f| f.call1(py, (text,))) {
        Ok(exc) => PyErr::from_value(exc.into_bound(py)),
        Err(e) => e,
    }
}

fn parse_args(args: &str) -> PyResult<Value> {
    serde_json::from_str(args).map_err(|e| PyValueError::new_err(format!("arguments: {e}")))
}

fn to_text(v: &Value) -> String {
    // Serializing a Value cannot fail: its keys are strings.
    serde_json::to_string(v).unwrap_or_else(|_| "null".into())
}

/// Runs a core future on the shared runtime while this thread waits with the GIL
/// released, checking for signals between slices; a raised signal aborts the call.
fn block_on_interruptible<T, F>(py: Python<'_>, fut: F) -> PyResult<Result<T, Error>>
where
    T: Send + 'static,
    F: Future<Output = Result<T, Error>> + Send + 'static,
{
    let rt = runtime::shared().map_err(|e| py_error(py, &e))?;
    let (tx, rx) = sync_channel(1);
    let task = rt.spawn(async move {
        let _ = tx.send(fut.await);
    });
    let mut rx = rx;
    loop {
        // The receiver moves into the GIL-free closure and back (it is Send, not Sync).
        let (got, back) = py.allow_threads(move || (rx.recv_timeout(SIGNAL_SLICE), rx));
        rx = back;
        match got {
            Ok(result) => return Ok(result),
            Err(RecvTimeoutError::Timeout) => {
                if let Err(interrupted) = py.check_signals() {
                    task.abort();
                    return Err(interrupted);
                }
            }
            Err(RecvTimeoutError::Disconnected) => {
                return Err(PyRuntimeError::new_err(
                    "the call ended without an answer (cancelled or failed inside the core)",
                ))
            }
        }
    }
}

/// One Enterprise Manager client: the core's async client, shared by every thread.
#[pyclass(frozen, module = "qem._native")]
struct NativeClient {
    inner: qem_core::Client,
}

#[pymethods]
impl NativeClient {
    /// `options`: the JSON text of `ClientConfig::from_json`'s object. Nothing is sent.
    #[new]
    fn new(py: Python<'_>, options: &str) -> PyResult<Self> {
        let json = parse_args(options)?;
        logbridge::remember_secrets(&json);
        let config = ClientConfig::from_json(&json).map_err(|e| py_error(py, &e))?;
        let rt = runtime::shared().map_err(|e| py_error(py, &e))?;
        let _enter = rt.enter();
        let inner = qem_core::Client::new(config).map_err(|e| py_error(py, &e))?;
        Ok(NativeClient { inner })
    }

    /// The generic entry, blocking: `method` by the guide's name, `args` JSON text of
    /// named arguments. Returns the answer as JSON text (`null` when there is none).
    fn call(&self, py: Python<'_>, method: String, args: &str) -> PyResult<String> {
        let args = parse_args(args)?;
        logbridge::refresh_level(py);
        let client = self.inner.clone();
        match block_on_interruptible(py, async move { client.call(&method, args).await })? {
            Ok(v) => Ok(to_text(&v)),
            Err(e) => Err(py_error(py, &e)),
        }
    }

    /// The generic entry, asynchronous: calls `callback(ok, text)` from a runtime thread
    /// when done (`text` is the answer, or the error as JSON). The returned handle
    /// aborts the call; an aborted call never calls back.
    fn call_async(
        &self,
        py: Python<'_>,
        method: String,
        args: &str,
        callback: PyObject,
    ) -> PyResult<CallHandle> {
        let args = parse_args(args)?;
        logbridge::refresh_level(py);
        let rt = runtime::shared().map_err(|e| py_error(py, &e))?;
        let client = self.inner.clone();
        let task = rt.spawn(async move {
            let (ok, text) = match client.call(&method, args).await {
                Ok(v) => (true, to_text(&v)),
                Err(e) => (false, e.to_json().to_string()),
            };
            logbridge::with_python(|py| {
                if let Err(e) = callback.call1(py, (ok, text)) {
                    e.write_unraisable(py, None);
                }
            });
        });
        Ok(CallHandle {
            abort: task.abort_handle(),
        })
    }

    /// Logs out and refuses every later call. Closing twice is fine.
    fn close(&self, py: Python<'_>) -> PyResult<()> {
        let client = self.inner.clone();
        match block_on_interruptible(py, async move { client.close().await })? {
            Ok(()) => Ok(()),
            Err(e) => Err(py_error(py, &e)),
        }
    }

    /// `close` for asyncio: calls `callback(ok, text)` when done, like `call_async`.
    fn close_async(&self, py: Python<'_>, callback: PyObject) -> PyResult<CallHandle> {
        let rt = runtime::shared().map_err(|e| py_error(py, &e))?;
        let client = self.inner.clone();
        let task = rt.spawn(async move {
            let (ok, text) = match client.close().await {
                Ok(()) => (true, "null".to_string()),
                Err(e) => (false, e.to_json().to_string()),
            };
            logbridge::with_python(|py| {
                if let Err(e) = callback.call1(py, (ok, text)) {
                    e.write_unraisable(py, None);
                }
            });
        });
        Ok(CallHandle {
            abort: task.abort_handle(),
        })
    }

    /// True once `close` was called.
    #[getter]
    fn closed(&self) -> bool {
        self.inner.is_closed()
    }

    /// The Enterprise Manager URL this client talks to.
    #[getter]
    fn url(&self) -> String {
        self.inner.config().url.clone()
    }
}

/// A running asynchronous call.
#[pyclass(frozen, module = "qem._native")]
struct CallHandle {
    abort: tokio::task::AbortHandle,
}

#[pymethods]
impl CallHandle {
    /// Stops the call; its callback will not run.
    fn abort(&self) {
        self.abort.abort();
    }
}

/// Every core operation with its arguments, as JSON text (for coverage checks).
#[pyfunction]
fn operations() -> String {
    qem_core::ops::QEM.describe().to_string()
}

/// Parses an export document (tolerating a leading `//` comment line) into JSON text.
#[pyfunction]
fn parse_document(text: &str) -> PyResult<String> {
    qem_core::parse_document(text)
        .map(|v| to_text(&v))
        .map_err(|e| PyValueError::new_err(format!("not a JSON document: {e}")))
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<NativeClient>()?;
    m.add_class::<CallHandle>()?;
    m.add_function(wrap_pyfunction!(operations, m)?)?;
    m.add_function(wrap_pyfunction!(parse_document, m)?)?;
    m.add_function(wrap_pyfunction!(logbridge::install_logging, m)?)?;
    m.add_function(wrap_pyfunction!(logbridge::shutdown, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
