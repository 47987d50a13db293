//! Runs every shared conformance case (`tests/conformance/cases/*.json`) through the
//! Rust core's generic entry against its own in-process mock Enterprise Manager.
//! One test per case file; the cases are the same files every binding runs. The Qlik
//! Cloud cases (`tests/conformance/cloud/*.json`, naming a `service` and `credentials`)
//! are run here too; the other bindings' runners take them up with their typed clients.

use libtest_mimic::{Arguments, Failed, Trial};
use qem_core::{blocking, ClientConfig};
use qem_mock::{MockConfig, MockServer};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::Duration;

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/conformance/cases")
}

fn case_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("the cases folder exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

fn main() {
    let args = Arguments::from_args();
    let files = case_files(&cases_dir());
    let cloud = case_files(&cases_dir().join("../cloud"));
    let kinetic = case_files(&cases_dir().join("../kinetic"));
    let veeam = case_files(&cases_dir().join("../veeam"));
    let mut trials: Vec<Trial> = vec![
        Trial::test("every-operation-has-a-case", {
            let files = files.clone();
            move || every_operation_has_a_case(&files, &qem_core::ops::QEM)
        }),
        Trial::test("every-qlik-cloud-operation-has-a-case", {
            let files = cloud.clone();
            move || every_operation_has_a_case(&files, &qem_core::ops::cloud::QLIK_CLOUD)
        }),
        Trial::test("every-kinetic-operation-has-a-case", {
            let files = kinetic.clone();
            move || every_operation_has_a_case(&files, &qem_core::ops::kinetic::KINETIC)
        }),
        Trial::test("every-veeam-operation-has-a-case", {
            let files = veeam.clone();
            move || every_operation_has_a_case(&files, &qem_core::ops::veeam::VEEAM)
        }),
    ];
    trials.extend(
        files
            .into_iter()
            .chain(cloud)
            .chain(kinetic)
            .chain(veeam)
            .map(|path| {
                let name = path.file_stem().unwrap().to_string_lossy().into_owned();
                Trial::test(name, move || run_case(&path))
            }),
    );
    libtest_mimic::run(&args, trials).exit();
}

/// The client options of a case: the mock's URL and CA, the case's credential (a
/// `login` object's `username`/`password`, `api_token`, `jwt` or `saml`; QEM\admin when
/// absent) and its extra `login.options`.
fn client_options(mock: &MockServer, login: Option<&Value>) -> Result<Value, Failed> {
    let mut opts = serde_json::json!({
        "url": mock.base_url(),
        "ca_pem": mock.ca_cert_pem().unwrap_or_default(),
    });
    let o = opts.as_object_mut().expect("an object");
    match login {
        None => {
            o.insert("username".into(), "QEM\\admin".into());
            o.insert("password".into(), "admin-pass".into());
        }
        Some(login) => {
            for k in ["username", "password", "api_token", "jwt", "saml"] {
                if let Some(v) = login.get(k) {
                    o.insert(k.into(), v.clone());
                }
            }
            if let Some(Value::Object(extra)) = login.get("options") {
                o.extend(extra.clone());
            }
        }
    }
    Ok(opts)
}

fn run_case(path: &Path) -> Result<(), Failed> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("reading: {e}"))?;
    let case: Value = serde_json::from_str(&text).map_err(|e| format!("case is not JSON: {e}"))?;
    let mock = MockServer::start_background(MockConfig {
        state: case.get("state").cloned().filter(|s| !s.is_null()),
        ..MockConfig::default()
    })
    .map_err(|e| format!("starting the mock: {e}"))?;
    let options = match case.get("service").and_then(Value::as_str) {
        None | Some("qem") => client_options(&mock, case.get("login"))?,
        Some(service) => {
            // Another service of the same mock: its URL, the case's credentials.
            let mut o = serde_json::json!({"service": service, "url": mock.service_url(service),
                "ca_pem": mock.ca_cert_pem().unwrap_or_default()});
            for (k, v) in case
                .get("credentials")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
            {
                o[k] = v.clone();
            }
            o
        }
    };
    let mut config = ClientConfig::from_json(&options).map_err(|e| format!("options: {e}"))?;
    config.retry.base_delay = Duration::from_millis(10);
    let client = blocking::Client::new(config).map_err(|e| format!("client: {e}"))?;
    if let Some(code) = case.get("expect_login_error").and_then(Value::as_str) {
        return match client.login() {
            Ok(()) => Err(format!("login succeeded; expected {code}").into()),
            Err(e) if e.error_code() == code => Ok(()),
            Err(e) => Err(format!("login failed with {e}; expected {code}").into()),
        };
    }
    let steps = case
        .get("steps")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    for (i, step) in steps.iter().enumerate() {
        run_step(&client, &mock, step)
            .map_err(|e| format!("step {} ({}): {e}", i + 1, describe(step)))?;
    }
    let _ = client.close();
    Ok(())
}

