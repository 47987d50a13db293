//! The async client: session handling, sending, retries and answer decoding, shared by
//! the typed methods (`api.rs`) and the generic entry ([`Client::call`], `generic.rs`).

use crate::config::ClientConfig;
use crate::error::{
    codes, from_reqwest, ErrorKind, LocalBodyError, INVALID_SESSION_ID, UNAUTHORIZED_REQUEST,
};
use crate::ops::{Answer, AuthScheme, Operation, Service, Verb};
use crate::request::{prepare, Args, Payload, Prepared, PreparedBody, JSON, XML};
use crate::{Error, Result};
use arc_swap::ArcSwapOption;
use bytes::{Bytes, BytesMut};
use futures_util::TryStreamExt as _;
use reqwest::header::{HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_LENGTH, CONTENT_TYPE};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};
use tokio::io::{AsyncWrite, AsyncWriteExt};

/// An Enterprise Manager client. Cheap to clone (clones share one connection pool and
/// one session), `Send + Sync`, safe to use from many tasks at once.
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
    /// What [`Client::with_options`] set for this handle's calls.
    options: CallOptions,
}

/// Settings of the calls of one client handle ([`Client::with_options`]) over the
/// client's configuration; `None` keeps the configuration's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CallOptions {
    /// The most one call may take, retries, renewals and waits for `Retry-After`
    /// included (the configuration's `total_timeout` otherwise). A call still running
    /// then fails with `TIMEOUT`; a state change it made is never repeated.
    pub timeout: Option<Duration>,
    /// How many times a read is retried after a transient failure.
    pub max_retries: Option<u32>,
}

impl CallOptions {
    /// Reads `{"timeout_ms": n, "max_retries": n}` (either may be absent or null),
    /// refusing other keys, a zero timeout and more than [`crate::MAX_RETRIES`].
    pub fn from_json(v: &serde_json::Value) -> Result<CallOptions> {
        let bad = |m: String| Err(Error::invalid_argument(format!("call options: {m}")));
        let Some(map) = v.as_object() else {
            return bad("must be an object".into());
        };
        let mut o = CallOptions::default();
        for (k, v) in map {
            if v.is_null() {
                continue;
            }
            match (k.as_str(), v.as_u64()) {
                ("timeout_ms", Some(0)) => return bad("`timeout_ms` must be positive".into()),
                ("timeout_ms", Some(ms)) => o.timeout = Some(Duration::from_millis(ms)),
                ("max_retries", Some(n)) if n <= u64::from(crate::MAX_RETRIES) => {
                    o.max_retries = Some(n as u32)
                }
                ("timeout_ms" | "max_retries", _) => {
                    return bad(format!(
                        "`{k}` must be a whole number (at most {} retries)",
                        crate::MAX_RETRIES
                    ))
                }
                _ => return bad(format!("unknown option `{k}`")),
            }
        }
        Ok(o)
    }
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("url", &self.inner.config.url)
            .field("credentials", &self.inner.config.credentials)
            .finish_non_exhaustive()
    }
}

pub(crate) struct Inner {
    pub(crate) config: ClientConfig,
    service: &'static Service,
    api_root: String,
    /// `Authorization: Basic ...` of the login; none for SAML (the message is the body).
    auth_header: Option<HeaderValue>,
    session_header: &'static str,
    /// What belongs to one process: connections, session, locks. A child made by
    /// `fork()` inherits the parent's, whose connections are registered with the
    /// parent's runtime (gone in the child) and whose session is the parent's; so the
    /// first call in a new process puts a fresh one here (see [`Client::conn`]).
    /// Always `Some` while the client lives; `None` only while it is dropped.
    conn: ArcSwapOption<Conn>,
    closed: AtomicBool,
}

/// The connection pool, session and locks of one process.
struct Conn {
    pid: u32,
    /// The pool of the calls the shared runtime carries (async calls).
    http: reqwest::Client,
    /// What a thread's own pool is built with (see [`Conn::http`]).
    tls: rustls::ClientConfig,
    session: RwLock<Session>,
    /// One login at a time: concurrent calls that hit an expired session share it.
    login_lock: tokio::sync::Mutex<()>,
    /// Bounds the requests on the wire (`max_concurrent_requests`). Logins take no
    /// permit, so calls holding permits can never starve the renewal they wait for.
    in_flight: tokio::sync::Semaphore,
    /// When the next request may start, under `max_requests_per_minute`.
    next_slot: std::sync::Mutex<Instant>,
}

impl Conn {
    fn new(config: &ClientConfig) -> Result<Conn> {
        let tls = config.tls_config()?;
        Ok(Conn {
            pid: std::process::id(),
            http: config.http_client(tls.clone())?,
            tls,
            session: RwLock::new(Session {
                token: None,
                logout_id: None,
                expires: None,
                generation: 0,
                last_used: Instant::now(),
            }),
            login_lock: tokio::sync::Mutex::new(()),
            in_flight: tokio::sync::Semaphore::new(config.max_concurrent_requests.max(1)),
            next_slot: std::sync::Mutex::new(Instant::now()),
        })
    }
}

thread_local! {
    /// A thread's own connections for the blocking calls it drives itself
    /// ([`crate::runtime::drive`]): one pool per client, registered with this thread's
    /// runtime, with the process that made them.
    static THREAD_HTTP: std::cell::RefCell<ThreadPools> =
        const { std::cell::RefCell::new((0, Vec::new())) };
}

/// The process that made them, and each client's pool (by its connections' owner).
type ThreadPools = (u32, Vec<(std::sync::Weak<Conn>, reqwest::Client)>);

impl Conn {
    /// The pool a request of this call goes over: this thread's own while it drives the
    /// call itself, whose connections only this thread's runtime can carry; otherwise the
    /// shared one.
    fn http(self: &Arc<Self>, config: &ClientConfig) -> Result<reqwest::Client> {
        if !crate::runtime::driving() {
            return Ok(self.http.clone());
        }
        THREAD_HTTP.with(|cell| {
            let mut cell = cell.borrow_mut();
            let pid = std::process::id();
            if cell.0 != pid {
                // A fork() child: the parent's connections share its event queue; they
                // are leaked, never dropped (as in `Client::conn`).
                std::mem::forget(std::mem::take(&mut cell.1));
                cell.0 = pid;
            }
            // The pools of clients dropped since this thread last called.
            cell.1.retain(|(owner, _)| owner.strong_count() > 0);
            if let Some((_, http)) = cell
                .1
                .iter()
                .find(|(owner, _)| owner.as_ptr() == Arc::as_ptr(self))
            {
                return Ok(http.clone());
            }
            let http = config.http_client(self.tls.clone())?;
            cell.1.push((Arc::downgrade(self), http.clone()));
            Ok(http)
        })
    }
}

