//! What the shared cases cannot express: concurrent session renewal, retries against
//! injected faults, refusal to repeat state-changing calls, streaming, redaction,
//! timeouts and undecodable answers.

use qem_core::models::{RunTaskOptions, TaskState};
use qem_core::{Client, ClientConfig, Credentials, RetryPolicy};
use qem_mock::{Faults, MockConfig, MockServer};
use serde_json::json;
use std::time::Duration;

const SERVER: &str = "Local Server";
const TASK: &str = "SalesDBBackup";

async fn mock() -> MockServer {
    MockServer::start(MockConfig::default())
        .await
        .expect("mock starts")
}

fn config(mock: &MockServer) -> ClientConfig {
    let mut c = ClientConfig::new(
        mock.base_url(),
        Credentials::active_directory("QEM\\admin", "admin-pass"),
    )
    .ca_pem(mock.ca_cert_pem().expect("TLS mock has a certificate"));
    c.retry = RetryPolicy {
        max_retries: 3,
        base_delay: Duration::from_millis(5),
        max_delay: Duration::from_millis(20),
    };
    c
}

fn logins(mock: &MockServer) -> usize {
    mock.requests()
        .iter()
        .filter(|r| r.path.ends_with("/login"))
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_calls_share_one_renewal() {
    let mock = mock().await;
    let client = Client::connect(config(&mock)).await.unwrap();
    assert_eq!(logins(&mock), 1);
    mock.expire_sessions();
    let calls = (0..32).map(|_| {
        let c = client.clone();
        tokio::spawn(async move { c.get_task_details(SERVER, TASK).await })
    });
    for r in futures_util::future::join_all(calls).await {
        r.unwrap().expect("renewed transparently");
    }
    assert_eq!(
        logins(&mock),
        2,
        "32 calls after expiry renewed the session exactly once"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn calls_queued_behind_the_wire_bound_send_the_session_current_when_they_go() {
    // Sessions end 150 ms after their login, one request is on the wire at a time and
    // each takes 10 ms: the last of 40 calls waits about 400 ms for its turn. A token
    // taken before that wait would be dead on arrival, renewal after renewal; the
    // token a call sends is the one current when it reaches the wire.
    let mock = mock().await;
    let mut cfg = config(&mock);
    cfg.max_concurrent_requests = 1;
    let client = Client::connect(cfg).await.unwrap();
    mock.set_faults(Faults {
        latency_ms: 10,
        session_max_age_ms: 150,
        ..Faults::default()
    });
    let calls = (0..40).map(|_| {
        let c = client.clone();
        tokio::spawn(async move { c.get_task_list(SERVER).await })
    });
    let failed: Vec<_> = futures_util::future::join_all(calls)
        .await
        .into_iter()
        .filter_map(|r| r.unwrap().err())
        .collect();
    assert!(
        failed.is_empty(),
        "{} failed: {:?}",
        failed.len(),
        failed.first()
    );
    assert!(
        logins(&mock) > 2,
        "sessions ended and were renewed meanwhile"
    );
}

#[tokio::test]
async fn a_second_session_failure_surfaces() {
    let mock = mock().await;
    let state = mock.state();
    let client = Client::connect(config(&mock)).await.unwrap();
    // Every session is dead on arrival: the one renewal cannot help.
    mock.set_state({
        let mut s = state.clone();
        s["settings"]["session_idle_seconds"] = json!(0);
        s
    })
    .unwrap();
    let err = client.get_task_list(SERVER).await.unwrap_err();
    assert_eq!(err.error_code(), "INVALID_SESSION_ID");
}

#[tokio::test]
async fn reads_are_retried_after_5xx_but_runs_are_not() {
    let mock = mock().await;
    let client = Client::connect(config(&mock)).await.unwrap();
    mock.set_faults(Faults {
        error_rate: 0.5,
        error_status: 503,
        seed: 7,
        ..Faults::default()
    });
    // With half the answers failing and three retries, reads nearly always succeed.
    let mut ok = 0;
    for _ in 0..20 {
        if client.get_task_list(SERVER).await.is_ok() {
            ok += 1;
        }
    }
    assert!(ok >= 15, "only {ok} of 20 reads succeeded through retries");

    mock.set_faults(Faults {
        error_rate: 1.0,
        error_status: 503,
        seed: 7,
        ..Faults::default()
    });
    let before = mock.requests().len();
    let err = client
        .run_task(
            SERVER,
            TASK,
            RunTaskOptions::ResumeProcessing,
            None,
            Some(5),
        )
        .await
        .unwrap_err();
    assert_eq!(err.http_status(), Some(503));
    assert_eq!(err.error_code(), "HTTP_ERROR");
    assert_eq!(err.operation(), Some("RunTask"));
    let runs = mock.requests()[before..]
        .iter()
        .filter(|r| r.method == "POST")
        .count();
    assert_eq!(runs, 1, "a run is sent once, never retried");
    mock.set_faults(Faults::default());
}

#[tokio::test]
async fn dropped_connections_are_connection_errors_for_writes() {
    let mock = mock().await;
    let client = Client::connect(config(&mock)).await.unwrap();
    mock.set_faults(Faults {
        drop_rate: 1.0,
        seed: 3,
        ..Faults::default()
    });
    let err = client.stop_task(SERVER, TASK, Some(1)).await.unwrap_err();
    assert_eq!(err.error_code(), "CONNECTION_ERROR", "{err}");
    mock.set_faults(Faults::default());
}

#[tokio::test]
async fn slow_answers_hit_the_read_timeout() {
    let mock = mock().await;
    let mut cfg = config(&mock);
    cfg.connect_timeout = Duration::from_millis(200);
    cfg.read_timeout = Duration::from_millis(200);
    cfg.retry.max_retries = 0;
    let client = Client::connect(cfg).await.unwrap();
    mock.set_faults(Faults {
        latency_ms: 1500,
        ..Faults::default()
    });
    let err = client.get_server_list().await.unwrap_err();
    assert_eq!(err.error_code(), "TIMEOUT", "{err}");
    mock.set_faults(Faults::default());
}

#[tokio::test]
async fn wrong_password_and_untrusted_certificate() {
    let mock = mock().await;
    let mut cfg = config(&mock);
    cfg.credentials = Credentials::active_directory("QEM\\admin", "not-the-password");
    let err = Client::connect(cfg).await.unwrap_err();
    assert_eq!(
        (err.error_code(), err.http_status()),
        ("UNAUTHORIZED_REQUEST", Some(401))
    );
    assert!(!err.to_string().contains("not-the-password"));

    let mut cfg = config(&mock);
    cfg.ca_pem = None;
    let err = Client::connect(cfg.clone()).await.unwrap_err();
    assert_eq!(err.error_code(), "TLS_ERROR", "{err}");
    // The guide's verify_certificate=False accepts the self-signed certificate.
    Client::connect(cfg.verify_certificate(false))
        .await
        .expect("verification off");
}

#[tokio::test]
async fn secrets_never_show() {
    let mock = mock().await;
    let secret = "s3cr3t-P@ss";
    let cfg = ClientConfig::new(
        mock.base_url(),
        Credentials::active_directory("QEM\\nobody", secret),
    );
    let shown = format!("{cfg:?}");
    assert!(!shown.contains(secret), "{shown}");
    let client = Client::new(cfg.ca_pem(mock.ca_cert_pem().unwrap())).unwrap();
    assert!(!format!("{client:?}").contains(secret));
    let err = client.get_server_list().await.unwrap_err();
    assert!(!format!("{err} {err:?}").contains(secret));
    for t in [
        Credentials::ApiToken(secret.into()),
        Credentials::Jwt(secret.into()),
    ] {
        assert!(!format!("{t:?}").contains(secret));
    }
}

#[tokio::test]
async fn export_streams_to_a_file_and_imports_back() {
    let mock = mock().await;
    let client = Client::connect(config(&mock)).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("task.json");
    let n = client
        .export_task_to_file(SERVER, TASK, Some(true), &path)
        .await
        .unwrap();
    assert_eq!(n, std::fs::metadata(&path).unwrap().len());
    let streamed = std::fs::read_to_string(&path).unwrap();
    let doc = qem_core::parse_document(&streamed).unwrap();
    assert!(doc["cmd.replication_definition"]["tasks"].is_array());
    // `raw` answers the server's text unchanged, for callers that store it as is.
    let raw = client
        .call(
            "ExportTask",
            json!({"server": SERVER, "task": TASK, "withendpoints": true, "raw": true}),
        )
        .await
        .unwrap();
    // The mock stamps each export's name with the time, so compare the bodies.
    let raw = raw.as_str().expect("raw exports are text");
    assert_eq!(raw.len(), streamed.len());
    let reparsed = qem_core::parse_document(raw).unwrap();
    assert_eq!(
        reparsed["cmd.replication_definition"],
        doc["cmd.replication_definition"]
    );
    let err = client
        .call("GetTaskList", json!({"server": SERVER, "raw": true}))
        .await
        .unwrap_err();
    assert_eq!(err.error_code(), "INVALID_ARGUMENT", "{err}");
    client.delete_task(SERVER, TASK, None).await.unwrap();
    client
        .import_task_from_file(SERVER, TASK, &path)
        .await
        .unwrap();
    let details = client.get_task_details(SERVER, TASK).await.unwrap();
    assert_eq!(details.name.as_deref(), Some(TASK));
    // A failing export leaves no file behind.
    let missing = dir.path().join("missing.json");
    let err = client
        .export_task_to_file(SERVER, "no such task", None, &missing)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), qem_core::ErrorKind::NotFound, "{err}");
    assert!(!missing.exists());
}

#[tokio::test]
async fn wait_helpers_follow_the_state_machine() {
    let mock = mock().await;
    let client = Client::connect(config(&mock)).await.unwrap();
    let wait = qem_core::WaitOptions::new(Duration::from_secs(20), Duration::from_millis(50));
    let d = client
        .run_task_and_wait(SERVER, TASK, RunTaskOptions::ResumeProcessing, None, wait)
        .await
        .unwrap();
    assert_eq!(d.state, Some(TaskState::Running));
    let d = client.stop_task_and_wait(SERVER, TASK, wait).await.unwrap();
    assert_eq!(d.state, Some(TaskState::Stopped));
    let short = qem_core::WaitOptions::new(Duration::from_millis(120), Duration::from_millis(40));
    let err = client
        .wait_for_task_state(SERVER, TASK, &[TaskState::Running], short)
        .await
        .unwrap_err();
    assert_eq!(err.error_code(), "WAIT_TIMEOUT");
}

#[tokio::test]
async fn generic_entry_rejects_bad_calls_without_sending() {
    let mock = mock().await;
    let client = Client::connect(config(&mock)).await.unwrap();
    let before = mock.requests().len();
    for (method, args) in [
        ("no_such_method", json!({})),
        ("get_task_list", json!("not an object")),
        ("get_task_list", json!({"server": 5})),
        ("get_task_list", json!({"server": "s", "bogus": 1})),
        (
            "stop_task",
            json!({"server": "s", "task": "t", "timeout": -3}),
        ),
        (
            "run_task",
            json!({"server": "s", "task": "t", "option": "RECOVER_USING_CHECKPOINT_STORED_ON_TARGET"}),
        ),
    ] {
        let err = client.call(method, args).await.unwrap_err();
        assert_eq!(err.error_code(), "INVALID_ARGUMENT", "{method}: {err}");
        assert!(!err.message().is_empty());
    }
    assert_eq!(mock.requests().len(), before, "nothing was sent");
}

#[tokio::test]
async fn closed_clients_refuse_calls() {
    let mock = mock().await;
    let client = Client::connect(config(&mock)).await.unwrap();
    client.close().await.unwrap();
    let err = client.get_server_list().await.unwrap_err();
    assert_eq!(err.error_code(), "CLIENT_CLOSED");
    assert!(mock.requests().iter().any(|r| r.path.ends_with("/logout")));
}

#[tokio::test]
async fn names_reach_the_server_encoded_once() {
    let mock = mock().await;
    let client = Client::connect(config(&mock)).await.unwrap();
    let _ = client.get_task_details("a b/c?d#e%f", "x+y").await;
    let last = mock.requests().into_iter().last().unwrap();
    assert_eq!(
        last.path,
        "/attunityenterprisemanager/api/v1/servers/a%20b%2Fc%3Fd%23e%25f/tasks/x%2By"
    );
}

#[test]
fn clients_are_send_sync_and_cheap_to_clone() {
    fn assert_send_sync_clone<T: Send + Sync + Clone + 'static>() {}
    assert_send_sync_clone::<Client>();
    assert_send_sync_clone::<qem_core::blocking::Client>();
    assert_send_sync_clone::<qem_core::Error>();
}

#[test]
fn the_blocking_client_shares_one_session_across_threads() {
    let mock = MockServer::start_background(MockConfig::default()).unwrap();
    let client = qem_core::blocking::Client::connect(config(&mock)).unwrap();
    std::thread::scope(|s| {
        for _ in 0..8 {
            let c = client.clone();
            s.spawn(move || {
                for _ in 0..10 {
                    c.get_task_details(SERVER, TASK).unwrap();
                }
            });
        }
    });
    assert_eq!(logins(&mock), 1);
}

/// A blocking call is carried by its own thread (runtime and connections); a thread
/// that ends takes them with it, so short-lived threads leave no descriptor behind.
#[test]
fn threads_that_end_leave_no_runtime_or_connection_behind() {
    let mock = MockServer::start_background(MockConfig::default()).unwrap();
    let client = qem_core::blocking::Client::connect(config(&mock)).unwrap();
    let fds = || std::fs::read_dir("/proc/self/fd").unwrap().count();
    let one_thread = || {
        let c = client.clone();
        std::thread::spawn(move || c.get_task_details(SERVER, TASK).map(drop))
            .join()
            .unwrap()
            .unwrap();
    };
    one_thread();
    let before = fds();
    for _ in 0..20 {
        one_thread();
    }
    // Each thread opened a socket, an event queue and its wake-up descriptor.
    assert!(
        fds() <= before + 2,
        "{} descriptors, {before} before",
        fds()
    );
    assert_eq!(logins(&mock), 1);
}

/// A blocking call made from async code (inside `block_in_place`) cannot drive its own
/// runtime there; it is carried by the shared one instead.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_blocking_call_inside_async_code_still_answers() {
    let mock = mock().await;
    let client = qem_core::blocking::Client::new(config(&mock)).unwrap();
    let c = client.clone();
    let details = tokio::task::block_in_place(move || c.get_task_details(SERVER, TASK));
    assert!(details.is_ok(), "{details:?}");
    // And the same client from a plain thread afterwards.
    let c = client.clone();
    std::thread::spawn(move || c.get_task_details(SERVER, TASK).map(drop))
        .join()
        .unwrap()
        .unwrap();
}

