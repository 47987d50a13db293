//! Transport: TCP/TLS accept loop, HTTP/1.1 keep-alive via hyper, request logging, faults,
//! and the response helpers shared by the handlers.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::atomic::Ordering;
use std::sync::Arc;

use bytes::Bytes;
use http_body_util::{combinators::BoxBody, BodyExt, Full};
use hyper::body::Incoming;
use hyper::header::{HeaderValue, CONTENT_TYPE};
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::io::AsyncWriteExt;
use tokio::net::TcpListener;
use tokio::sync::{oneshot, watch};

use crate::errors::ApiError;
use crate::{MockConfig, RecordedRequest, Shared};

pub type Body = BoxBody<Bytes, std::io::Error>;
pub type Resp = Response<Body>;

pub const BASE: &str = "/attunityenterprisemanager/api/v1";

fn full(b: impl Into<Bytes>) -> Body {
    Full::new(b.into())
        .map_err(|never: Infallible| match never {})
        .boxed()
}

pub fn json_bytes(status: u16, body: impl Into<Bytes>) -> Resp {
    let mut r = Response::new(full(body));
    *r.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
    r.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    r.headers_mut().insert(
        "cache-control",
        HeaderValue::from_static("no-cache, no-store"),
    );
    r
}

pub fn json(v: &serde_json::Value) -> Resp {
    json_bytes(200, serde_json::to_vec(v).unwrap_or_default())
}

/// An answer with no body.
pub fn status_only(status: u16) -> Resp {
    let mut r = Response::new(full(Bytes::new()));
    *r.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
    r
}

/// A plain-text answer.
pub fn text(status: u16, body: String) -> Resp {
    let mut r = json_bytes(status, body);
    r.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    r
}

pub fn empty_ok() -> Resp {
    json_bytes(200, Bytes::new())
}

pub fn stream_json(body: Body) -> Resp {
    let mut r = Response::new(body);
    r.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    r
}

pub fn error(e: &ApiError) -> Resp {
    let mut r = json_bytes(e.status, e.body());
    for (k, v) in &e.headers {
        if let Ok(v) = HeaderValue::from_str(v) {
            r.headers_mut().insert(*k, v);
        }
    }
    r
}

pub fn html(status: u16) -> Resp {
    let mut r = Response::new(full(format!(
        "<html><head><title>{status}</title></head><body><h1>{status}</h1><p>Injected fault (qem-mock)</p></body></html>"
    )));
    *r.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
    r.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    r
}

pub fn not_found(msg: &str) -> Resp {
    error(&ApiError::new(404, "NOT_FOUND", msg))
}

fn tls_acceptor() -> std::io::Result<(tokio_rustls::TlsAcceptor, String)> {
    let ck =
        rcgen::generate_simple_self_signed(vec!["localhost".to_string(), "127.0.0.1".to_string()])
            .map_err(|e| std::io::Error::other(e.to_string()))?;
    let pem = ck.cert.pem();
    let cert_der = ck.cert.der().clone();
    let key_der = rustls::pki_types::PrivateKeyDer::Pkcs8(
        rustls::pki_types::PrivatePkcs8KeyDer::from(ck.key_pair.serialize_der()),
    );
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut cfg = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| std::io::Error::other(e.to_string()))?
        .with_no_client_auth()
        .with_single_cert(vec![cert_der], key_der)
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    cfg.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok((tokio_rustls::TlsAcceptor::from(Arc::new(cfg)), pem))
}

/// Header names as the real server (IIS, `Microsoft-HTTPAPI/2.0`) writes them. HTTP says
/// names are case-insensitive, but real clients read them by exact key: the public
/// Postman collection reads `EnterpriseManager.APISessionID`, and Qlik's newer client
/// copies every login header but the exact key `Content-Length` into later requests.
const SPELLINGS: &[&str] = &[
    crate::session::SESSION_HEADER,
    "Content-Type",
    "Content-Length",
    "Cache-Control",
    "Application-Status",
    "Date",
];

