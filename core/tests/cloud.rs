//! The Qlik Cloud Tasks service (`"service": "qlik_cloud"`) against the mock's tenant.
use qem_core::{Client, ClientConfig};
use qem_mock::{MockConfig, MockServer};
use serde_json::{json, Value};

async fn tenant(state: Option<Value>) -> MockServer {
    MockServer::start(MockConfig {
        state,
        ..MockConfig::default()
    })
    .await
    .unwrap()
}

fn options(mock: &MockServer, credential: Value) -> ClientConfig {
    let mut o = json!({"service": "qlik_cloud", "url": mock.cloud_url(),
        "ca_pem": mock.ca_cert_pem().unwrap(), "max_retries": 2});
    for (k, v) in credential.as_object().unwrap() {
        o[k] = v.clone();
    }
    ClientConfig::from_json(&o).unwrap()
}

/// A tenant and a client (`key-dev`) with `n` more tasks named `{prefix}00`... on `resource`.
async fn with_tasks(n: usize, prefix: &str, resource: &str) -> (MockServer, Client) {
    let mock = tenant(None).await;
    let c = Client::new(options(&mock, json!({"api_key": "key-dev"}))).unwrap();
    for i in 0..n {
        let task = json!({"name": format!("{prefix}{i:02}"), "specVersion": "0.8", "resourceId": resource});
        c.call("create_task", json!({ "payload": task }))
            .await
            .unwrap();
    }
    (mock, c)
}

fn path_count(mock: &MockServer, suffix: &str) -> usize {
    mock.requests()
        .iter()
        .filter(|r| r.path.ends_with(suffix))
        .count()
}

#[tokio::test]
async fn an_api_key_reaches_every_operation_by_the_specs_names() {
    let mock = tenant(Some(json!({"qlik_cloud": {"settings": {"run_ms": 50}}}))).await;
    let c = Client::new(options(&mock, json!({"api_key": "key-dev"}))).unwrap();
    let created = c
        .call("create_task", json!({"payload": {"name": "Nightly", "specVersion": "0.8", "resourceId": "app-7"}, "migrateFrom": "rt-1"}))
        .await
        .unwrap();
    let id = created["id"].as_str().unwrap().to_string();
    assert_eq!(created["metadata"]["migratedFrom"], "rt-1");
    // Qlik's TypeScript names reach the same operations.
    let got = c.call("getTask", json!({"id": id})).await.unwrap();
    assert_eq!(got["name"], "Nightly");
    let listed = c
        .call(
            "get_tasks",
            json!({"resourceId": "app-7", "limit": 5, "sort": "-createdAt"}),
        )
        .await
        .unwrap();
    assert_eq!(listed["data"][0]["id"], id.as_str());
    let updated = c
        .call(
            "update_task",
            json!({"id": id, "payload": {"name": "Renamed", "specVersion": "0.8"}}),
        )
        .await
        .unwrap();
    assert_eq!(updated["name"], "Renamed");
    let started = c
        .call("start_task", json!({"id": id, "source": "sdk"}))
        .await
        .unwrap();
    assert_eq!(started["message"], "Task started successfully");
    let last = c
        .call("get_last_task_run", json!({"id": id}))
        .await
        .unwrap();
    assert_eq!(last["triggeredBy"], "sdk");
    let runs = c
        .call("get_task_runs", json!({"id": id, "limit": 10}))
        .await
        .unwrap();
    assert_eq!(runs["data"].as_array().unwrap().len(), 1);
    let log = c
        .call("get_task_run_log", json!({"id": id, "runId": last["id"]}))
        .await
        .unwrap();
    assert!(
        log.as_str().unwrap().contains("Run"),
        "the log as text: {log}"
    );
    let by_app = c
        .call("get_tasks_resource_runs", json!({"id": "app-7"}))
        .await
        .unwrap();
    assert_eq!(by_app["data"].as_array().unwrap().len(), 1);
    assert_eq!(
        c.call("delete_task", json!({"id": id})).await.unwrap(),
        Value::Null
    );
    // Every request carried the key as a bearer token; nothing logged in.
    let r = mock.requests();
    assert!(r.iter().all(|r| r
        .headers
        .iter()
        .any(|(k, v)| k == "authorization" && v == "<redacted>")));
    assert_eq!(path_count(&mock, "/oauth/token"), 0);
}

