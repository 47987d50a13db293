//! `qem._native`: the Python binding's native half. It converts and glues only: every
//! call goes through `qem_core::Client::call` (the core owns URLs, verbs and statuses);
//! arguments and answers cross as JSON text, which CPython's `json` module turns into
//! objects faster than walking them here.
//!
//! - [`NativeClient::call`] drives the call on the calling thread with the GIL released,
//!   waking every 50 ms to let Python deliver signals (Ctrl-C aborts the call).
//! - [`NativeClient::call_async`] runs the call on the shared runtime and hands the
//!   answer to a Python callback (the asyncio glue lives in `qem/_client.py`).
//! - [`logbridge`] forwards the core's `tracing` records to Python's `logging`.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::GILOnceCell;
use pyo3::types::{PyBytes, PyString};
use pyo3::IntoPyObjectExt;
use qem_core::{runtime, ClientConfig, Error};
use serde_json::Value;
use std::future::Future;
use std::time::Duration;

mod convert;
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

/// The JSON text of arguments or options, read by the core (which refuses what UTF-8
/// cannot carry, naming the argument). Python's encoder writes a lone surrogate as it
/// is, which no Rust string holds: it is handed over as the JSON escape (`\ud800`)
/// that `backslashreplace` writes, so the core sees and names it.
fn parse_args(py: Python<'_>, args: &Bound<'_, PyString>) -> PyResult<Value> {
    let text = match args.to_cow() {
        Ok(text) => text,
        Err(_) => {
            let bytes = args.call_method1("encode", ("utf-8", "backslashreplace"))?;
            let bytes = bytes.downcast::<PyBytes>()?.as_bytes();
            std::borrow::Cow::Owned(String::from_utf8_lossy(bytes).into_owned())
        }
    };
    qem_core::parse_args(&text, "arguments").map_err(|e| py_error(py, &e))
}

fn to_text(v: &Value) -> String {
    // Serializing a Value cannot fail: its keys are strings.
    serde_json::to_string(v).unwrap_or_else(|_| "null".into())
}