struct Session {
    token: Option<HeaderValue>,
    /// What the logout names (Veeam's logon session id).
    logout_id: Option<String>,
    /// When a bearer token from OAuth stops being used (a margin before it expires).
    expires: Option<Instant>,
    /// Bumped by every login, so a caller can tell whether someone renewed already.
    generation: u64,
    last_used: Instant,
}

/// A successful answer, before decoding.
pub(crate) enum Reply {
    /// The whole body.
    Bytes(Bytes),
    /// A document being streamed: the first bytes read, and the rest.
    Stream(Bytes, reqwest::Response),
}

/// How much of a streamed document is read before deciding it is not an error body.
const PEEK: usize = 8 * 1024;

impl Client {
    /// A client for these settings. Nothing is sent until the first call, which logs in.
    pub fn new(config: ClientConfig) -> Result<Client> {
        let config = config.checked()?;
        config.credentials.validate()?;
        let service: &'static Service = crate::ops::SERVICES
            .iter()
            .find(|s| s.name == config.service.name())
            .expect("every service kind has its table");
        if !service.auth.accepts(&config.credentials) {
            return Err(Error::invalid_argument(format!(
                "{} credentials cannot log in to the {} service",
                config.credentials.kind(),
                service.name
            )));
        }
        let api_root = config.api_root(service.base_path)?;
        let conn = ArcSwapOption::from_pointee(Conn::new(&config)?);
        let auth_header = match config.credentials.basic_header() {
            Some(h) => {
                let mut h = HeaderValue::from_str(&h).map_err(|_| {
                    Error::invalid_argument("credentials hold characters a header cannot carry")
                })?;
                h.set_sensitive(true);
                Some(h)
            }
            None => None,
        };
        let header = match service.auth {
            AuthScheme::QemSession { header, .. } | AuthScheme::RestSvcSession { header } => header,
            AuthScheme::Bearer | AuthScheme::Basic => "authorization",
        };
        Ok(Client {
            inner: Arc::new(Inner {
                config,
                service,
                api_root,
                auth_header,
                session_header: header,
                conn,
                closed: AtomicBool::new(false),
            }),
            options: CallOptions::default(),
        })
    }

    /// A handle on the same client (session, connections, closing) whose calls use
    /// `options` where they set something, and this handle's options elsewhere.
    pub fn with_options(&self, options: CallOptions) -> Client {
        Client {
            inner: self.inner.clone(),
            options: CallOptions {
                timeout: options.timeout.or(self.options.timeout),
                max_retries: options.max_retries.or(self.options.max_retries),
            },
        }
    }

    /// This handle's call options.
    pub fn options(&self) -> CallOptions {
        self.options
    }

    /// Runs one call within this handle's `timeout`, when it has one.
    pub(crate) async fn bounded<T>(
        &self,
        method: &str,
        call: impl std::future::Future<Output = Result<T>>,
    ) -> Result<T> {
        let Some(limit) = self.options.timeout else {
            return call.await;
        };
        match tokio::time::timeout(limit, call).await {
            Ok(result) => result,
            Err(_) => Err(Error::new(
                ErrorKind::Timeout,
                codes::TIMEOUT,
                format!(
                    "{method}: not done within its timeout of {:.1} s",
                    limit.as_secs_f64()
                ),
            )),
        }
    }

    /// A client that has logged in: wrong credentials fail here.
    pub async fn connect(config: ClientConfig) -> Result<Client> {
        let client = Client::new(config)?;
        client.login().await?;
        Ok(client)
    }

    /// This process's connections and session. In a child made by `fork()` the first
    /// call finds the parent's and puts fresh ones in their place (no connection, no
    /// session: the next call logs in). The parent's are leaked in the child, never
    /// used, closed or dropped: dropping them would take their sockets out of the
    /// event queue the child shares with the parent, and logging out would end the
    /// parent's session.
    fn conn(&self) -> Result<Arc<Conn>> {
        let current = self.inner.conn.load_full();
        if let Some(conn) = current.as_ref().filter(|c| c.pid == std::process::id()) {
            return Ok(conn.clone());
        }
        let fresh = Arc::new(Conn::new(&self.inner.config)?);
        let previous = self
            .inner
            .conn
            .compare_and_swap(&current, Some(fresh.clone()));
        let previous = arc_swap::Guard::into_inner(previous);
        let same = match (&previous, &current) {
            (Some(p), Some(c)) => Arc::ptr_eq(p, c),
            (None, None) => true,
            _ => false,
        };
        if same {
            std::mem::forget(previous);
            std::mem::forget(current);
            tracing::debug!("new process: fresh connections and session");
            Ok(fresh)
        } else {
            // Another thread of this process put its fresh one first.
            previous.ok_or_else(|| {
                Error::new(
                    ErrorKind::Closed,
                    codes::CLIENT_CLOSED,
                    "the client was dropped",
                )
            })
        }
    }

    /// The settings this client was made with.
    pub fn config(&self) -> &ClientConfig {
        &self.inner.config
    }