#[tokio::test]
async fn errors_carry_the_servers_code_the_status_and_the_trace_id() {
    let mock = tenant(None).await;
    let c = Client::new(options(&mock, json!({"api_key": "key-dev"}))).unwrap();
    let e = c
        .call("get_task", json!({"id": "no-such"}))
        .await
        .unwrap_err();
    assert_eq!((e.error_code(), e.http_status()), ("TASKS-404", Some(404)));
    assert_eq!(e.kind(), qem_core::ErrorKind::NotFound);
    assert!(e.trace_id().is_some_and(|t| !t.is_empty()));
    assert_eq!(e.operation(), Some("GetTask"));
    let viewer = Client::new(options(&mock, json!({"api_key": "key-viewer"}))).unwrap();
    let e = viewer
        .call("get_task", json!({"id": "task-1"}))
        .await
        .unwrap_err();
    assert_eq!(e.http_status(), Some(403));
    // A refused API key is not renewed: one request, then UNAUTHORIZED-like failure.
    let wrong = Client::new(options(&mock, json!({"api_key": "wrong"}))).unwrap();
    mock.clear_requests();
    let e = wrong
        .call("get_task", json!({"id": "task-1"}))
        .await
        .unwrap_err();
    assert_eq!(e.http_status(), Some(401));
    assert_eq!(mock.requests().len(), 1);
    // Ids are one path segment, encoded once; `..` never reaches the server.
    let e = c.call("get_task", json!({"id": ".."})).await.unwrap_err();
    assert_eq!(e.error_code(), "INVALID_ARGUMENT");
    let e = c
        .call("get_tasks", json!({"resourceId": "app-1", "limit": -1}))
        .await
        .unwrap_err();
    assert_eq!(e.error_code(), "INVALID_ARGUMENT");
}

#[tokio::test]
async fn an_enterprise_manager_method_on_a_cloud_client_names_both_services() {
    let mock = tenant(None).await;
    let c = Client::new(options(&mock, json!({"api_key": "key-dev"}))).unwrap();
    let e = c
        .call("get_task_details", json!({"server": "s", "task": "t"}))
        .await
        .unwrap_err();
    assert_eq!(e.error_code(), "INVALID_ARGUMENT");
    assert!(
        e.message().contains("qem") && e.message().contains("qlik_cloud"),
        "{e}"
    );
    let e = c.get_server_list().await.unwrap_err();
    assert_eq!(e.error_code(), "INVALID_ARGUMENT");
    // Helpers belong to a service too, both ways.
    let helper = json!({"server": "s", "task": "t", "states": ["RUNNING"]});
    let e = c.call("wait_for_task_state", helper).await.unwrap_err();
    assert_eq!(e.error_code(), "INVALID_ARGUMENT");
    assert!(
        e.message()
            .contains("`wait_for_task_state` is an operation of the qem service"),
        "{e}"
    );
    let qem = ClientConfig::new(
        mock.base_url(),
        qem_core::Credentials::active_directory("QEM\\admin", "admin-pass"),
    )
    .ca_pem(mock.ca_cert_pem().unwrap());
    let q = Client::new(qem).unwrap();
    let e = q
        .call("start_task_and_wait", json!({"id": "task-1"}))
        .await
        .unwrap_err();
    assert!(
        e.message().contains("qlik_cloud") && e.message().contains("this client is for qem"),
        "{e}"
    );
    assert!(mock.requests().is_empty(), "nothing was sent");
}

