//! The requests real clients send, byte for byte over a raw socket, and the answers'
//! bytes as real clients read them (real-server-notes.md): Qlik's two Python clients and
//! the public Postman collection run unmodified against the mock.

use base64::Engine;
use qem_mock::{MockConfig, MockServer};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const API: &str = "/attunityenterprisemanager/api/v1";

/// An answer as it came off the wire.
struct Answer {
    status: u16,
    /// Header lines, names in the spelling they were written in.
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    /// A header by its exact name, as scripts read it.
    fn exact(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or(Value::Null)
    }
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

async fn start(state: Option<Value>) -> MockServer {
    let server = MockServer::start(MockConfig {
        tls: false,
        ..Default::default()
    })
    .await
    .unwrap();
    let mut s = state.unwrap_or_else(|| json!({}));
    s["settings"]["run_delay_ms"] = json!(20);
    s["settings"]["stop_delay_ms"] = json!(20);
    server.set_state(s).unwrap();
    server
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(eol) = b.windows(2).position(|w| w == b"\r\n") else {
            return out;
        };
        let size =
            usize::from_str_radix(std::str::from_utf8(&b[..eol]).unwrap().trim(), 16).unwrap_or(0);
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&b[eol + 2..eol + 2 + size]);
        b = &b[eol + 2 + size + 2..];
    }
}

/// Sends `head` (request line and headers, no blank line) and `body` as they are, with
/// `Connection: close`, and reads the whole answer.
async fn raw(server: &MockServer, head: &str, body: &[u8]) -> Answer {
    let mut s = tokio::net::TcpStream::connect(server.addr()).await.unwrap();
    let mut req = format!(
        "{head}\r\nHost: {}\r\nConnection: close\r\n\r\n",
        server.addr()
    )
    .into_bytes();
    req.extend_from_slice(body);
    s.write_all(&req).await.unwrap();
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).await.unwrap();
    let end = buf
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a head");
    let head = String::from_utf8(buf[..end].to_vec()).unwrap();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers: Vec<(String, String)> = lines
        .map(|l| {
            let (k, v) = l.split_once(':').unwrap();
            (k.to_string(), v.trim().to_string())
        })
        .collect();
    let mut body = buf[end + 4..].to_vec();
    if headers
        .iter()
        .any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"))
    {
        body = dechunk(&body);
    }
    Answer {
        status,
        headers,
        body,
    }
}

fn basic(cred: &str) -> String {
    format!(
        "Authorization: Basic {}",
        base64::engine::general_purpose::STANDARD.encode(cred)
    )
}

/// Logs in by GET (Qlik's older client, the Postman collection) and reads the session
/// header by its exact name, as the Postman collection's login script does.
async fn login(server: &MockServer) -> String {
    let a = raw(
        server,
        &format!(
            "GET {API}/login HTTP/1.1\r\n{}",
            basic("QEM\\admin:admin-pass")
        ),
        b"",
    )
    .await;
    assert_eq!(a.status, 200);
    a.exact("EnterpriseManager.APISessionID")
        .expect("the session header in the server's spelling")
        .to_string()
}

