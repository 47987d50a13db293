//! The process-wide tokio runtime behind the blocking client and the bindings.
//!
//! After `fork()` a child inherits the parent's runtime without its worker threads, so
//! the runtime is keyed by process id and a child builds its own on first use.

use crate::{Error, ErrorKind, Result};
use std::sync::{Arc, Mutex};

static SHARED: Mutex<Option<(u32, Arc<tokio::runtime::Runtime>)>> = Mutex::new(None);

/// The shared multi-thread runtime of this process, built on first use.
pub fn shared() -> Result<Arc<tokio::runtime::Runtime>> {
    let pid = std::process::id();
    // A poisoned lock only means a panic elsewhere while holding it; the slot is still sound.
    let mut slot = SHARED.lock().unwrap_or_else(|p| p.into_inner());
    if let Some((owner, rt)) = slot.as_ref() {
        if *owner == pid {
            return Ok(rt.clone());
        }
        // The parent's runtime: its threads do not exist here. Leak it rather than drop
        // it, since dropping would try to join threads that are gone.
        if let Some((_, old)) = slot.take() {
            std::mem::forget(old);
        }
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("qem-core")
        .enable_all()
        .build()
        .map_err(|e| {
            Error::new(
                ErrorKind::Io,
                crate::codes::IO_ERROR,
                format!("starting the runtime: {e}"),
            )
        })?;
    let rt = Arc::new(rt);
    *slot = Some((pid, rt.clone()));
    Ok(rt)
}
