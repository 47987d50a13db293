use base64::Engine;
use qem_mock::{Faults, MockConfig, MockServer};
use reqwest::{Client, Method, StatusCode};
use serde_json::{json, Value};

struct T {
    server: MockServer,
    client: Client,
    api: String,
    sid: String,
}

fn basic(cred: &str) -> String {
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(cred)
    )
}

async fn login_as(client: &Client, api: &str, cred: &str) -> reqwest::Response {
    client
        .get(format!("{api}/login"))
        .header("Authorization", basic(cred))
        .send()
        .await
        .unwrap()
}

async fn setup_with(state: Option<Value>, cred: &str) -> T {
    let server = MockServer::start(MockConfig {
        tls: false,
        state,
        ..Default::default()
    })
    .await
    .unwrap();
    server.set_state(fast_state()).unwrap();
    let _ = rustls::crypto::ring::default_provider().install_default();
    let client = Client::builder().build().unwrap();
    let api = format!("{}/api/v1", server.base_url());
    let r = login_as(&client, &api, cred).await;
    assert_eq!(r.status(), 200);
    let sid = r.headers()["EnterpriseManager.APISessionID"]
        .to_str()
        .unwrap()
        .to_string();
    T {
        server,
        client,
        api,
        sid,
    }
}

fn fast_state() -> Value {
    json!({ "settings": { "run_delay_ms": 50, "stop_delay_ms": 50 } })
}

async fn setup() -> T {
    setup_with(None, "QEM\\admin:admin-pass").await
}

impl T {
    async fn call(&self, method: Method, path: &str, body: Option<Value>) -> (StatusCode, Value) {
        let mut rb = self
            .client
            .request(method, format!("{}{}", self.api, path))
            .header("EnterpriseManager.APISessionID", &self.sid)
            .header("Content-Type", "application/json");
        if let Some(b) = body {
            rb = rb.body(b.to_string());
        }
        let r = rb.send().await.unwrap();
        let st = r.status();
        let text = r.text().await.unwrap();
        let v = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or(Value::String(text))
        };
        (st, v)
    }
    async fn get(&self, path: &str) -> (StatusCode, Value) {
        self.call(Method::GET, path, None).await
    }
    async fn post(&self, path: &str, body: Option<Value>) -> (StatusCode, Value) {
        self.call(Method::POST, path, body).await
    }
}

fn code(v: &Value) -> &str {
    v["error_code"].as_str().unwrap_or_default()
}

const TASK: &str = "/servers/Local%20Server/tasks/SalesDBBackup";

