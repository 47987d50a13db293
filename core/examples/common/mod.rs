//! What the benchmark programs share: the mock in a child process (this program
//! re-executed with `--serve-mock`, so that memory figures are the client's alone), its
//! control API, a bare HTTP client on the same stack, and the process's memory.

#![allow(dead_code)] // each program uses its part

use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

pub fn serve_mock(cert_out: &str) -> Result<(), Box<dyn std::error::Error>> {
    let mock = qem_mock::MockServer::start_background(qem_mock::MockConfig::default())?;
    std::fs::write(cert_out, mock.ca_cert_pem().unwrap_or_default())?;
    println!("listening on {}", mock.base_url());
    // Serve until the parent kills us.
    loop {
        std::thread::sleep(Duration::from_secs(3600));
    }
}

/// The mock's origin (`https://127.0.0.1:PORT`), where the other services' roots are.
pub fn origin(url: &str) -> String {
    url.split("/attunityenterprisemanager")
        .next()
        .unwrap_or(url)
        .to_string()
}

/// A benchmark program's `main`: serves the mock when re-executed for it; otherwise runs
/// `run(url, certificate PEM)` against it, prints the report and writes it to `file` at
/// the top of the repository.
pub fn report_main<F, Fut>(file: &str, run: F) -> Result<(), Box<dyn std::error::Error>>
where
    F: FnOnce(String, Vec<u8>) -> Fut,
    Fut: std::future::Future<Output = Result<String, Box<dyn std::error::Error>>>,
{
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--serve-mock") {
        return serve_mock(&args[2]);
    }
    let report = with_mock_process(|url, pem, _| run(url, pem))?;
    println!("{report}");
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(file);
    std::fs::write(&out, report)?;
    println!("written to {}", out.display());
    Ok(())
}

/// Starts the mock in a child process, runs `run(url, certificate PEM, a temporary
/// folder)` on a two-thread runtime, then stops the mock.
pub fn with_mock_process<F, Fut>(run: F) -> Result<String, Box<dyn std::error::Error>>
where
    F: FnOnce(String, Vec<u8>, std::path::PathBuf) -> Fut,
    Fut: std::future::Future<Output = Result<String, Box<dyn std::error::Error>>>,
{
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let dir = tempfile::tempdir()?;
    let cert = dir.path().join("mock.pem");
    let (mut child, url) = start_mock_process(&cert)?;
    let pem = std::fs::read(&cert)?;
    let result = rt.block_on(run(url, pem, dir.path().to_path_buf()));
    let _ = child.kill();
    let _ = child.wait();
    result
}

pub fn start_mock_process(
    cert: &std::path::Path,
) -> Result<(Child, String), Box<dyn std::error::Error>> {
    let mut child = Command::new(std::env::current_exe()?)
        .arg("--serve-mock")
        .arg(cert)
        .stdout(Stdio::piped())
        .spawn()?;
    let mut line = String::new();
    BufReader::new(child.stdout.take().ok_or("no stdout")?).read_line(&mut line)?;
    let url = line
        .trim()
        .strip_prefix("listening on ")
        .ok_or("the mock did not start")?
        .to_string();
    Ok((child, url))
}

pub async fn control(
    http: &reqwest::Client,
    url: &str,
    verb: reqwest::Method,
    path: &str,
    body: Option<Value>,
) -> Result<Value, Box<dyn std::error::Error>> {
    let root = url
        .split("/attunityenterprisemanager")
        .next()
        .unwrap_or(url);
    let mut req = http.request(verb, format!("{root}{path}"));
    if let Some(b) = body {
        req = req
            .header("Content-Type", "application/json")
            .body(serde_json::to_vec(&b)?);
    }
    let resp = req.send().await?;
    let status = resp.status();
    let text = resp.text().await?;
    if !status.is_success() {
        return Err(format!("{path}: HTTP {status}: {text}").into());
    }
    Ok(serde_json::from_str(&text).unwrap_or(Value::Null))
}

pub fn raw_http(pem: &[u8]) -> Result<reqwest::Client, Box<dyn std::error::Error>> {
    // The floor: the same stack (reqwest, rustls, HTTP/1.1 keep-alive) without the core.
    let mut roots = rustls::RootCertStore::empty();
    for c in rustls_pki_types::CertificateDer::pem_slice_iter(pem) {
        roots.add(c?)?;
    }
    let tls = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()?
    .with_root_certificates(roots)
    .with_no_client_auth();
    Ok(reqwest::Client::builder()
        .use_preconfigured_tls(tls)
        .http1_only()
        .build()?)
}

use rustls_pki_types::pem::PemObject as _;

pub fn reset_peak_rss() {
    // Writing 5 resets VmHWM to the current RSS (Linux 4.0 and later).
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

pub fn rss_kb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}