#[tokio::test]
async fn oauth_client_credentials_share_one_token_and_renew_it() {
    let mock = tenant(Some(
        json!({"qlik_cloud": {"settings": {"token_lifetime_s": 2}}}),
    ))
    .await;
    let c = Client::new(options(
        &mock,
        json!({"client_id": "m2m-client", "client_secret": "m2m-secret"}),
    ))
    .unwrap();
    let calls = (0..20).map(|_| c.call("get_task", json!({"id": "task-1"})));
    for r in futures_util::future::join_all(calls).await {
        assert_eq!(r.unwrap()["id"], "task-1");
    }
    assert_eq!(path_count(&mock, "/oauth/token"), 1, "one token for all");
    // Renewed before it expires (2 s lifetime, renewed a tenth early).
    tokio::time::sleep(std::time::Duration::from_millis(1900)).await;
    c.call("get_task", json!({"id": "task-1"})).await.unwrap();
    assert_eq!(path_count(&mock, "/oauth/token"), 2);
    // A token the server forgot (state replaced) is renewed once and the call repeated.
    mock.set_state(json!({})).unwrap();
    c.call("get_task", json!({"id": "task-1"})).await.unwrap();
    assert_eq!(path_count(&mock, "/oauth/token"), 3);
    // Wrong secrets fail with the token request named.
    let bad = Client::new(options(
        &mock,
        json!({"client_id": "m2m-client", "client_secret": "x"}),
    ))
    .unwrap();
    let e = bad
        .call("get_task", json!({"id": "task-1"}))
        .await
        .unwrap_err();
    assert_eq!(e.http_status(), Some(401));
    assert!(
        !format!("{e} {e:?} {c:?}").contains("m2m-secret"),
        "no secret in errors or Debug"
    );
}

#[tokio::test]
async fn a_rate_limit_is_waited_out_for_any_verb() {
    let mock = tenant(Some(
        json!({"qlik_cloud": {"settings": {"rate_limit_per_minute": 3}}}),
    ))
    .await;
    let c = Client::new(options(&mock, json!({"api_key": "key-dev"}))).unwrap();
    for _ in 0..3 {
        c.call("get_task", json!({"id": "task-1"})).await.unwrap();
    }
    // The fourth request is refused with Retry-After (up to 60 s): more than this call
    // may wait, so it ends RATE_LIMITED without a second try.
    let quick = c.with_options(qem_core::CallOptions {
        timeout: Some(std::time::Duration::from_secs(2)),
        max_retries: None,
    });
    let e = quick
        .call(
            "create_task",
            json!({"payload": {"name": "x", "specVersion": "0.8"}}),
        )
        .await
        .unwrap_err();
    assert_eq!(
        (e.error_code(), e.http_status()),
        ("RATE_LIMITED", Some(429))
    );
    assert!(e.retry_after().is_some());
}

#[test]
fn options_are_checked_before_anything_is_sent() {
    let bad = |o: Value| {
        ClientConfig::from_json(&o)
            .unwrap_err()
            .error_code()
            .to_string()
    };
    let base = json!({"service": "qlik_cloud", "url": "https://t.example"});
    let with = |extra: Value| {
        let mut o = base.clone();
        for (k, v) in extra.as_object().unwrap() {
            o[k] = v.clone();
        }
        o
    };
    assert_eq!(bad(base.clone()), "INVALID_ARGUMENT", "no credential");
    assert_eq!(
        bad(with(
            json!({"api_key": "k", "client_id": "c", "client_secret": "s"})
        )),
        "INVALID_ARGUMENT"
    );
    assert_eq!(bad(with(json!({"client_id": "c"}))), "INVALID_ARGUMENT");
    assert_eq!(
        bad(with(json!({"api_key": "k", "username": "u"}))),
        "INVALID_ARGUMENT"
    );
    assert_eq!(
        bad(json!({"service": "nope", "url": "https://x", "api_key": "k"})),
        "INVALID_ARGUMENT"
    );
    let c = ClientConfig::from_json(&with(json!({"api_key": "secret-key"}))).unwrap();
    assert!(!format!("{c:?}").contains("secret-key"));
    // The default service is unchanged, and refuses a cloud credential.
    assert_eq!(
        bad(json!({"url": "https://x/attunityenterprisemanager", "api_key": "k"})),
        "INVALID_ARGUMENT"
    );
}