    /// The operation table this client serves.
    pub fn service(&self) -> &'static Service {
        self.inner.service
    }

    /// Logs in now (again), replacing any session (2.5).
    pub async fn login(&self) -> Result<()> {
        self.check_open()?;
        let conn = self.conn()?;
        let _guard = conn.login_lock.lock().await;
        self.login_locked(&conn).await
    }

    /// Ends the session (2.6). A later call logs in again.
    pub async fn logout(&self) -> Result<()> {
        self.check_open()?;
        self.logout_inner().await
    }

    /// Logs out and refuses every later call with `CLIENT_CLOSED`. Closing twice is fine.
    pub async fn close(&self) -> Result<()> {
        if self.inner.closed.swap(true, Ordering::SeqCst) {
            return Ok(());
        }
        self.logout_inner().await
    }

    /// True once [`Client::close`] was called.
    pub fn is_closed(&self) -> bool {
        self.inner.closed.load(Ordering::SeqCst)
    }

    async fn logout_inner(&self) -> Result<()> {
        let conn = self.conn()?;
        let (token, logout_id) = {
            let mut s = conn.session.write().expect("session lock");
            (s.token.take(), s.logout_id.take())
        };
        let Some(token) = token else { return Ok(()) };
        // A bearer token or Basic header is only forgotten.
        let http = conn.http(&self.inner.config)?;
        let Some(req) = self
            .inner
            .logout_request(&http, token, logout_id.as_deref())
        else {
            return Ok(());
        };
        let op = &crate::ops::LOGOUT;
        let resp = self.send_with_timeout(op, req, None).await?;
        let status = resp.status().as_u16();
        let body = read_all(op, resp, self.inner.config.read_timeout).await?;
        let failure = self.failure(status, &body);
        // A session that already expired is logged out all the same.
        match failure {
            Some(e) if !e.is_session_error() => Err(e.with_operation(op.name)),
            _ => Ok(()),
        }
    }

    fn check_open(&self) -> Result<()> {
        if self.inner.closed.load(Ordering::SeqCst) {
            return Err(Error::new(
                ErrorKind::Closed,
                codes::CLIENT_CLOSED,
                "the client was closed",
            ));
        }
        Ok(())
    }

    /// Logs in, retried like a read (login changes nothing but the session): after
    /// connection errors and 502/503/504, with backoff. Callers hold `login_lock`, so
    /// concurrent callers share one login and its retries.
    async fn login_locked(&self, conn: &Arc<Conn>) -> Result<()> {
        let op = &crate::ops::LOGIN;
        self.retrying(op, true, self.deadline(), || self.login_once(conn, op))
            .await
    }

    async fn login_once(&self, conn: &Arc<Conn>, op: &'static Operation) -> Result<()> {
        match self.inner.service.auth {
            AuthScheme::Bearer => return self.bearer_token(conn).await,
            AuthScheme::Basic => {
                // No session: the Basic header (or nothing) goes with every request.
                let mut s = conn.session.write().expect("session lock");
                s.token = Some(
                    self.inner
                        .auth_header
                        .clone()
                        .unwrap_or_else(|| HeaderValue::from_static("")),
                );
                s.generation += 1;
                return Ok(());
            }
            AuthScheme::RestSvcSession { .. } => return self.logon_veeam(conn, op).await,
            AuthScheme::QemSession { .. } => {}
        }
        let url = format!("{}/login", self.inner.api_root);
        let saml = self.inner.config.credentials.login_body();
        let http = conn.http(&self.inner.config)?;
        let req = match (saml, self.inner.config.login_method) {
            // Qlik's client posts the SAML message as it is, under a form content type.
            (Some(message), _) => http
                .post(url)
                .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(CONTENT_LENGTH, message.len())
                .body(Bytes::copy_from_slice(message.as_bytes())),
            (None, crate::config::LoginMethod::Get) => http.get(url),
            (None, crate::config::LoginMethod::Post) => http
                .post(url)
                .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(CONTENT_LENGTH, "0")
                .body(Bytes::new()),
        };
        let req = match &self.inner.auth_header {
            Some(h) => req.header(AUTHORIZATION, h.clone()),
            None => req,
        };
        let resp = self.send_with_timeout(op, req, None).await?;
        let status = resp.status().as_u16();
        let token = resp.headers().get(self.inner.session_header).cloned();
        let wait = retry_after(status, resp.headers());
        let body = read_all(op, resp, self.inner.config.read_timeout).await?;
        if let Some(mut e) = decode_failure(status, &body) {
            if status == 401 && e.error_code() == codes::HTTP_ERROR {
                e = Error::server(UNAUTHORIZED_REQUEST, "Unauthorized Request.", 401);
            }
            return Err(e.with_retry_after(wait).with_operation(op.name));
        }
        let Some(token) = token.filter(|t| !t.is_empty()) else {
            return Err(Error::invalid_response(
                format!(
                    "login answered without the {} header",
                    self.inner.session_header
                ),
                Some(status),
            )
            .with_operation(op.name));
        };
        install_session(conn, token, None);
        Ok(())
    }

    /// Veeam's logon: `POST sessionMngr/?v=...` with HTTP Basic, answered 201 with the
    /// session id in a header and the `LogonSession` (whose id the logoff names).
    async fn logon_veeam(&self, conn: &Arc<Conn>, op: &'static Operation) -> Result<()> {
        let version = self.inner.config.api_version.as_deref().unwrap_or("latest");
        // The `/` before `?` is part of the documented URL.
        let url = format!("{}/sessionMngr/?v={version}", self.inner.api_root);
        let mut req = conn
            .http(&self.inner.config)?
            .post(url)
            .header(ACCEPT, XML)
            .header(CONTENT_LENGTH, "0")
            .body(Bytes::new());
        if let Some(h) = &self.inner.auth_header {
            req = req.header(AUTHORIZATION, h.clone());
        }
        let resp = self.send_with_timeout(op, req, None).await?;
        let status = resp.status().as_u16();
        let token = resp.headers().get(self.inner.session_header).cloned();
        let wait = retry_after(status, resp.headers());
        let body = read_all(op, resp, self.inner.config.read_timeout).await?;
        if let Some(e) = crate::veeam::decode_failure(status, &body) {
            return Err(e.with_retry_after(wait).with_operation(op.name));
        }
        let Some(token) = token.filter(|t| !t.is_empty()) else {
            return Err(Error::invalid_response(
                format!(
                    "logon answered without the {} header",
                    self.inner.session_header
                ),
                Some(status),
            )
            .with_operation(op.name));
        };
        install_session(conn, token, crate::veeam::logon_session_id(&body));
        Ok(())
    }

    /// A bearer token into the session: the API key as it is, or a token from OAuth
    /// client credentials (`{url}/oauth/token`), used until shortly before it expires.
    async fn bearer_token(&self, conn: &Arc<Conn>) -> Result<()> {
        use crate::auth::Credentials;
        let op = &crate::ops::LOGIN;
        let (token, lifetime) = match &self.inner.config.credentials {
            Credentials::ApiKey(key) => (key.trim().to_string(), None),
            Credentials::OAuthClient {
                client_id,
                client_secret,
                scope,
            } => {
                let body = serde_json::json!({
                    "client_id": client_id,
                    "client_secret": client_secret,
                    "grant_type": "client_credentials",
                    "scope": scope.as_deref().unwrap_or("user_default"),
                });
                let req = conn
                    .http(&self.inner.config)?
                    .post(format!("{}/oauth/token", self.inner.config.url))
                    .header(CONTENT_TYPE, JSON)
                    .body(serde_json::to_vec(&body).expect("JSON serializes"));
                let resp = self.send_with_timeout(op, req, None).await?;
                let status = resp.status().as_u16();
                let wait = retry_after(status, resp.headers());
                let body = read_all(op, resp, self.inner.config.read_timeout).await?;
                if let Some(e) = decode_cloud_failure(status, &body) {
                    return Err(e.with_retry_after(wait).with_operation("oauth_token"));
                }
                #[derive(serde::Deserialize)]
                struct Granted {
                    access_token: String,
                    expires_in: Option<u64>,
                }
                let granted: Granted = serde_json::from_slice(&body).map_err(|_| {
                    Error::invalid_response("the token answer has no access_token", Some(status))
                        .with_operation("oauth_token")
                })?;
                (
                    granted.access_token,
                    granted.expires_in.map(Duration::from_secs),
                )
            }
            other => {
                return Err(Error::invalid_argument(format!(
                    "{} credentials cannot give a bearer token",
                    other.kind()
                )))
            }
        };
        let mut value = HeaderValue::from_str(&format!("Bearer {token}")).map_err(|_| {
            Error::invalid_argument("the bearer token holds characters a header cannot carry")
        })?;
        value.set_sensitive(true);
        let mut s = conn.session.write().expect("session lock");
        s.token = Some(value);
        // Renewed a minute before it expires (a tenth of a short lifetime).
        s.expires = lifetime.map(|l| Instant::now() + l - (l / 10).min(Duration::from_secs(60)));
        s.generation += 1;
        s.last_used = Instant::now();
        tracing::debug!(generation = s.generation, "bearer token in use");
        Ok(())
    }

    /// The current session, logging in first when there is none, or when a call that
    /// cannot be repeated (a streamed upload) might otherwise meet an expired one.
    async fn session(&self, conn: &Arc<Conn>, fresh_needed: bool) -> Result<(HeaderValue, u64)> {
        if let Some(found) = self.usable_session(conn, fresh_needed) {
            return Ok(found);
        }
        let _guard = conn.login_lock.lock().await;
        if let Some(found) = self.usable_session(conn, fresh_needed) {
            return Ok(found);
        }
        self.login_locked(conn).await?;
        let s = conn.session.read().expect("session lock");
        Ok((s.token.clone().expect("just logged in"), s.generation))
    }

    fn usable_session(&self, conn: &Arc<Conn>, fresh_needed: bool) -> Option<(HeaderValue, u64)> {
        let s = conn.session.read().expect("session lock");
        let idle_limit = self
            .inner
            .config
            .session_idle
            .saturating_sub(Duration::from_secs(5));
        let stale = (fresh_needed && s.last_used.elapsed() >= idle_limit)
            || s.expires.is_some_and(|e| Instant::now() >= e);
        match &s.token {
            Some(t) if !stale => Some((t.clone(), s.generation)),
            _ => None,
        }
    }

    /// Logs in again unless another call already did since `stale_generation`; says
    /// whether the refused session was still the current one (so a login was needed).
    async fn renew(&self, conn: &Arc<Conn>, stale_generation: u64) -> Result<bool> {
        let _guard = conn.login_lock.lock().await;
        {
            let s = conn.session.read().expect("session lock");
            if s.generation != stale_generation && s.token.is_some() {
                return Ok(false);
            }
        }
        self.login_locked(conn).await.map(|()| true)
    }

    /// Runs one operation: the session, the request, retries, renewals, and the
    /// detection of error answers. Returns the successful body.
    pub(crate) async fn execute(&self, op: &'static Operation, args: &Args) -> Result<Reply> {
        self.check_open()?;
        if op.service != self.inner.service.name {
            return Err(self.wrong_service(op.method, op.service));
        }
        let prepared =
            prepare(op, &self.inner.api_root, args).map_err(|e| e.with_operation(op.name))?;
        self.execute_prepared(op, &prepared, args).await
    }

    /// The refusal of an operation of another service, naming both.
    pub(crate) fn wrong_service(&self, method: &str, owner: &str) -> Error {
        Error::invalid_argument(format!(
            "`{method}` is an operation of the {owner} service; this client is for {}",
            self.inner.service.name
        ))
    }

    /// A further page of a paged read: `url` as the server gave it (`links.next.href`),
    /// which must be on the client's own origin, so the credentials never leave it.
    pub(crate) async fn execute_page(
        &self,
        op: &'static Operation,
        url: &str,
        args: &Args,
    ) -> Result<Bytes> {
        let origin = |u: &str| reqwest::Url::parse(u).ok().map(|u| u.origin());
        if origin(url).is_none() || origin(url) != origin(&self.inner.config.url) {
            return Err(Error::invalid_response(
                format!(
                    "{} answered a next page on another origin; not followed",
                    op.name
                ),
                None,
            )
            .with_operation(op.name));
        }
        let prepared = Prepared {
            url: url.to_string(),
            body: PreparedBody::Empty,
            server_wait: None,
        };
        let reply = self.execute_prepared(op, &prepared, args).await?;
        self.reply_bytes(op, reply).await
    }

    async fn execute_prepared(
        &self,
        op: &'static Operation,
        prepared: &Prepared,
        args: &Args,
    ) -> Result<Reply> {
        let repeatable = args.is_repeatable();
        let deadline = self.deadline();
        // Renewals of the current session are bounded per call (a server may refuse
        // every session); a refusal of a session another caller has already renewed
        // meanwhile only means this call's token was old, and gets a looser bound.
        let (mut renewals, mut stale) = (0, 0);
        loop {
            let conn = self.conn()?;
            let used = std::sync::Mutex::new(self.session(&conn, !repeatable).await?);
            let result = if repeatable {
                self.retrying(op, op.is_retry_safe(), deadline, || {
                    self.attempt_once(&conn, op, prepared, args, &used)
                })
                .await
            } else {
                self.attempt_once(&conn, op, prepared, args, &used).await
            };
            let generation = used.lock().expect("session in use").1;
            match result {
                // The server refused the session without acting, so even a state change
                // may be sent again. Bounded, for a server that refuses every session.
                Err(e)
                    if e.is_session_error()
                        && renewals < renewal_limit(&e)
                        && stale < MAX_STALE_SESSIONS
                        && repeatable
                        && Instant::now() < deadline =>
                {
                    tracing::debug!(op = op.name, "session expired; logging in again");
                    if self.renew(&conn, generation).await? {
                        renewals += 1;
                    } else {
                        stale += 1;
                    }
                }
                other => return other.map_err(|e| e.with_operation(op.name)),
            }
        }
    }

    /// When a call starting now must stop starting retries, renewals and waits.
    fn deadline(&self) -> Instant {
        Instant::now()
            + self
                .options
                .timeout
                .unwrap_or(self.inner.config.total_timeout)
    }

    /// The wait before trying `e`'s request again, or `None` when it must not be tried
    /// again: [`is_retryable`] says no, the `max_retries` are spent, or the wait (the
    /// server's `Retry-After`, else the backoff) would end after `deadline`.
    fn retry_delay(
        &self,
        read: bool,
        e: &Error,
        tries: u32,
        deadline: Instant,
    ) -> Option<Duration> {
        let policy = self.inner.config.retry;
        let max_retries = self.options.max_retries.unwrap_or(policy.max_retries);
        if tries >= max_retries || !is_retryable(read, e) {
            return None;
        }
        let delay = e
            .retry_after()
            .unwrap_or_else(|| backoff(policy.base_delay, policy.max_delay, tries));
        (Instant::now() + delay < deadline).then_some(delay)
    }

    /// Runs `attempt` again while [`Client::retry_delay`] allows.
    async fn retrying<T, F, Fut>(
        &self,
        op: &'static Operation,
        read: bool,
        deadline: Instant,
        attempt: F,
    ) -> Result<T>
    where
        F: Fn() -> Fut,
        Fut: std::future::Future<Output = Result<T>>,
    {
        let mut tries = 0u32;
        loop {
            match attempt().await {
                Err(e) => match self.retry_delay(read, &e, tries, deadline) {
                    Some(delay) => {
                        tracing::debug!(op = op.name, attempt = tries + 1, ?delay, error = %e, "retrying");
                        tokio::time::sleep(delay).await;
                        tries += 1;
                    }
                    None => return Err(e),
                },
                ok => return ok,
            }
        }
    }

    /// Runs a call whose answer `consume` reads (into memory or a file), and runs it
    /// again from the start when the answer breaks off mid-body: a read, with a request
    /// that can be sent again, within the retry rules. `consume` starts from nothing
    /// each time (a file is created afresh, so truncated).
    pub(crate) async fn execute_read<T, F, Fut>(
        &self,
        op: &'static Operation,
        args: &Args,
        consume: F,
    ) -> Result<T>
    where
        F: Fn(Reply) -> Fut,
        Fut: std::future::Future<Output = Result<T>>,
    {
        let deadline = self.deadline();
        let read = op.is_retry_safe() && args.is_repeatable();
        let mut tries = 0u32;
        loop {
            let reply = self.execute(op, args).await?;
            match consume(reply).await {
                Err(e) if read && e.kind() != ErrorKind::Io => {
                    match self.retry_delay(true, &e, tries, deadline) {
                        Some(delay) => {
                            tracing::debug!(op = op.name, ?delay, error = %e, "answer broke off; reading again");
                            tokio::time::sleep(delay).await;
                            tries += 1;
                        }
                        None => return Err(e.with_operation(op.name)),
                    }
                }
                other => return other.map_err(|e| e.with_operation(op.name)),
            }
        }
    }

    async fn attempt_once(
        &self,
        conn: &Arc<Conn>,
        op: &'static Operation,
        prepared: &Prepared,
        args: &Args,
        used: &std::sync::Mutex<(HeaderValue, u64)>,
    ) -> Result<Reply> {
        if let Some(per_minute) = self.inner.config.max_requests_per_minute {
            // Each request takes the next free slot, spaced evenly over the minute.
            let slot = {
                let mut next = conn.next_slot.lock().unwrap_or_else(|p| p.into_inner());
                let slot = (*next).max(Instant::now());
                *next = slot + Duration::from_secs(60) / per_minute.max(1);
                slot
            };
            tokio::time::sleep_until(slot.into()).await;
        }
        // Held until the answer is read (a streamed document continues without it).
        let _permit = conn.in_flight.acquire().await.map_err(|_| {
            Error::new(
                ErrorKind::Closed,
                codes::CLIENT_CLOSED,
                "the client was closed",
            )
        })?;
        // The session current now, not the one current when the call began: a call
        // that waited for its turn (the wire bound, the rate limit, a retry's backoff)
        // sends what another caller has renewed meanwhile instead of a dead token.
        let token = {
            let mut used = used.lock().expect("session in use");
            if let Some(current) = self.usable_session(conn, !args.is_repeatable()) {
                *used = current;
            }
            used.0.clone()
        };
        let started = Instant::now();
        let method = match op.verb {
            Verb::Get => reqwest::Method::GET,
            Verb::Post => reqwest::Method::POST,
            Verb::Put => reqwest::Method::PUT,
            Verb::Patch => reqwest::Method::PATCH,
            Verb::Delete => reqwest::Method::DELETE,
        };
        let mut req = conn
            .http(&self.inner.config)?
            .request(method, &prepared.url);
        if !token.is_empty() {
            req = req.header(self.inner.session_header, token);
        }
        if op.answer == Answer::Xml || op.body == crate::ops::Body::JobClone {
            // With an XML body, an Accept listing JSON gets Veeam's 400 "Node [root]
            // does not exist.": XML is asked for by name.
            req = req.header(ACCEPT, XML);
        }
        req = match &prepared.body {
            PreparedBody::Empty if op.verb == Verb::Get => req,
            PreparedBody::Empty => req.header(CONTENT_LENGTH, "0").body(Bytes::new()),
            PreparedBody::Bytes(b, ct) => req.header(CONTENT_TYPE, *ct).body(b.clone()),
            PreparedBody::File(path) => {
                let file = tokio::fs::File::open(path)
                    .await
                    .map_err(|e| Error::io(&format!("opening {}", path.display()), &e))?;
                let len = file
                    .metadata()
                    .await
                    .map_err(|e| Error::io(&format!("reading {}", path.display()), &e))?
                    .len();
                let stream = tokio_util::io::ReaderStream::with_capacity(file, 64 * 1024)
                    .map_err(LocalBodyError);
                req.header(CONTENT_TYPE, JSON)
                    .header(CONTENT_LENGTH, len)
                    .body(reqwest::Body::wrap_stream(stream))
            }
            PreparedBody::Reader => {
                let reader = match &args.payload {
                    Some(Payload::Reader(r)) => r.lock().expect("reader lock").take(),
                    _ => None,
                };
                let Some(reader) = reader else {
                    return Err(Error::invalid_argument(
                        "a payload reader can be sent only once",
                    ));
                };
                let stream = tokio_util::io::ReaderStream::with_capacity(reader, 64 * 1024)
                    .map_err(LocalBodyError);
                req.header(CONTENT_TYPE, JSON)
                    .body(reqwest::Body::wrap_stream(stream))
            }
        };
        let resp = self
            .send_with_timeout(op, req, prepared.server_wait)
            .await?;
        {
            let mut s = conn.session.write().expect("session lock");
            s.last_used = Instant::now();
        }
        let status = resp.status().as_u16();
        let retry_after = retry_after(status, resp.headers());
        let read_timeout = self.inner.config.read_timeout;
        let reply = if op.answer == Answer::Document && (200..300).contains(&status) {
            let (head, resp, complete) = peek(op, resp, read_timeout).await?;
            if complete {
                if let Some(e) = decode_failure(status, &head) {
                    return Err(e);
                }
                Reply::Bytes(head)
            } else if looks_like_error(&head) {
                let rest = read_all(op, resp, read_timeout).await?;
                let mut all = BytesMut::from(&head[..]);
                all.extend_from_slice(&rest);
                match decode_failure(status, &all) {
                    Some(e) => return Err(e),
                    None => Reply::Bytes(all.freeze()),
                }
            } else {
                Reply::Stream(head, resp)
            }
        } else {
            let body = read_all(op, resp, read_timeout).await?;
            if let Some(e) = self.failure(status, &body) {
                tracing::debug!(
                    op = op.name,
                    verb = op.verb.as_str(),
                    url = %prepared.url,
                    status,
                    code = e.error_code(),
                    "call failed"
                );
                return Err(e.with_retry_after(retry_after));
            }
            Reply::Bytes(body)
        };
        // The request line and status: URLs hold names, never a secret (those travel in
        // headers, which are not logged).
        tracing::debug!(
            op = op.name,
            verb = op.verb.as_str(),
            url = %prepared.url,
            status,
            elapsed_ms = started.elapsed().as_millis() as u64,
            "call"
        );
        Ok(reply)
    }

    /// The error an answer of this client's service carries, if any, of the kind
    /// `Session` when a new login may cure it: an expired OAuth token, a Veeam logon
    /// session, or an Enterprise Manager session the server forgot (a 401 without a code
    /// of its own; a 401 UNAUTHORIZED_REQUEST is a refused permission (2.25), which no
    /// login changes).
    fn failure(&self, status: u16, body: &[u8]) -> Option<Error> {
        let (e, renewable) = match self.inner.service.auth {
            AuthScheme::Bearer => (
                decode_cloud_failure(status, body)?,
                // An API key is not renewed.
                matches!(
                    self.inner.config.credentials,
                    crate::auth::Credentials::OAuthClient { .. }
                ),
            ),
            AuthScheme::Basic => (decode_cloud_failure(status, body)?, false),
            AuthScheme::RestSvcSession { .. } => {
                (crate::veeam::decode_failure(status, body)?, true)
            }
            AuthScheme::QemSession { .. } => {
                let e = decode_failure(status, body)?;
                let own_code = e.error_code() == UNAUTHORIZED_REQUEST;
                (e, !own_code)
            }
        };
        Some(if status == 401 && renewable {
            e.with_kind(ErrorKind::Session)
        } else {
            e
        })
    }

    async fn send_with_timeout(
        &self,
        op: &'static Operation,
        req: reqwest::RequestBuilder,
        server_wait: Option<u64>,
    ) -> Result<reqwest::Response> {
        let cfg = &self.inner.config;
        // The server may legitimately stay silent for the whole `timeout` it was given.
        let limit =
            cfg.connect_timeout + cfg.read_timeout + Duration::from_secs(server_wait.unwrap_or(0));
        within(op, limit, req.send(), "no answer within").await
    }

    /// Streams a document answer into `writer`; returns the bytes written.
    pub(crate) async fn stream_reply<W: AsyncWrite + Unpin + ?Sized>(
        &self,
        op: &'static Operation,
        reply: Reply,
        writer: &mut W,
    ) -> Result<u64> {
        let werr =
            |e: std::io::Error| Error::io("writing the document", &e).with_operation(op.name);
        match reply {
            Reply::Bytes(b) => {
                writer.write_all(&b).await.map_err(werr)?;
                writer.flush().await.map_err(werr)?;
                Ok(b.len() as u64)
            }
            Reply::Stream(head, mut resp) => {
                writer.write_all(&head).await.map_err(werr)?;
                let mut total = head.len() as u64;
                while let Some(chunk) =
                    next_chunk(op, &mut resp, self.inner.config.read_timeout).await?
                {
                    writer.write_all(&chunk).await.map_err(werr)?;
                    total += chunk.len() as u64;
                }
                writer.flush().await.map_err(werr)?;
                Ok(total)
            }
        }
    }

    /// Streams a document answer into a file created (or truncated) now: the file
    /// exists only once the server has said yes, and a retry starts it afresh.
    pub(crate) async fn write_file(
        &self,
        op: &'static Operation,
        reply: Reply,
        path: &std::path::Path,
    ) -> Result<u64> {
        let file = tokio::fs::File::create(path).await.map_err(|e| {
            Error::io(&format!("creating {}", path.display()), &e).with_operation(op.name)
        })?;
        let mut w = tokio::io::BufWriter::with_capacity(256 * 1024, file);
        self.stream_reply(op, reply, &mut w).await
    }

    /// Collects a reply whole.
    pub(crate) async fn reply_bytes(&self, op: &'static Operation, reply: Reply) -> Result<Bytes> {
        match reply {
            Reply::Bytes(b) => Ok(b),
            Reply::Stream(head, resp) => {
                let rest = read_all(op, resp, self.inner.config.read_timeout).await?;
                let mut all = BytesMut::with_capacity(head.len() + rest.len());
                all.extend_from_slice(&head);
                all.extend_from_slice(&rest);
                Ok(all.freeze())
            }
        }
    }
}

