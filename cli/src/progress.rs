//! Progress on stderr while a wait, a bulk action, a backup or an export runs: a spinner
//! with what is going on and the time it has taken (and the bytes written, for a file),
//! drawn only when stderr is a terminal, so that pipes and cron logs stay clean.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::future::Future;
use std::io::IsTerminal as _;
use std::path::PathBuf;
use std::time::Duration;

/// Runs `work`, showing `what` (and the size of `file` as it grows) meanwhile.
pub(crate) async fn during<T>(
    what: String,
    file: Option<PathBuf>,
    work: impl Future<Output = T>,
) -> T {
    if !std::io::stderr().is_terminal() {
        return work.await;
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{spinner} {msg} [{elapsed}]")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar.set_message(what.clone());
    bar.enable_steady_tick(Duration::from_millis(120));
    let watcher = file.map(|path| {
        let bar = bar.clone();
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(Duration::from_millis(250)).await;
                if let Ok(m) = std::fs::metadata(&path) {
                    bar.set_message(format!("{what}: {}", indicatif::HumanBytes(m.len())));
                }
            }
        })
    });
    let out = work.await;
    if let Some(w) = watcher {
        w.abort();
    }
    bar.finish_and_clear();
    out
}