#[tokio::test]
async fn header_names_are_written_as_the_real_server_writes_them() {
    let server = start(None).await;
    let a = raw(
        &server,
        &format!(
            "GET {API}/login HTTP/1.1\r\n{}",
            basic("QEM\\admin:admin-pass")
        ),
        b"",
    )
    .await;
    let names: Vec<&str> = a.headers.iter().map(|(k, _)| k.as_str()).collect();
    for want in [
        "EnterpriseManager.APISessionID",
        "Content-Type",
        "Content-Length",
        "Date",
    ] {
        assert!(names.contains(&want), "{want} missing from {names:?}");
    }
    let sid = a
        .exact("EnterpriseManager.APISessionID")
        .unwrap()
        .to_string();
    let list = raw(
        &server,
        &format!("GET {API}/servers HTTP/1.1\r\nEnterpriseManager.APISessionID: {sid}"),
        b"",
    )
    .await;
    assert_eq!(list.status, 200);
    assert_eq!(
        list.exact("Content-Type"),
        Some("application/json; charset=utf-8")
    );
    assert_eq!(list.exact("Cache-Control"), Some("no-cache, no-store"));
    let expired = raw(
        &server,
        &format!("GET {API}/servers HTTP/1.1\r\nEnterpriseManager.APISessionID: nope"),
        b"",
    )
    .await;
    assert_eq!(expired.status, 440);
    assert_eq!(expired.exact("Application-Status"), Some("440"));
    // No answer of any kind carries a lower-case header name.
    for a in [&a, &list, &expired] {
        for (k, _) in &a.headers {
            assert!(k.starts_with(|c: char| c.is_ascii_uppercase()), "{k}");
        }
    }
}

/// Qlik's newer client: login by POST with a form content type and an empty body, then
/// every login answer header but the exact key `Content-Length` copied into every later
/// request, beside `Content-Type: application/json` on GETs too.
#[tokio::test]
async fn qlik_newer_client_echoes_the_login_headers() {
    let server = start(None).await;
    let a = raw(
        &server,
        &format!(
            "POST {API}/login HTTP/1.1\r\n{}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 0",
            basic("QEM\\admin:admin-pass")
        ),
        b"",
    )
    .await;
    assert_eq!(a.status, 200);
    let echoed: String = a
        .headers
        .iter()
        .filter(|(k, _)| k != "Content-Length" && k != "Content-Type")
        .map(|(k, v)| format!("\r\n{k}: {v}"))
        .collect();
    assert!(echoed.contains("EnterpriseManager.APISessionID"));
    let get = raw(
        &server,
        &format!("GET {API}/servers/Local%20Server/tasks HTTP/1.1\r\nContent-Type: application/json{echoed}"),
        b"",
    )
    .await;
    assert_eq!(get.status, 200, "{}", get.text());
    assert_eq!(get.json()["taskList"][0]["name"], "SalesDBBackup");
    let body = br#"{"$type": "AemRunTaskReq", "cdcposition": null}"#;
    let run = raw(
        &server,
        &format!(
            "POST {API}/servers/Local%20Server/tasks/SalesDBBackup?action=run&option=RELOAD_TARGET&timeout=30 HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: {}{echoed}",
            body.len()
        ),
        body,
    )
    .await;
    assert_eq!(run.status, 200, "{}", run.text());
    assert_eq!(run.json()["state"], "RUNNING");
}

/// The public Postman collection: an empty `cdcposition` with options that need none,
/// `Content-Length: 0` on bodiless POSTs.
#[tokio::test]
async fn postman_collection_requests() {
    let server = start(None).await;
    let sid = login(&server).await;
    let task = format!("{API}/servers/Local%20Server/tasks/SalesDBBackup");
    for option in ["RELOAD_TARGET", "RESUME_PROCESSING"] {
        let body = br#"{"cdcposition": ""}"#;
        let run = raw(
            &server,
            &format!(
                "POST {task}?action=run&option={option} HTTP/1.1\r\nEnterpriseManager.APISessionID: {sid}\r\nContent-Type: application/json\r\nContent-Length: {}",
                body.len()
            ),
            body,
        )
        .await;
        assert_eq!(
            (run.status, run.json()["state"].clone()),
            (200, json!("RUNNING")),
            "{}",
            run.text()
        );
        let stop = raw(
            &server,
            &format!("POST {task}?action=stop HTTP/1.1\r\nEnterpriseManager.APISessionID: {sid}\r\nContent-Length: 0"),
            b"",
        )
        .await;
        assert_eq!(stop.status, 200, "{}", stop.text());
        assert_eq!(stop.json()["state"], "STOPPED");
    }
    // A real position with an option that takes none is still refused, as the guide says.
    let body = br#"{"cdcposition": "2024-01-01T00:00:00"}"#;
    let wrong = raw(
        &server,
        &format!(
            "POST {task}?action=run&option=RESUME_PROCESSING HTTP/1.1\r\nEnterpriseManager.APISessionID: {sid}\r\nContent-Length: {}",
            body.len()
        ),
        body,
    )
    .await;
    assert_eq!(
        wrong.json()["error_code"],
        "AEM_WRONG_OPTION_FOR_CDCPOSITION"
    );
}

