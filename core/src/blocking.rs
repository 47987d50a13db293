//! The blocking client: the async client driven on the shared runtime, with the same
//! methods. Safe to call from any thread that is not itself running async code.

use crate::{ClientConfig, Result};
use serde_json::Value;
use std::future::Future;
use std::sync::Arc;

/// A blocking Enterprise Manager client with the methods of [`crate::Client`].
#[derive(Clone, Debug)]
pub struct Client {
    inner: crate::Client,
    rt: Arc<tokio::runtime::Runtime>,
}

impl Client {
    /// A client for these settings; nothing is sent until the first call.
    pub fn new(config: ClientConfig) -> Result<Client> {
        let rt = crate::runtime::shared()?;
        let _enter = rt.enter();
        Ok(Client {
            inner: crate::Client::new(config)?,
            rt,
        })
    }

    /// A client that has logged in.
    pub fn connect(config: ClientConfig) -> Result<Client> {
        let client = Client::new(config)?;
        client.login()?;
        Ok(client)
    }

    /// A handle on the same client whose calls use `options` (see
    /// [`crate::Client::with_options`]).
    pub fn with_options(&self, options: crate::CallOptions) -> Client {
        Client {
            inner: self.inner.with_options(options),
            rt: self.rt.clone(),
        }
    }

    /// The async client underneath (shares the session).
    pub fn as_async(&self) -> &crate::Client {
        &self.inner
    }

    /// Runs a future of the async client to completion on this thread, which carries
    /// its I/O too ([`crate::runtime::drive`]); it may borrow from the caller.
    pub fn block_on<F: Future>(&self, fut: F) -> F::Output {
        crate::runtime::drive(fut)
    }

    /// The generic entry: see [`crate::Client::call`].
    pub fn call(&self, method: &str, args: Value) -> Result<Value> {
        self.block_on(self.inner.call(method, args))
    }

    /// The generic entry with the answer as JSON text: see [`crate::Client::call_text`].
    pub fn call_text(&self, method: &str, args: Value) -> Result<String> {
        self.block_on(self.inner.call_text(method, args))
    }

    /// Logs out and refuses later calls.
    pub fn close(&self) -> Result<()> {
        self.block_on(self.inner.close())
    }

    /// Streams a whole-server export to a writer (any `std::io::Write`); returns its size.
    pub fn export_all_to_writer<W: std::io::Write + Unpin>(
        &self,
        server: &str,
        writer: W,
    ) -> Result<u64> {
        self.block_on(
            self.inner
                .export_all_to_writer(server, &mut StdWriter(writer)),
        )
    }

    /// Streams the audit trail to a writer (any `std::io::Write`); returns its size.
    pub fn export_audit_trail_to_writer<W: std::io::Write + Unpin>(
        &self,
        start_timestamp: &str,
        end_timestamp: Option<&str>,
        writer: W,
    ) -> Result<u64> {
        self.block_on(self.inner.export_audit_trail_to_writer(
            start_timestamp,
            end_timestamp,
            &mut StdWriter(writer),
        ))
    }

    /// Streams a task export to a writer (any `std::io::Write`); returns the bytes written.
    /// Also see `export_task_to_file`.
    pub fn export_task_to_writer<W: std::io::Write + Unpin>(
        &self,
        server: &str,
        task: &str,
        withendpoints: Option<bool>,
        writer: W,
    ) -> Result<u64> {
        self.block_on(self.inner.export_task_to_writer(
            server,
            task,
            withendpoints,
            &mut StdWriter(writer),
        ))
    }
}

/// Adapts a `std::io::Write` for the async streaming methods (used on the caller's thread).
struct StdWriter<W>(W);

impl<W: std::io::Write + Unpin> tokio::io::AsyncWrite for StdWriter<W> {
    fn poll_write(
        mut self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
        buf: &[u8],
    ) -> std::task::Poll<std::io::Result<usize>> {
        std::task::Poll::Ready(self.0.write(buf))
    }
    fn poll_flush(
        mut self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::task::Poll::Ready(self.0.flush())
    }
    fn poll_shutdown(
        self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::task::Poll::Ready(Ok(()))
    }
}
