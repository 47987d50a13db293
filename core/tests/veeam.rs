//! Veeam Backup Enterprise Manager (`"service": "veeam"`) against the mock's `/veeam`.
use qem_core::models::{VeeamJobClone, VeeamTaskState};
use qem_core::veeam::VeeamClient;
use qem_core::{Client, ClientConfig, WaitOptions};
use qem_mock::{MockConfig, MockServer};
use serde_json::{json, Value};
use std::time::Duration;

const JOB: &str = "78c3919c-54d7-43fe-b047-485d3566f11f";
const REPO: &str = "c8f4d7a1-3b2e-4f6a-9d8c-7e1b5a2f3c44";

async fn mock() -> MockServer {
    MockServer::start(MockConfig::default()).await.unwrap()
}

fn options(mock: &MockServer, extra: Value) -> Value {
    let mut o = json!({"service": "veeam", "url": mock.service_url("veeam"),
        "username": "EM\\admin", "password": "admin-pass", "ca_pem": mock.ca_cert_pem().unwrap()});
    for (k, v) in extra.as_object().unwrap() {
        o[k] = v.clone();
    }
    o
}

fn client(mock: &MockServer, extra: Value) -> Client {
    Client::new(ClientConfig::from_json(&options(mock, extra)).unwrap()).unwrap()
}

fn header<'a>(r: &'a qem_mock::RecordedRequest, name: &str) -> Option<&'a str> {
    r.headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

#[tokio::test]
async fn clone_and_wait_logs_on_once_sends_xml_and_keeps_no_cookie() {
    let mock = mock().await;
    let em = VeeamClient::with_config(ClientConfig::from_json(&options(&mock, json!({}))).unwrap())
        .unwrap();
    let repos = em.get_repositories().await.unwrap();
    assert_eq!(repos.refs.len(), 1);
    let repo_uid = repos.refs[0].uid.clone().unwrap();
    let clone = VeeamJobClone::backup("Nightly SQL (copy)", "NightlySqlCopy", &repo_uid);
    let wait = WaitOptions {
        timeout: Duration::from_secs(10),
        poll_interval: Duration::from_millis(100),
    };
    let made = em
        .clone_job_and_wait(&format!("urn:veeam:Job:{JOB}"), &clone, wait)
        .await
        .unwrap();
    assert_eq!(made.job_name.as_deref(), Some("Nightly SQL (copy)"));
    let id = made.job_id.clone().unwrap();
    assert_eq!(made.job_uid, Some(format!("urn:veeam:Job:{id}")));
    let task = made.task.unwrap();
    assert_eq!(task.state, Some(VeeamTaskState::Finished));
    assert_eq!(task.result.unwrap().success, Some(true));
    // The new job is listed.
    let jobs = em.get_jobs().await.unwrap();
    assert!(jobs
        .refs
        .iter()
        .any(|r| r.uid.as_deref() == Some(&format!("urn:veeam:Job:{id}"))));
    em.close().await.unwrap();

    let requests = mock.requests();
    let logons: Vec<_> = requests
        .iter()
        .filter(|r| r.path.ends_with("/sessionMngr/"))
        .collect();
    assert_eq!(logons.len(), 1, "one logon for every call");
    assert_eq!(logons[0].query.as_deref(), Some("v=latest"));
    assert_eq!(logons[0].status, Some(201));
    for r in &requests {
        assert!(
            header(r, "cookie").is_none(),
            "no cookie is ever sent: {r:?}"
        );
    }
    let clone_req = requests
        .iter()
        .find(|r| r.method == "POST" && r.path.contains("/jobs/"))
        .unwrap();
    assert_eq!(clone_req.path, format!("/veeam/api/jobs/{JOB}"));
    assert_eq!(clone_req.query.as_deref(), Some("action=clone"));
    assert_eq!(header(clone_req, "content-type"), Some("application/xml"));
    assert_eq!(header(clone_req, "accept"), Some("application/xml"));
    assert!(header(clone_req, "x-restsvcsessionid").is_some());
    let last = requests.last().unwrap();
    assert_eq!(last.method, "DELETE");
    assert!(
        last.path.starts_with("/veeam/api/logonSessions/"),
        "{last:?}"
    );
    assert_eq!(last.status, Some(204));
}

