//! The mock's Qlik Cloud Tasks API (`/qlik-cloud`), driven over HTTP.
use qem_mock::{MockConfig, MockServer};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

struct T {
    _server: MockServer,
    client: Client,
    root: String,
}

async fn setup(state: Option<Value>) -> T {
    let server = MockServer::start(MockConfig {
        tls: false,
        state,
        ..Default::default()
    })
    .await
    .unwrap();
    let _ = rustls::crypto::ring::default_provider().install_default();
    T {
        root: server.cloud_url(),
        _server: server,
        client: Client::new(),
    }
}

impl T {
    async fn call(
        &self,
        method: &str,
        path: &str,
        key: &str,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let url = if path.starts_with("http") {
            path.to_string()
        } else {
            format!("{}/api/v1{path}", self.root)
        };
        let mut req = self
            .client
            .request(method.parse().unwrap(), url)
            .header("Authorization", format!("Bearer {key}"));
        if let Some(b) = body {
            req = req.json(&b);
        }
        let r = req.send().await.unwrap();
        let status = r.status();
        let text = r.text().await.unwrap();
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }
}

fn new_task(name: &str) -> Value {
    json!({"name": name, "specVersion": "0.8", "resourceId": "app-9", "states": [], "future": {"kept": true}})
}

#[tokio::test]
async fn tasks_are_created_read_updated_and_deleted() {
    let t = setup(None).await;
    let (s, created) = t
        .call(
            "POST",
            "/tasks?migrateFrom=rt-1",
            "key-dev",
            Some(new_task("Nightly")),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{created}");
    let id = created["id"].as_str().unwrap().to_string();
    assert_eq!(created["metadata"]["ownerId"], "user-dev");
    assert_eq!(created["metadata"]["migratedFrom"], "rt-1");
    assert_eq!(created["future"]["kept"], true);
    let (s, got) = t
        .call("GET", &format!("/tasks/{id}"), "key-dev", None)
        .await;
    assert_eq!((s, got["name"].as_str()), (StatusCode::OK, Some("Nightly")));
    // Updating moves the ownership to the caller.
    let (s, updated) = t
        .call(
            "PUT",
            &format!("/tasks/{id}"),
            "key-admin",
            Some(new_task("Renamed")),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(
        (
            updated["name"].as_str(),
            updated["metadata"]["ownerId"].as_str()
        ),
        (Some("Renamed"), Some("user-admin"))
    );
    let (s, _) = t
        .call("DELETE", &format!("/tasks/{id}"), "key-dev", None)
        .await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    let (s, err) = t
        .call("GET", &format!("/tasks/{id}"), "key-dev", None)
        .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    assert!(
        err["errors"][0]["code"].is_string() && err["traceId"].is_string(),
        "{err}"
    );
    // A task needs a name and a specVersion.
    let (s, _) = t
        .call("POST", "/tasks", "key-dev", Some(json!({"name": "x"})))
        .await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn lists_page_by_cursor_links_and_need_a_resource() {
    let t = setup(None).await;
    for i in 0..7 {
        t.call(
            "POST",
            "/tasks",
            "key-dev",
            Some(new_task(&format!("t{i}"))),
        )
        .await;
    }
    let (s, _) = t.call("GET", "/tasks", "key-dev", None).await;
    assert_eq!(
        s,
        StatusCode::BAD_REQUEST,
        "the spec's resourceId is required"
    );
    let mut next = format!(
        "{}/api/v1/tasks?resourceId=app-9&limit=3&sort=%2BcreatedAt",
        t.root
    );
    let mut names = Vec::new();
    let mut pages = 0;
    loop {
        let (s, page) = t.call("GET", &next, "key-dev", None).await;
        assert_eq!(s, StatusCode::OK, "{page}");
        pages += 1;
        names.extend(
            page["data"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x["name"].as_str().unwrap().to_string()),
        );
        match page["links"]["next"]["href"].as_str() {
            Some(href) => {
                assert!(href.starts_with(&t.root), "absolute links: {href}");
                next = href.to_string();
            }
            None => break,
        }
    }
    assert_eq!(pages, 3);
    assert_eq!(names, (0..7).map(|i| format!("t{i}")).collect::<Vec<_>>());
    let (s, _) = t
        .call("GET", "/tasks?resourceId=app-9&limit=0", "key-dev", None)
        .await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_started_task_runs_then_succeeds_or_fails_with_a_log() {
    let t = setup(Some(
        json!({"qlik_cloud": {"settings": {"run_ms": 100, "failing_tasks": ["Failing task"]}}}),
    ))
    .await;
    let (s, _) = t
        .call("GET", "/tasks/task-1/runs/last", "key-dev", None)
        .await;
    assert_eq!(s, StatusCode::NOT_FOUND, "no run yet");
    let (s, started) = t
        .call(
            "POST",
            "/tasks/task-1/actions/start?source=sdk-1",
            "key-dev",
            None,
        )
        .await;
    assert_eq!(
        (s, started["message"].as_str()),
        (StatusCode::OK, Some("Task started successfully"))
    );
    let (_, run) = t
        .call("GET", "/tasks/task-1/runs/last", "key-dev", None)
        .await;
    assert_eq!(
        (run["status"].as_str(), run["triggeredBy"].as_str()),
        (Some("RUNNING"), Some("sdk-1"))
    );
    assert!(run.get("_startedMs").is_none());
    tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    let (_, run) = t
        .call("GET", "/tasks/task-1/runs/last", "key-dev", None)
        .await;
    assert_eq!(run["status"], "SUCCEEDED");
    let id = run["id"].as_str().unwrap();
    let (_, log) = t
        .call(
            "GET",
            &format!("/tasks/task-1/runs/{id}/log"),
            "key-dev",
            None,
        )
        .await;
    assert!(
        log["logContent"].as_str().unwrap().contains("SUCCEEDED"),
        "{log}"
    );
    let (_, runs) = t
        .call("GET", "/tasks/resources/app-1/runs", "key-dev", None)
        .await;
    assert_eq!(runs["data"].as_array().unwrap().len(), 1);
    t.call("POST", "/tasks/task-2/actions/start", "key-dev", None)
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    let (_, run) = t
        .call("GET", "/tasks/task-2/runs/last", "key-dev", None)
        .await;
    assert_eq!(run["status"], "FAILED");
}

#[tokio::test]
async fn permissions_tokens_and_the_rate_limit() {
    let t = setup(Some(
        json!({"qlik_cloud": {"settings": {"token_lifetime_s": 1, "rate_limit_per_minute": 5}}}),
    ))
    .await;
    let (s, _) = t.call("GET", "/tasks/task-1", "nope", None).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let (s, _) = t.call("GET", "/tasks/task-1", "key-viewer", None).await;
    assert_eq!(s, StatusCode::FORBIDDEN, "no reload permission");
    // A tenant admin without it may still list and delete.
    let (s, _) = t
        .call("GET", "/tasks?resourceId=app-1", "key-auditor", None)
        .await;
    assert_eq!(s, StatusCode::OK);
    let (s, _) = t.call("GET", "/tasks/task-1", "key-auditor", None).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    // OAuth client credentials: a token that works until it expires.
    let r = t.client.post(format!("{}/oauth/token", t.root))
        .json(&json!({"client_id": "m2m-client", "client_secret": "m2m-secret", "grant_type": "client_credentials", "scope": "user_default"}))
        .send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let tok: Value = r.json().await.unwrap();
    assert_eq!(tok["expires_in"], 1);
    let token = tok["access_token"].as_str().unwrap().to_string();
    let (s, _) = t.call("GET", "/tasks/task-1", &token, None).await;
    assert_eq!(s, StatusCode::OK);
    let bad = t.client.post(format!("{}/oauth/token", t.root))
        .json(&json!({"client_id": "m2m-client", "client_secret": "wrong", "grant_type": "client_credentials"}))
        .send().await.unwrap();
    assert_eq!(bad.status(), StatusCode::UNAUTHORIZED);
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let (s, _) = t.call("GET", "/tasks/task-1", &token, None).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED, "expired token");
    // key-dev's sixth request within the minute is refused with Retry-After.
    for _ in 0..5 {
        let (s, _) = t.call("GET", "/tasks/task-1", "key-dev", None).await;
        assert_eq!(s, StatusCode::OK);
    }
    let r = t
        .client
        .get(format!("{}/api/v1/tasks/task-1", t.root))
        .header("Authorization", "Bearer key-dev")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = r.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&wait));
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["errors"][0]["code"], "HTTP-429");
}
