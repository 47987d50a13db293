//! Hardening (issue 11): no name reaches another method, local mistakes are refused
//! before anything is sent, the retry rules hold for every verb, renewals survive
//! transient faults, and a soak under faults changes nothing twice.

mod common;

use common::{config, reached, SERVER, TASK};
use qem_core::{Client, ClientConfig, Credentials, RetryPolicy};
use qem_mock::{Faults, MockConfig, MockServer};
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::time::{Duration, Instant};

async fn mock() -> MockServer {
    MockServer::start(MockConfig::default())
        .await
        .expect("mock starts")
}

fn hostile_table() -> Value {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/conformance/hostile-names.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("the table exists"))
        .expect("the table is JSON")
}

fn expand(entry: &Value) -> String {
    match entry {
        Value::String(s) => s.clone(),
        other => other["repeat"]
            .as_str()
            .expect("repeat")
            .repeat(other["times"].as_u64().expect("times") as usize),
    }
}

/// Valid arguments for `method`, from the table's `base_args` and `payloads`.
fn base_args(table: &Value, op: &Value) -> Map<String, Value> {
    let mut args = Map::new();
    for arg in op["args"].as_array().expect("args") {
        let name = arg["name"].as_str().expect("a name");
        if let Some(v) = table["base_args"].get(name) {
            args.insert(name.into(), v.clone());
        }
    }
    if let Some(p) = table["payloads"].get(op["method"].as_str().expect("method")) {
        args.insert("payload".into(), p.clone());
    }
    args
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_name_argument_of_every_operation_reaches_its_method_or_nothing() {
    let mock = mock().await;
    let client = Client::connect(config(&mock, 0)).await.unwrap();
    let table = hostile_table();
    let description = qem_core::describe::api_description();
    let ops = &description["services"][0]["operations"];
    let mut checked = 0;
    for op in ops.as_array().expect("operations") {
        let method = op["method"].as_str().unwrap();
        for arg in ["server", "task", "endpoint"] {
            if !op["args"]
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a["name"] == arg)
            {
                continue;
            }
            for (entry, refused) in table["refused"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| (e, true))
                .chain(table["sent"].as_array().unwrap().iter().map(|e| (e, false)))
            {
                let name = expand(entry);
                let shown: String = name.chars().take(20).collect();
                let mut args = base_args(&table, op);
                args.insert(arg.into(), Value::String(name.clone()));
                mock.clear_requests();
                let result = client.call(method, Value::Object(args)).await;
                let seen: Vec<_> = mock
                    .requests()
                    .into_iter()
                    .filter(|r| r.operation.as_deref() != Some("login"))
                    .collect();
                if refused {
                    let e = result.expect_err(&format!("{method}({arg}={shown:?}) was sent"));
                    assert_eq!(e.error_code(), "INVALID_ARGUMENT", "{method} {arg}: {e}");
                    assert!(
                        e.message().contains(&format!("`{arg}`")),
                        "the message names the argument: {e}"
                    );
                    assert!(
                        mock.requests().is_empty(),
                        "{method}({arg}={shown:?}) sent {:?}",
                        mock.requests()
                    );
                } else {
                    if let Err(e) = &result {
                        assert_ne!(e.error_code(), "INVALID_ARGUMENT", "{method} {arg}: {e}");
                    }
                    assert_eq!(seen.len(), 1, "{method}({arg}={shown:?}): {seen:?}");
                    assert_eq!(seen[0].operation.as_deref(), Some(method), "{shown:?}");
                    assert_eq!(
                        seen[0].names.get(arg),
                        Some(&name),
                        "{method}({arg}={shown:?}) arrived as {:?}",
                        seen[0].names
                    );
                }
                checked += 1;
            }
        }
    }
    // Every (operation, name argument) pair was tried with every name of the table.
    let pairs: usize = ops
        .as_array()
        .unwrap()
        .iter()
        .map(|op| {
            let args = op["args"].as_array().unwrap();
            ["server", "task", "endpoint"]
                .iter()
                .filter(|a| args.iter().any(|x| x["name"] == **a))
                .count()
        })
        .sum();
    let names =
        table["refused"].as_array().unwrap().len() + table["sent"].as_array().unwrap().len();
    assert!(pairs >= 50, "{pairs} pairs");
    assert_eq!(checked, pairs * names, "calls checked");
}