/// A slash before the query (Qlik's older client) and a doubled slash reach the method
/// of the plain path; an unknown action stays refused.
#[tokio::test]
async fn slashes_before_the_query() {
    let server = start(None).await;
    let sid = login(&server).await;
    let task = format!("{API}/servers/Local%20Server/tasks/SalesDBBackup");
    let h = format!("EnterpriseManager.APISessionID: {sid}\r\nContent-Type: application/json");
    let export = raw(
        &server,
        &format!("GET {task}//?action=export HTTP/1.1\r\n{h}"),
        b"",
    )
    .await;
    assert_eq!(export.status, 200);
    assert!(export.text().contains("\"cmd.replication_definition\":\t{"));
    let run = raw(
        &server,
        &format!(
            "POST {task}/?action=run&option=RESUME_PROCESSING HTTP/1.1\r\n{h}\r\nContent-Length: 0"
        ),
        b"",
    )
    .await;
    assert_eq!(run.json()["state"], "RUNNING", "{}", run.text());
    let acl = raw(
        &server,
        &format!("GET {API}/servers/Local%20Server/?action=acl HTTP/1.1\r\n{h}"),
        b"",
    )
    .await;
    assert_eq!(
        acl.json()["error_code"],
        "AEM_SERVER_HAS_NO_ACL",
        "{}",
        acl.text()
    );
    let unknown = raw(
        &server,
        &format!("GET {task}/?action=launch HTTP/1.1\r\n{h}"),
        b"",
    )
    .await;
    assert_eq!(unknown.status, 404);
}

