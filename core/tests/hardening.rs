//! Hardening (issue 11): no name reaches another method, local mistakes are refused
//! before anything is sent, the retry rules hold for every verb, renewals survive
//! transient faults, and a soak under faults changes nothing twice.

use qem_core::{Client, ClientConfig, Credentials, RetryPolicy};
use qem_mock::{Faults, MockConfig, MockServer};
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::time::{Duration, Instant};

const SERVER: &str = "Local Server";
const TASK: &str = "SalesDBBackup";

async fn mock() -> MockServer {
    MockServer::start(MockConfig::default())
        .await
        .expect("mock starts")
}

fn config(mock: &MockServer, max_retries: u32) -> ClientConfig {
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
fn reached(mock: &MockServer, operation: &str) -> Vec<qem_mock::RecordedRequest> {
    mock.requests()
        .into_iter()
        .filter(|r| r.operation.as_deref() == Some(operation))
        .collect()
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
    for name in op["args"].as_array().expect("args") {
        let name = name.as_str().expect("a name");
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
    let ops = client.service().describe();
    let mut checked = 0;
    for op in ops.as_array().expect("operations") {
        let method = op["method"].as_str().unwrap();
        for arg in ["server", "task", "endpoint"] {
            if !op["args"].as_array().unwrap().iter().any(|a| a == arg) {
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
    // 32 operations have names; every one of them was tried with every name.
    assert!(checked > 1000, "only {checked} calls checked");
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

    let audit = mock.state()["audit_trail"].clone();
    let mut applied: HashMap<(String, String), usize> = HashMap::new();
    for e in audit.as_array().unwrap() {
        let key = (
            e["action"].as_str().unwrap().to_string(),
            e["object"].as_str().unwrap().to_string(),
        );
        *applied.entry(key).or_default() += 1;
    }
    for (name, cloned, deleted) in &changes {
        let clones = applied
            .get(&("CloneTask".into(), name.clone()))
            .copied()
            .unwrap_or(0);
        let deletes = applied
            .get(&("DeleteTask".into(), name.clone()))
            .copied()
            .unwrap_or(0);
        assert!(clones <= 1 && deletes <= 1, "{name} applied twice");
        if *cloned {
            assert_eq!(clones, 1, "{name}: a clone that succeeded happened once");
        }
        if *deleted {
            assert_eq!(deletes, 1, "{name}: a delete that succeeded happened once");
        }
    }
    // The request log: a delete (its task is in the URL) was sent again only after the
    // server answered that the session had expired, which means it did not act.
    let mut sent: HashMap<String, usize> = HashMap::new();
    for r in mock.requests() {
        let resent_after_expiry = r.outcome == "answered" && r.status == Some(440);
        if r.operation.as_deref() == Some("delete_task") && !resent_after_expiry {
            *sent.entry(r.names["task"].clone()).or_default() += 1;
        }
    }
    if let Some((name, n)) = sent.iter().find(|(_, n)| **n > 1) {
        panic!("{name} was deleted by {n} requests that may have acted");
    }
    assert!(
        sent.len() > 100,
        "the log holds the deletes: {}",
        sent.len()
    );
    let stats = mock.stats();
    for k in ["faulted", "dropped", "lost", "expired_sessions"] {
        assert!(stats[k].as_u64().unwrap() > 0, "no {k}: {stats}");
    }
    assert!(stats["logins"].as_u64().unwrap() > 5, "{stats}");
    let figures = format!(
        "soak (Rust): {} calls ({reads} reads, {} clone/delete pairs) by 16 tasks on one client in {:.1} s; {} requests, {} x 503, {} dropped, {} lost, {} sessions expired, {} logins; read failures 0, state changes failed {} (never repeated), applied twice 0",
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
    );
    println!("{figures}");
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/soak-rust.txt");
    let _ = std::fs::write(out, format!("{figures}\n"));
    client.close().await.unwrap();
}

#[tokio::test]
async fn a_port_nobody_listens_on_is_tried_again_even_for_a_state_change() {
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