/// The longest URL the HTTP stack carries is 65,534 bytes: a name that makes exactly
/// that reaches the server; one byte more is refused with nothing sent.
#[tokio::test]
async fn the_url_length_boundary_is_exact() {
    let mock = mock().await;
    let client = Client::connect(config(&mock, 0)).await.unwrap();
    let prefix = format!("{}/api/v1/servers/", mock.base_url().trim_end_matches('/'));
    let fits = 65_534 - prefix.len();
    mock.clear_requests();
    let e = client
        .get_server_details(&"a".repeat(fits))
        .await
        .unwrap_err();
    assert_eq!(e.error_code(), "AEM_SERVER_NOT_FOUND", "{e}");
    let seen = reached(&mock, "get_server_details");
    assert_eq!(seen.len(), 1);
    // The whole name arrived: the URL was exactly 65,534 bytes.
    assert_eq!(seen[0].names["server"].len(), fits);
    mock.clear_requests();
    let e = client
        .get_server_details(&"a".repeat(fits + 1))
        .await
        .unwrap_err();
    assert_eq!(e.error_code(), "INVALID_ARGUMENT", "{e}");
    assert!(e.message().contains("`server` is too long"), "{e}");
    assert!(mock.requests().is_empty());
    // A base URL too long to leave room for any call is refused when the client is made,
    // naming the URL.
    let long = ClientConfig::new(
        format!("https://h/{}", "p".repeat(70_000)),
        Credentials::active_directory("QEM\\admin", "x"),
    );
    let Err(e) = Client::new(long) else {
        panic!("a base URL of 70,000 bytes is refused")
    };
    assert!(e.message().contains("url"), "{e}");
}

#[tokio::test]
async fn a_name_too_long_for_a_url_is_refused_at_once() {
    let mock = mock().await;
    let client = Client::new(config(&mock, 3)).unwrap();
    let started = Instant::now();
    let e = client
        .get_task_details(SERVER, &"x".repeat(100_000))
        .await
        .unwrap_err();
    assert_eq!(e.error_code(), "INVALID_ARGUMENT", "{e}");
    assert!(e.message().contains("`task` is too long"), "{e}");
    assert_eq!(e.operation(), Some("GetTaskDetails"));
    assert!(started.elapsed() < Duration::from_secs(1), "no retry");
    assert!(mock.requests().is_empty(), "nothing sent, not even a login");
    // Long query values too, named.
    let e = client
        .call(
            "reconfigure_endpoint_no_wait",
            json!({"server": SERVER, "endpoint": "Oracle Source", "configuration": "y".repeat(70_000)}),
        )
        .await
        .unwrap_err();
    assert!(e.message().contains("`configuration` is too long"), "{e}");
    assert!(mock.requests().is_empty());
}