#[tokio::test]
async fn all_pages_follow_the_next_links_on_the_tenant_only() {
    let (mock, c) = with_tasks(23, "t", "app-9").await;
    mock.clear_requests();
    let all = c
        .call(
            "get_tasks",
            json!({"resourceId": "app-9", "limit": 10, "sort": "+createdAt", "all": true}),
        )
        .await
        .unwrap();
    let names: Vec<&str> = all["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        (0..23).map(|i| format!("t{i:02}")).collect::<Vec<_>>()
    );
    assert_eq!(mock.requests().len(), 3, "three pages");
    let some = c
        .call(
            "get_tasks",
            json!({"resourceId": "app-9", "limit": 10, "all": true, "max_items": 12}),
        )
        .await
        .unwrap();
    assert_eq!(some["data"].as_array().unwrap().len(), 12);
    // One page is the server's answer, links and all.
    let one = c
        .call("get_tasks", json!({"resourceId": "app-9", "limit": 10}))
        .await
        .unwrap();
    assert!(one["links"]["next"]["href"].is_string());
    // A next link to another origin is not followed: the token never leaves the tenant.
    mock.set_state(json!({"qlik_cloud": {"settings": {"link_origin": "https://elsewhere.example"}, "tasks": all["data"]}})).unwrap();
    mock.clear_requests();
    let e = c
        .call(
            "get_tasks",
            json!({"resourceId": "app-9", "limit": 10, "all": true}),
        )
        .await
        .unwrap_err();
    assert_eq!(e.error_code(), "INVALID_RESPONSE");
    assert_eq!(mock.requests().len(), 1);
    // `all` belongs to list methods; a task is an object.
    for bad in [
        c.call("get_task", json!({"id": "task-1", "all": true}))
            .await,
        c.call("create_task", json!({"payload": [1]})).await,
        c.call("get_tasks", json!({"resourceId": "x", "max_items": 3}))
            .await,
    ] {
        assert_eq!(bad.unwrap_err().error_code(), "INVALID_ARGUMENT");
    }
}

#[tokio::test]
async fn a_run_log_is_text_unless_asked_as_json() {
    let mock = tenant(Some(json!({"qlik_cloud": {"settings": {"run_ms": 10}}}))).await;
    let c = Client::new(options(&mock, json!({"api_key": "key-dev"}))).unwrap();
    c.call("start_task", json!({"id": "task-1"})).await.unwrap();
    let run = c
        .call("get_last_task_run", json!({"id": "task-1"}))
        .await
        .unwrap();
    let args = json!({"id": "task-1", "runId": run["id"]});
    let text = c.call("get_task_run_log", args.clone()).await.unwrap();
    assert!(
        text.as_str().unwrap().contains("Reloading app app-1"),
        "{text}"
    );
    let mut as_json = args.clone();
    as_json["format"] = json!("json");
    let obj = c.call("get_task_run_log", as_json).await.unwrap();
    assert_eq!(obj["logContent"], text);
    let t = c.call_text("get_task_run_log", args).await.unwrap();
    assert_eq!(serde_json::from_str::<Value>(&t).unwrap(), text);
}