#[tokio::test]
async fn requests_on_the_wire_are_bounded_per_client() {
    let mock = mock().await;
    let mut c = config(&mock);
    c.max_concurrent_requests = 4;
    let client = Client::connect(c).await.unwrap();
    mock.set_faults(Faults {
        latency_ms: 20,
        ..Faults::default()
    });
    mock.reset_stats();
    let calls = (0..40).map(|_| client.get_task_details(SERVER, TASK));
    for r in futures_util::future::join_all(calls).await {
        r.unwrap();
    }
    let peak = mock.peak_in_flight();
    // Calls overlapped (the limit was reached) but never exceeded it.
    assert!((2..=4).contains(&peak), "peak {peak}");
    mock.set_faults(Faults::default());
    // An invalid limit is refused up front.
    let err = ClientConfig::from_json(&json!({
        "url": mock.base_url(), "api_token": "t", "max_concurrent_requests": 0
    }))
    .unwrap_err();
    assert_eq!(err.error_code(), "INVALID_ARGUMENT");
}

/// The builder is held to what the JSON options are: zero timeouts refused before
/// anything is sent, retries capped at the same bound.
#[test]
fn builder_settings_are_checked_like_json_options() {
    let base = || {
        ClientConfig::new(
            "https://127.0.0.1:1/attunityenterprisemanager",
            Credentials::active_directory("QEM\\admin", "admin-pass"),
        )
    };
    for (connect, read) in [(0, 1000), (1000, 0)] {
        let cfg = base().timeouts(Duration::from_millis(connect), Duration::from_millis(read));
        let Err(e) = Client::new(cfg) else {
            panic!("a zero timeout is refused")
        };
        assert_eq!(e.error_code(), "INVALID_ARGUMENT", "{e}");
    }
    let mut cfg = base();
    cfg.max_concurrent_requests = 0;
    assert_eq!(
        Client::new(cfg).err().unwrap().error_code(),
        "INVALID_ARGUMENT"
    );
    let cfg = base().retry(RetryPolicy {
        max_retries: 1000,
        ..RetryPolicy::default()
    });
    let client = Client::new(cfg).unwrap();
    assert_eq!(client.config().retry.max_retries, qem_core::MAX_RETRIES);
    let from_json = ClientConfig::from_json(&json!({
        "url": "https://127.0.0.1:1/attunityenterprisemanager",
        "username": "QEM\\admin", "password": "x", "max_retries": 1000
    }))
    .unwrap();
    assert_eq!(from_json.retry.max_retries, qem_core::MAX_RETRIES);
}