impl Drop for Inner {
    fn drop(&mut self) {
        // Another process's connections and session (a fork() child that never called):
        // leaked, never closed or logged out (see `Client::conn`).
        let Some(conn) = self.conn.swap(None) else {
            return;
        };
        if conn.pid != std::process::id() {
            std::mem::forget(conn);
            return;
        }
        // Best effort: end the session of a client dropped without close().
        if self.closed.load(Ordering::SeqCst) || !self.service.auth.has_session() {
            return;
        }
        let (token, logout_id) = match conn.session.write() {
            Ok(mut s) => (s.token.take(), s.logout_id.take()),
            Err(_) => (None, None),
        };
        let Some(token) = token else { return };
        let Some(req) = self.logout_request(&conn.http, token, logout_id.as_deref()) else {
            return;
        };
        let req = req.timeout(Duration::from_secs(5));
        let fut = async move {
            let _ = req.send().await;
        };
        // Not on a thread's own runtime, which runs only while that thread calls.
        let current = tokio::runtime::Handle::try_current().ok();
        if let Some(handle) = current.filter(|_| !crate::runtime::driving()) {
            handle.spawn(fut);
        } else if let Ok(rt) = crate::runtime::shared() {
            rt.spawn(fut);
        }
    }
}

impl Inner {
    /// The request that ends a session: Enterprise Manager's `GET logout`, Veeam's
    /// `DELETE logonSessions/{id}`; none for the services without sessions (or a Veeam
    /// logon that named no session).
    fn logout_request(
        &self,
        http: &reqwest::Client,
        token: HeaderValue,
        logout_id: Option<&str>,
    ) -> Option<reqwest::RequestBuilder> {
        let req = match self.service.auth {
            AuthScheme::QemSession { .. } => http
                .get(format!("{}/logout", self.api_root))
                .header(CONTENT_TYPE, JSON),
            AuthScheme::RestSvcSession { .. } => {
                let id = percent_encoding::utf8_percent_encode(logout_id?, crate::request::STRICT);
                http.delete(format!("{}/logonSessions/{id}", self.api_root))
                    .header(ACCEPT, XML)
                    .header(CONTENT_LENGTH, "0")
                    .body(Bytes::new())
            }
            AuthScheme::Bearer | AuthScheme::Basic => return None,
        };
        Some(req.header(self.session_header, token))
    }
}