fn describe(step: &Value) -> String {
    step.get("method")
        .or_else(|| step.get("mock"))
        .and_then(Value::as_str)
        .unwrap_or("?")
        .to_string()
}

fn run_step(client: &blocking::Client, mock: &MockServer, step: &Value) -> Result<(), String> {
    if let Some(action) = step.get("mock").and_then(Value::as_str) {
        match action {
            "expire_sessions" => mock.expire_sessions(),
            "sleep" => std::thread::sleep(Duration::from_millis(
                step.get("ms").and_then(Value::as_u64).unwrap_or(0),
            )),
            "faults" => {
                let f = serde_json::from_value(step.get("faults").cloned().unwrap_or_default())
                    .map_err(|e| e.to_string())?;
                mock.set_faults(f);
            }
            "clear_requests" => mock.clear_requests(),
            "expect_requests" => {
                let wanted = step.get("operation").and_then(Value::as_str);
                let seen: Vec<Value> = mock
                    .requests()
                    .into_iter()
                    .filter(|r| wanted.is_none() || r.operation.as_deref() == wanted)
                    .map(|r| serde_json::to_value(r).expect("a request serializes"))
                    .collect();
                let expected = step.get("expect").cloned().unwrap_or(Value::Array(vec![]));
                subset(&expected, &Value::Array(seen), "requests")?;
            }
            other => return Err(format!("unknown mock action {other}")),
        }
        return Ok(());
    }
    let method = step
        .get("method")
        .and_then(Value::as_str)
        .ok_or("step has no method")?;
    let args = step
        .get("args")
        .cloned()
        .unwrap_or(Value::Object(Default::default()));
    let result = client.call(method, args);
    match (step.get("expect_error").and_then(Value::as_str), result) {
        (Some(code), Ok(v)) => Err(format!("succeeded with {v}; expected error {code}")),
        (Some(code), Err(e)) => {
            if e.error_code() != code {
                return Err(format!("failed with {e}; expected error {code}"));
            }
            if let Some(status) = step.get("expect_http_status").and_then(Value::as_u64) {
                if e.http_status() != Some(status as u16) {
                    return Err(format!(
                        "HTTP status {:?}; expected {status}",
                        e.http_status()
                    ));
                }
            }
            Ok(())
        }
        (None, Err(e)) => Err(format!("failed: {e}")),
        (None, Ok(actual)) => match step.get("expect") {
            None | Some(Value::Null) => Ok(()),
            Some(expected) => subset(expected, &actual, "$"),
        },
    }
}

/// `expected` is a subset of `actual`: objects by key, arrays element by element with the
/// same length, `"$any"` for any present value, numbers by value.
fn subset(expected: &Value, actual: &Value, at: &str) -> Result<(), String> {
    match (expected, actual) {
        (Value::String(s), _) if s == "$any" => Ok(()),
        (Value::Object(e), Value::Object(a)) => {
            for (k, ev) in e {
                let av = a
                    .get(k)
                    .ok_or_else(|| format!("{at}.{k} is missing in {actual}"))?;
                subset(ev, av, &format!("{at}.{k}"))?;
            }
            Ok(())
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                return Err(format!(
                    "{at} has {} elements, expected {}: {actual}",
                    a.len(),
                    e.len()
                ));
            }
            e.iter()
                .zip(a)
                .enumerate()
                .try_for_each(|(i, (ev, av))| subset(ev, av, &format!("{at}[{i}]")))
        }
        (Value::Number(e), Value::Number(a)) if e.as_f64() == a.as_f64() => Ok(()),
        (e, a) if e == a => Ok(()),
        (e, a) => Err(format!("{at} is {a}, expected {e}")),
    }
}

/// Every operation of the core's table is exercised by at least one case.
fn every_operation_has_a_case(
    files: &[PathBuf],
    service: &'static qem_core::ops::Service,
) -> Result<(), Failed> {
    let mut used = std::collections::HashSet::new();
    for f in files {
        let case: Value =
            serde_json::from_str(&std::fs::read_to_string(f).map_err(|e| e.to_string())?)
                .map_err(|e| format!("{}: {e}", f.display()))?;
        for step in case
            .get("steps")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let Some(m) = step.get("method").and_then(Value::as_str) {
                if let Some(op) = service.find(m) {
                    used.insert(op.method);
                }
            }
        }
    }
    let missing: Vec<&str> = service
        .operations
        .iter()
        .map(|o| o.method)
        .filter(|m| !used.contains(m))
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!("no case calls {}", missing.join(", ")).into())
    }
}
