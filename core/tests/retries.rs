//! The retry rules row by row (README, "What is retried, what never is"): timeouts,
//! answers that break off mid-body, 429 with `Retry-After`, and the time budget of one
//! call. Each test counts what reached the mock.

mod common;

use common::{arrivals, config, SERVER, TASK};
use qem_core::{CallOptions, Client};
use qem_mock::{Faults, MockConfig, MockServer};
use serde_json::json;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

async fn mock() -> MockServer {
    let mock = MockServer::start(MockConfig::default())
        .await
        .expect("mock starts");
    // A task whose export is far larger than the client's first buffer (8 KB).
    let mut state = json!({});
    let world = mock.state();
    state["servers"] = world["servers"].clone();
    state["servers"][0]["tasks"][0]["padding_bytes"] = json!(300_000);
    state["settings"] = json!({"run_delay_ms": 20, "stop_delay_ms": 20});
    mock.set_state(state).unwrap();
    mock
}

/// (outcome, status) of the logged requests that reached `operation`.
fn reached(mock: &MockServer, operation: &str) -> Vec<(String, Option<u16>)> {
    common::reached(mock, operation)
        .into_iter()
        .map(|r| (r.outcome, r.status))
        .collect()
}

/// A client logged in with connect and read timeouts of `timeout_ms` (and `total`,
/// when given), then a mock answering every request after `latency_ms`: each attempt
/// times out.
async fn timing_out(
    mock: &MockServer,
    max_retries: u32,
    timeout_ms: u64,
    total: Option<Duration>,
    latency_ms: u64,
) -> Client {
    let mut cfg = config(mock, max_retries);
    cfg.connect_timeout = Duration::from_millis(timeout_ms);
    cfg.read_timeout = Duration::from_millis(timeout_ms);
    if let Some(total) = total {
        cfg.total_timeout = total;
    }
    let client = Client::connect(cfg).await.unwrap();
    mock.set_faults(Faults {
        latency_ms,
        ..Faults::default()
    });
    client
}

fn next(op: &str, n: u64) -> BTreeMap<String, u64> {
    BTreeMap::from([(op.to_string(), n)])
}