/// hyper writes a response's header names from the `HeaderCaseMap` in its extensions
/// (and title-cases the others, `title_case_headers`). That map cannot be built outside
/// hyper, but hyper records one for every request it parses with `preserve_header_case`:
/// so the mock parses one request naming every header in its real spelling, once, and
/// attaches the extensions it got to every answer.
async fn header_spellings() -> hyper::http::Extensions {
    let (mut client, server) = tokio::io::duplex(4096);
    let (tx, rx) = oneshot::channel();
    let tx = parking_lot::Mutex::new(Some(tx));
    let svc = hyper::service::service_fn(move |req: Request<Incoming>| {
        if let Some(tx) = tx.lock().take() {
            let _ = tx.send(req.extensions().clone());
        }
        async { Ok::<_, Infallible>(Response::new(full(Bytes::new()))) }
    });
    tokio::spawn(
        hyper::server::conn::http1::Builder::new()
            .preserve_header_case(true)
            .serve_connection(TokioIo::new(server), svc),
    );
    let mut head = String::from("GET / HTTP/1.1\r\nHost: qem-mock\r\n");
    for name in SPELLINGS.iter().filter(|n| **n != "Content-Length") {
        head.push_str(&format!("{name}: x\r\n"));
    }
    // Content-Length last: it is a request header too, and 0 keeps the request bodiless.
    head.push_str("Content-Length: 0\r\n\r\n");
    let _ = client.write_all(head.as_bytes()).await;
    let ext = rx.await.unwrap_or_default();
    drop(client);
    ext
}

/// Binds and spawns the accept loop; answers the bound address and the certificate PEM.
pub async fn serve(
    shared: Arc<Shared>,
    config: &MockConfig,
    shutdown: watch::Receiver<bool>,
) -> std::io::Result<(SocketAddr, Option<String>)> {
    let listener = TcpListener::bind(SocketAddr::new(config.bind, config.port)).await?;
    let addr = listener.local_addr()?;
    let (acceptor, pem) = if config.tls {
        let (a, p) = tls_acceptor()?;
        (Some(a), Some(p))
    } else {
        (None, None)
    };
    let spellings = Arc::new(header_spellings().await);
    let mut stop = shutdown.clone();
    tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = stop.wait_for(|v| *v) => break,
                accepted = listener.accept() => {
                    let Ok((stream, _)) = accepted else { continue };
                    if refuse(&shared) {
                        // A reset before the TLS handshake: the client knows that nothing
                        // of its request was sent (over plain HTTP it may have been).
                        // A zero linger resets at once and never blocks.
                        #[allow(deprecated)]
                        let _ = stream.set_linger(Some(std::time::Duration::ZERO));
                        drop(stream);
                        continue;
                    }
                    let _ = stream.set_nodelay(true);
                    let shared = shared.clone();
                    let acceptor = acceptor.clone();
                    let spellings = spellings.clone();
                    let mut stop = shutdown.clone();
                    tokio::spawn(async move {
                        tokio::select! {
                            _ = stop.wait_for(|v| *v) => {}
                            _ = async move {
                                match acceptor {
                                    Some(acc) => {
                                        if let Ok(tls) = acc.accept(stream).await {
                                            serve_conn(shared, spellings, tls).await;
                                        }
                                    }
                                    None => serve_conn(shared, spellings, stream).await,
                                }
                            } => {}
                        }
                    });
                }
            }
        }
    });
    Ok((addr, pem))
}

/// Takes one of the connections still to refuse (`Faults::refuse_connections`).
fn refuse(shared: &Shared) -> bool {
    let took = shared
        .refuse_left
        .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
        .is_ok();
    if took {
        shared
            .counters
            .refused_connections
            .fetch_add(1, Ordering::SeqCst);
        // In the log too, so that a test can see the connection was in fact refused.
        log_request(
            shared,
            RecordedRequest {
                method: String::new(),
                path: String::new(),
                query: None,
                headers: Vec::new(),
                body_len: 0,
                operation: Some("connection".into()),
                names: Default::default(),
                status: None,
                outcome: "refused".into(),
            },
        );
    }
    took
}

async fn serve_conn<S>(shared: Arc<Shared>, spellings: Arc<hyper::http::Extensions>, stream: S)
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let mut close_idle = shared.close_idle.subscribe();
    let svc = hyper::service::service_fn(move |req| {
        let answer = handle(shared.clone(), req);
        let spellings = spellings.clone();
        async move {
            let mut resp = answer.await?;
            resp.extensions_mut().extend((*spellings).clone());
            Ok::<_, std::io::Error>(resp)
        }
    });
    let conn = hyper::server::conn::http1::Builder::new()
        .keep_alive(true)
        .title_case_headers(true)
        .serve_connection(TokioIo::new(stream), svc);
    tokio::pin!(conn);
    tokio::select! {
        _ = conn.as_mut() => {}
        changed = close_idle.changed() => {
            // Finish the request in hand, if any, then close.
            if changed.is_ok() {
                conn.as_mut().graceful_shutdown();
            }
            let _ = conn.as_mut().await;
        }
    }
}