#[tokio::test]
async fn local_mistakes_are_refused_before_anything_is_sent() {
    let mock = mock().await;
    let client = Client::new(config(&mock, 3)).unwrap();
    let e = client
        .call(
            "import_task",
            json!({"server": SERVER, "task": TASK, "payload_file": "/no/such/export.json"}),
        )
        .await
        .unwrap_err();
    assert_eq!(e.error_code(), "IO_ERROR", "{e}");
    let e = client
        .call(
            "import_task",
            json!({"server": SERVER, "task": TASK, "payload_file": "/tmp"}),
        )
        .await
        .unwrap_err();
    assert_eq!(e.error_code(), "INVALID_ARGUMENT", "{e}");
    assert!(mock.requests().is_empty(), "no login for a call refused");
    for option in ["connect_timeout_ms", "read_timeout_ms"] {
        let e = ClientConfig::from_json(&json!({
            "url": mock.base_url(), "username": "u", "password": "p", option: 0
        }))
        .unwrap_err();
        assert_eq!(e.error_code(), "INVALID_ARGUMENT", "{option}: {e}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_callers_share_one_renewal_that_is_retried_after_503() {
    let mock = mock().await;
    let client = Client::connect(config(&mock, 3)).await.unwrap();
    mock.expire_sessions();
    mock.clear_requests();
    mock.set_faults(Faults {
        fail_next: BTreeMap::from([("login".to_string(), 2)]),
        error_status: 503,
        ..Faults::default()
    });
    let calls = (0..16).map(|_| {
        let c = client.clone();
        tokio::spawn(async move { c.get_task_details(SERVER, TASK).await })
    });
    for r in futures_util::future::join_all(calls).await {
        r.unwrap()
            .expect("the read survives a renewal that met 503 twice");
    }
    let logins: Vec<_> = reached(&mock, "login")
        .into_iter()
        .map(|r| r.outcome)
        .collect();
    assert_eq!(logins, ["fault", "fault", "answered"], "one shared renewal");
    mock.set_faults(Faults::default());
}

#[tokio::test]
async fn a_renewal_that_keeps_failing_ends_with_the_login_error() {
    let mock = mock().await;
    let client = Client::connect(config(&mock, 2)).await.unwrap();
    mock.expire_sessions();
    mock.set_faults(Faults {
        fail_next: BTreeMap::from([("login".to_string(), 100)]),
        error_status: 503,
        ..Faults::default()
    });
    let e = client.get_task_list(SERVER).await.unwrap_err();
    assert_eq!((e.error_code(), e.http_status()), ("HTTP_ERROR", Some(503)));
    assert_eq!(e.operation(), Some("Login"));
    let logins = reached(&mock, "login").len();
    assert_eq!(
        logins,
        1 + 3,
        "the first login, then one try and two retries"
    );
    mock.set_faults(Faults::default());
}

#[tokio::test]
async fn refused_connections_are_retried_for_every_verb_and_sent_once() {
    let mock = mock().await;
    let client = Client::connect(config(&mock, 3)).await.unwrap();
    let calls = [
        ("get_task_list", json!({"server": SERVER})),
        (
            "put_task_table_selection",
            json!({"server": SERVER, "task": TASK, "payload": {"explicit_included_tables": []}}),
        ),
        (
            "put_server_acl",
            json!({"server": SERVER, "payload": {"admin_role": {"users": [{"name": "QEM\\admin"}]}}}),
        ),
        ("delete_server_acl", json!({"server": SERVER})),
        (
            "patch_endpoint",
            json!({"server": SERVER, "endpoint": "Oracle Source",
                   "payload": [{"op": "replace", "path": "/db_settings/server", "value": "o:1"}]}),
        ),
        (
            "stop_task",
            json!({"server": SERVER, "task": TASK, "timeout": 0}),
        ),
    ];
    for (method, args) in calls {
        mock.clear_requests();
        let before = mock.stats()["refused_connections"].as_u64().unwrap();
        mock.set_faults(Faults {
            refuse_connections: 2,
            ..Faults::default()
        });
        tokio::time::sleep(Duration::from_millis(50)).await;
        let result = client.call(method, args).await;
        let refused = mock.stats()["refused_connections"].as_u64().unwrap() - before;
        assert_eq!(refused, 2, "{method}: the call met two refused connections");
        // stop_task on a stopped task is the server's own error: it still arrived once.
        if let Err(e) = &result {
            assert_eq!(e.error_code(), "AEM_TASK_ALREADY_STOPPED", "{method}: {e}");
        }
        let sent = reached(&mock, method);
        assert_eq!(sent.len(), 1, "{method} reached the server once: {sent:?}");
    }
    mock.set_faults(Faults::default());
}

#[tokio::test]
async fn lost_answers_repeat_reads_and_never_state_changes() {
    let mock = mock().await;
    let client = Client::connect(config(&mock, 3)).await.unwrap();
    mock.set_faults(Faults {
        lose_rate: 1.0,
        ..Faults::default()
    });
    let e = client.get_server_list().await.unwrap_err();
    assert_eq!(e.error_code(), "CONNECTION_ERROR", "{e}");
    let gets = reached(&mock, "get_server_list").len();
    assert_eq!(gets, 4, "a read is tried once and retried three times");
    for (method, args) in [
        (
            "run_task",
            json!({"server": SERVER, "task": TASK, "option": "RESUME_PROCESSING", "timeout": 0}),
        ),
        (
            "put_server_acl",
            json!({"server": SERVER, "payload": {"admin_role": {"users": []}}}),
        ),
        (
            "patch_endpoint",
            json!({"server": SERVER, "endpoint": "Delta Target",
                   "payload": [{"op": "replace", "path": "/db_settings/host", "value": "h"}]}),
        ),
        ("delete_server_acl", json!({"server": SERVER})),
    ] {
        mock.clear_requests();
        let e = client.call(method, args).await.unwrap_err();
        assert_eq!(e.error_code(), "CONNECTION_ERROR", "{method}: {e}");
        assert_eq!(
            reached(&mock, method).len(),
            1,
            "{method} is never sent again"
        );
    }
    mock.set_faults(Faults::default());
}

#[tokio::test]
async fn saml_login_posts_the_message_and_renews_with_it() {
    use base64::Engine as _;
    let mock = mock().await;
    let xml = r#"<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"><saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"><saml:Subject><saml:NameID>samluser@qem.example</saml:NameID></saml:Subject></saml:Assertion></samlp:Response>"#;
    let message = base64::engine::general_purpose::STANDARD.encode(xml);
    let mut c = config(&mock, 3);
    c.credentials = Credentials::Saml(message.clone());
    assert!(!format!("{c:?}").contains(&message), "never shown");
    let client = Client::connect(c).await.unwrap();
    mock.expire_sessions();
    client.get_task_list(SERVER).await.unwrap();
    let logins = reached(&mock, "login");
    assert_eq!(logins.len(), 2);
    for l in &logins {
        assert_eq!(l.method, "POST");
        assert_eq!(l.body_len, message.len());
        let header = |k: &str| {
            l.headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(k))
                .map(|(_, v)| v.as_str())
        };
        assert_eq!(header("authorization"), None);
        assert_eq!(
            header("content-type"),
            Some("application/x-www-form-urlencoded")
        );
    }
    // A message naming nobody the server knows is refused.
    let mut c = config(&mock, 0);
    let stranger = xml.replace("samluser@qem.example", "nobody@elsewhere.example");
    c.credentials = Credentials::Saml(base64::engine::general_purpose::STANDARD.encode(stranger));
    let e = Client::connect(c).await.unwrap_err();
    assert_eq!(e.error_code(), "UNAUTHORIZED_REQUEST", "{e}");
}

/// Many tasks share one client for a few thousand mixed calls while the mock injects
/// 503s, dropped connections, lost answers and latency and ends every session a quarter
/// second after its login. No read may fail and no state change may happen twice.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn soak_under_faults_loses_no_read_and_repeats_no_change() {
    let mock = mock().await;
    let mut state = mock.state();
    state["settings"]["request_log_size"] = json!(100_000);
    mock.set_state(state).unwrap();
    let client = Client::new(config(&mock, 8)).unwrap();
    mock.set_faults(Faults {
        latency_ms: 1,
        error_rate: 0.05,
        error_status: 503,
        drop_rate: 0.02,
        lose_rate: 0.02,
        session_max_age_ms: 250,
        seed: 11,
        ..Faults::default()
    });
    let started = Instant::now();
    let deadline = started + Duration::from_secs(8);
    let workers = (0..16).map(|w| {
        let c = client.clone();
        tokio::spawn(async move {
            let mut reads = 0u32;
            let mut changes: Vec<(String, bool, bool)> = vec![];
            let mut failures: Vec<String> = vec![];
            let mut i = 0;
            while Instant::now() < deadline && i < 400 {
                let read = match i % 3 {
                    0 => c.get_task_details(SERVER, TASK).await.map(|_| ()),
                    1 => c.get_task_list(SERVER).await.map(|_| ()),
                    _ => c.get_server_list().await.map(|_| ()),
                };
                reads += 1;
                if let Err(e) = read {
                    failures.push(e.to_string());
                }
                if i % 4 == 0 {
                    let name = format!("soak-{w}-{i}");
                    let cloned = c
                        .call(
                            "clone_task",
                            json!({"server": SERVER, "task": TASK, "payload": {"new_task_name": name}}),
                        )
                        .await
                        .is_ok();
                    let deleted = cloned
                        && c.call("delete_task", json!({"server": SERVER, "task": name}))
                            .await
                            .is_ok();
                    changes.push((name, cloned, deleted));
                }
                i += 1;
            }
            (reads, changes, failures)
        })
    });
    let mut reads = 0;
    let mut changes = vec![];
    let mut failures = vec![];
    for r in futures_util::future::join_all(workers).await {
        let (n, c, f) = r.unwrap();
        reads += n;
        changes.extend(c);
        failures.extend(f);
    }
    mock.set_faults(Faults::default());
    assert!(failures.is_empty(), "reads failed: {failures:?}");

    // Applied, from the audit trail: each change that succeeded happened once, and none
    // happened twice.
    let audit = mock.state()["audit_trail"].clone();
    let mut applied: HashMap<(String, String), usize> = HashMap::new();
    for e in audit.as_array().unwrap() {
        let key = (
            e["action"].as_str().unwrap().to_string(),
            e["object"].as_str().unwrap().to_string(),
        );
        *applied.entry(key).or_default() += 1;
    }
    let count = |action: &str, name: &str| {
        applied
            .get(&(action.to_string(), name.to_string()))
            .copied()
            .unwrap_or(0)
    };
    let applied_twice: Vec<&String> = changes
        .iter()
        .filter(|(name, cloned, deleted)| {
            let (c, d) = (count("CloneTask", name), count("DeleteTask", name));
            c > 1 || d > 1 || (*cloned && c != 1) || (*deleted && d != 1)
        })
        .map(|(name, _, _)| name)
        .collect();
    // Sent, from the request log: every clone (the name is in its body) and every delete
    // (in its URL) reached the server as at most one request that may have acted. A
    // request answered 440 (expired session), 503 (injected before processing) or
    // dropped before processing did not act, and may be followed by one that does.
    let mut sent: HashMap<(String, String), usize> = HashMap::new();
    for r in mock.requests() {
        let acted = matches!(r.outcome.as_str(), "answered" | "lost") && r.status != Some(440);
        let name = match r.operation.as_deref() {
            Some("clone_task") => r.names.get("new_task_name"),
            Some("delete_task") => r.names.get("task"),
            _ => None,
        };
        if let (Some(name), true) = (name, acted) {
            let key = (r.operation.clone().unwrap(), name.clone());
            *sent.entry(key).or_default() += 1;
        }
    }
    let sent_twice: Vec<_> = sent.iter().filter(|(_, n)| **n > 1).collect();
    assert!(applied_twice.is_empty(), "applied twice: {applied_twice:?}");
    assert!(sent_twice.is_empty(), "sent twice: {sent_twice:?}");
    let clones_logged = sent.keys().filter(|(op, _)| op == "clone_task").count();
    assert!(
        clones_logged * 10 >= changes.len() * 9,
        "the log holds the clones: {clones_logged} of {}",
        changes.len()
    );
    let stats = mock.stats();
    for k in ["faulted", "dropped", "lost", "expired_sessions"] {
        assert!(stats[k].as_u64().unwrap() > 0, "no {k}: {stats}");
    }
    assert!(stats["logins"].as_u64().unwrap() > 5, "{stats}");
    let figures = format!(
        "soak (Rust): {} calls ({reads} reads, {} clone/delete pairs) by 16 tasks on one client in {:.1} s; {} requests, {} x 503, {} dropped, {} lost, {} sessions expired, {} logins; read failures 0, state changes failed {} (never repeated), sent twice {}, applied twice {}",
        reads as usize + changes.len() * 2,
        changes.len(),
        started.elapsed().as_secs_f64(),
        stats["requests"],
        stats["faulted"],
        stats["dropped"],
        stats["lost"],
        stats["expired_sessions"],
        stats["logins"],
        changes.iter().filter(|(_, c, d)| !c || !d).count(),
        sent_twice.len(),
        applied_twice.len(),
    );
    println!("{figures}");
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/soak-rust.txt");
    let _ = std::fs::write(out, format!("{figures}\n"));
    client.close().await.unwrap();
}

