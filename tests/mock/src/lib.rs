//! A stateful mock of the Qlik Enterprise Manager REST API (chapter 2 of the API guide),
//! with a control API under `/mock/` (see STATE.md), TLS with a self-signed certificate,
//! fault injection, and streamed exports.
//!
//! ```no_run
//! let server = qem_mock::MockServer::start_background(qem_mock::MockConfig::default()).unwrap();
//! println!("{}", server.base_url());
//! ```

mod audit;
mod cloud;
mod control;
mod documents;
mod endpoints;
pub mod errors;
mod http;
mod kinetic;
mod router;
mod servers;
mod session;
pub mod state;
mod tables;
mod tasks;
mod util;
mod veeam;

use std::collections::{HashMap, VecDeque};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Instant;

use parking_lot::Mutex;
use serde::{Deserialize, Serialize};

use crate::state::World;

/// How to start the mock.
#[derive(Debug, Clone)]
pub struct MockConfig {
    /// Serve HTTPS with a freshly generated self-signed certificate (default) or plain HTTP.
    pub tls: bool,
    /// 0 picks an ephemeral port.
    pub port: u16,
    pub bind: IpAddr,
    /// The initial world (STATE.md); `None` is the built-in default world.
    pub state: Option<serde_json::Value>,
}

impl Default for MockConfig {
    fn default() -> Self {
        MockConfig {
            tls: true,
            port: 0,
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            state: None,
        }
    }
}

/// Fault injection for the API (never the `/mock/` control endpoints).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Faults {
    /// Added to every API request.
    pub latency_ms: u64,
    /// Share (0..1) of API requests answered with `error_status` and an HTML body.
    pub error_rate: f64,
    pub error_status: u16,
    /// Share (0..1) of API requests whose connection is closed without an answer, before
    /// the request is processed (nothing changes).
    pub drop_rate: f64,
    /// Share (0..1) of API requests processed (state changed, audit recorded) and then
    /// closed without an answer: the client cannot tell whether its change happened.
    pub lose_rate: f64,
    /// The next N new connections are reset before the TLS handshake completes, so the
    /// client knows nothing was sent. Setting it closes idle keep-alive connections.
    pub refuse_connections: u64,
    /// Every session ends this long after its login (0: only idle expiry).
    pub session_max_age_ms: u64,
    /// The next N requests of an operation (chapter-4 name, `login` included) are
    /// answered with `error_status` (503 by default): `{"login": 2}`.
    pub fail_next: std::collections::BTreeMap<String, u64>,
    /// The next N requests of an operation are processed and their answers lost.
    pub lose_next: std::collections::BTreeMap<String, u64>,
    /// The next N answers of an operation break mid-body: the status, the headers and
    /// the first 64 KB (half of a smaller body) are sent, then the connection closes.
    pub break_next: std::collections::BTreeMap<String, u64>,
    /// `Retry-After` (seconds) on the injected error answers (a 429 or 503 that asks
    /// the client to wait); none when absent.
    pub retry_after_s: Option<u64>,
    /// Seed of the repeatable random generator.
    pub seed: u64,
}

/// One request seen by the mock (the control API's request log).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RecordedRequest {
    pub method: String,
    /// Raw path, still percent-encoded.
    pub path: String,
    pub query: Option<String>,
    /// Header names and values; the Authorization value is redacted.
    pub headers: Vec<(String, String)>,
    pub body_len: usize,
    /// The chapter-4 method the request was routed to (`get_task_details`), if any.
    pub operation: Option<String>,
    /// The path's names as the mock decoded them: `server`, `task`, `endpoint`; and for
    /// CloneTask the body's `new_task_name`.
    pub names: std::collections::BTreeMap<String, String>,
    /// The HTTP status answered; none when no answer was sent.
    pub status: Option<u16>,
    /// `answered`, `fault` (an injected error status), `dropped` (closed before being
    /// processed), `lost` (processed, then closed without an answer), `broken` (the body
    /// broke off), or `refused`: a connection reset before its TLS handshake ended
    /// (`refuse_connections`; operation `connection`, no request was read).
    pub outcome: String,
}