/// Drives a core future on this thread with the GIL released (the thread carries its
/// I/O: [`runtime::drive_for`]), waking every `SIGNAL_SLICE` to let Python run signal
/// handlers; a raised signal drops the future, which cancels the call.
fn block_on_interruptible<T, F>(py: Python<'_>, fut: F) -> PyResult<Result<T, Error>>
where
    T: Send,
    F: Future<Output = Result<T, Error>> + Send,
{
    let mut fut = Box::pin(fut);
    loop {
        // The future moves into the GIL-free closure and back (it is Send, not Sync).
        let (got, back) = py.allow_threads(|| (runtime::drive_for(&mut fut, SIGNAL_SLICE), fut));
        fut = back;
        match got {
            Some(result) => return Ok(result),
            None => py.check_signals()?,
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
    fn new(py: Python<'_>, options: &Bound<'_, PyString>) -> PyResult<Self> {
        let json = parse_args(py, options)?;
        logbridge::remember_secrets(&json);
        let config = ClientConfig::from_json(&json).map_err(|e| py_error(py, &e))?;
        let rt = runtime::shared().map_err(|e| py_error(py, &e))?;
        let _enter = rt.enter();
        let inner = qem_core::Client::new(config).map_err(|e| py_error(py, &e))?;
        Ok(NativeClient { inner })
    }

    /// The generic entry, blocking: `method` by the guide's name, `args` JSON text of
    /// named arguments. Returns the answer as JSON text (`null` when there is none).
    fn call(&self, py: Python<'_>, method: &str, args: &Bound<'_, PyString>) -> PyResult<String> {
        self.call_text(py, method, args)
    }

    /// `call`, answering Python objects read as `spec` says (see `convert::build`):
    /// an answer class, `{"$type" part: class}`, or None for plain values in `AttrDict`s.
    /// `timeout_ms` bounds this one call.
    #[pyo3(signature = (method, args, spec, timeout_ms=None))]
    fn call_typed(
        &self,
        py: Python<'_>,
        method: &str,
        args: &Bound<'_, PyString>,
        spec: &Bound<'_, PyAny>,
        timeout_ms: Option<u64>,
    ) -> PyResult<PyObject> {
        let text = match timeout_ms {
            None => self.call_text(py, method, args)?,
            Some(ms) => self.for_one_call(py, ms)?.call_text(py, method, args)?,
        };
        convert::build(py, spec, convert::parse(&text)?)
    }

    /// A client sharing this one's session and connections whose calls use `options`
    /// (JSON text: `timeout_ms`, `max_retries`; see `qem_core::CallOptions`).
    fn with_options(&self, py: Python<'_>, options: &Bound<'_, PyString>) -> PyResult<Self> {
        let json = parse_args(py, options)?;
        let options = qem_core::CallOptions::from_json(&json).map_err(|e| py_error(py, &e))?;
        Ok(NativeClient {
            inner: self.inner.with_options(options),
        })
    }

    /// The generic entry, asynchronous: calls `callback(ok, answer)` from a runtime thread
    /// when done; `answer` is the JSON text, or with `typed` the objects `call_typed`
    /// would answer for `spec`; on failure the error as JSON text. The returned handle
    /// aborts the call; an aborted call never calls back.
    #[pyo3(signature = (method, args, callback, typed=false, spec=None, timeout_ms=None))]
    #[allow(clippy::too_many_arguments)]
    fn call_async(
        &self,
        py: Python<'_>,
        method: String,
        args: &Bound<'_, PyString>,
        callback: PyObject,
        typed: bool,
        spec: Option<PyObject>,
        timeout_ms: Option<u64>,
    ) -> PyResult<CallHandle> {
        let args = parse_args(py, args)?;
        logbridge::refresh_level(py);
        let rt = runtime::shared().map_err(|e| py_error(py, &e))?;
        let client = match timeout_ms {
            None => self.inner.clone(),
            Some(ms) => self.for_one_call(py, ms)?.inner,
        };
        let task = rt.spawn(async move {
            let result = client.call_text(&method, args).await;
            logbridge::with_python(|py| {
                let (ok, answer) = match result {
                    Ok(text) if typed => {
                        let spec = spec.as_ref().map_or_else(|| py.None(), |s| s.clone_ref(py));
                        match convert::parse(&text)
                            .and_then(|v| convert::build(py, spec.bind(py), v))
                        {
                            Ok(obj) => (true, obj),
                            Err(e) => (false, conversion_failure(py, &e)),
                        }
                    }
                    Ok(text) => (true, text.into_py_any(py).unwrap_or_else(|_| py.None())),
                    Err(e) => (
                        false,
                        e.to_json()
                            .to_string()
                            .into_py_any(py)
                            .unwrap_or_else(|_| py.None()),
                    ),
                };
                if let Err(e) = callback.call1(py, (ok, answer)) {
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

    /// The benchmark's baseline: `n` calls of `method` through the core alone (its
    /// blocking client on this client's session), timed in Rust with the GIL released;
    /// `typed` uses the core's typed `get_task_details` instead of the generic entry.
    /// Returns the seconds taken. Built only with the `bench` feature.
    #[cfg(feature = "bench")]
    fn bench_core(
        &self,
        py: Python<'_>,
        method: &str,
        args: &Bound<'_, PyString>,
        n: u32,
        typed: bool,
    ) -> PyResult<f64> {
        let args = parse_args(py, args)?;
        let client = self.inner.clone();
        let text = |k: &str| {
            args.get(k)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string()
        };
        let (server, task) = (text("server"), text("task"));
        let outcome = py.allow_threads(|| {
            let started = std::time::Instant::now();
            for _ in 0..n {
                if typed {
                    runtime::drive(client.get_task_details(&server, &task)).map(|_| ())?;
                } else {
                    runtime::drive(client.call(method, args.clone())).map(|_| ())?;
                }
            }
            Ok::<_, Error>(started.elapsed().as_secs_f64())
        });
        outcome.map_err(|e| py_error(py, &e))
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

impl NativeClient {
    /// This client with `timeout_ms` for one call (zero refused as the options are).
    fn for_one_call(&self, py: Python<'_>, timeout_ms: u64) -> PyResult<NativeClient> {
        let options =
            qem_core::CallOptions::from_json(&serde_json::json!({"timeout_ms": timeout_ms}))
                .map_err(|e| py_error(py, &e))?;
        Ok(NativeClient {
            inner: self.inner.with_options(options),
        })
    }

    /// The generic entry, blocking, answering the checked JSON text (`call_text`: no
    /// `Value` is built on the way).
    fn call_text(
        &self,
        py: Python<'_>,
        method: &str,
        args: &Bound<'_, PyString>,
    ) -> PyResult<String> {
        let args = parse_args(py, args)?;
        logbridge::refresh_level(py);
        match block_on_interruptible(py, self.inner.call_text(method, args))? {
            Ok(text) => Ok(text),
            Err(e) => Err(py_error(py, &e)),
        }
    }
}

/// An answer that could not become Python objects, as the error JSON the callback takes.
fn conversion_failure(py: Python<'_>, e: &PyErr) -> PyObject {
    let err = Error::invalid_response(format!("reading the answer: {e}"), None);
    err.to_json()
        .to_string()
        .into_py_any(py)
        .unwrap_or_else(|_| py.None())
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

/// The API description (`schema/api.json`) as JSON text.
#[pyfunction]
fn operations() -> &'static str {
    qem_core::describe::api_description_text()
}

/// The fingerprint of the API description this module was built from; the generated
/// `qem/_operations.py` checks it is the one it was generated from.
#[pyfunction]
fn description_fingerprint() -> String {
    qem_core::describe::fingerprint(include_str!("../../schema/api.json"))
}

/// The `qem` command line with these arguments (the first is the program's name); answers
/// its exit code. The GIL is released while it runs.
#[pyfunction]
fn run_cli(py: Python<'_>, argv: Vec<String>) -> u8 {
    let args = argv.into_iter().map(std::ffi::OsString::from).collect();
    py.allow_threads(move || qem_cli::run(args))
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
    m.add_function(wrap_pyfunction!(run_cli, m)?)?;
    m.add_function(wrap_pyfunction!(convert::fill, m)?)?;
    m.add_function(wrap_pyfunction!(logbridge::install_logging, m)?)?;
    m.add_function(wrap_pyfunction!(description_fingerprint, m)?)?;
    m.add_function(wrap_pyfunction!(logbridge::shutdown, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