/// A TCP relay to the mock on a port of its own, which can stop listening (and drop
/// its connections) and start again on the same port.
struct Relay {
    port: u16,
    accept: tokio::task::JoinHandle<()>,
    conns: std::sync::Arc<std::sync::Mutex<Vec<tokio::task::JoinHandle<()>>>>,
}

impl Relay {
    async fn start(port: u16, to: std::net::SocketAddr) -> Relay {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
            .await
            .unwrap();
        let port = listener.local_addr().unwrap().port();
        let conns = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let held = conns.clone();
        let accept = tokio::spawn(async move {
            while let Ok((mut inbound, _)) = listener.accept().await {
                let task = tokio::spawn(async move {
                    if let Ok(mut out) = tokio::net::TcpStream::connect(to).await {
                        let _ = tokio::io::copy_bidirectional(&mut inbound, &mut out).await;
                    }
                });
                held.lock().unwrap().push(task);
            }
        });
        Relay {
            port,
            accept,
            conns,
        }
    }

    /// Stops listening and closes every relayed connection.
    fn stop(self) {
        self.accept.abort();
        for t in self.conns.lock().unwrap().drain(..) {
            t.abort();
        }
    }
}

/// A connection that could not be made sent nothing, so even a state change is tried
/// again, and reaches the server once: the relay stops listening after the login and
/// listens again while the call is being retried.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_connection_is_tried_again_even_for_a_state_change() {
    let mock = mock().await;
    mock.set_state(json!({"settings": {"run_delay_ms": 20}}))
        .unwrap();
    let relay = Relay::start(0, mock.addr()).await;
    let port = relay.port;
    let mut c = ClientConfig::new(
        format!("https://127.0.0.1:{port}/attunityenterprisemanager"),
        Credentials::active_directory("QEM\\admin", "admin-pass"),
    )
    .ca_pem(mock.ca_cert_pem().unwrap());
    c.retry = RetryPolicy {
        max_retries: 8,
        base_delay: Duration::from_millis(100),
        max_delay: Duration::from_millis(100),
    };
    let client = Client::connect(c).await.unwrap();
    relay.stop();
    // Let the pool see its idle connection closed (as it does between calls).
    tokio::time::sleep(Duration::from_millis(200)).await;
    mock.clear_requests();
    let to = mock.addr();
    let back = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(250)).await;
        Relay::start(port, to).await
    });
    let answer = client
        .run_task(
            SERVER,
            TASK,
            qem_core::models::RunTaskOptions::ResumeProcessing,
            None,
            Some(0),
        )
        .await;
    let relay = back.await.unwrap();
    answer.expect("the run reached the server once the relay listened again");
    assert_eq!(reached(&mock, "run_task").len(), 1, "sent once");
    relay.stop();
}

#[tokio::test]
async fn a_port_nobody_listens_on_is_tried_again_for_the_login() {
    // Bind, learn a free port, close it: connections to it are refused.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut c = ClientConfig::new(
        format!("https://127.0.0.1:{port}/attunityenterprisemanager"),
        Credentials::active_directory("QEM\\admin", "admin-pass"),
    );
    c.retry = RetryPolicy {
        max_retries: 2,
        base_delay: Duration::from_millis(100),
        max_delay: Duration::from_millis(100),
    };
    let client = Client::new(c).unwrap();
    let started = Instant::now();
    let e = client.stop_task(SERVER, TASK, Some(0)).await.unwrap_err();
    assert_eq!(e.error_code(), "CONNECTION_ERROR", "{e}");
    assert!(e.is_unsent(), "a refused connection sent nothing: {e}");
    // The login (first) was tried three times, 100 ms apart at least.
    assert!(started.elapsed() >= Duration::from_millis(200), "retried");
}