#[tokio::test]
async fn an_expired_session_is_renewed_once_and_the_call_repeated() {
    let mock = mock().await;
    let c = client(&mock, json!({}));
    c.call("get_repositories", Value::Null).await.unwrap();
    mock.expire_sessions();
    let task = c
        .call(
            "clone_job",
            json!({"job": JOB, "job_name": "Renewed", "folder_name": "Renewed", "repository_uid": REPO}),
        )
        .await
        .unwrap();
    assert_eq!(task["State"], "Running");
    assert_eq!(task["Operation"], "CloneJob");
    let clones = mock
        .requests()
        .into_iter()
        .filter(|r| r.method == "POST" && r.path.contains("/jobs/"))
        .map(|r| r.status)
        .collect::<Vec<_>>();
    assert_eq!(
        clones,
        [Some(401), Some(202)],
        "refused unsent, then sent once"
    );
}

#[tokio::test]
async fn wrong_passwords_name_collisions_and_bad_input() {
    let mock = mock().await;
    let wrong = client(&mock, json!({"password": "nope"}));
    let e = wrong.call("get_jobs", Value::Null).await.unwrap_err();
    assert_eq!(
        (e.error_code(), e.http_status()),
        ("UNAUTHORIZED", Some(401))
    );
    assert!(!e.to_string().contains("nope"));

    let c = client(&mock, json!({}));
    let e = c
        .call(
            "clone_job_and_wait",
            json!({"job": JOB, "job_name": "Nightly SQL", "folder_name": "x", "repository_uid": REPO, "poll_ms": 50}),
        )
        .await
        .unwrap_err();
    assert_eq!(e.error_code(), "TASK_FAILED");
    assert!(e.message().contains("already exists"), "{e}");

    mock.clear_requests();
    for (args, what) in [
        (
            json!({"job": "not-a-guid", "job_name": "a", "folder_name": "b", "repository_uid": REPO}),
            "GUID",
        ),
        (
            json!({"job": format!("urn:veeam:Repository:{JOB}"), "job_name": "a", "folder_name": "b", "repository_uid": REPO}),
            "urn:veeam:Job",
        ),
        (
            json!({"job": JOB, "job_name": "a\u{0}", "folder_name": "b", "repository_uid": REPO}),
            "control",
        ),
        (
            json!({"job": JOB, "job_name": "x".repeat(51), "folder_name": "b", "repository_uid": REPO}),
            "50",
        ),
        (
            json!({"job": JOB, "job_name": "a", "folder_name": "b", "repository_uid": REPO, "kind": "Snapshot"}),
            "clone kind",
        ),
        (
            json!({"job": JOB, "job_name": "a", "repository_uid": REPO}),
            "folder_name",
        ),
        (
            json!({"job": JOB, "job_name": "a", "vm_suffix": "_r", "kind": "Backup", "folder_name": "b", "repository_uid": REPO}),
            "vm_suffix",
        ),
        (
            json!({"job": JOB, "job_name": "a", "folder_name": "b", "repository_uid": "repo-1"}),
            "urn:veeam:Repository",
        ),
        (
            json!({"job": JOB, "job_name": " ", "folder_name": "b", "repository_uid": REPO}),
            "empty",
        ),
        (json!({"job": JOB, "payload": "<JobCloneSpec/>"}), "payload"),
    ] {
        let e = c.call("clone_job", args).await.unwrap_err();
        assert_eq!(e.error_code(), "INVALID_ARGUMENT", "{what}: {e}");
        assert!(e.message().contains(what), "{what}: {e}");
    }
    assert!(mock.requests().is_empty(), "nothing sent for bad input");

    // Replica: its own element, validated by the mock's schema order.
    let task = c
        .call(
            "clone_job",
            json!({"job": "5e2a5c4b-1f7e-4a0e-9a35-6d1b2f0c8a11", "kind": "replica", "job_name": "DR 2", "vm_suffix": "_dr2", "description": "<b>&"}),
        )
        .await
        .unwrap();
    assert_eq!(task["State"], "Running");
    // A task stops and is gone.
    let id = task["TaskId"].as_str().unwrap();
    c.call("delete_task", json!({"task": id})).await.unwrap();
    let e = c.call("get_task", json!({"task": id})).await.unwrap_err();
    assert_eq!((e.error_code(), e.http_status()), ("NOT_FOUND", Some(404)));
    assert_eq!(e.message(), format!("Task {id} not found."));
    // A Restore Operator cannot list jobs.
    let op = client(
        &mock,
        json!({"username": "EM\\operator", "password": "operator-pass"}),
    );
    let e = op.call("get_jobs", Value::Null).await.unwrap_err();
    assert_eq!((e.error_code(), e.http_status()), ("FORBIDDEN", Some(403)));
}