/// The path's names as the router reads them: `servers/{server}/tasks/{task}`,
/// `servers/{server}/endpoints/{endpoint}`.
fn path_names(segs: &[String]) -> std::collections::BTreeMap<String, String> {
    let mut names = std::collections::BTreeMap::new();
    if segs.first().map(String::as_str) == Some("servers") {
        if let Some(server) = segs.get(1) {
            names.insert("server".to_string(), server.clone());
        }
        match (segs.get(2).map(String::as_str), segs.get(3)) {
            (Some("tasks"), Some(task)) => {
                names.insert("task".to_string(), task.clone());
            }
            (Some("endpoints"), Some(endpoint)) => {
                names.insert("endpoint".to_string(), endpoint.clone());
            }
            _ => {}
        }
    }
    names
}

/// Counts down an operation's `fail_next` / `lose_next` entry; true when it applied.
fn take_one(counts: &mut std::collections::BTreeMap<String, u64>, op: &str) -> bool {
    match counts.get_mut(op) {
        Some(n) if *n > 0 => {
            *n -= 1;
            if *n == 0 {
                counts.remove(op);
            }
            true
        }
        _ => false,
    }
}

fn log_request(shared: &Shared, rec: RecordedRequest) {
    let cap = shared.request_log_size.load(Ordering::Relaxed).max(1) as usize;
    let mut log = shared.requests.lock();
    while log.len() >= cap {
        log.pop_front();
    }
    log.push_back(rec);
}

/// How another service answers a request under its root: (method, the path after the
/// root, query, headers, body).
type ServiceHandler =
    fn(&Shared, &hyper::Method, &str, Option<&str>, &hyper::HeaderMap, &Bytes) -> Resp;

/// What a service's requests add to the request log's `names`, from their headers.
type LoggedNames = fn(&hyper::HeaderMap) -> std::collections::BTreeMap<String, String>;

/// A service beside Enterprise Manager.
struct Service {
    /// Where it is served.
    prefix: &'static str,
    /// The operation its requests are logged (and faulted) under.
    operation: &'static str,
    answer: ServiceHandler,
    names: LoggedNames,
}

fn no_names(_: &hyper::HeaderMap) -> std::collections::BTreeMap<String, String> {
    Default::default()
}

const SERVICES: [Service; 3] = [
    Service {
        prefix: crate::cloud::PREFIX,
        operation: "qlik_cloud",
        answer: crate::cloud::handle,
        names: no_names,
    },
    Service {
        prefix: crate::veeam::PREFIX,
        operation: "veeam",
        answer: crate::veeam::handle,
        names: crate::veeam::logged_names,
    },
    Service {
        prefix: crate::kinetic::PREFIX,
        operation: "kinetic",
        answer: crate::kinetic::handle,
        names: no_names,
    },
];

