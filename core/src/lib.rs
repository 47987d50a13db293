//! # qem-core
//!
//! One implementation of the Qlik Enterprise Manager REST API (the API guide's
//! chapter 2, and CloneTask), async on tokio and blocking on top of it.
//!
//! - [`ops`]: the one table of operations: every method's verb, path, query and body.
//! - [`Client`] (async) and [`blocking::Client`]: sessions, retries and error decoding
//!   (`client.rs`), the typed methods and streaming export/import (`api.rs`), answer
//!   decoding (`decode.rs`), the generic entry [`Client::call`] used by every language
//!   binding (`generic.rs`), and the [`helpers`] (waits, bulk actions, backups,
//!   promotion, metrics).
//! - [`models`]: the typed requests and answers, read tolerantly.
//! - [`Error`]: one error type with a stable `error_code`.
//!
//! ```no_run
//! # async fn demo() -> qem_core::Result<()> {
//! use qem_core::{Client, ClientConfig, Credentials};
//! let config = ClientConfig::new(
//!     "https://em.example.net/attunityenterprisemanager",
//!     Credentials::active_directory("CORP\\automation", "secret"),
//! );
//! let client = Client::connect(config).await?;
//! for server in client.get_server_list().await?.server_list {
//!     println!("{:?}", server.name);
//! }
//! client.close().await
//! # }
//! ```

#![warn(missing_docs)]

mod api;
mod auth;
pub mod blocking;
mod client;
pub mod cloud;
mod config;
mod decode;
pub mod describe;
mod error;
mod generic;
pub mod helpers;
pub mod kinetic;
pub mod models;
pub mod ops;
mod request;
pub mod runtime;
pub mod veeam;

pub use api::ArgValue;
pub use auth::Credentials;
pub use client::{CallOptions, Client};
pub use config::{ClientConfig, LoginMethod, RetryPolicy, ServiceKind, MAX_RETRIES};
pub use decode::parse_document;
pub use error::{codes, Error, ErrorKind, Result, INVALID_SESSION_ID, UNAUTHORIZED_REQUEST};
pub use helpers::WaitOptions;
pub use request::{parse_args, Args, Payload, POSITION_OPTIONS};