#[tokio::test]
async fn veeam_options_are_checked() {
    let refused = |o: Value| ClientConfig::from_json(&o).unwrap_err();
    let e = refused(json!({"service": "veeam", "url": "https://em:9398"}));
    assert!(e.message().contains("username"), "{e}");
    let e = refused(
        json!({"service": "veeam", "url": "https://em:9398", "username": "u", "password": "p", "api_key": "k"}),
    );
    assert!(e.message().contains("api_key"), "{e}");
    let c = ClientConfig::from_json(&json!({"service": "veeam", "url": "https://em:9398/api/", "username": "u", "password": "p", "api_version": "v1_7"})).unwrap();
    assert_eq!(c.url, "https://em:9398", "the API's own root is taken too");
    assert_eq!(c.session_idle, Duration::from_secs(900));
    assert!(Client::new(c).is_ok());
    let bad = ClientConfig::from_json(&json!({"service": "veeam", "url": "https://em", "username": "u", "password": "p", "api_version": "v1&x=1"})).unwrap();
    assert!(Client::new(bad).is_err());
    let shown = format!("{:?}", ClientConfig::from_json(&json!({"service": "veeam", "url": "https://em", "username": "u", "password": "hunter2"})).unwrap());
    assert!(!shown.contains("hunter2"));
}

#[tokio::test]
async fn concurrent_calls_share_one_renewal_and_a_dropped_client_logs_off() {
    let mock = mock().await;
    let c = client(&mock, json!({}));
    c.call("get_repositories", Value::Null).await.unwrap();
    mock.expire_sessions();
    mock.clear_requests();
    let calls = (0..20).map(|_| c.call("get_repositories", Value::Null));
    for r in futures_util::future::join_all(calls).await {
        r.unwrap();
    }
    let logons = mock
        .requests()
        .iter()
        .filter(|r| r.path.ends_with("/sessionMngr/"))
        .count();
    assert_eq!(logons, 1, "one logon renews the session for every caller");
    mock.clear_requests();
    drop(c);
    // The logoff is sent in the background.
    for _ in 0..50 {
        if mock.requests().iter().any(|r| r.method == "DELETE") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let logoff = mock.requests().into_iter().find(|r| r.method == "DELETE");
    let logoff = logoff.expect("a dropped client logs its session off");
    assert!(logoff.path.starts_with("/veeam/api/logonSessions/"));
    assert_eq!(logoff.status, Some(204));
}

#[tokio::test]
async fn links_carry_the_scheme_the_server_is_reached_by() {
    // Over plain HTTP (Veeam's port 9399), every Href says http: a client following a
    // task's link must reach the same server.
    let mock = MockServer::start(MockConfig {
        tls: false,
        ..MockConfig::default()
    })
    .await
    .unwrap();
    let o = json!({"service": "veeam", "url": mock.service_url("veeam"),
        "username": "EM\\admin", "password": "admin-pass"});
    let em = Client::new(ClientConfig::from_json(&o).unwrap()).unwrap();
    let repos = em.call("get_repositories", json!({})).await.unwrap();
    let href = repos["Refs"][0]["Href"].as_str().unwrap();
    assert!(href.starts_with("http://"), "{href}");
    assert!(mock.service_url("veeam").starts_with("http://"));
    em.close().await.unwrap();
}
