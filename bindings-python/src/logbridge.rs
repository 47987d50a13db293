//! Forwards the core's `tracing` records to Python's `logging` (logger `qem`), with
//! credentials redacted.
//!
//! Taking the GIL for every record would slow every call, so records below the `qem`
//! logger's effective level are dropped here: that level is read on each call (cheap,
//! the GIL is held then) and kept in an atomic the tracing layer checks.

use base64::Engine;
use pyo3::prelude::*;
use pyo3::sync::GILOnceCell;
use serde_json::Value;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Once, RwLock};
use tracing::field::{Field, Visit};
use tracing::{Event, Level, Metadata, Subscriber};
use tracing_subscriber::layer::{Context, Layer};
use tracing_subscriber::prelude::*;

/// The `qem` logger's effective level (Python's numbers); above CRITICAL = off.
static LEVEL: AtomicU32 = AtomicU32::new(u32::MAX);
/// Cleared at interpreter exit: runtime threads must not take the GIL after that.
static ALIVE: AtomicBool = AtomicBool::new(true);
static INSTALL: Once = Once::new();
static LOGGER: GILOnceCell<(PyObject, PyObject)> = GILOnceCell::new();
/// Credential values seen by client constructors, masked in every record.
static SECRETS: RwLock<Vec<String>> = RwLock::new(Vec::new());

/// Runs `f` with the GIL unless the interpreter is shutting down.
pub(crate) fn with_python(f: impl FnOnce(Python<'_>)) {
    if ALIVE.load(Ordering::Acquire) {
        Python::with_gil(f);
    }
}

/// Installs the tracing subscriber once per process (`qem` calls it on import). Python's
/// `logging` is not imported here (it is a quarter of what `import qem` would cost): the
/// `qem` logger is looked up once the program has imported `logging` itself, or when a
/// record of WARNING or above (what an unconfigured `logging` prints) must go out.
#[pyfunction]
pub(crate) fn install_logging(py: Python<'_>) -> PyResult<()> {
    INSTALL.call_once(|| {
        let _ = tracing::subscriber::set_global_default(
            tracing_subscriber::registry().with(PythonLogLayer),
        );
    });
    refresh_level(py);
    Ok(())
}

/// The `qem` logger's `getEffectiveLevel` and `log`, once `logging` is imported (or
/// `force`d, importing it).
fn logger(py: Python<'_>, force: bool) -> Option<&(PyObject, PyObject)> {
    if let Some(found) = LOGGER.get(py) {
        return Some(found);
    }
    // Checked on every call until found: `sys.modules` is kept, so this is one lookup.
    static MODULES: GILOnceCell<PyObject> = GILOnceCell::new();
    let imported = MODULES
        .get_or_try_init(py, || {
            py.import("sys")?
                .getattr("modules")
                .map(pyo3::Bound::unbind)
        })
        .and_then(|m| m.bind(py).contains("logging"))
        .unwrap_or(false);
    if !imported && !force {
        return None;
    }
    let found = py.import("logging").ok().and_then(|logging| {
        let logger = logging.call_method1("getLogger", ("qem",)).ok()?;
        let level = logger.getattr("getEffectiveLevel").ok()?.unbind();
        let log = logger.getattr("log").ok()?.unbind();
        Some((level, log))
    })?;
    let _ = LOGGER.set(py, found);
    LOGGER.get(py)
}

/// Marks the interpreter as exiting (registered with `atexit`).
#[pyfunction]
pub(crate) fn shutdown() {
    ALIVE.store(false, Ordering::Release);
}

/// Re-reads the `qem` logger's effective level: WARNING, `logging`'s default, until the
/// program imports `logging`.
pub(crate) fn refresh_level(py: Python<'_>) {
    let n = match logger(py, false) {
        Some((level, _)) => level
            .call0(py)
            .and_then(|v| v.extract::<u32>(py))
            .unwrap_or(WARNING),
        None => WARNING,
    };
    LEVEL.store(n, Ordering::Relaxed);
}

/// Python's WARNING level.
const WARNING: u32 = 30;

/// Remembers the credential values of client options so records never show them.
pub(crate) fn remember_secrets(options: &Value) {
    let mut found = Vec::new();
    for key in ["password", "api_token", "jwt", "b64"] {
        if let Some(Value::String(s)) = options.get(key) {
            found.push(s.clone());
            if key == "b64" {
                // The decoded `user:password` too, and its password part.
                if let Ok(raw) = base64::engine::general_purpose::STANDARD.decode(s.trim()) {
                    if let Ok(text) = String::from_utf8(raw) {
                        if let Some((_, pw)) = text.split_once(':') {
                            found.push(pw.to_string());
                        }
                        found.push(text);
                    }
                }
            }
        }
    }
    // Very short values would mask ordinary words; they are unlikely real secrets anyway.
    found.retain(|s| s.len() >= 4);
    if found.is_empty() {
        return;
    }
    let mut secrets = SECRETS.write().unwrap_or_else(|p| p.into_inner());
    for s in found {
        if !secrets.contains(&s) {
            secrets.push(s);
        }
    }
    // Longest first, so a secret containing another is masked whole.
    secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
}

/// Masks known secrets and any `Basic`/`Bearer` credential in a record's text.
pub(crate) fn redact(text: &str) -> String {
    let mut out = text.to_string();
    for s in SECRETS.read().unwrap_or_else(|p| p.into_inner()).iter() {
        if out.contains(s.as_str()) {
            out = out.replace(s.as_str(), "***");
        }
    }
    for scheme in ["Basic ", "Bearer "] {
        let mut from = 0;
        while let Some(i) = out[from..].find(scheme) {
            let start = from + i + scheme.len();
            let end = out[start..]
                .find(|c: char| c.is_whitespace() || c == '"' || c == ',')
                .map_or(out.len(), |j| start + j);
            out.replace_range(start..end, "***");
            from = start + 3;
        }
    }
    out
}

fn python_level(level: &Level) -> u32 {
    match *level {
        Level::ERROR => 40,
        Level::WARN => 30,
        Level::INFO => 20,
        Level::DEBUG => 10,
        Level::TRACE => 5,
    }
}

fn is_sensitive(field: &str) -> bool {
    let f = field.to_ascii_lowercase();
    [
        "password",
        "token",
        "jwt",
        "secret",
        "authorization",
        "session",
        "cookie",
    ]
    .iter()
    .any(|k| f.contains(k))
}

struct PythonLogLayer;

#[derive(Default)]
struct Collect {
    message: String,
    fields: String,
}

impl Visit for Collect {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            let _ = write!(self.message, "{value:?}");
        } else if is_sensitive(field.name()) {
            let _ = write!(self.fields, " {}=***", field.name());
        } else {
            let _ = write!(self.fields, " {}={value:?}", field.name());
        }
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        if field.name() == "message" {
            self.message.push_str(value);
        } else if is_sensitive(field.name()) {
            let _ = write!(self.fields, " {}=***", field.name());
        } else {
            let _ = write!(self.fields, " {}={value}", field.name());
        }
    }
}