pub(crate) struct Session {
    pub user: String,
    pub born: Instant,
    pub last: Instant,
    /// Password identifiers handed out by GetServer in this session: id -> server name.
    pub password_ids: HashMap<String, String>,
}

pub(crate) struct FaultState {
    pub faults: Faults,
    pub rng: util::XorShift,
}

/// Counters of `GET /mock/stats`.
#[derive(Default)]
pub(crate) struct Counters {
    pub requests: AtomicU64,
    pub logins: AtomicU64,
    pub faulted: AtomicU64,
    pub dropped: AtomicU64,
    pub lost: AtomicU64,
    pub broken: AtomicU64,
    pub refused_connections: AtomicU64,
    pub expired_sessions: AtomicU64,
}

pub(crate) struct Shared {
    pub world: Mutex<World>,
    pub initial: Mutex<World>,
    pub sessions: Mutex<HashMap<String, Session>>,
    pub idle_secs: AtomicU64,
    pub invalid_status: AtomicU64,
    pub faults: Mutex<FaultState>,
    pub faults_on: AtomicBool,
    pub requests: Mutex<VecDeque<RecordedRequest>>,
    pub request_log_size: AtomicU64,
    /// Connections still to refuse (`Faults::refuse_connections`).
    pub refuse_left: AtomicU64,
    /// `Faults::session_max_age_ms`.
    pub session_max_age_ms: AtomicU64,
    /// Bumped to make every open connection close once idle.
    pub close_idle: tokio::sync::watch::Sender<u64>,
    pub counters: Counters,
    /// API requests being answered now, and the most ever at once (`/mock/stats`).
    pub in_flight: AtomicU64,
    pub peak_in_flight: AtomicU64,
    /// Served over TLS (the scheme of Qlik Cloud's absolute links).
    pub tls: bool,
    /// Each Qlik Cloud user's requests in the last minute (its rate limit).
    pub cloud_requests: Mutex<HashMap<String, VecDeque<Instant>>>,
}

impl Shared {
    fn new(world: World, tls: bool) -> Shared {
        let s = Shared {
            world: Mutex::new(world.clone()),
            initial: Mutex::new(world.clone()),
            sessions: Mutex::new(HashMap::new()),
            idle_secs: AtomicU64::new(300),
            invalid_status: AtomicU64::new(440),
            faults: Mutex::new(FaultState {
                faults: Faults::default(),
                rng: util::XorShift::new(0),
            }),
            faults_on: AtomicBool::new(false),
            requests: Mutex::new(VecDeque::new()),
            request_log_size: AtomicU64::new(1000),
            refuse_left: AtomicU64::new(0),
            session_max_age_ms: AtomicU64::new(0),
            close_idle: tokio::sync::watch::channel(0).0,
            counters: Counters::default(),
            in_flight: AtomicU64::new(0),
            peak_in_flight: AtomicU64::new(0),
            tls,
            cloud_requests: Mutex::new(HashMap::new()),
        };
        s.apply_settings(&world);
        s
    }

    pub(crate) fn reset_stats(&self) {
        self.peak_in_flight
            .store(self.in_flight.load(Ordering::SeqCst), Ordering::SeqCst);
    }

    pub(crate) fn stats(&self) -> serde_json::Value {
        let c = &self.counters;
        let n = |a: &AtomicU64| a.load(Ordering::SeqCst);
        serde_json::json!({
            "in_flight": n(&self.in_flight),
            "peak_in_flight": n(&self.peak_in_flight),
            "requests": n(&c.requests),
            "logins": n(&c.logins),
            "faulted": n(&c.faulted),
            "dropped": n(&c.dropped),
            "lost": n(&c.lost),
            "broken": n(&c.broken),
            "refused_connections": n(&c.refused_connections),
            "expired_sessions": n(&c.expired_sessions),
        })
    }

