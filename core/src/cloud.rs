//! The typed Qlik Cloud Tasks client: [`QlikCloudClient`] (async) and
//! [`blocking::QlikCloudClient`], one method per operation of
//! [`crate::ops::cloud::OPERATIONS`] with the models of [`crate::models`] (`Cloud*`).
//!
//! Each method hands its arguments to the generic entry of the engine's [`Client`], so
//! paging (`all`, `max_items`), the run log as text, pacing, token renewal and rate
//! limits are exactly the generic entry's; the method only types the arguments and the
//! answer. A method's row of [`TYPED_METHODS`] gives the API description its models.
//!
//! ```no_run
//! # async fn demo() -> qem_core::Result<()> {
//! use qem_core::cloud::QlikCloudClient;
//! use qem_core::models::CloudPageParams;
//! let client = QlikCloudClient::with_api_key("https://tenant.us.qlikcloud.com", "eyJ...")?;
//! for task in client.get_tasks(&CloudPageParams::all().resource("app-id")).await?.data {
//!     println!("{:?} {:?}", task.id, task.name);
//! }
//! # Ok(()) }
//! ```

use crate::api::{ArgSchema, ArgValue, TypedMethod};
use crate::config::ServiceKind;
use crate::helpers::WaitOptions;
use crate::models::{wire_key, *};
use crate::request::{Args, Payload};
use crate::{Client, ClientConfig, Credentials, Error, Result};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// A Qlik Cloud Tasks client for one tenant: the typed methods over the engine's
/// [`Client`] (cheap to clone; clones share the token and connections).
#[derive(Clone, Debug)]
pub struct QlikCloudClient {
    inner: Client,
}

impl QlikCloudClient {
    /// A client for these settings (their `service` must be Qlik Cloud); nothing is
    /// sent until the first call.
    pub fn new(mut config: ClientConfig) -> Result<QlikCloudClient> {
        match config.credentials {
            Credentials::ApiKey(_) | Credentials::OAuthClient { .. } => {
                config.service = ServiceKind::QlikCloud
            }
            _ => {
                return Err(Error::invalid_argument(
                    "a Qlik Cloud client takes an API key or OAuth client credentials",
                ))
            }
        }
        Ok(QlikCloudClient {
            inner: Client::new(config)?,
        })
    }

    /// A client for the tenant at `url` (`https://tenant.region.qlikcloud.com`)
    /// authenticating with an API key.
    pub fn with_api_key(url: &str, api_key: &str) -> Result<QlikCloudClient> {
        Self::new(ClientConfig::new(
            url.trim_end_matches('/'),
            Credentials::ApiKey(api_key.into()),
        ))
    }

    /// A client for the tenant at `url` authenticating as an OAuth machine-to-machine
    /// client (its token is fetched when needed and renewed before it expires).
    pub fn with_oauth_client(
        url: &str,
        client_id: &str,
        client_secret: &str,
    ) -> Result<QlikCloudClient> {
        Self::new(ClientConfig::new(
            url.trim_end_matches('/'),
            Credentials::OAuthClient {
                client_id: client_id.into(),
                client_secret: client_secret.into(),
                scope: None,
            },
        ))
    }

    /// A client from the options every binding passes (`{"service": "qlik_cloud",
    /// "url": ..., "api_key": ...}`; `service` may be left out).
    pub fn from_options(options: &Value) -> Result<QlikCloudClient> {
        let mut options = options.clone();
        if let Value::Object(o) = &mut options {
            o.entry("service").or_insert_with(|| "qlik_cloud".into());
        }
        let config = ClientConfig::from_json(&options)?;
        if config.service != ServiceKind::QlikCloud {
            return Err(Error::invalid_argument(
                "a Qlik Cloud client needs client option `service` \"qlik_cloud\"",
            ));
        }
        Self::new(config)
    }

    /// The engine's client underneath: the generic entry ([`Client::call`]) and the
    /// item stream ([`Client::items`]).
    pub fn client(&self) -> &Client {
        &self.inner
    }

    /// The generic entry: any operation by the spec's or the snake name, the spec's
    /// argument names (see [`Client::call`]).
    pub async fn call(&self, method: &str, args: Value) -> Result<Value> {
        self.inner.call(method, args).await
    }

    /// Starts a task and waits for the run it started (see
    /// [`Client::start_task_and_wait`]).
    pub async fn start_task_and_wait(&self, id: &str, wait: WaitOptions) -> Result<CloudRun> {
        self.inner.start_task_and_wait(id, wait).await
    }

    /// Refuses later calls (`CLIENT_CLOSED`); a token is not revoked.
    pub async fn close(&self) -> Result<()> {
        self.inner.close().await
    }

    async fn typed<T: DeserializeOwned>(&self, method: &'static str, args: Args) -> Result<T> {
        let mut values = args.values;
        if let Some(Payload::Json(body)) = args.payload {
            values.insert("payload".into(), body);
        }
        let answer = self.inner.call(method, Value::Object(values)).await?;
        crate::decode::answer_as(method, answer)
    }
}

impl ArgValue for &CloudPageParams {
    fn add_to(self, _: &str, args: &mut Args) {
        if let Ok(Value::Object(m)) = serde_json::to_value(self) {
            args.values.extend(m);
        }
    }
}