/// An export whose answer breaks off after 64 KB is read again from the start: to
/// memory, to a file (truncated first, so the file holds one whole document), and
/// through the generic entry with `file`.
#[tokio::test]
async fn an_answer_broken_mid_body_is_read_again_from_the_start() {
    let mock = mock().await;
    let client = Client::connect(config(&mock, 3)).await.unwrap();
    let whole = client.export_task(SERVER, TASK, None).await.unwrap();
    assert!(whole.len() > 300_000, "{}", whole.len());
    let dir = std::env::temp_dir().join(format!("qem-retries-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("export.json");

    mock.clear_requests();
    mock.set_faults(Faults {
        break_next: next("export_task", 1),
        ..Faults::default()
    });
    assert_eq!(client.export_task(SERVER, TASK, None).await.unwrap(), whole);
    let want = vec![
        ("broken".to_string(), Some(200)),
        ("answered".to_string(), Some(200)),
    ];
    assert_eq!(reached(&mock, "export_task"), want);

    for generic in [false, true] {
        mock.clear_requests();
        mock.set_faults(Faults {
            break_next: next("export_task", 1),
            ..Faults::default()
        });
        let written = if generic {
            let args = json!({"server": SERVER, "task": TASK, "file": path.to_str().unwrap()});
            let v = client.call("export_task", args).await.unwrap();
            v["bytes"].as_u64().unwrap()
        } else {
            client
                .export_task_to_file(SERVER, TASK, None, &path)
                .await
                .unwrap()
        };
        assert_eq!(written as usize, whole.len());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), whole);
        assert_eq!(reached(&mock, "export_task"), want);
    }
    // Without retries left, the break reaches the caller as a connection error.
    let client0 = Client::connect(config(&mock, 0)).await.unwrap();
    mock.set_faults(Faults {
        break_next: next("export_task", 1),
        ..Faults::default()
    });
    let e = client0.export_task(SERVER, TASK, None).await.unwrap_err();
    assert_eq!(e.error_code(), "CONNECTION_ERROR", "{e}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A read that timed out is sent again (it changed nothing); a state change that timed
/// out is not (it may have happened).
#[tokio::test]
async fn a_read_that_timed_out_is_retried_and_a_state_change_is_not() {
    let mock = mock().await;
    let client = timing_out(&mock, 2, 150, None, 700).await;
    // These answers never end, so the log never holds them: count arrivals.
    let arrived = || arrivals(&mock);
    let before = arrived();
    let e = client.get_task_list(SERVER).await.unwrap_err();
    assert_eq!(e.error_code(), "TIMEOUT", "{e}");
    assert_eq!(arrived() - before, 3, "a read is sent 1 + 2 times");
    let before = arrived();
    let e = client.stop_task(SERVER, TASK, Some(0)).await.unwrap_err();
    assert_eq!(e.error_code(), "TIMEOUT", "{e}");
    assert_eq!(arrived() - before, 1, "a state change is sent once");
    mock.set_faults(Faults::default());
}

/// 429 means the server refused without acting: any verb is sent again after the
/// server's `Retry-After`; a wait that would outlast the call's budget is not made.
#[tokio::test]
async fn a_429_waits_for_retry_after_for_every_verb_within_the_budget() {
    let mock = mock().await;
    let client = Client::connect(config(&mock, 3)).await.unwrap();
    client
        .run_task(
            SERVER,
            TASK,
            qem_core::models::RunTaskOptions::ResumeProcessing,
            None,
            Some(30),
        )
        .await
        .unwrap();
    mock.clear_requests();
    mock.set_faults(Faults {
        error_status: 429,
        retry_after_s: Some(1),
        fail_next: next("stop_task", 1),
        ..Faults::default()
    });
    let started = Instant::now();
    client.stop_task(SERVER, TASK, Some(30)).await.unwrap();
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "waited Retry-After"
    );
    assert_eq!(
        reached(&mock, "stop_task"),
        vec![
            ("fault".to_string(), Some(429)),
            ("answered".to_string(), Some(200))
        ]
    );

    // Retry-After beyond the budget: the 429 reaches the caller at once.
    let mut cfg = config(&mock, 3);
    cfg.total_timeout = Duration::from_millis(500);
    let budget = Client::connect(cfg).await.unwrap();
    mock.clear_requests();
    mock.set_faults(Faults {
        error_status: 429,
        retry_after_s: Some(30),
        fail_next: next("get_server_list", 1),
        ..Faults::default()
    });
    let started = Instant::now();
    let e = budget.get_server_list().await.unwrap_err();
    assert_eq!(
        (e.error_code(), e.http_status()),
        ("HTTP_ERROR", Some(429)),
        "{e}"
    );
    assert_eq!(e.retry_after(), Some(Duration::from_secs(30)));
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(reached(&mock, "get_server_list").len(), 1);
}

/// The budget bounds the retries of one call whatever `max_retries` says.
#[tokio::test]
async fn the_time_budget_bounds_the_retries_of_a_call() {
    let mock = mock().await;
    let client = timing_out(&mock, 10, 100, Some(Duration::from_millis(450)), 500).await;
    let before = arrivals(&mock);
    let started = Instant::now();
    let e = client.get_task_list(SERVER).await.unwrap_err();
    let took = started.elapsed();
    assert_eq!(e.error_code(), "TIMEOUT", "{e}");
    let sent = arrivals(&mock) - before;
    mock.set_faults(Faults::default());
    assert!((2..=5).contains(&sent), "{sent} attempts, not 11");
    assert!(took < Duration::from_millis(1500), "{took:?}");
}

#[tokio::test]
async fn call_options_bound_one_handle_and_share_the_session() {
    let mock = mock().await;
    let client = Client::connect(config(&mock, 3)).await.unwrap();
    let quick = client.with_options(CallOptions {
        timeout: Some(Duration::from_millis(300)),
        max_retries: Some(0),
    });
    // The same session: no second login.
    quick.get_task_list(SERVER).await.unwrap();
    assert_eq!(reached(&mock, "login").len(), 1);
    // A slow server: the handle's timeout ends the call, the client's own does not.
    mock.set_faults(Faults {
        latency_ms: 1_000,
        ..Faults::default()
    });
    let started = Instant::now();
    let e = quick
        .call("get_task_list", json!({"server": SERVER}))
        .await
        .unwrap_err();
    assert_eq!(e.error_code(), "TIMEOUT", "{e}");
    assert!(
        started.elapsed() < Duration::from_millis(900),
        "{:?}",
        started.elapsed()
    );
    // No retries on the handle: one failing read reaches the server once.
    mock.set_faults(Faults {
        fail_next: BTreeMap::from([("get_task_list".to_string(), 1)]),
        ..Faults::default()
    });
    let before = reached(&mock, "get_task_list").len();
    assert!(quick.get_task_list(SERVER).await.is_err());
    assert_eq!(reached(&mock, "get_task_list").len(), before + 1);
    // The client itself keeps its retries.
    mock.set_faults(Faults {
        fail_next: BTreeMap::from([("get_task_list".to_string(), 1)]),
        ..Faults::default()
    });
    client.get_task_list(SERVER).await.unwrap();
    // Options are read from JSON, refusing what they do not know.
    let o = CallOptions::from_json(&json!({"timeout_ms": 1500, "max_retries": null})).unwrap();
    assert_eq!(o.timeout, Some(Duration::from_millis(1500)));
    for bad in [
        json!({"timeout_ms": 0}),
        json!({"retries": 1}),
        json!({"max_retries": 99}),
        json!(3),
    ] {
        let e = CallOptions::from_json(&bad).unwrap_err();
        assert_eq!(e.error_code(), "INVALID_ARGUMENT", "{bad}");
    }
}