    fn apply_settings(&self, w: &World) {
        self.idle_secs
            .store(w.settings.session_idle_seconds, Ordering::Relaxed);
        self.invalid_status
            .store(w.settings.invalid_session_status as u64, Ordering::Relaxed);
        self.request_log_size
            .store(w.settings.request_log_size.max(1) as u64, Ordering::Relaxed);
    }

    /// Replaces the world; every session is dropped.
    pub fn set_world(&self, w: World) {
        self.apply_settings(&w);
        *self.world.lock() = w;
        self.sessions.lock().clear();
    }

    pub fn reset(&self) {
        let w = self.initial.lock().clone();
        self.set_world(w);
    }

    pub fn set_faults(&self, f: Faults) {
        let on = f.latency_ms > 0
            || f.error_rate > 0.0
            || f.drop_rate > 0.0
            || f.lose_rate > 0.0
            || f.session_max_age_ms > 0
            || !f.fail_next.is_empty()
            || !f.lose_next.is_empty()
            || !f.break_next.is_empty();
        self.refuse_left
            .store(f.refuse_connections, Ordering::SeqCst);
        self.session_max_age_ms
            .store(f.session_max_age_ms, Ordering::SeqCst);
        if f.refuse_connections > 0 {
            // Idle keep-alive connections would otherwise carry the next call.
            self.close_idle.send_modify(|g| *g += 1);
        }
        let mut st = self.faults.lock();
        st.rng = util::XorShift::new(f.seed);
        st.faults = f;
        self.faults_on.store(on, Ordering::Relaxed);
    }

    /// Ends every Enterprise Manager session, and every OAuth token of the Qlik Cloud
    /// tenant (API keys stay valid).
    pub fn expire_sessions(&self) {
        let mut sessions = self.sessions.lock();
        self.counters
            .expired_sessions
            .fetch_add(sessions.len() as u64, Ordering::SeqCst);
        sessions.clear();
        let mut world = self.world.lock();
        world.qlik_cloud.tokens.clear();
        world.veeam.sessions.clear();
    }
}