#[tokio::test]
async fn a_pace_spaces_requests_under_a_rate_limit() {
    let mock = tenant(Some(
        json!({"qlik_cloud": {"settings": {"rate_limit_per_minute": 1000}}}),
    ))
    .await;
    let mut o = options(&mock, json!({"api_key": "key-dev"}));
    o.max_requests_per_minute = Some(1200); // one every 50 ms
    let c = Client::new(o).unwrap();
    let started = std::time::Instant::now();
    let calls = (0..6).map(|_| c.call("get_task", json!({"id": "task-1"})));
    for r in futures_util::future::join_all(calls).await {
        r.unwrap();
    }
    // Six requests at once went out one slot apart: five gaps of 50 ms at least.
    assert!(
        started.elapsed() >= std::time::Duration::from_millis(250),
        "{:?}",
        started.elapsed()
    );
    let bad = ClientConfig::from_json(
        &json!({"service": "qlik_cloud", "url": "https://t", "api_key": "k", "max_requests_per_minute": 0}),
    );
    assert_eq!(bad.unwrap_err().error_code(), "INVALID_ARGUMENT");
}

#[tokio::test]
async fn items_stream_page_by_page_as_they_are_consumed() {
    use futures_util::StreamExt as _;
    let (mock, c) = with_tasks(25, "s", "app-5").await;
    mock.clear_requests();
    let first_twelve: Vec<Value> = c
        .items(
            "get_tasks",
            json!({"resourceId": "app-5", "limit": 10, "sort": "+createdAt"}),
        )
        .take(12)
        .map(Result::unwrap)
        .collect()
        .await;
    assert_eq!(first_twelve[11]["name"], "s11");
    assert_eq!(mock.requests().len(), 2, "only the pages needed were read");
    let all: Vec<_> = c
        .items("getTasks", json!({"resourceId": "app-5"}))
        .collect()
        .await;
    assert_eq!(all.len(), 25);
    let refused: Vec<_> = c.items("get_task", json!({"id": "task-1"})).collect().await;
    assert_eq!(refused.len(), 1);
    assert_eq!(
        refused[0].as_ref().unwrap_err().error_code(),
        "INVALID_ARGUMENT"
    );
}

#[tokio::test]
async fn start_task_and_wait_follows_the_run_it_started() {
    let mock = tenant(Some(json!({"qlik_cloud": {"settings": {"run_ms": 150}}}))).await;
    let c = Client::new(options(&mock, json!({"api_key": "key-dev"}))).unwrap();
    let wait = json!({"id": "task-1", "poll_ms": 20, "timeout_ms": 5000});
    let run = c.call("start_task_and_wait", wait.clone()).await.unwrap();
    assert_eq!(run["status"], "SUCCEEDED");
    // A second start is told from the first run.
    let again = c.call("start_task_and_wait", wait).await.unwrap();
    assert_ne!(again["id"], run["id"]);
    let e = c
        .call(
            "start_task_and_wait",
            json!({"id": "task-2", "poll_ms": 20}),
        )
        .await
        .unwrap_err();
    assert_eq!(e.error_code(), "TASK_FAILED");
    assert!(
        e.message().contains("Run ended: FAILED"),
        "the end of the log: {e}"
    );
    let slow = tenant(Some(json!({"qlik_cloud": {"settings": {"run_ms": 60000}}}))).await;
    let c = Client::new(options(&slow, json!({"api_key": "key-dev"}))).unwrap();
    let e = c
        .call(
            "start_task_and_wait",
            json!({"id": "task-1", "poll_ms": 20, "timeout_ms": 200}),
        )
        .await
        .unwrap_err();
    assert_eq!(e.error_code(), "WAIT_TIMEOUT");
    let e = c
        .call("start_task_and_wait", json!({"id": "task-1", "bogus": 1}))
        .await
        .unwrap_err();
    assert_eq!(e.error_code(), "INVALID_ARGUMENT");
}