impl<S: Subscriber> Layer<S> for PythonLogLayer {
    fn register_callsite(&self, _: &'static Metadata<'static>) -> tracing::subscriber::Interest {
        // The level changes at run time, so every callsite is asked each time.
        tracing::subscriber::Interest::sometimes()
    }

    fn enabled(&self, meta: &Metadata<'_>, _: Context<'_, S>) -> bool {
        python_level(meta.level()) >= LEVEL.load(Ordering::Relaxed)
    }

    fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
        let meta = event.metadata();
        let level = python_level(meta.level());
        if level < LEVEL.load(Ordering::Relaxed) {
            return;
        }
        let mut c = Collect::default();
        event.record(&mut c);
        let text = redact(&format!("{}{} [{}]", c.message, c.fields, meta.target()));
        with_python(|py| {
            if let Some((_, log)) = logger(py, true) {
                // A failing handler is Python's business; never let it reach the core.
                let _ = log.call1(py, (level, "%s", text));
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_and_basic_credentials_are_masked() {
        remember_secrets(&serde_json::json!({"username": "u", "password": "hunter22"}));
        let out = redact("login hunter22 with Authorization: Basic dTpodW50ZXIyMg== done");
        assert!(!out.contains("hunter22"));
        assert!(!out.contains("dTpodW50ZXIyMg=="));
        assert!(out.contains("Basic ***"));
    }
}