impl ArgValue for &CloudTask {
    fn add_to(self, _: &str, args: &mut Args) {
        let v = serde_json::to_value(self).expect("models serialize to JSON");
        args.payload = Some(Payload::Json(v));
    }
}

/// Generates each method for the async client and the blocking one, named as its
/// operation's snake name, and its row of [`TYPED_METHODS`].
macro_rules! cloud_operations {
    ($( $(#[doc = $doc:literal])* $op:ident ( $($arg:ident $(as $wire:literal)? : $ty:ty),* ) -> $ret:ty; )*) => { pastey::paste! {
        /// Every typed Qlik Cloud method, in the spec's order.
        pub(crate) static TYPED_METHODS: &[TypedMethod] = &[
            $(
                TypedMethod {
                    op: crate::ops::cloud::$op.name,
                    name: crate::ops::cloud::$op.method,
                    doc: concat!($($doc, "\n"),*),
                    args: &[ $( (wire_key!($arg $($wire)?), <$ty as ArgSchema>::schema) ),* ],
                    answer: |g| g.subschema_for::<$ret>(),
                    answer_type: stringify!($ret),
                },
            )*
        ];

        impl QlikCloudClient {
            $(
                $(#[doc = $doc])*
                pub async fn [<$op:lower>](&self, $($arg: $ty),*) -> Result<$ret> {
                    #[allow(unused_mut)]
                    let mut args = Args::new();
                    $( ArgValue::add_to($arg, wire_key!($arg $($wire)?), &mut args); )*
                    self.typed(crate::ops::cloud::$op.name, args).await
                }
            )*
        }

        impl blocking::QlikCloudClient {
            $(
                $(#[doc = $doc])*
                pub fn [<$op:lower>](&self, $($arg: $ty),*) -> Result<$ret> {
                    crate::runtime::drive(self.inner.[<$op:lower>]($($arg),*))
                }
            )*
        }
    } };
}

cloud_operations! {
    /// The tasks the caller may see (`params.resource_id`: of one app): one page, or every page with `all`.
    GET_TASKS(params: &CloudPageParams) -> CloudTaskPage;
    /// Creates a task (`name` and `specVersion` at least; `migrateFrom` names a reload task to migrate): the task as stored.
    CREATE_TASK(payload: &CloudTask, migrate_from as "migrateFrom": Option<&str>) -> CloudTask;
    /// One task.
    GET_TASK(id: &str) -> CloudTask;
    /// Replaces a task (the caller becomes its owner): the task as stored.
    UPDATE_TASK(id: &str, payload: &CloudTask) -> CloudTask;
    /// Deletes a task.
    DELETE_TASK(id: &str) -> ();
    /// Starts a task; `source` is the origin of the trigger (`manual` when absent).
    START_TASK(id: &str, source: Option<&str>) -> CloudStartResult;
    /// A task's runs: one page, or every page with `all`.
    GET_TASK_RUNS(id: &str, params: &CloudPageParams) -> CloudRunPage;
    /// The log of one run, as text.
    GET_TASK_RUN_LOG(id: &str, run_id as "runId": &str) -> String;
    /// A task's last run.
    GET_LAST_TASK_RUN(id: &str) -> CloudRun;
    /// The runs of the tasks of one resource (`id` is the resource's): one page, or every page with `all`.
    GET_TASKS_RESOURCE_RUNS(id: &str, params: &CloudPageParams) -> CloudRunPage;
}

/// The blocking Qlik Cloud client.
pub mod blocking {
    use super::*;

    /// A blocking Qlik Cloud Tasks client with the methods of
    /// [`super::QlikCloudClient`]; each call carries its own I/O on the calling thread.
    #[derive(Clone, Debug)]
    pub struct QlikCloudClient {
        pub(super) inner: super::QlikCloudClient,
    }

    impl QlikCloudClient {
        /// A client for these settings (see [`super::QlikCloudClient::new`]).
        pub fn new(config: ClientConfig) -> Result<QlikCloudClient> {
            Self::made_by(|| super::QlikCloudClient::new(config))
        }

        /// A client authenticating with an API key.
        pub fn with_api_key(url: &str, api_key: &str) -> Result<QlikCloudClient> {
            Self::made_by(|| super::QlikCloudClient::with_api_key(url, api_key))
        }

        /// The async client `make` builds, made inside the shared runtime.
        fn made_by(
            make: impl FnOnce() -> Result<super::QlikCloudClient>,
        ) -> Result<QlikCloudClient> {
            let rt = crate::runtime::shared()?;
            let _enter = rt.enter();
            Ok(QlikCloudClient { inner: make()? })
        }

        /// The async client underneath (shares the token).
        pub fn as_async(&self) -> &super::QlikCloudClient {
            &self.inner
        }

        /// The generic entry (see [`Client::call`]).
        pub fn call(&self, method: &str, args: Value) -> Result<Value> {
            crate::runtime::drive(self.inner.call(method, args))
        }

        /// Starts a task and waits for the run it started.
        pub fn start_task_and_wait(&self, id: &str, wait: WaitOptions) -> Result<CloudRun> {
            crate::runtime::drive(self.inner.start_task_and_wait(id, wait))
        }

        /// Refuses later calls.
        pub fn close(&self) -> Result<()> {
            crate::runtime::drive(self.inner.close())
        }
    }
}
