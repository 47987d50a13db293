//! `qem-mock [--port N] [--bind ADDR] [--http] [--state FILE] [--cert-out FILE]`

use std::io::Write;

use qem_mock::{MockConfig, MockServer};

fn usage() -> ! {
    eprintln!("usage: qem-mock [--port N] [--bind ADDR] [--http] [--state FILE] [--cert-out FILE]");
    std::process::exit(2);
}

fn main() {
    let mut cfg = MockConfig::default();
    let mut cert_out: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (a.clone(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| args.next())
                .unwrap_or_else(|| usage())
        };
        match flag.as_str() {
            "--port" => cfg.port = value().parse().unwrap_or_else(|_| usage()),
            "--bind" => cfg.bind = value().parse().unwrap_or_else(|_| usage()),
            "--http" => cfg.tls = false,
            "--state" => {
                let path = value();
                let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
                    eprintln!("qem-mock: cannot read {path}: {e}");
                    std::process::exit(1);
                });
                cfg.state = Some(serde_json::from_str(&text).unwrap_or_else(|e| {
                    eprintln!("qem-mock: {path} is not valid JSON: {e}");
                    std::process::exit(1);
                }));
            }
            "--cert-out" => cert_out = Some(value()),
            "-h" | "--help" => usage(),
            _ => usage(),
        }
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    rt.block_on(async move {
        let server = MockServer::start(cfg).await.unwrap_or_else(|e| {
            eprintln!("qem-mock: cannot start: {e}");
            std::process::exit(1);
        });
        if let (Some(path), Some(pem)) = (cert_out, server.ca_cert_pem()) {
            if let Err(e) = std::fs::write(&path, pem) {
                eprintln!("qem-mock: cannot write {path}: {e}");
                std::process::exit(1);
            }
        }
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "qem-mock listening on {}", server.base_url());
        let _ = out.flush();
        drop(out);
        std::future::pending::<()>().await;
    });
}