/// Qlik's older client encodes every name and parameter twice (`Local%2520Server`).
#[tokio::test]
async fn names_encoded_twice() {
    let server = start(None).await;
    let sid = login(&server).await;
    let h = format!("EnterpriseManager.APISessionID: {sid}\r\nContent-Type: application/json");
    let get = |path: String| {
        let server = &server;
        let h = h.clone();
        async move { raw(server, &format!("GET {API}{path} HTTP/1.1\r\n{h}"), b"").await }
    };
    let details = get("/servers/Local%2520Server".into()).await;
    assert_eq!(details.status, 200, "{}", details.text());
    assert_eq!(details.json()["serverDetails"]["name"], "Local Server");
    let task = get("/servers/Local%2520Server/tasks/SalesDBBackup".into()).await;
    assert_eq!(task.json()["name"], "SalesDBBackup");
    // Its parameters too: `timeout=30` and a timestamp's colons arrive encoded twice.
    let trail = get(
        "/security/audit_trail?start_timestamp=2020-01-01T00%253A00%253A00&end_timestamp=None"
            .into(),
    )
    .await;
    assert_eq!(trail.status, 200, "{}", trail.text());

    // Names that really hold `%` (task names may; server names may not): the name
    // decoded once is looked up first, and a created name is the one the body gives.
    let export = get("/servers/Local%20Server/tasks/SalesDBBackup?action=export".into()).await;
    let import = |name: &'static str, path_name: String| {
        let mut doc = export.json();
        let server = &server;
        let h = h.clone();
        async move {
            doc["cmd.replication_definition"]["tasks"][0]["task"]["name"] = json!(name);
            let body = doc.to_string();
            raw(
                server,
                &format!("POST {API}/servers/Local%20Server/tasks/{path_name}?action=import HTTP/1.1\r\n{h}\r\nContent-Length: {}", body.len()),
                body.as_bytes(),
            )
            .await
        }
    };
    for name in ["A", "100%", "a%41b", "%41"] {
        let put = import(name, percent(name)).await;
        assert_eq!(put.status, 200, "{name}: {}", put.text());
    }
    for (path_name, want) in [
        ("100%25", "100%"),     // once: `100%`
        ("100%2525", "100%"),   // twice
        ("a%2541b", "a%41b"),   // once: the name holds an escape-like `%41`
        ("a%252541b", "a%41b"), // twice
        ("%2541", "%41"),       // once: `%41` exists, so it is not read as `A`
        ("%41", "A"),           // once: plain `A`
        ("%252541", "%41"),     // twice
    ] {
        let d = get(format!("/servers/Local%20Server/tasks/{path_name}")).await;
        assert_eq!(d.json()["name"], want, "{path_name}: {}", d.text());
    }
    let list = get("/servers/Local%20Server/tasks".into()).await;
    assert_eq!(
        list.json()["taskList"].as_array().unwrap().len(),
        5,
        "{}",
        list.text()
    );
    let none = get("/servers/No%2520Such".into()).await;
    assert_eq!(
        none.json()["error_code"],
        "AEM_SERVER_NOT_FOUND",
        "{}",
        none.text()
    );

    // A name the request creates: the document's name tells which decoding was meant.
    let mut doc = export.json();
    doc["cmd.replication_definition"]["tasks"][0]["task"]["name"] = json!("New Task");
    let body = doc.to_string();
    let import = raw(
        &server,
        &format!("POST {API}/servers/Local%2520Server/tasks/New%2520Task?action=import HTTP/1.1\r\n{h}\r\nContent-Length: {}", body.len()),
        body.as_bytes(),
    )
    .await;
    assert_eq!(import.status, 200, "{}", import.text());
    let list = get("/servers/Local%20Server/tasks".into()).await;
    let names: Vec<String> = list.json()["taskList"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap().to_string())
        .collect();
    assert!(names.iter().any(|n| n == "New Task"), "{names:?}");
    assert!(!names.iter().any(|n| n == "New%20Task"), "{names:?}");
    let log = server.requests();
    let last = log
        .iter()
        .rev()
        .find(|r| r.operation.as_deref() == Some("import_task"))
        .unwrap();
    assert_eq!(last.names.get("task").map(String::as_str), Some("New Task"));
}