async fn handle(shared: Arc<Shared>, req: Request<Incoming>) -> Result<Resp, std::io::Error> {
    let (parts, body) = req.into_parts();
    let path = parts.uri.path().to_string();
    let body = match body.collect().await {
        Ok(b) => b.to_bytes(),
        Err(e) => return Err(std::io::Error::other(e.to_string())),
    };
    if path == "/mock" || path.starts_with("/mock/") {
        return Ok(crate::control::handle(&shared, &parts.method, &path, &body));
    }
    // The other services, each under its own root.
    for service in &SERVICES {
        if let Some(rest) = path.strip_prefix(service.prefix) {
            return service_request(&shared, &parts, service, &body, |shared| {
                (service.answer)(
                    shared,
                    &parts.method,
                    rest,
                    parts.uri.query(),
                    &parts.headers,
                    &body,
                )
            })
            .await;
        }
    }
    let _counted = InFlight::enter(&shared);
    shared.counters.requests.fetch_add(1, Ordering::SeqCst);

    // Empty segments are skipped: real clients send `/tasks/X/?action=run` and
    // `/tasks/X//?action=export`, and the server answers them as the plain path.
    let mut segs: Option<Vec<String>> = strip_base(&path).map(|rest| {
        rest.split('/')
            .filter(|s| !s.is_empty())
            .map(crate::util::decode_segment)
            .collect()
    });
    let raw_query = parts.uri.query().map(str::to_string);
    let operation = segs.as_ref().and_then(|segs| {
        let action = crate::util::Query::parse(raw_query.as_deref()).action();
        crate::router::op_for(&parts.method, segs, action.as_deref()).map(str::to_string)
    });
    if let (Some(segs), Some(op)) = (segs.as_mut(), operation.as_deref()) {
        crate::router::resolve_names(&shared, op, segs, &body);
    }
    let mut rec = RecordedRequest {
        method: parts.method.as_str().to_string(),
        path: path.clone(),
        query: raw_query.clone(),
        headers: recorded_headers(&parts.headers),
        body_len: body.len(),
        operation,
        names: segs.as_deref().map(path_names).unwrap_or_default(),
        status: None,
        outcome: "answered".to_string(),
    };
    // CloneTask names the task it creates in its body: logged beside the path's names,
    // so that a test can count the clones of one name.
    if rec.operation.as_deref() == Some("clone_task") {
        if let Some(name) = serde_json::from_slice::<serde_json::Value>(&body)
            .ok()
            .and_then(|v| v.get("new_task_name")?.as_str().map(str::to_string))
        {
            rec.names.insert("new_task_name".into(), name);
        }
    }

    let (rec, lose, break_it) = match apply_faults(&shared, rec).await {
        Ok(fate) => fate,
        Err(done) => return done,
    };

    let resp = match segs {
        None => not_found("Unknown path."),
        Some(segs) => {
            crate::router::dispatch(
                shared.clone(),
                parts.method,
                segs,
                raw_query,
                parts.headers,
                body,
            )
            .await
        }
    };
    finish(&shared, rec, resp, lose, break_it)
}

/// Request headers as the log keeps them: names and values, Authorization redacted.
fn recorded_headers(headers: &hyper::HeaderMap) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(k, v)| {
            let val = if k == hyper::header::AUTHORIZATION {
                "<redacted>".to_string()
            } else {
                String::from_utf8_lossy(v.as_bytes()).into_owned()
            };
            (k.as_str().to_string(), val)
        })
        .collect()
}

/// The faults of `PUT /mock/faults` applied to one request, whatever its service: its
/// latency, then either the end of it (dropped, or an injected error status: logged,
/// and `Err` holds what to answer) or whether its answer is to be lost or broken.
async fn apply_faults(
    shared: &Arc<Shared>,
    mut rec: RecordedRequest,
) -> Result<(RecordedRequest, bool, bool), Result<Resp, std::io::Error>> {
    let mut lose = false;
    let mut break_it = false;
    if shared.faults_on.load(Ordering::Relaxed) {
        let (drop_it, lose_it, err_status, latency, retry_after) = {
            let mut st = shared.faults.lock();
            let op = rec.operation.as_deref().unwrap_or_default();
            let fail_now = take_one(&mut st.faults.fail_next, op);
            let lose_now = take_one(&mut st.faults.lose_next, op);
            break_it = take_one(&mut st.faults.break_next, op);
            let f = st.faults.clone();
            let d = f.drop_rate > 0.0 && st.rng.next_f64() < f.drop_rate;
            let e = fail_now || (!d && f.error_rate > 0.0 && st.rng.next_f64() < f.error_rate);
            let l = lose_now || (!d && !e && f.lose_rate > 0.0 && st.rng.next_f64() < f.lose_rate);
            (
                d && !fail_now && !lose_now,
                l && !e,
                e.then_some(if f.error_status == 0 {
                    503
                } else {
                    f.error_status
                }),
                f.latency_ms,
                f.retry_after_s,
            )
        };
        if latency > 0 {
            tokio::time::sleep(std::time::Duration::from_millis(latency)).await;
        }
        if drop_it {
            shared.counters.dropped.fetch_add(1, Ordering::SeqCst);
            rec.outcome = "dropped".into();
            log_request(shared, rec);
            return Err(Err(std::io::Error::new(
                std::io::ErrorKind::ConnectionAborted,
                "injected drop",
            )));
        }
        if let Some(s) = err_status {
            shared.counters.faulted.fetch_add(1, Ordering::SeqCst);
            rec.outcome = "fault".into();
            rec.status = Some(s);
            log_request(shared, rec);
            let mut r = html(s);
            if let Some(secs) = retry_after {
                r.headers_mut()
                    .insert(hyper::header::RETRY_AFTER, HeaderValue::from(secs));
            }
            return Err(Ok(r));
        }
        lose = lose_it;
    }

    Ok((rec, lose, break_it))
}

