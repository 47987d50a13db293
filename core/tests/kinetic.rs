//! Kinetic Task (`"service": "kinetic"`) against the mock's web application.
use qem_core::kinetic::KineticTaskClient;
use qem_core::models::{KineticCloneTreesRequest, KineticFromTo};
use qem_core::{Client, ClientConfig};
use qem_mock::{MockConfig, MockServer};
use serde_json::json;

async fn mock() -> MockServer {
    MockServer::start(MockConfig::default()).await.unwrap()
}

fn config(mock: &MockServer, extra: serde_json::Value) -> ClientConfig {
    let mut o = json!({"service": "kinetic", "url": mock.service_url("kinetic"),
        "ca_pem": mock.ca_cert_pem().unwrap()});
    for (k, v) in extra.as_object().unwrap() {
        o[k] = v.clone();
    }
    ClientConfig::from_json(&o).unwrap()
}

fn pair(from: &str, to: &str) -> KineticFromTo {
    KineticFromTo {
        from: from.into(),
        to: to.into(),
    }
}

#[tokio::test]
async fn the_typed_client_clones_and_reads_the_trees() {
    let mock = mock().await;
    let c = KineticTaskClient::with_config(config(&mock, json!({}))).unwrap();
    let done = c
        .clone_trees(&KineticCloneTreesRequest {
            source: pair("Playground", "Playground"),
            source_group: pair("Testing", "Docs"),
            local_routines: Some(vec![pair(
                "routine_playground_testing_v1",
                "routine_docs_v1",
            )]),
            names: None,
        })
        .await
        .unwrap();
    assert_eq!(done.message.as_deref(), Some("Cloned 3 trees."));
    assert_eq!(done.trees.len(), 3);
    assert_eq!(
        done.trees[1].definition_id.as_deref(),
        Some("routine_docs_v1")
    );
    assert_eq!(
        done.trees[0]
            .source
            .as_ref()
            .and_then(|s| s.name.as_deref()),
        Some("Playground")
    );
    // No credentials: no Authorization header, and nothing but the call was sent.
    let requests = mock.requests();
    assert_eq!(requests.len(), 1);
    assert!(requests[0]
        .headers
        .iter()
        .all(|(k, _)| k != "authorization"));
}

#[tokio::test]
async fn basic_credentials_go_with_every_request_and_a_wrong_one_is_unauthorized() {
    let mock = mock().await;
    let body = json!({"source_from": "Playground", "source_to": "Playground",
        "group_from": "Testing", "group_to": "Docs", "names": ["Another Tree"]});
    let c = Client::new(config(
        &mock,
        json!({"username": "admin", "password": "admin-pass"}),
    ))
    .unwrap();
    for group in ["A", "B"] {
        let mut args = body.clone();
        args["group_to"] = json!(group);
        c.call("clone_trees", args).await.unwrap();
    }
    let requests = mock.requests();
    assert_eq!(requests.len(), 2, "no login, no session: {requests:?}");
    assert!(requests
        .iter()
        .all(|r| r.headers.iter().any(|(k, _)| k == "authorization")));
    let wrong = Client::new(config(
        &mock,
        json!({"username": "admin", "password": "nope"}),
    ))
    .unwrap();
    let e = wrong.call("clone_trees", body).await.unwrap_err();
    assert_eq!(e.error_code(), "UNAUTHORIZED");
    assert_eq!(e.http_status(), Some(401));
    assert_eq!(e.operation(), Some("CloneTrees"));
    assert!(
        e.message().contains("not valid"),
        "the server's message: {e}"
    );
    assert_eq!(
        mock.requests().len(),
        3,
        "a refused credential is not tried again"
    );
}

#[test]
fn options_are_checked_before_anything_is_sent() {
    let refused = |o: serde_json::Value| {
        ClientConfig::from_json(&o)
            .and_then(Client::new)
            .unwrap_err()
            .error_code()
            .to_string()
    };
    assert_eq!(refused(json!({"service": "kinetic"})), "INVALID_ARGUMENT");
    assert_eq!(
        refused(json!({"service": "kinetic", "url": "https://k/kinetic-task", "api_key": "k"})),
        "INVALID_ARGUMENT"
    );
    assert_eq!(
        refused(json!({"service": "kinetic", "url": "https://k/kinetic-task", "password": "p"})),
        "INVALID_ARGUMENT"
    );
    let e = refused(json!({"service": "nosuch", "url": "https://v"}));
    assert_eq!(e, "INVALID_ARGUMENT");
}