fn percent(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The `license` GetServerDetails answers for a server whose license is in `state`,
/// expiring in 2099, under `settings`.
async fn license_of(state: &str, settings: Value) -> Value {
    let server = start(Some(json!({"settings": settings, "servers": [{"name": "S",
        "host": "s.example.net", "port": 443,
        "license": {"state": state, "expiration": "2099-01-01"}}]})))
    .await;
    let sid = login(&server).await;
    let d = raw(
        &server,
        &format!("GET {API}/servers/S HTTP/1.1\r\nEnterpriseManager.APISessionID: {sid}"),
        b"",
    )
    .await;
    d.json()["serverDetails"]["license"].clone()
}

/// GetServerDetails spells license states as real servers do (`VALID_LICENSE`), or as
/// the guide's REST chapter does with `license_state_spelling: "rest"`.
#[tokio::test]
async fn license_state_spellings() {
    for (spelling, seeded, want) in [
        (None, "LICENSE_VALID", "VALID_LICENSE"),
        (None, "VALID_LICENSE", "VALID_LICENSE"),
        (Some("sdk"), "EXPIRED_LICENSE", "EXPIRED_LICENSE"),
        (Some("rest"), "VALID_LICENSE", "LICENSE_VALID"),
        (
            Some("rest"),
            "EXPIRED_LICENSE",
            "LICENSE_EXPIRED_NO_LICENSE",
        ),
        (
            Some("rest"),
            "INVALID_LICENSE_CHECKSUM",
            "LICENSE_INVALID_CHECKSUM",
        ),
        (Some("rest"), "SOMETHING_NEW", "SOMETHING_NEW"),
    ] {
        let settings = spelling.map_or(json!({}), |s| json!({"license_state_spelling": s}));
        assert_eq!(
            license_of(seeded, settings).await["state"],
            want,
            "{spelling:?} {seeded}"
        );
    }
}

/// Exports: multi-line, tab-indented like real ones, the same bytes on every call.
#[tokio::test]
async fn exports_are_pretty_and_byte_stable() {
    let server = start(None).await;
    let sid = login(&server).await;
    let h = format!("EnterpriseManager.APISessionID: {sid}");
    let url = format!(
        "{API}/servers/Local%20Server/tasks/SalesDBBackup?action=export&withendpoints=true"
    );
    let a = raw(&server, &format!("GET {url} HTTP/1.1\r\n{h}"), b"").await;
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    let b = raw(&server, &format!("GET {url} HTTP/1.1\r\n{h}"), b"").await;
    assert_eq!(a.text(), b.text());
    let text = a.text();
    assert!(
        text.starts_with("{\n\t\"name\":\t\"SalesDBBackup__"),
        "{text}"
    );
    assert!(
        text.contains("\n\t\t\"tasks\":\t[{\n\t\t\t\t\"task\":\t{"),
        "{text}"
    );
    assert!(
        text.contains("}],\n\t\t\"databases\":\t[{\n\t\t\t\t\"name\":\t\"Oracle Source\""),
        "{text}"
    );
    assert!(text.ends_with("\"\n}"), "{text}");
    let doc: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["_version"]["version_major"], 2024);
    // ExportAll too, and the `//` comment line setting stays.
    server
        .set_state(json!({"settings": {"export_comment": "exported by EM", "export_time": "2024-05-06 07:08:09.000010"}}))
        .unwrap();
    let sid = login(&server).await;
    let all = raw(
        &server,
        &format!("GET {API}/servers/Local%20Server?action=export HTTP/1.1\r\nEnterpriseManager.APISessionID: {sid}"),
        b"",
    )
    .await
    .text();
    assert!(
        all.starts_with(
            "// exported by EM\r\n{\n\t\"name\":\t\"Local Server__2024-05-06-07-08-09-000010\",\n"
        ),
        "{all}"
    );
    assert!(
        all.contains("\"description\":\t\"Host name: qem-mock, Time: 2024-05-06 07:08:09.000010\"")
    );
}

/// TestEndpoint answers every spelling of its state the guide shows.
#[tokio::test]
async fn test_endpoint_carries_status() {
    let state = json!({"servers": [{"name": "S", "host": "s.example.net", "port": 443,
        "endpoints": [
            {"name": "ok", "role": "SOURCE", "type": "Oracle"},
            {"name": "bad", "role": "SOURCE", "type": "Oracle", "test_result": "FAILURE"},
            {"name": "unsure", "role": "SOURCE", "type": "Oracle", "test_result": "UNKNOWN"}]}]});
    let server = start(Some(state)).await;
    let sid = login(&server).await;
    for (ep, want) in [
        ("ok", ["SUCCESS", "CONNECTED", "CONNECTED"]),
        ("bad", ["FAILURE", "ERROR", "ERROR"]),
        ("unsure", ["SUCCESS", "UNKNOWN", "UNKNOWN"]),
    ] {
        let a = raw(
            &server,
            &format!("GET {API}/servers/S/endpoints/{ep}?action=test HTTP/1.1\r\nEnterpriseManager.APISessionID: {sid}"),
            b"",
        )
        .await
        .json();
        assert_eq!(
            [&a["requeststate"], &a["state"], &a["status"]],
            want.map(|s| json!(s)).each_ref(),
            "{ep}"
        );
    }
}