/// The typed client: every operation with its model, the page parameters by the spec's
/// names, unknown fields kept, and the blocking twin on a thread of its own.
#[tokio::test]
async fn the_typed_client_reads_every_answer_into_its_model() {
    use qem_core::cloud::QlikCloudClient;
    use qem_core::models::{CloudPageParams, CloudRunStatus, CloudTask};
    let mock = tenant(Some(json!({"qlik_cloud": {"settings": {"run_ms": 50}}}))).await;
    let c = QlikCloudClient::new(options(&mock, json!({"api_key": "key-dev"}))).unwrap();
    let first = c
        .get_tasks(&CloudPageParams::default().resource("app-1").limit(1))
        .await
        .unwrap();
    assert_eq!(first.data.len(), 1);
    let next = first.links.and_then(|l| l.next).and_then(|n| n.href);
    assert!(next.is_some_and(|h| h.contains("page=")));
    let all = c
        .get_tasks(&CloudPageParams::all().resource("app-1"))
        .await
        .unwrap();
    assert_eq!(all.data.len(), 2);
    let mut task: CloudTask = serde_json::from_value(
        json!({"name": "typed", "specVersion": "0.8", "resourceId": "app-9", "futureField": 7}),
    )
    .unwrap();
    let created = c.create_task(&task, None).await.unwrap();
    let id = created.id.clone().unwrap();
    assert_eq!(created.name.as_deref(), Some("typed"));
    assert!(created
        .metadata
        .as_ref()
        .and_then(|m| m.created_at.as_ref())
        .is_some());
    task.description = Some("changed".into());
    let updated = c.update_task(&id, &task).await.unwrap();
    assert_eq!(updated.description.as_deref(), Some("changed"));
    assert_eq!(
        c.get_task(&id).await.unwrap().id.as_deref(),
        Some(id.as_str())
    );
    let started = c.start_task(&id, Some("manual")).await.unwrap();
    assert!(started.message.is_some());
    let run = c.get_last_task_run(&id).await.unwrap();
    assert!(run.status.is_some());
    let runs = c.get_task_runs(&id, &CloudPageParams::all()).await.unwrap();
    assert_eq!(runs.data.len(), 1);
    let run_id = runs.data[0].id.clone().unwrap();
    let log = c.get_task_run_log(&id, &run_id).await.unwrap();
    assert!(!log.is_empty());
    let by_app = c
        .get_tasks_resource_runs("app-9", &CloudPageParams::default())
        .await
        .unwrap();
    assert_eq!(by_app.data.len(), 1);
    let waited = c
        .start_task_and_wait(
            &id,
            qem_core::WaitOptions {
                timeout: std::time::Duration::from_secs(5),
                poll_interval: std::time::Duration::from_millis(20),
            },
        )
        .await
        .unwrap();
    assert_eq!(waited.status, Some(CloudRunStatus::Succeeded));
    c.delete_task(&id).await.unwrap();
    let e = c.get_task(&id).await.unwrap_err();
    assert_eq!(e.http_status(), Some(404));
    // The body carried the fields set and the unknown one, nothing more (the tenant
    // stores what it is sent).
    assert_eq!(created.extra.get("futureField"), Some(&json!(7)));
    let stored = c.call("get_task", json!({"id": id})).await;
    assert_eq!(stored.unwrap_err().http_status(), Some(404));
    let raw = c
        .client()
        .call("get_tasks", json!({"resourceId": "app-9", "all": true}))
        .await
        .unwrap();
    assert!(raw["data"]
        .as_array()
        .unwrap()
        .iter()
        .all(|t| t.get("enabled").is_none() && t.get("states").is_none()));
    // An Enterprise Manager configuration is refused; the blocking twin works from a thread.
    let qem = ClientConfig::new(
        "https://em",
        qem_core::Credentials::active_directory("u", "p"),
    );
    assert_eq!(
        QlikCloudClient::new(qem).unwrap_err().error_code(),
        "INVALID_ARGUMENT"
    );
    // (The tenant admin lists tasks without the reload permission.)
    let config = options(&mock, json!({"api_key": "key-admin"}));
    let page = tokio::task::spawn_blocking(move || {
        let b = qem_core::cloud::blocking::QlikCloudClient::new(config).unwrap();
        b.get_tasks(&CloudPageParams::default().resource("app-1"))
            .unwrap()
    })
    .await
    .unwrap();
    assert!(!page.data.is_empty());
}