/// Logs an answered request and hands its answer on: lost (the connection closes
/// instead) or broken mid-body when the faults said so.
fn finish(
    shared: &Arc<Shared>,
    mut rec: RecordedRequest,
    resp: Resp,
    lose: bool,
    break_it: bool,
) -> Result<Resp, std::io::Error> {
    if lose {
        shared.counters.lost.fetch_add(1, Ordering::SeqCst);
        rec.outcome = "lost".into();
        log_request(shared, rec);
        return Err(std::io::Error::new(
            std::io::ErrorKind::ConnectionAborted,
            "injected loss of the answer",
        ));
    }
    rec.status = Some(resp.status().as_u16());
    if break_it {
        shared.counters.broken.fetch_add(1, Ordering::SeqCst);
        rec.outcome = "broken".into();
        log_request(shared, rec);
        return Ok(broken_mid_body(resp));
    }
    log_request(shared, rec);
    Ok(resp)
}

/// A request of another service (Qlik Cloud, Kinetic Task): the faults applied,
/// answered by `answer`, counted and logged under `operation` (the service's name, which
/// `fail_next` and the others may name).
async fn service_request(
    shared: &Arc<Shared>,
    parts: &hyper::http::request::Parts,
    service: &Service,
    body: &Bytes,
    answer: impl FnOnce(&Shared) -> Resp,
) -> Result<Resp, std::io::Error> {
    let _counted = InFlight::enter(shared);
    shared.counters.requests.fetch_add(1, Ordering::SeqCst);
    let rec = RecordedRequest {
        method: parts.method.as_str().to_string(),
        path: parts.uri.path().to_string(),
        query: parts.uri.query().map(str::to_string),
        headers: recorded_headers(&parts.headers),
        body_len: body.len(),
        operation: Some(service.operation.into()),
        names: (service.names)(&parts.headers),
        status: None,
        outcome: "answered".to_string(),
    };
    let (rec, lose, break_it) = match apply_faults(shared, rec).await {
        Ok(fate) => fate,
        Err(done) => return done,
    };
    let resp = answer(shared);
    finish(shared, rec, resp, lose, break_it)
}

/// The answer with its body cut: the first 64 KB (half of a smaller body whose length
/// is known) reach the client, then the body fails, and hyper closes the connection.
fn broken_mid_body(resp: Resp) -> Resp {
    use hyper::body::Body as _;
    let known = resp.body().size_hint().exact();
    let mut left = known.map_or(64 * 1024, |n| (n / 2).min(64 * 1024)) as usize;
    resp.map(|body| {
        let frames = http_body_util::BodyStream::new(body);
        let cut = futures_util::StreamExt::map(frames, move |frame| {
            let frame = frame?;
            match frame.data_ref() {
                Some(data) => {
                    let keep = data.len().min(left);
                    left -= keep;
                    Ok(Some(hyper::body::Frame::data(data.slice(..keep))))
                }
                None => Ok(Some(frame)),
            }
        });
        // Frames up to the cut, then (once they are on the wire) the failure that makes
        // hyper close the connection without ending the body.
        let cut = futures_util::StreamExt::take_while(cut, |f: &std::io::Result<Option<_>>| {
            let go =
                !matches!(f, Ok(Some(fr)) if fr.data_ref().is_some_and(|d: &Bytes| d.is_empty()));
            std::future::ready(go)
        });
        let cut = futures_util::StreamExt::filter_map(cut, |f| std::future::ready(f.transpose()));
        let tail = futures_util::stream::once(async {
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            Err(std::io::Error::new(
                std::io::ErrorKind::ConnectionAborted,
                "injected break mid-body",
            ))
        });
        http_body_util::StreamBody::new(futures_util::StreamExt::chain(cut, tail)).boxed()
    })
}

/// Counts an API request as being answered until dropped (also when the client goes away).
struct InFlight(Arc<Shared>);

impl InFlight {
    fn enter(shared: &Arc<Shared>) -> InFlight {
        let now = shared.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
        shared.peak_in_flight.fetch_max(now, Ordering::SeqCst);
        InFlight(shared.clone())
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Ordering::SeqCst);
    }
}

fn strip_base(path: &str) -> Option<&str> {
    if path.len() >= BASE.len() && path[..BASE.len()].eq_ignore_ascii_case(BASE) {
        let rest = &path[BASE.len()..];
        if rest.is_empty() || rest.starts_with('/') {
            return Some(rest);
        }
    }
    None
}