/// What the guide says a real server refuses stays refused: a server name in the URL
/// that differs from the body's.
#[tokio::test]
async fn url_and_body_names_must_agree() {
    let server = start(None).await;
    let sid = login(&server).await;
    let body = json!({"$type": "AemReplicateServer", "name": "Other", "host": "o.example.net", "port": 1, "username": "u", "password": "p"}).to_string();
    let put = raw(
        &server,
        &format!("PUT {API}/servers/Mine/def HTTP/1.1\r\nEnterpriseManager.APISessionID: {sid}\r\nContent-Type: application/json\r\nContent-Length: {}", body.len()),
        body.as_bytes(),
    )
    .await;
    assert_eq!(
        put.json()["error_code"],
        "AEM_NAME_URL_MISMATCH",
        "{}",
        put.text()
    );
}

/// `Authorization: Basic: <base64>` (a colon after the scheme, as a public monitoring
/// client has sent to live servers since 2019) logs in like `Basic <base64>`, by GET and
/// by POST, and again after the session expired; what is not Basic stays refused.
#[tokio::test]
async fn basic_with_a_colon_logs_in_and_renews() {
    let server = start(None).await;
    let b64 = base64::engine::general_purpose::STANDARD.encode("QEM\\admin:admin-pass");
    for header in [
        format!("Authorization: Basic {b64}"),
        format!("Authorization: Basic: {b64}"),
        format!("Authorization: basic:{b64}"),
        format!("Authorization: BASIC:  {b64}"),
    ] {
        for (verb, extra) in [
            ("GET", ""),
            (
                "POST",
                "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 0",
            ),
        ] {
            // Logs in with this header; answers the session id.
            let login_with = || {
                let (server, head) = (
                    &server,
                    format!("{verb} {API}/login HTTP/1.1\r\n{header}{extra}"),
                );
                async move {
                    let a = raw(server, &head, b"").await;
                    assert_eq!(a.status, 200, "{head}");
                    a.exact("EnterpriseManager.APISessionID")
                        .unwrap()
                        .to_string()
                }
            };
            let list = |sid: String| {
                let server = &server;
                async move {
                    raw(
                        server,
                        &format!(
                            "GET {API}/servers HTTP/1.1\r\nEnterpriseManager.APISessionID: {sid}"
                        ),
                        b"",
                    )
                    .await
                }
            };
            let sid = login_with().await;
            assert_eq!(list(sid.clone()).await.status, 200);
            // Expired: 440, then the same header logs in again (the renewal).
            server.expire_sessions();
            assert_eq!(list(sid).await.status, 440);
            let sid = login_with().await;
            assert_eq!(list(sid).await.status, 200);
        }
    }
    for bad in [
        format!("Authorization: Basicx {b64}"),
        format!("Authorization: Bearer {b64}"),
        format!("Authorization: Basic:: {b64}"),
        "Authorization: Basic:".to_string(),
        format!("Authorization: {b64}"),
    ] {
        let a = raw(&server, &format!("GET {API}/login HTTP/1.1\r\n{bad}"), b"").await;
        assert_eq!(a.status, 401, "{bad}");
    }
}

