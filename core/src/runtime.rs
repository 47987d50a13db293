//! The runtimes: the process-wide one that carries async calls, and each calling
//! thread's own for the blocking calls it drives ([`drive`]).
//!
//! After `fork()` a child inherits the parent's runtimes without their threads and with
//! their event queues shared with the parent, so both are keyed by process id and a
//! child builds its own on first use, leaking the parent's.

use crate::{Error, ErrorKind, Result};
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::rc::Rc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

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

thread_local! {
    /// This thread's own runtime (see [`drive`]), with the process that built it.
    static OWN: RefCell<Option<(u32, Rc<tokio::runtime::Runtime>)>> = const { RefCell::new(None) };
    /// True while [`drive`] runs a call on this thread's own runtime: the call's requests
    /// then go over this thread's own connections.
    static DRIVING: Cell<bool> = const { Cell::new(false) };
}

/// True while this thread drives a call on its own runtime.
pub(crate) fn driving() -> bool {
    DRIVING.with(Cell::get)
}

/// This thread's own single-thread runtime, unless the thread is already inside a
/// runtime (a blocking call made from async code) or one cannot be built.
fn own() -> Option<Rc<tokio::runtime::Runtime>> {
    if tokio::runtime::Handle::try_current().is_ok() {
        return None;
    }
    OWN.with(|slot| {
        let mut slot = slot.borrow_mut();
        let pid = std::process::id();
        match slot.as_ref() {
            Some((owner, rt)) if *owner == pid => return Some(rt.clone()),
            // The parent's (see the module's note).
            Some(_) => std::mem::forget(slot.take()),
            None => {}
        }
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .ok()?;
        let rt = Rc::new(rt);
        *slot = Some((pid, rt.clone()));
        Some(rt)
    })
}

/// Sets [`DRIVING`] for as long as it lives, then puts back what was there.
struct Driving(bool);

impl Driving {
    fn set(on: bool) -> Driving {
        Driving(DRIVING.with(|d| d.replace(on)))
    }
}

impl Drop for Driving {
    fn drop(&mut self) {
        DRIVING.with(|d| d.set(self.0));
    }
}

/// Lets this thread's runtime take in what happened while nobody drove it, before a
/// call starts: the first yield has it read its event queue, which wakes the tasks of
/// connections the server closed meanwhile; the second lets those tasks run, so they
/// leave the pool. Otherwise a state change could go out on a connection already closed
/// and fail, with no safe way to send it again.
async fn settle() {
    tokio::task::yield_now().await;
    tokio::task::yield_now().await;
}

/// Runs a future to completion on the calling thread, which does its I/O too: a
/// blocking call then costs no hand-off to the shared runtime's workers and back (about
/// a tenth of a call to a server nearby). Inside another runtime it polls here instead,
/// with the I/O on the shared runtime.
pub fn drive<F: Future>(fut: F) -> F::Output {
    if let Some(rt) = own() {
        let _driving = Driving::set(true);
        return rt.block_on(async {
            settle().await;
            fut.await
        });
    }
    let _driving = Driving::set(false);
    let shared = shared().ok();
    let _enter = shared.as_ref().map(|rt| rt.enter());
    futures_executor::block_on(fut)
}

/// Drives `fut` as [`drive`] does for at most `slice`; `None` when it is still pending
/// (call again to go on), so that a caller can look at signals in between.
pub fn drive_for<F: Future + Unpin>(fut: &mut F, slice: Duration) -> Option<F::Output> {
    if let Some(rt) = own() {
        let _driving = Driving::set(true);
        return rt.block_on(async {
            settle().await;
            tokio::time::timeout(slice, fut).await.ok()
        });
    }
    let _driving = Driving::set(false);
    let shared = shared().ok();
    let _enter = shared.as_ref().map(|rt| rt.enter());
    poll_for(fut, slice)
}

/// Polls `fut` on this thread for up to `slice`, parking between wake-ups (its I/O is
/// carried by the shared runtime). A parked thread with a deadline costs nothing
/// elsewhere, where a runtime timer would wake the runtime's timer thread every time.
fn poll_for<F: Future + Unpin>(fut: &mut F, slice: Duration) -> Option<F::Output> {
    struct Unpark(std::thread::Thread);
    impl std::task::Wake for Unpark {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
        fn wake_by_ref(self: &Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = std::task::Waker::from(Arc::new(Unpark(std::thread::current())));
    let mut cx = std::task::Context::from_waker(&waker);
    let deadline = std::time::Instant::now() + slice;
    loop {
        if let std::task::Poll::Ready(v) = std::pin::Pin::new(&mut *fut).poll(&mut cx) {
            return Some(v);
        }
        // Wake-ups may be spurious; polling again is always correct.
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        if left.is_zero() {
            return None;
        }
        std::thread::park_timeout(left);
    }
}