/// A new session's token (and what its logout names) in place of the old one.
fn install_session(conn: &Conn, mut token: HeaderValue, logout_id: Option<String>) {
    token.set_sensitive(true);
    let mut s = conn.session.write().expect("session lock");
    s.token = Some(token);
    s.logout_id = logout_id;
    s.generation += 1;
    s.last_used = Instant::now();
    tracing::debug!(generation = s.generation, "logged in");
}

/// How many times one call may renew an expired session (each renewal shared by every
/// concurrent caller) before the session error reaches the caller.
const MAX_RENEWALS: u32 = 3;

/// How many times one call may find its session already renewed by another caller
/// (its request was on the wire while that caller renewed: under many concurrent calls
/// and short sessions, this can recur), before the session error reaches the caller.
const MAX_STALE_SESSIONS: u32 = 10;

/// Renewals allowed for a session error: an expiry the server named
/// (`INVALID_SESSION_ID`, HTTP 440) up to [`MAX_RENEWALS`] (sessions may end several
/// times during one slow call); a bare 401, which may mean something else, once.
fn renewal_limit(e: &Error) -> u32 {
    if e.error_code() == INVALID_SESSION_ID {
        MAX_RENEWALS
    } else {
        1
    }
}

/// The wait a 429 or 503 answer asks for in `Retry-After`: seconds, or an HTTP date.
fn retry_after(status: u16, headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    if status != 429 && status != 503 {
        return None;
    }
    let text = headers
        .get(reqwest::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim();
    if let Ok(secs) = text.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = httpdate::parse_http_date(text).ok()?;
    Some(
        when.duration_since(std::time::SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

/// What is retried (README, "What is retried, what never is"):
/// - a request that never reached the server (no connection could be made), any verb;
/// - a 429 answer (the server refused it without acting), any verb, after its
///   `Retry-After`;
/// - a read or a login after a broken connection, a timeout, or a 502/503/504 answer.
///
/// A state change whose request may have reached the server is never sent again.
pub(crate) fn is_retryable(read: bool, e: &Error) -> bool {
    let local = matches!(
        e.kind(),
        ErrorKind::Tls | ErrorKind::InvalidArgument | ErrorKind::Io
    );
    if local {
        return false;
    }
    if e.is_unsent() || e.http_status() == Some(429) {
        return true;
    }
    read && (matches!(e.kind(), ErrorKind::Connection | ErrorKind::Timeout)
        || matches!(e.http_status(), Some(502..=504)))
}

fn backoff(base: Duration, max: Duration, attempt: u32) -> Duration {
    let exp = base.saturating_mul(1u32 << attempt.min(16));
    let capped = exp.min(max);
    // Jitter of up to a quarter, from the clock: enough to spread simultaneous retries.
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    capped + capped.mul_f64((nanos % 1000) as f64 / 4000.0)
}

async fn next_chunk(
    op: &'static Operation,
    resp: &mut reqwest::Response,
    read_timeout: Duration,
) -> Result<Option<Bytes>> {
    within(op, read_timeout, resp.chunk(), "the answer stalled for").await
}

/// Runs a transport step with a time limit, mapping both failures to our codes.
async fn within<T>(
    op: &'static Operation,
    limit: Duration,
    fut: impl std::future::Future<Output = reqwest::Result<T>>,
    what: &str,
) -> Result<T> {
    match tokio::time::timeout(limit, fut).await {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(from_reqwest(&e).with_operation(op.name)),
        Err(_) => Err(Error::new(
            ErrorKind::Timeout,
            codes::TIMEOUT,
            format!("{what} {:.1} s", limit.as_secs_f64()),
        )
        .with_operation(op.name)),
    }
}

async fn read_all(
    op: &'static Operation,
    mut resp: reqwest::Response,
    read_timeout: Duration,
) -> Result<Bytes> {
    let mut first: Option<Bytes> = None;
    let mut buf: Option<BytesMut> = None;
    while let Some(chunk) = next_chunk(op, &mut resp, read_timeout).await? {
        match (&mut first, &mut buf) {
            (None, _) => first = Some(chunk),
            (Some(f), None) => {
                let mut b = BytesMut::with_capacity(f.len() + chunk.len());
                b.extend_from_slice(f);
                b.extend_from_slice(&chunk);
                buf = Some(b);
            }
            (Some(_), Some(b)) => b.extend_from_slice(&chunk),
        }
    }
    Ok(match (first, buf) {
        (_, Some(b)) => b.freeze(),
        (Some(f), None) => f,
        (None, None) => Bytes::new(),
    })
}

/// Reads up to [`PEEK`] bytes; says whether that was the whole body.
async fn peek(
    op: &'static Operation,
    mut resp: reqwest::Response,
    read_timeout: Duration,
) -> Result<(Bytes, reqwest::Response, bool)> {
    let mut head = BytesMut::new();
    while head.len() < PEEK {
        match next_chunk(op, &mut resp, read_timeout).await? {
            Some(c) => head.extend_from_slice(&c),
            None => return Ok((head.freeze(), resp, true)),
        }
    }
    Ok((head.freeze(), resp, false))
}

fn looks_like_error(head: &[u8]) -> bool {
    let trimmed = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map(|i| &head[i..]);
    match trimmed {
        Some([b'{', rest @ ..]) => {
            let rest = rest
                .iter()
                .position(|b| !b.is_ascii_whitespace())
                .map(|i| &rest[i..]);
            rest.is_some_and(|r| r.starts_with(b"\"error_code\""))
        }
        _ => false,
    }
}

/// The error an answer carries, if any: an Enterprise Manager error body (with any
/// status, 200 included), HTTP 440, or a failure status.
pub(crate) fn decode_failure(status: u16, body: &[u8]) -> Option<Error> {
    #[derive(serde::Deserialize)]
    struct Envelope {
        error_code: Option<serde_json::Value>,
        error_message: Option<serde_json::Value>,
    }
    let success = (200..300).contains(&status);
    // Cheap test first: most successful answers carry no error code at all.
    if memchr(body, b"error_code") {
        if let Ok(Envelope {
            error_code: Some(code),
            error_message,
        }) = serde_json::from_slice::<Envelope>(body)
        {
            let code = match code {
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            };
            if !code.is_empty() {
                let message = match error_message {
                    Some(serde_json::Value::String(s)) => s,
                    Some(serde_json::Value::Null) | None => String::new(),
                    Some(other) => other.to_string(),
                };
                return Some(Error::server(code, message, status));
            }
        }
    }
    if success {
        return None;
    }
    if status == 440 {
        return Some(Error::server(
            INVALID_SESSION_ID,
            "The session has expired or the session ID is not valid.",
            440,
        ));
    }
    let snippet: String = String::from_utf8_lossy(&body[..body.len().min(200)])
        .chars()
        .filter(|c| !c.is_control())
        .collect();
    Some(
        Error::new(
            ErrorKind::Server,
            codes::HTTP_ERROR,
            if snippet.trim().is_empty() {
                format!("HTTP {status} without an error body")
            } else {
                format!("HTTP {status}: {}", snippet.trim())
            },
        )
        .with_status(status),
    )
}

/// The error of a Qlik Cloud or Kinetic Task answer, if any: Qlik's `{"errors":
/// [{"code", "title", "detail"}], "traceId"}` with the server's code verbatim, or
/// Kinetic's `{"message"}`, with a code from the status; a 429 is `RATE_LIMITED` once no
/// more waiting is allowed.
pub(crate) fn decode_cloud_failure(status: u16, body: &[u8]) -> Option<Error> {
    if (200..300).contains(&status) {
        return None;
    }
    let v: serde_json::Value = serde_json::from_slice(body).unwrap_or_default();
    let first = &v["errors"][0];
    let text = |x: &serde_json::Value| match x {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    };
    let code = match text(&first["code"]) {
        c if c.is_empty() || status == 429 => None,
        c => Some(c),
    };
    let message = [text(&first["title"]), text(&first["detail"])]
        .into_iter()
        .filter(|m| !m.is_empty())
        .collect::<Vec<_>>()
        .join(": ");
    // Kinetic Task answers `{"message": ...}`.
    let message = match message.is_empty() {
        true => text(&v["message"]),
        false => message,
    };
    let e = status_failure(status, code, message);
    Some(match v["traceId"].as_str() {
        Some(t) => e.with_trace_id(t),
        None => e,
    })
}

/// A failed answer of a service without codes of its own (or with `code` absent): the
/// server's message verbatim (`HTTP {status}` when there is none), a code and a kind
/// from the status; a 429 is `RATE_LIMITED` once no more waiting is allowed.
pub(crate) fn status_failure(status: u16, code: Option<String>, message: String) -> Error {
    let by_status = match status {
        400 => codes::BAD_REQUEST,
        401 => codes::UNAUTHORIZED,
        403 => codes::FORBIDDEN,
        404 => codes::NOT_FOUND,
        409 => codes::CONFLICT,
        429 => codes::RATE_LIMITED,
        503 => codes::SERVICE_UNAVAILABLE,
        500..=599 => codes::SERVER_ERROR,
        _ => codes::HTTP_ERROR,
    };
    let message = match message.is_empty() {
        true => format!("HTTP {status}"),
        false => message,
    };
    let kind = match status {
        401 | 403 => ErrorKind::Unauthorized,
        404 => ErrorKind::NotFound,
        _ => ErrorKind::Server,
    };
    let code = code.unwrap_or_else(|| by_status.to_string());
    Error::server(code, message, status).with_kind(kind)
}

fn memchr(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The README's table, row by row: what each kind of failure means for a read
    /// (GET, login) and for a state change (POST, PUT, PATCH, DELETE).
    #[test]
    fn the_retry_decision_per_verb_and_error_kind() {
        let conn = || Error::new(ErrorKind::Connection, codes::CONNECTION_ERROR, "x");
        let status = |s: u16| decode_failure(s, b"<html>busy</html>").unwrap();
        let rows: Vec<(&str, Error, bool, bool)> = vec![
            ("connection never made", conn().unsent(), true, true),
            ("connection broke after sending", conn(), true, false),
            (
                "read timeout",
                Error::new(ErrorKind::Timeout, codes::TIMEOUT, "x"),
                true,
                false,
            ),
            ("502", status(502), true, false),
            ("503", status(503), true, false),
            ("504", status(504), true, false),
            ("429", status(429), true, true),
            ("500 without a body code", status(500), false, false),
            (
                "a server error code",
                Error::server("AEM_TASK_ALREADY_RUNNING", "x", 500),
                false,
                false,
            ),
            (
                "permission refused",
                Error::server(UNAUTHORIZED_REQUEST, "x", 401),
                false,
                false,
            ),
            (
                "TLS failure",
                Error::new(ErrorKind::Tls, codes::TLS_ERROR, "x").unsent(),
                false,
                false,
            ),
            (
                "our own refusal",
                Error::invalid_argument("x").unsent(),
                false,
                false,
            ),
            (
                "a local file",
                Error::new(ErrorKind::Io, codes::IO_ERROR, "x"),
                false,
                false,
            ),
        ];
        for (what, e, read, write) in rows {
            assert_eq!(is_retryable(true, &e), read, "{what}, read: {e}");
            assert_eq!(is_retryable(false, &e), write, "{what}, state change: {e}");
        }
    }

    #[test]
    fn retry_after_in_seconds_or_as_a_date() {
        let mut h = reqwest::header::HeaderMap::new();
        h.insert(reqwest::header::RETRY_AFTER, HeaderValue::from_static("7"));
        assert_eq!(retry_after(429, &h), Some(Duration::from_secs(7)));
        assert_eq!(retry_after(503, &h), Some(Duration::from_secs(7)));
        assert_eq!(retry_after(500, &h), None, "only 429 and 503 ask to wait");
        let later = std::time::SystemTime::now() + Duration::from_secs(60);
        h.insert(
            reqwest::header::RETRY_AFTER,
            HeaderValue::from_str(&httpdate::fmt_http_date(later)).unwrap(),
        );
        let wait = retry_after(429, &h).unwrap();
        assert!(
            wait > Duration::from_secs(55) && wait <= Duration::from_secs(60),
            "{wait:?}"
        );
        h.insert(
            reqwest::header::RETRY_AFTER,
            HeaderValue::from_static("soon"),
        );
        assert_eq!(retry_after(429, &h), None);
    }

    #[test]
    fn error_bodies_are_found_with_any_status() {
        let e = decode_failure(200, br#"{"error_code":"AEM_X","error_message":"m"}"#).unwrap();
        assert_eq!(
            (e.error_code(), e.message(), e.http_status()),
            ("AEM_X", "m", Some(200))
        );
        assert!(decode_failure(200, br#"{"taskList":[]}"#).is_none());
        let e = decode_failure(440, b"").unwrap();
        assert!(e.is_session_error());
        let e = decode_failure(502, b"<html>Bad Gateway</html>").unwrap();
        assert_eq!((e.error_code(), e.http_status()), ("HTTP_ERROR", Some(502)));
    }

    #[test]
    fn error_prefix_of_a_stream_is_recognised() {
        assert!(looks_like_error(b" {\n \"error_code\": \"X\""));
        assert!(!looks_like_error(b"{\"name\": \"x\", \"error_code\""));
        assert!(!looks_like_error(b"// comment\n{"));
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        let b = Duration::from_millis(100);
        let m = Duration::from_secs(1);
        assert!(backoff(b, m, 0) >= b && backoff(b, m, 0) < b * 2);
        assert!(backoff(b, m, 10) <= m + m / 4);
    }
}