#[tokio::test]
async fn login_variants() {
    let t = setup().await;
    for cred in [
        "QEM\\admin:admin-pass",
        "admin@qem:admin-pass",
        "admin@QEM:admin-pass",
        "api-token:pat-admin-123",
        "jwt:eyJ.admin.jwt",
    ] {
        let r = login_as(&t.client, &t.api, cred).await;
        assert_eq!(r.status(), 200, "{cred}");
        assert!(r.headers().contains_key("EnterpriseManager.APISessionID"));
    }
    // POST with a form content type and an empty body.
    let r = t
        .client
        .post(format!("{}/login", t.api))
        .header("Authorization", basic("QEM\\viewer:viewer-pass"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Content-Length", "0")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    for cred in ["QEM\\admin:wrong", "api-token:nope", "nobody@x:y"] {
        let r = login_as(&t.client, &t.api, cred).await;
        assert_eq!(r.status(), 401);
        let v: Value = r.json().await.unwrap();
        assert_eq!(code(&v), "UNAUTHORIZED_REQUEST");
        assert_eq!(v["error_message"], "Unauthorized Request.");
    }
    // Logout ends the session.
    let (st, _) = t.get("/logout").await;
    assert_eq!(st, 200);
    let (st, v) = t.get("/servers").await;
    assert_eq!(st.as_u16(), 440);
    assert_eq!(code(&v), "INVALID_SESSION_ID");
}

#[tokio::test]
async fn session_expiry_and_status() {
    let t = setup().await;
    t.server
        .set_state(
            json!({ "settings": { "session_idle_seconds": 1, "invalid_session_status": 401 } }),
        )
        .unwrap();
    let r = login_as(&t.client, &t.api, "QEM\\admin:admin-pass").await;
    let sid = r.headers()["EnterpriseManager.APISessionID"]
        .to_str()
        .unwrap()
        .to_string();
    let t = T { sid, ..t };
    assert_eq!(t.get("/servers").await.0, 200);
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let r = t
        .client
        .get(format!("{}/servers", t.api))
        .header("EnterpriseManager.APISessionID", &t.sid)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    assert_eq!(r.headers()["Application-Status"], "401");
    // expire_sessions
    t.server.set_state(fast_state()).unwrap();
    let r = login_as(&t.client, &t.api, "QEM\\admin:admin-pass").await;
    let sid = r.headers()["EnterpriseManager.APISessionID"]
        .to_str()
        .unwrap()
        .to_string();
    let t = T { sid, ..t };
    assert_eq!(t.get("/servers").await.0, 200);
    t.server.expire_sessions();
    let (st, v) = t.get("/servers").await;
    assert_eq!(st.as_u16(), 440);
    assert_eq!(code(&v), "INVALID_SESSION_ID");
}

#[tokio::test]
async fn servers_and_details() {
    let t = setup().await;
    let (_, v) = t.get("/servers").await;
    assert_eq!(v["serverList"][0]["$type"], "ReplicateServerInfo");
    assert_eq!(v["serverList"][0]["type"], "REPLICATE");
    let (_, v) = t.get("/servers/Local%20Server/").await;
    assert_eq!(v["serverDetails"], v["server_details"]);
    // A number, as real servers send it (`days_to_expiration_as_string` for the guide's example).
    assert!(v["serverDetails"]["license"]["days_to_expiration"].is_i64());
    assert_eq!(v["serverDetails"]["task_summary"]["total"], 1);
    let (_, v) = t.get("/servers/Nope").await;
    assert_eq!(code(&v), "AEM_SERVER_NOT_FOUND");
    // GetServer password identifier round trip in the same session.
    let (_, mut def) = t.get("/servers/Local%20Server/def").await;
    assert!(def["password"].as_str().unwrap().starts_with("{S:"));
    def["description"] = json!("changed");
    let (st, _) = t
        .call(
            Method::PUT,
            "/servers/Local%20Server/def",
            Some(def.clone()),
        )
        .await;
    assert_eq!(st, 200);
    // Another session cannot use it.
    let r = login_as(&t.client, &t.api, "QEM\\admin:admin-pass").await;
    let sid2 = r.headers()["EnterpriseManager.APISessionID"]
        .to_str()
        .unwrap()
        .to_string();
    let other = T { sid: sid2, ..t };
    let (_, v) = other
        .call(Method::PUT, "/servers/Local%20Server/def", Some(def))
        .await;
    assert_eq!(code(&v), "AEM_PUT_SERVER_INNER_ERR");
}

#[tokio::test]
async fn put_server_validation() {
    let t = setup().await;
    let good = json!({"$type": "AemReplicateServer", "name": "New1", "host": "h1.example", "port": "3552",
        "username": "admin", "password": "p", "verify_server_certificate": true, "monitored": true});
    let cases = [
        (json!({"name": "Other"}), "AEM_NAME_URL_MISMATCH"),
        (json!({"$type": "Bogus"}), "AEM_INVALID_SERVER_TYPE"),
        (json!({"host": ""}), "AEM_EMPTY_HOST"),
        (json!({"port": ""}), "AEM_EMPTY_PORT"),
        (json!({"username": ""}), "AEM_EMPTY_USERNAME"),
        (json!({"password": ""}), "AEM_EMPTY_PASSWORD"),
        (json!({"port": "99999"}), "AEM_INVALID_PORT"),
        (json!({"host": "bad/host"}), "AEM_INVALID_HOST"),
        (json!({"username": "a:b"}), "AEM_INVALID_USERNAME"),
        (json!({"description": "x".repeat(251)}), "AEM_INVALID_DESC"),
        (
            json!({"host": "rep1.example.net", "port": 443}),
            "AEM_HOST_PORT_ALREADY_EXIST",
        ),
    ];
    for (patch, want) in cases {
        let mut b = good.clone();
        for (k, v) in patch.as_object().unwrap() {
            b[k] = v.clone();
        }
        let (st, v) = t.call(Method::PUT, "/servers/New1/def", Some(b)).await;
        assert_eq!(st, 500);
        assert_eq!(code(&v), want);
    }
    let (st, v) = t
        .call(Method::PUT, "/servers/New1/def", Some(json!("{broken")))
        .await;
    assert_eq!((st.as_u16(), code(&v)), (500, "DESERIALIZE_TO_TYPE"));
    let (st, _) = t.call(Method::PUT, "/servers/New1/def", Some(good)).await;
    assert_eq!(st, 200);
    let (_, v) = t.get("/servers").await;
    assert_eq!(v["serverList"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn roles_and_acl() {
    let t = setup_with(None, "QEM\\viewer:viewer-pass").await;
    // Viewer is OPERATOR on Local Server through server_roles: may run.
    let (_, v) = t.get("/servers/Local%20Server/def").await;
    assert!(v["password"].is_string());
    let (st, v) = t.post(&format!("{TASK}?action=delete"), None).await;
    assert_eq!((st.as_u16(), code(&v)), (403, "UNAUTHORIZED_REQUEST"));
    let (st, v) = t
        .get("/security/audit_trail?start_timestamp=2020-01-01T00:00:00Z")
        .await;
    assert_eq!((st.as_u16(), code(&v)), (401, "UNAUTHORIZED_REQUEST"));

    let a = setup().await;
    let acl = |admin: Value, viewer: Value| {
        json!({"admin_role": {"users": admin, "groups": []},
        "viewer_role": {"users": viewer, "groups": []}, "disable_inheritance": true})
    };
    let p = "/servers/Local%20Server?action=acl";
    let (_, v) = a.get(p).await;
    assert_eq!(code(&v), "AEM_SERVER_HAS_NO_ACL");
    for (body, want) in [
        (
            acl(json!([{"name": "admin"}]), json!([])),
            "AEM_NO_DOMAIN_IN_USER",
        ),
        (acl(json!([]), json!([])), "AEM_NO_ADMIN_ON_SERVER"),
        (
            acl(
                json!([{"name": "QEM\\admin"}]),
                json!([{"name": "QEM\\admin"}]),
            ),
            "AEM_USER_ASSIGNED_TO_MULTIPLE_ROLES",
        ),
        (
            json!({"admin_role": {"users": [{"name": "QEM\\x"}], "groups": [{"name": "QEM\\x"}]}}),
            "AEM_USER_GROUP_MULTIPLE_ASSIGNED",
        ),
        (json!({"boss_role": {}}), "DESERIALIZE_TO_TYPE"),
    ] {
        let (_, v) = a.call(Method::PUT, p, Some(body)).await;
        assert_eq!(code(&v), want);
    }
    // The operator listed as viewer in the ACL loses its operator rights on that server.
    let body = acl(
        json!([{"name": "QEM\\admin"}]),
        json!([{"name": "qem\\operator"}]),
    );
    assert_eq!(a.call(Method::PUT, p, Some(body.clone())).await.0, 200);
    assert_eq!(a.get(p).await.1["admin_role"], body["admin_role"]);
    let o = setup_with(None, "QEM\\operator:operator-pass").await;
    o.server.set_state(a.server.state()).unwrap();
    let r = login_as(&o.client, &o.api, "QEM\\operator:operator-pass").await;
    let o = T {
        sid: r.headers()["EnterpriseManager.APISessionID"]
            .to_str()
            .unwrap()
            .into(),
        ..o
    };
    let (st, _) = o
        .post(&format!("{TASK}?action=run&option=RESUME_PROCESSING"), None)
        .await;
    assert_eq!(st.as_u16(), 403);
    assert_eq!(o.get(TASK).await.0, 200);
    assert_eq!(a.call(Method::DELETE, p, None).await.0, 200);
    assert_eq!(
        code(&a.call(Method::DELETE, p, None).await.1),
        "AEM_SERVER_HAS_NO_ACL"
    );
}

#[tokio::test]
async fn run_stop_cycle() {
    let t = setup().await;
    let (st, v) = t
        .post(
            &format!("{TASK}/?action=run&option=RESUME_PROCESSING&timeout=5"),
            None,
        )
        .await;
    assert_eq!(st, 200, "{v}");
    assert_eq!(v, json!({"state": "RUNNING", "error_message": ""}));
    let (_, v) = t
        .post(&format!("{TASK}?action=run&option=RESUME_PROCESSING"), None)
        .await;
    assert_eq!(code(&v), "AEM_TASK_ALREADY_RUNNING");
    let (_, v) = t.get(TASK).await;
    assert_eq!(v["state"], "RUNNING");
    assert!(v["cdc_transactions_counters"]["applied_comitted_transaction_count"].is_number());
    assert_eq!(v["cdc_latency"]["total_latency"], "00:00:00");
    let (_, v) = t.post(&format!("{TASK}?action=delete"), None).await;
    assert_eq!(code(&v), "AEM_TASK_NOT_STOPPED");
    let (_, v) = t.post(&format!("{TASK}?action=stop&timeout=0"), None).await;
    assert_eq!(v["state"], "STOPPING");
    tokio::time::sleep(std::time::Duration::from_millis(80)).await;
    let (_, v) = t.get("/servers/Local%20Server/tasks").await;
    assert_eq!(v["taskList"][0]["state"], "STOPPED");
    let (_, v) = t.post(&format!("{TASK}?action=stop"), None).await;
    assert_eq!(code(&v), "AEM_TASK_ALREADY_STOPPED");
    // cdcposition checks
    let (_, v) = t
        .post(
            &format!("{TASK}?action=run&option=RELOAD_TARGET"),
            Some(json!({"cdcposition": "2017-03-07T11:19:03"})),
        )
        .await;
    assert_eq!(code(&v), "AEM_WRONG_OPTION_FOR_CDCPOSITION");
    let (_, v) = t
        .post(
            &format!("{TASK}?action=run&option=RESUME_PROCESSING_FROM_TIMESTAMP"),
            Some(json!({"cdcposition": "yesterday"})),
        )
        .await;
    assert_eq!(code(&v), "AEM_CDC_POSITION_ERR_FORMAT");
    let inline = json!("{\"cdcposition\": \"2017-03-07T11:19:03\"}");
    let (st, v) = t
        .post(
            &format!("{TASK}?action=run&option=resume_processing_from_timestamp&timeout=5"),
            Some(inline),
        )
        .await;
    assert_eq!(
        (st.as_u16(), v["state"].as_str()),
        (200, Some("RUNNING")),
        "{v}"
    );
    // run_timeout fault
    let mut s = t.server.state();
    s["servers"][0]["tasks"][0]["state"] = json!("STOPPED");
    s["servers"][0]["tasks"][0]["fault"] = json!("run_timeout");
    t.server.set_state(s).unwrap();
    let r = login_as(&t.client, &t.api, "QEM\\admin:admin-pass").await;
    let t = T {
        sid: r.headers()["EnterpriseManager.APISessionID"]
            .to_str()
            .unwrap()
            .into(),
        ..t
    };
    let (_, v) = t
        .post(
            &format!("{TASK}?action=run&option=RESUME_PROCESSING&timeout=1"),
            None,
        )
        .await;
    assert_eq!(code(&v), "AEM_RUN_TASK_TIMEOUT");
    let (_, v) = t.get(TASK).await;
    assert_eq!(v["state"], "STARTING");
    let (_, v) = t.post(&format!("{TASK}?action=stop&timeout=5"), None).await;
    assert_eq!(v["state"], "STOPPED");
    let (_, v) = t
        .get("/security/audit_trail?start_timestamp=2000-01-01T00:00:00Z")
        .await;
    assert!(v["audit_trail"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["action"] == "RunTask"));
    let (_, v) = t.get("/security/audit_trail?start_timestamp=2030-01-01T00:00:00Z&end_timestamp=2020-01-01T00:00:00Z").await;
    assert_eq!(code(&v), "AEM_EXPORT_INNER_ERR");
    let (_, v) = t.get("/security/audit_trail?start_timestamp=garbage").await;
    assert_eq!(code(&v), "AEM_INVALID_TIMESTAMP_FORMAT");
}

#[tokio::test]
async fn tables_filtering_and_actions() {
    let t = setup().await;
    let (_, v) = t
        .get(&format!("{TASK}/tables?schema=SALES&table=ORDER_"))
        .await;
    assert_eq!(v["tablelist"].as_array().unwrap().len(), 1);
    assert_eq!(v["tablelist"][0]["table"], "ORDERS");
    let (_, v) = t.get(&format!("{TASK}/tables?table=ORDER%25")).await;
    assert_eq!(v["tablelist"].as_array().unwrap().len(), 2);
    let (_, v) = t
        .get(&format!("{TASK}/tables?table=%25ITEMS&schema=None"))
        .await;
    assert_eq!(v["tablelist"][0]["table"], "ORDER_ITEMS");
    let (_, v) = t
        .get(&format!(
            "{TASK}/tables?includecompleted=false&includeerror=FALSE"
        ))
        .await;
    assert_eq!(v["tablelist"].as_array().unwrap().len(), 2);
    let (_, v) = t.get(&format!("{TASK}/tables?includeerror=true")).await;
    assert_eq!(v["tablelist"].as_array().unwrap().len(), 0);
    let (_, v) = t
        .get(&format!(
            "{TASK}/tables?action=getstatus&includecompleted=TRUE"
        ))
        .await;
    assert_eq!(
        v["table_details"][0]["table_full_load_info"]["transferred_row_count"],
        1200
    );
    let (_, v) = t
        .post(
            &format!("{TASK}/tables?action=reload&schema=SALES&table=ORDERS"),
            None,
        )
        .await;
    assert_eq!(v, Value::Null);
    let (_, v) = t.get(&format!("{TASK}/tables?table=ORDERS")).await;
    assert_eq!(v["tablelist"][0]["state"], "TABLE_QUEUED");
    let (_, v) = t
        .post(
            &format!("{TASK}/tables?action=reload&schema=SALES&table=NOPE"),
            None,
        )
        .await;
    assert_eq!(code(&v), "AEM_RELOAD_TABLE_ERR");
    let (_, v) = t
        .post(
            &format!("{TASK}/tables?action=Resume&schema=SALES&table=ORDERS"),
            None,
        )
        .await;
    assert_eq!(code(&v), "AEM_UNSPEND_TABLE_ERR");
    let sel = json!({"included_pattern": [{"owner": "dbo", "name": "tbl%", "load_order": "HIGH", "table_type": "TABLE"}],
        "excluded_pattern": [], "explicit_included_tables": [{"owner": "dbo", "name": "employees"}]});
    assert_eq!(
        t.call(
            Method::PUT,
            &format!("{TASK}/tables?action=selection"),
            Some(sel)
        )
        .await
        .0,
        200
    );
    let (_, v) = t.get(&format!("{TASK}/tables?action=selection")).await;
    assert_eq!(v["included_pattern"][0]["load_order"], 1000);
    assert_eq!(v["explicit_included_tables"][0]["table_type"], "TABLE");
    let (_, v) = t.get("/servers/Local%20Server/tasks/Nope/tables").await;
    assert_eq!(code(&v), "AEM_TASK_NOT_FOUND");
}

#[tokio::test]
async fn endpoints_patch_delete_test() {
    let t = setup().await;
    let ep = "/servers/Local%20Server/endpoints/Oracle%20Source";
    let (_, v) = t.get("/servers/Local%20Server/endpoints").await;
    assert_eq!(v["endpointList"].as_array().unwrap().len(), 2);
    let ok = json!([
        {"op": "test", "path": "/db_settings/username", "value": "repl"},
        {"op": "replace", "path": "/db_settings/username", "value": "repl2"},
        {"op": "add", "path": "/db_settings/extra", "value": {"a": 1}},
        {"op": "remove", "path": "/db_settings/extra/a"}
    ]);
    assert_eq!(t.call(Method::PATCH, ep, Some(ok)).await.0, 200);
    let s = t.server.state();
    assert_eq!(
        s["servers"][0]["endpoints"][0]["db_settings"]["username"],
        "repl2"
    );
    for bad in [
        json!([{"op": "move", "from": "/db_settings/a", "path": "/db_settings/b"}]),
        json!([{"op": "replace", "path": "/name", "value": "x"}]),
        json!([{"op": "replace", "path": "/db_settings/$type", "value": "X"}]),
        json!([{"op": "test", "path": "/db_settings/username", "value": "nope"}]),
    ] {
        let (_, v) = t.call(Method::PATCH, ep, Some(bad)).await;
        assert_eq!(code(&v), "AEM_PATCH_ENDPOINT_INNER_ERR");
    }
    let (_, v) = t
        .call(
            Method::PATCH,
            "/servers/Local%20Server/endpoints/Nope",
            Some(json!([])),
        )
        .await;
    assert_eq!(code(&v), "AEM_ENDPOINT_NOT_FOUND");
    let (_, v) = t.get(&format!("{ep}?action=test&timeout=10")).await;
    assert_eq!(
        (
            v["requeststate"].as_str(),
            v["state"].as_str(),
            v["status"].as_str()
        ),
        (Some("SUCCESS"), Some("CONNECTED"), Some("CONNECTED"))
    );
    let (_, v) = t
        .call(Method::DELETE, &format!("{ep}?action=delete"), None)
        .await;
    assert_eq!(code(&v), "AEM_ENDPOINT_IS_IN_USE");
    let (_, v) = t
        .call(
            Method::PUT,
            &format!("{ep}?action=reconfigure&configuration=Nope"),
            None,
        )
        .await;
    assert_eq!(code(&v), "AEM_RECONFIGURE_ENDPOINT_INNER_ERR");
    assert_eq!(
        t.post(&format!("{TASK}?action=delete&deletetasklogs=true"), None)
            .await
            .0,
        200
    );
    assert_eq!(t.post(&format!("{ep}?action=delete"), None).await.0, 200);
    let (_, v) = t.get("/servers/Local%20Server/endpoints").await;
    assert_eq!(v["endpointList"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn export_import_clone_round_trip() {
    let t = setup().await;
    let (st, doc) = t
        .get(&format!("{TASK}?action=export&withendpoints=true"))
        .await;
    assert_eq!(st, 200);
    let rd = &doc["cmd.replication_definition"];
    assert_eq!(rd["tasks"][0]["task"]["name"], "SalesDBBackup");
    assert_eq!(rd["databases"].as_array().unwrap().len(), 2);
    assert!(doc["_version"]["version_major"].is_i64());
    assert!(doc["description"]
        .as_str()
        .unwrap()
        .starts_with("Host name: "));
    let (_, plain) = t.get(&format!("{TASK}?action=export")).await;
    assert!(plain["cmd.replication_definition"]
        .get("databases")
        .is_none());
    // Import under a new name, with a leading comment line.
    let body = format!("// exported\n{}", plain);
    let r = t
        .client
        .post(format!(
            "{}/servers/Local%20Server/tasks/Copy%201?action=import",
            t.api
        ))
        .header("EnterpriseManager.APISessionID", &t.sid)
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let (_, v) = t.get("/servers/Local%20Server/tasks/Copy%201").await;
    assert_eq!(v["source_endpoint"]["name"], "Oracle Source");
    let (_, v) = t
        .post(
            "/servers/Local%20Server/tasks/X?action=import",
            Some(json!({})),
        )
        .await;
    assert_eq!(code(&v), "AEM_IMPORT_TASK_CONTENT_EMPTY");
    let mut two = plain.clone();
    let entry = two["cmd.replication_definition"]["tasks"][0].clone();
    two["cmd.replication_definition"]["tasks"] = json!([entry.clone(), entry.clone()]);
    assert_eq!(
        code(
            &t.post("/servers/Local%20Server/tasks/X?action=import", Some(two))
                .await
                .1
        ),
        "AEM_IMPORT_TASK_CONTAINS_MULTIPLE_TASKS"
    );
    let mut missing = plain.clone();
    missing["cmd.replication_definition"]["tasks"][0]["task"]["source_name"] = json!("Ghost");
    let (_, v) = t
        .post(
            "/servers/Local%20Server/tasks/X?action=import",
            Some(missing),
        )
        .await;
    assert_eq!(code(&v), "AEM_IMPORT_TASK_NO_ENDPOINT_IN_SERVER");
    // Clone
    let c = "/servers/Local%20Server/tasks/SalesDBBackup?action=clone";
    assert_eq!(
        code(&t.post(c, Some(json!({}))).await.1),
        "AEM_MISSING_FIELD"
    );
    assert_eq!(
        code(&t.post(c, Some(json!({"new_task_name": "Copy 1"}))).await.1),
        "AEM_TASK_ALREADY_EXISTS"
    );
    assert_eq!(
        code(
            &t.post(
                c,
                Some(json!({"new_task_name": "C2", "new_source_endpoint": "Delta Target"}))
            )
            .await
            .1
        ),
        "AEM_CLONE_TASK_INNER_ERR"
    );
    assert_eq!(
        t.post(
            c,
            Some(json!({"new_task_name": "C2", "new_target_schema": "T"}))
        )
        .await
        .0,
        200
    );
    // ExportAll / ImportAll
    let (_, all) = t.get("/servers/Local%20Server?action=export").await;
    assert_eq!(
        all["cmd.replication_definition"]["tasks"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    let mut s = t.server.state();
    s["servers"][0]["tasks"] = json!([]);
    s["servers"][0]["endpoints"] = json!([]);
    t.server.set_state(s).unwrap();
    let r = login_as(&t.client, &t.api, "QEM\\admin:admin-pass").await;
    let t = T {
        sid: r.headers()["EnterpriseManager.APISessionID"]
            .to_str()
            .unwrap()
            .into(),
        ..t
    };
    assert_eq!(
        t.post("/servers/Local%20Server?action=import", Some(all.clone()))
            .await
            .0,
        200
    );
    let (_, again) = t.get("/servers/Local%20Server?action=export").await;
    assert_eq!(
        again["cmd.replication_definition"]["tasks"],
        all["cmd.replication_definition"]["tasks"]
    );
    assert_eq!(
        again["cmd.replication_definition"]["databases"],
        all["cmd.replication_definition"]["databases"]
    );
    assert_eq!(
        code(
            &t.post("/servers/Local%20Server?action=import", Some(json!({})))
                .await
                .1
        ),
        "AEM_IMPORT_CONTENT_EMPTY"
    );
}

#[tokio::test]
async fn change_data_methods() {
    let t = setup().await;
    let p = format!("{TASK}?action=delete_old_change_data");
    assert_eq!(
        t.post(&p, Some(json!({"timestamp_or_offset": "P1D"})))
            .await
            .0,
        200
    );
    assert_eq!(
        t.post(
            &p,
            Some(json!({"timestamp_or_offset": "2020-07-30T16:15:00Z"}))
        )
        .await
        .0,
        200
    );
    assert_eq!(
        code(
            &t.post(&p, Some(json!({"timestamp_or_offset": "soon"})))
                .await
                .1
        ),
        "AEM_INVALID_TIMESTAMP_OR_OFFSET_FORMAT"
    );
    let g = format!("{TASK}?action=get_change_data_retention_barrier");
    assert_eq!(
        code(&t.get(&g).await.1),
        "AEM_GET_CHANGE_DATA_RETENTION_BARRIER_INNER_ERR"
    );
    let s = format!("{TASK}?action=set_change_data_retention_barrier");
    let body = json!({"retention_point": "2020-06-30T16:15:00Z", "application": "xxx"});
    assert_eq!(t.call(Method::PUT, &s, Some(body)).await.0, 200);
    assert_eq!(
        t.get(&g).await.1,
        json!({"application": "xxx", "retention_point": "2020-06-30T16:15:00Z"})
    );
    let bad = json!({"retention_point": "06/30/2020", "application": "xxx"});
    assert_eq!(
        code(&t.call(Method::PUT, &s, Some(bad)).await.1),
        "AEM_INVALID_TIMESTAMP_FORMAT"
    );
}

#[tokio::test]
async fn faults_and_request_log() {
    let t = setup().await;
    t.server.set_faults(Faults {
        error_rate: 1.0,
        error_status: 503,
        seed: 7,
        ..Default::default()
    });
    let r = t
        .client
        .get(format!("{}/servers", t.api))
        .header("EnterpriseManager.APISessionID", &t.sid)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 503);
    assert!(r.text().await.unwrap().contains("<html>"));
    // Control endpoints are never faulted.
    let base = t
        .server
        .base_url()
        .replace("/attunityenterprisemanager", "");
    let r = t
        .client
        .get(format!("{base}/mock/health"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    t.server.set_faults(Faults {
        drop_rate: 1.0,
        seed: 1,
        ..Default::default()
    });
    let fresh = Client::new();
    assert!(fresh
        .get(format!("{}/servers", t.api))
        .header("EnterpriseManager.APISessionID", &t.sid)
        .send()
        .await
        .is_err());
    t.server.set_faults(Faults {
        latency_ms: 100,
        ..Default::default()
    });
    let start = std::time::Instant::now();
    assert_eq!(t.get("/servers").await.0, 200);
    assert!(start.elapsed() >= std::time::Duration::from_millis(100));
    // The request log redacts Authorization.
    let r = t
        .client
        .put(format!("{base}/mock/faults"))
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let log = t.server.requests();
    assert!(log.iter().any(|r| r.path.ends_with("/login")
        && r.headers
            .iter()
            .any(|(k, v)| k == "authorization" && v == "<redacted>")));
    let r: Value = t
        .client
        .get(format!("{base}/mock/requests"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(!r.as_array().unwrap().is_empty());
}

#[tokio::test]
async fn names_with_special_characters() {
    let t = setup().await;
    let mut s = t.server.state();
    s["servers"][0]["tasks"][0]["name"] = json!("a b/c?d#e%f");
    t.server.set_state(s).unwrap();
    let r = login_as(&t.client, &t.api, "QEM\\admin:admin-pass").await;
    let t = T {
        sid: r.headers()["EnterpriseManager.APISessionID"]
            .to_str()
            .unwrap()
            .into(),
        ..t
    };
    let (st, v) = t
        .get("/servers/Local%20Server/tasks/a%20b%2Fc%3Fd%23e%25f")
        .await;
    assert_eq!(st, 200);
    assert_eq!(v["name"], "a b/c?d#e%f");
}

#[tokio::test]
async fn generate_and_stream_big_export() {
    let t = setup().await;
    let base = t
        .server
        .base_url()
        .replace("/attunityenterprisemanager", "");
    let r: Value = t
        .client
        .post(format!("{base}/mock/generate"))
        .body(
            json!({"server": "Big", "tasks": 200, "tables_per_task": 5, "padding_bytes": 10000})
                .to_string(),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(r["tasks"], 200);
    let (st, doc) = t.get("/servers/Big?action=export").await;
    assert_eq!(st, 200);
    let tasks = doc["cmd.replication_definition"]["tasks"]
        .as_array()
        .unwrap();
    assert_eq!(tasks.len(), 200);
    assert_eq!(
        tasks[0]["source"]["source_tables"]["explicit_included_tables"]
            .as_array()
            .unwrap()
            .len(),
        5
    );
}

#[test]
fn https_background_server() {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let server = MockServer::start_background(MockConfig::default()).unwrap();
    assert!(server.base_url().starts_with("https://127.0.0.1:"));
    let pem = server.ca_cert_pem().unwrap();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let client = Client::builder()
            .add_root_certificate(reqwest::Certificate::from_pem(pem.as_bytes()).unwrap())
            .build()
            .unwrap();
        let api = format!("{}/api/v1", server.base_url());
        let r = login_as(&client, &api, "QEM\\admin:admin-pass").await;
        assert_eq!(r.status(), 200);
        let sid = r.headers()["EnterpriseManager.APISessionID"]
            .to_str()
            .unwrap()
            .to_string();
        let v: Value = client
            .get(format!("{api}/servers"))
            .header("EnterpriseManager.APISessionID", sid)
            .header("Content-Type", "application/json")
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(v["serverList"][0]["name"], "Local Server");
    });
    server.shutdown();
}