/// A running mock server. Dropping it stops it.
pub struct MockServer {
    shared: Arc<Shared>,
    addr: SocketAddr,
    tls: bool,
    cert_pem: Option<String>,
    shutdown: Option<tokio::sync::watch::Sender<bool>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl MockServer {
    /// Starts serving on tasks of the current tokio runtime.
    pub async fn start(config: MockConfig) -> std::io::Result<MockServer> {
        let world = match config.state.clone() {
            Some(v) => World::from_value(v)
                .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))?,
            None => World::default(),
        };
        let shared = Arc::new(Shared::new(world, config.tls));
        let (tx, rx) = tokio::sync::watch::channel(false);
        let (addr, cert_pem) = http::serve(shared.clone(), &config, rx).await?;
        Ok(MockServer {
            shared,
            addr,
            tls: config.tls,
            cert_pem,
            shutdown: Some(tx),
            thread: None,
        })
    }

    /// Starts on a multi-thread runtime of its own, on a background thread.
    pub fn start_background(config: MockConfig) -> std::io::Result<MockServer> {
        let (res_tx, res_rx) = std::sync::mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("qem-mock".into())
            .spawn(move || {
                let rt = match tokio::runtime::Builder::new_multi_thread()
                    .worker_threads(2)
                    .thread_name("qem-mock-worker")
                    .enable_all()
                    .build()
                {
                    Ok(rt) => rt,
                    Err(e) => {
                        let _ = res_tx.send(Err(e));
                        return;
                    }
                };
                rt.block_on(async move {
                    match MockServer::start(config).await {
                        Ok(mut server) => {
                            let tx = server.shutdown.take();
                            let mut rx = tx.as_ref().map(|t| t.subscribe());
                            let handle = MockHandle {
                                shared: server.shared.clone(),
                                addr: server.addr,
                                tls: server.tls,
                                cert_pem: server.cert_pem.clone(),
                                shutdown: tx,
                            };
                            // Keep `server` (without its sender) alive inside the runtime.
                            if res_tx.send(Ok(handle)).is_err() {
                                return;
                            }
                            if let Some(rx) = rx.as_mut() {
                                let _ = rx.wait_for(|v| *v).await;
                            }
                            drop(server);
                        }
                        Err(e) => {
                            let _ = res_tx.send(Err(e));
                        }
                    }
                });
                rt.shutdown_timeout(std::time::Duration::from_millis(200));
            })?;
        let handle = res_rx
            .recv()
            .map_err(|_| std::io::Error::other("mock thread ended before starting"))??;
        Ok(MockServer {
            shared: handle.shared,
            addr: handle.addr,
            tls: handle.tls,
            cert_pem: handle.cert_pem,
            shutdown: handle.shutdown,
            thread: Some(thread),
        })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `https://127.0.0.1:PORT/attunityenterprisemanager` (http:// without TLS).
    pub fn base_url(&self) -> String {
        format!(
            "{}://{}/attunityenterprisemanager",
            if self.tls { "https" } else { "http" },
            self.addr
        )
    }

    /// The Qlik Cloud tenant's URL: `https://127.0.0.1:PORT/qlik-cloud`.
    pub fn cloud_url(&self) -> String {
        self.service_url("qlik_cloud")
    }

    /// The root of a service on this mock: `qem` (`/attunityenterprisemanager`),
    /// `qlik_cloud` (`/qlik-cloud`), `kinetic` (`/kinetic-task`, the web application) or
    /// `veeam` (`/veeam`, Enterprise Manager's root: its API is under `/veeam/api`).
    pub fn service_url(&self, service: &str) -> String {
        let prefix = match service {
            "qlik_cloud" => cloud::PREFIX,
            "kinetic" => kinetic::PREFIX,
            "veeam" => veeam::PREFIX,
            _ => "/attunityenterprisemanager",
        };
        format!(
            "{}://{}{prefix}",
            if self.tls { "https" } else { "http" },
            self.addr
        )
    }

    /// PEM of the self-signed certificate (None without TLS).
    pub fn ca_cert_pem(&self) -> Option<String> {
        self.cert_pem.clone()
    }

    /// Replaces the world (sessions are dropped).
    pub fn set_state(&self, state: serde_json::Value) -> Result<(), String> {
        let w = World::from_value(state)?;
        self.shared.set_world(w);
        Ok(())
    }

    pub fn state(&self) -> serde_json::Value {
        self.shared.world.lock().to_value()
    }

    /// Back to the world the mock started with.
    pub fn reset(&self) {
        self.shared.reset();
    }

    pub fn expire_sessions(&self) {
        self.shared.expire_sessions();
    }

    pub fn set_faults(&self, faults: Faults) {
        self.shared.set_faults(faults);
    }

    /// The most API requests the mock was answering at once since start or the last
    /// `reset_stats` (a client's concurrency limit shows here).
    pub fn peak_in_flight(&self) -> u64 {
        self.shared.peak_in_flight.load(Ordering::SeqCst)
    }

    /// Starts counting `peak_in_flight` afresh.
    pub fn reset_stats(&self) {
        self.shared.reset_stats();
    }

    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.requests.lock().iter().cloned().collect()
    }

    /// Empties the request log.
    pub fn clear_requests(&self) {
        self.shared.requests.lock().clear();
    }

    /// The counters of `GET /mock/stats`.
    pub fn stats(&self) -> serde_json::Value {
        self.shared.stats()
    }

    pub fn shutdown(self) {
        drop(self);
    }
}

struct MockHandle {
    shared: Arc<Shared>,
    addr: SocketAddr,
    tls: bool,
    cert_pem: Option<String>,
    shutdown: Option<tokio::sync::watch::Sender<bool>>,
}

impl Drop for MockServer {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(true);
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
