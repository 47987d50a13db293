//! What several integration tests share: a client configuration with quick retries,
//! and the mock's request log read per operation.

#![allow(dead_code)] // each test file uses its own part

use qem_core::{ClientConfig, Credentials, RetryPolicy};
use qem_mock::{MockServer, RecordedRequest};
use std::time::Duration;

/// The default world's server and task.
pub const SERVER: &str = "Local Server";
pub const TASK: &str = "SalesDBBackup";

/// `QEM\admin` on `mock`, trusting its certificate, with `max_retries` quick retries.
pub fn config(mock: &MockServer, max_retries: u32) -> ClientConfig {
    let mut c = ClientConfig::new(
        mock.base_url(),
        Credentials::active_directory("QEM\\admin", "admin-pass"),
    )
    .ca_pem(mock.ca_cert_pem().expect("TLS mock has a certificate"));
    c.retry = RetryPolicy {
        max_retries,
        base_delay: Duration::from_millis(5),
        max_delay: Duration::from_millis(40),
    };
    c
}

/// The logged requests that reached `operation` (a chapter-4 name, `login` included).
pub fn reached(mock: &MockServer, operation: &str) -> Vec<RecordedRequest> {
    mock.requests()
        .into_iter()
        .filter(|r| r.operation.as_deref() == Some(operation))
        .collect()
}

/// Requests that have arrived at the mock so far, answered or not (the log holds a
/// request only once its answer ended).
pub fn arrivals(mock: &MockServer) -> u64 {
    mock.stats()["requests"].as_u64().expect("a count")
}
