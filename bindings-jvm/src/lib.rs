//! The JVM binding (Kotlin and Java through uniffi's Kotlin over JNA): a client made from
//! the options JSON every binding passes, the generic entry as a suspend function and a
//! blocking one, the API description, and one exception carrying the core's error. Only
//! conversion and glue: every URL, retry and error decoding is the core's.

use std::sync::Arc;

uniffi::setup_scaffolding!();

/// A failed or refused call: the core's `error_code` (the server's own, or the SDK's),
/// its message, the HTTP status when an answer came, and the operation.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum QemException {
    /// Every failure of the SDK.
    #[error("{error_code}: {error_message}")]
    Failed {
        /// The server's code verbatim, or the SDK's (`CONNECTION_ERROR`, `INVALID_ARGUMENT`...).
        error_code: String,
        /// What went wrong (named so beside Kotlin's own `message`, which says it all).
        error_message: String,
        /// The HTTP status of the answer, when one came (an `Int`, which Java reads as is).
        http_status: Option<i32>,
        /// The operation (`GetTaskDetails`), when known.
        operation: Option<String>,
        /// The error's category (`session`, `server`, `connection`, `invalid_argument`...).
        kind: String,
    },
}

impl From<qem_core::Error> for QemException {
    fn from(e: qem_core::Error) -> QemException {
        QemException::Failed {
            error_code: e.error_code().to_string(),
            error_message: e.message().to_string(),
            http_status: e.http_status().map(i32::from),
            operation: e.operation().map(str::to_string),
            kind: e.kind().as_str().to_string(),
        }
    }
}

fn parse(text: &str, what: &str) -> Result<serde_json::Value, QemException> {
    qem_core::parse_args(text, what).map_err(QemException::from)
}

/// A client of one service (Enterprise Manager, Qlik Cloud, Kinetic Task or Veeam), from
/// the options JSON. Thread-safe. `shutdown()` logs out now; a client closed (freed) or
/// collected without it logs its session out in the background.
#[derive(uniffi::Object)]
pub struct QemClient {
    inner: qem_core::Client,
}

#[uniffi::export]
impl QemClient {
    /// A client from the core's options (`{"url", "username", "password", ...}`, or
    /// `"service"` with that service's). Nothing is sent until the first call.
    #[uniffi::constructor]
    pub fn new(options_json: String) -> Result<Arc<QemClient>, QemException> {
        let options = parse(&options_json, "options")?;
        let config = qem_core::ClientConfig::from_json(&options)?;
        // The core's runtime owns the client's connections.
        let rt = qem_core::runtime::shared()?;
        let _enter = rt.enter();
        Ok(Arc::new(QemClient {
            inner: qem_core::Client::new(config)?,
        }))
    }

    /// The generic entry, blocking: an operation or helper by name, its arguments as a
    /// JSON object, the answer as JSON text (`null` when there is none).
    pub fn call_blocking(
        &self,
        operation: String,
        args_json: String,
    ) -> Result<String, QemException> {
        let args = parse(&args_json, "args_json")?;
        qem_core::runtime::drive(self.inner.call_text(&operation, args)).map_err(Into::into)
    }

    /// The generic entry as a suspend function, on the core's own runtime: the caller's
    /// thread polls the call with that runtime entered (so the request goes out from it, as
    /// the core's own async loop sends it), and the runtime's I/O wakes it.
    pub async fn call(&self, operation: String, args_json: String) -> Result<String, QemException> {
        let args = parse(&args_json, "args_json")?;
        let client = self.inner.clone();
        let rt = qem_core::runtime::shared()?;
        let call = async move { client.call_text(&operation, args).await };
        Entered {
            rt,
            fut: Box::pin(call),
        }
        .await
        .map_err(Into::into)
    }

    /// Logs out and refuses later calls (`CLIENT_CLOSED`); twice is fine. (Kotlin's own
    /// `close()`, from `AutoCloseable`, frees the client, which logs out in the background.)
    pub fn shutdown(&self) -> Result<(), QemException> {
        qem_core::runtime::drive(self.inner.close()).map_err(Into::into)
    }

    /// True once `close()` was called.
    pub fn is_closed(&self) -> bool {
        self.inner.is_closed()
    }
}

/// A future polled with the core's runtime entered, on whichever thread polls it (uniffi
/// polls on the caller's). Handing the call to a runtime thread instead would add a thread
/// wake-up to every call.
struct Entered<F> {
    rt: Arc<tokio::runtime::Runtime>,
    fut: std::pin::Pin<Box<F>>,
}

impl<F: std::future::Future> std::future::Future for Entered<F> {
    type Output = F::Output;

    fn poll(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<F::Output> {
        let this = self.get_mut();
        let _enter = this.rt.enter();
        this.fut.as_mut().poll(cx)
    }
}

/// The API description (`schema/api.json`): every service, operation, helper and model.
#[uniffi::export]
pub fn describe() -> String {
    qem_core::describe::api_description_text().to_string()
}

/// The SDK's version.
#[uniffi::export]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