/// Active Directory names as the guide (2.5) writes them and as Active Directory
/// accepts them, case-insensitively: `DOMAIN\user`, `user@DOMAIN`, and the user
/// principal name `user@dns.domain` (a user's `upn`, a domain's DNS name in
/// `settings.domains`, or a DNS name whose first label is the domain).
#[tokio::test]
async fn active_directory_name_forms() {
    let state = json!({
        "settings": {"domains": {"CORP": "corp.example.net"}},
        "users": [
            {"name": "COMPANYXYZ\\_dbtask", "password": "p1", "role": "ADMIN"},
            {"name": "CORP\\ops", "password": "p2", "role": "VIEWER"},
            {"name": "OTHER\\svc", "password": "p3", "role": "VIEWER", "upn": "service.account@tenant.example"}
        ]
    });
    let server = start(Some(state)).await;
    let try_login = |cred: &str| {
        let server = &server;
        let header = format!(
            "Authorization: Basic {}",
            base64::engine::general_purpose::STANDARD.encode(cred)
        );
        async move {
            raw(
                server,
                &format!("GET {API}/login HTTP/1.1\r\n{header}"),
                b"",
            )
            .await
            .status
        }
    };
    for ok in [
        "COMPANYXYZ\\_dbtask:p1",
        "companyxyz\\_DBTASK:p1",
        "_dbtask@COMPANYXYZ:p1",
        "_dbtask@companyxyz.com:p1",
        "_DBTask@CompanyXYZ.local:p1",
        "ops@corp.example.net:p2",
        "ops@CORP:p2",
        "CORP\\ops:p2",
        "service.account@tenant.example:p3",
        "OTHER\\svc:p3",
    ] {
        assert_eq!(try_login(ok).await, 200, "{ok}");
    }
    for refused in [
        "_dbtask@companyxyz.com:wrong",
        "_dbtask@other.com:p1",
        "_dbtask@xcompanyxyz.com:p1",
        // A domain with a DNS name of its own in the state answers only to that one.
        "ops@corp.com:p2",
        "svc@tenant.example:p3",
        "_dbtask:p1",
    ] {
        assert_eq!(try_login(refused).await, 401, "{refused}");
    }
}

/// `days_to_expiration` is a number, as real servers send it; a setting keeps the
/// guide's REST example spelling, a string.
#[tokio::test]
async fn days_to_expiration_spellings() {
    for (as_string, string) in [(None, false), (Some(false), false), (Some(true), true)] {
        let settings = as_string.map_or(json!({}), |b| json!({"days_to_expiration_as_string": b}));
        let license = license_of("VALID_LICENSE", settings).await;
        let days = &license["days_to_expiration"];
        if string {
            assert!(
                days.as_str().unwrap().parse::<i64>().unwrap() > 1000,
                "{days}"
            );
        } else {
            assert!(days.as_i64().unwrap() > 1000, "{days}");
        }
    }
}

/// A recovering task is `RECOVERING` in REST answers (2.40, real servers), whichever
/// spelling it was seeded in; `settings.recovering_state` gives the SDK enum's spelling.
#[tokio::test]
async fn recovering_task_state_spellings() {
    for (setting, seeded, want) in [
        (None, "RECOVERY", "RECOVERING"),
        (None, "RECOVERING", "RECOVERING"),
        (Some("RECOVERY"), "RECOVERING", "RECOVERY"),
        (Some("RECOVERING"), "RECOVERY", "RECOVERING"),
    ] {
        let server = start(None).await;
        let mut state = server.state();
        state["servers"][0]["tasks"][0]["state"] = json!(seeded);
        if let Some(s) = setting {
            state["settings"]["recovering_state"] = json!(s);
        }
        server.set_state(state).unwrap();
        let sid = login(&server).await;
        let h = format!("EnterpriseManager.APISessionID: {sid}");
        let list = raw(
            &server,
            &format!("GET {API}/servers/Local%20Server/tasks HTTP/1.1\r\n{h}"),
            b"",
        )
        .await;
        assert_eq!(
            list.json()["taskList"][0]["state"],
            want,
            "{setting:?} {seeded}"
        );
        let details = raw(
            &server,
            &format!("GET {API}/servers/Local%20Server/tasks/SalesDBBackup HTTP/1.1\r\n{h}"),
            b"",
        )
        .await;
        assert_eq!(details.json()["state"], want);
        let run = raw(
            &server,
            &format!("POST {API}/servers/Local%20Server/tasks/SalesDBBackup?action=run&option=RESUME_PROCESSING HTTP/1.1\r\n{h}\r\nContent-Length: 0"),
            b"",
        )
        .await;
        assert_eq!(run.json()["error_code"], "AEM_TASK_IN_RECOVERY");
    }
}
