//! One error type for every failure: the server's own `error_code` verbatim, or one of
//! ours (see [`codes`]) for failures that never reached a server answer.

use std::fmt;

/// Declares our own error codes: each a constant, and `ALL` with its doc (the API
/// description lists them, so every binding documents them).
macro_rules! sdk_codes {
    ($( #[doc = $doc:literal] $name:ident ),* $(,)?) => {
        $( #[doc = $doc] pub const $name: &str = stringify!($name); )*
        /// Every code of ours and what it means.
        pub const ALL: &[(&str, &str)] = &[$( ($name, $doc) ),*];
    };
}

/// Error codes of our own, for failures the server did not describe. Stable: bindings
/// and users match on these strings.
pub mod codes {
    sdk_codes! {
        /// No connection could be made or it broke before an answer arrived.
        CONNECTION_ERROR,
        /// The connect or read timeout passed.
        TIMEOUT,
        /// The TLS handshake failed (for example an untrusted certificate).
        TLS_ERROR,
        /// The caller passed an argument the client refuses before sending anything.
        INVALID_ARGUMENT,
        /// A success status whose body is not what the method promises (HTML, truncated JSON, empty).
        INVALID_RESPONSE,
        /// A failure status without an Enterprise Manager error body (a proxy's HTML page).
        HTTP_ERROR,
        /// The client was closed.
        CLIENT_CLOSED,
        /// Reading or writing a local file or stream failed.
        IO_ERROR,
        /// A wait helper gave up before the task reached a wanted state.
        WAIT_TIMEOUT,
        /// A wait helper saw the task end in ERROR (or STOPPED) instead of the wanted state.
        TASK_FAILED,
        /// The call was cancelled by the caller.
        CANCELLED,
        /// A bug: a panic caught at a binding's boundary, reported instead of a crash.
        INTERNAL_ERROR,
        /// A service other than Enterprise Manager answered 400 without a code of its own.
        BAD_REQUEST,
        /// A service other than Enterprise Manager refused the credentials (401) without a code of its own.
        UNAUTHORIZED,
        /// A service other than Enterprise Manager refused the caller the permission (403) without a code of its own.
        FORBIDDEN,
        /// A service other than Enterprise Manager answered 404 without a code of its own.
        NOT_FOUND,
        /// A service other than Enterprise Manager answered 409 without a code of its own.
        CONFLICT,
        /// A service other than Enterprise Manager answered 500 or another 5xx without a code of its own.
        SERVER_ERROR,
        /// A service other than Enterprise Manager answered 503 without a code of its own.
        SERVICE_UNAVAILABLE,
        /// The server kept answering 429 (too many requests) beyond the waits allowed.
        RATE_LIMITED,
    }
}

/// The server's code for an expired or unknown session.
pub const INVALID_SESSION_ID: &str = "INVALID_SESSION_ID";
/// The server's code for a caller without the required role, or a failed login.
pub const UNAUTHORIZED_REQUEST: &str = "UNAUTHORIZED_REQUEST";

/// Broad category of an error, for bindings that map errors to exception classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// The session is invalid or expired and could not be renewed.
    Session,
    /// Login failed or the user lacks the role for the method.
    Unauthorized,
    /// The named server, task, endpoint or table does not exist.
    NotFound,
    /// Any other error the server reported.
    Server,
    /// No connection, or it broke.
    Connection,
    /// A timeout passed (connect, read, or a wait helper's).
    Timeout,
    /// The TLS handshake failed.
    Tls,
    /// Rejected by the client before sending.
    InvalidArgument,
    /// The answer could not be decoded.
    InvalidResponse,
    /// The client was closed or the call cancelled.
    Closed,
    /// A local file or stream failed.
    Io,
}

impl ErrorKind {
    /// Every category, in declaration order.
    pub const ALL: &'static [ErrorKind] = &[
        ErrorKind::Session,
        ErrorKind::Unauthorized,
        ErrorKind::NotFound,
        ErrorKind::Server,
        ErrorKind::Connection,
        ErrorKind::Timeout,
        ErrorKind::Tls,
        ErrorKind::InvalidArgument,
        ErrorKind::InvalidResponse,
        ErrorKind::Closed,
        ErrorKind::Io,
    ];

    /// The category's name in snake case, for bindings.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Session => "session",
            ErrorKind::Unauthorized => "unauthorized",
            ErrorKind::NotFound => "not_found",
            ErrorKind::Server => "server",
            ErrorKind::Connection => "connection",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Tls => "tls",
            ErrorKind::InvalidArgument => "invalid_argument",
            ErrorKind::InvalidResponse => "invalid_response",
            ErrorKind::Closed => "closed",
            ErrorKind::Io => "io",
        }
    }

    fn of_server_code(code: &str) -> ErrorKind {
        if code == INVALID_SESSION_ID {
            ErrorKind::Session
        } else if code == UNAUTHORIZED_REQUEST {
            ErrorKind::Unauthorized
        } else if code.ends_with("NOT_FOUND") || code.contains("NOT_EXIST") {
            ErrorKind::NotFound
        } else {
            ErrorKind::Server
        }
    }
}

/// An Enterprise Manager call failed. Carries a stable `error_code`, a message, the HTTP
/// status when there was an answer, and the operation that failed.
#[derive(Clone)]
pub struct Error {
    inner: Box<Inner>,
}

#[derive(Clone)]
struct Inner {
    code: String,
    message: String,
    http_status: Option<u16>,
    operation: Option<&'static str>,
    kind: ErrorKind,
    /// The request certainly never reached the server (no connection could be made), so
    /// repeating it is safe whatever its verb.
    unsent: bool,
    /// The server's `Retry-After` (429, 503): how long it asked the client to wait.
    retry_after: Option<std::time::Duration>,
    /// The id the server gave its trace of the request (Qlik Cloud's `traceId`).
    trace_id: Option<String>,
}

impl Error {
    /// An error the server reported with its own code.
    pub fn server(code: impl Into<String>, message: impl Into<String>, status: u16) -> Error {
        let code = code.into();
        let kind = ErrorKind::of_server_code(&code);
        Error::build(kind, code, message.into(), Some(status))
    }

    /// An error of our own.
    pub fn new(kind: ErrorKind, code: &str, message: impl Into<String>) -> Error {
        Error::build(kind, code.to_string(), message.into(), None)
    }

    /// A refused argument, naming it.
    pub fn invalid_argument(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::InvalidArgument, codes::INVALID_ARGUMENT, message)
    }

    /// An answer that does not decode.
    pub fn invalid_response(message: impl Into<String>, status: Option<u16>) -> Error {
        Error::build(
            ErrorKind::InvalidResponse,
            codes::INVALID_RESPONSE.into(),
            message.into(),
            status,
        )
    }

    /// A local I/O failure.
    pub fn io(context: &str, err: &std::io::Error) -> Error {
        Error::new(ErrorKind::Io, codes::IO_ERROR, format!("{context}: {err}"))
    }

    fn build(kind: ErrorKind, code: String, message: String, http_status: Option<u16>) -> Error {
        Error {
            inner: Box::new(Inner {
                code,
                message,
                http_status,
                operation: None,
                kind,
                unsent: false,
                retry_after: None,
                trace_id: None,
            }),
        }
    }

    /// Names the operation that failed (kept if already set).
    pub fn with_operation(mut self, op: &'static str) -> Error {
        if self.inner.operation.is_none() {
            self.inner.operation = Some(op);
        }
        self
    }

    /// Overrides the category (a 401 after login is a session failure whatever its code).
    pub(crate) fn with_kind(mut self, kind: ErrorKind) -> Error {
        self.inner.kind = kind;
        self
    }

    /// Records the server's `Retry-After`.
    pub(crate) fn with_retry_after(mut self, wait: Option<std::time::Duration>) -> Error {
        self.inner.retry_after = wait;
        self
    }

    /// How long the server asked the client to wait before trying again (`Retry-After`
    /// of a 429 or 503 answer).
    pub fn retry_after(&self) -> Option<std::time::Duration> {
        self.inner.retry_after
    }

    /// Records the server's trace id.
    pub(crate) fn with_trace_id(mut self, id: &str) -> Error {
        self.inner.trace_id = Some(id.to_string());
        self
    }

    /// The id of the server's trace of the request, when it sent one (Qlik Cloud).
    pub fn trace_id(&self) -> Option<&str> {
        self.inner.trace_id.as_deref()
    }

    /// Sets the HTTP status.
    pub fn with_status(mut self, status: u16) -> Error {
        self.inner.http_status = Some(status);
        self
    }

    /// The server's code verbatim (`AEM_TASK_ALREADY_RUNNING`) or one of [`codes`].
    pub fn error_code(&self) -> &str {
        &self.inner.code
    }
    /// The human-readable message.
    pub fn message(&self) -> &str {
        &self.inner.message
    }
    /// The HTTP status of the answer, if there was one.
    pub fn http_status(&self) -> Option<u16> {
        self.inner.http_status
    }
    /// The REST name of the operation that failed (`GetTaskDetails`).
    pub fn operation(&self) -> Option<&'static str> {
        self.inner.operation
    }
    /// The error's category.
    pub fn kind(&self) -> ErrorKind {
        self.inner.kind
    }
    /// True when the server said the session is invalid or expired.
    pub fn is_session_error(&self) -> bool {
        self.inner.kind == ErrorKind::Session
    }
    /// True when the request certainly never reached the server (the connection could
    /// not be made), so it is safe to send again whatever it does.
    pub fn is_unsent(&self) -> bool {
        self.inner.unsent
    }

    pub(crate) fn unsent(mut self) -> Error {
        self.inner.unsent = true;
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.inner.code, self.inner.message)?;
        match (self.inner.operation, self.inner.http_status) {
            (Some(op), Some(s)) => write!(f, " ({op}, HTTP {s})"),
            (Some(op), None) => write!(f, " ({op})"),
            (None, Some(s)) => write!(f, " (HTTP {s})"),
            (None, None) => Ok(()),
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("error_code", &self.inner.code)
            .field("message", &self.inner.message)
            .field("http_status", &self.inner.http_status)
            .field("operation", &self.inner.operation)
            .field("kind", &self.inner.kind)
            .finish()
    }
}

impl std::error::Error for Error {}

/// Result of every client call.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Maps a transport failure to our codes. reqwest's messages carry the URL (names, never
/// credentials, which travel in headers only).
pub(crate) fn from_reqwest(err: &reqwest::Error) -> Error {
    let chain = error_chain(err);
    // A payload file or reader that failed while being sent is a local failure.
    if let Some(local) = find_source::<LocalBodyError>(err) {
        return Error::io("reading the payload", &local.0);
    }
    // A request reqwest could not even build is the caller's mistake, never the network's.
    if err.is_builder() {
        return Error::invalid_argument(format!("the request cannot be sent: {chain}")).unsent();
    }
    // hyper reports "connect" only when the connection (TCP and TLS) was never made:
    // nothing of the request was written.
    let unsent = err.is_connect();
    let e = if err.is_timeout() {
        Error::new(ErrorKind::Timeout, codes::TIMEOUT, chain)
    } else if is_tls(err) {
        Error::new(ErrorKind::Tls, codes::TLS_ERROR, chain)
    } else {
        Error::new(ErrorKind::Connection, codes::CONNECTION_ERROR, chain)
    };
    if unsent {
        e.unsent()
    } else {
        e
    }
}

/// Whether the TLS layer itself failed (see [`find_source`]).
fn is_tls(err: &(dyn std::error::Error + 'static)) -> bool {
    find_source::<rustls::Error>(err).is_some()
}

/// The first error of type `T` in `err`'s chain. An `io::Error`'s `source()` skips the
/// error it wraps, so that one is looked into as well: tokio-rustls and hyper hand the
/// TLS layer's own error up wrapped that way.
///
/// The TLS layer's own error (`rustls::Error`: a certificate refused, an alert, a peer
/// that does not speak TLS) is what makes a TLS_ERROR; never the words of a message,
/// which carry the URL and so the caller's names. A connection that ended during the
/// handshake, or mid-answer without close_notify, is an `io::Error` of its own: a
/// connection error (unsent, and retried, when it happened while connecting).
fn find_source<'a, T: std::error::Error + 'static>(
    err: &'a (dyn std::error::Error + 'static),
) -> Option<&'a T> {
    let mut src: Option<&(dyn std::error::Error + 'static)> = Some(err);
    while let Some(s) = src {
        if let Some(found) = s.downcast_ref::<T>() {
            return Some(found);
        }
        if let Some(inner) = s
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
        {
            if let Some(found) = find_source::<T>(inner) {
                return Some(found);
            }
        }
        src = s.source();
    }
    None
}

/// A read failure of a payload being streamed (file or reader), told apart from the
/// network's failures on its way through the HTTP stack.
#[derive(Debug)]
pub(crate) struct LocalBodyError(pub std::io::Error);

impl fmt::Display for LocalBodyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "reading the payload: {}", self.0)
    }
}

impl std::error::Error for LocalBodyError {}

fn error_chain(err: &dyn std::error::Error) -> String {
    let mut out = err.to_string();
    let mut src = err.source();
    while let Some(s) = src {
        let text = s.to_string();
        if !out.contains(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
        src = s.source();
    }
    out
}

impl Error {
    /// The error as JSON, the form bindings hand across their boundary:
    /// `{"error_code", "message", "http_status", "operation", "kind"}`, and `trace_id`
    /// when the server sent one.
    pub fn to_json(&self) -> serde_json::Value {
        let mut v = serde_json::json!({
            "error_code": self.inner.code,
            "message": self.inner.message,
            "http_status": self.inner.http_status,
            "operation": self.inner.operation,
            "kind": self.inner.kind.as_str(),
        });
        if let Some(id) = &self.inner.trace_id {
            v["trace_id"] = id.as_str().into();
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_codes_get_categories() {
        assert_eq!(
            Error::server("INVALID_SESSION_ID", "x", 440).kind(),
            ErrorKind::Session
        );
        assert_eq!(
            Error::server("AEM_SERVER_NOT_FOUND", "x", 500).kind(),
            ErrorKind::NotFound
        );
        assert_eq!(
            Error::server("UNAUTHORIZED_REQUEST", "x", 403).kind(),
            ErrorKind::Unauthorized
        );
        assert_eq!(
            Error::server("AEM_TASK_ALREADY_RUNNING", "x", 500).kind(),
            ErrorKind::Server
        );
    }

    /// A transport error as hyper hands it up: a message, then a source chain.
    #[derive(Debug)]
    struct Wrapped(String, std::io::Error);
    impl fmt::Display for Wrapped {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(&self.0)
        }
    }
    impl std::error::Error for Wrapped {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            Some(&self.1)
        }
    }

    /// TLS errors are told by the TLS layer's error type inside the chain (also behind an
    /// io::Error, whose source() skips it), never by words in the text, which carries the
    /// caller's names.
    #[test]
    fn tls_errors_by_type_not_by_words() {
        use std::io::{Error as Io, ErrorKind as IoKind};
        let url =
            "error sending request for url (https://h/servers/s/tasks/certificate-handshake-alert)";
        let cert = rustls::Error::InvalidCertificate(rustls::CertificateError::UnknownIssuer);
        let tls = Wrapped(url.into(), Io::new(IoKind::InvalidData, cert));
        assert!(is_tls(&tls));
        let alert = Wrapped(
            "client error (Connect)".into(),
            Io::other(Wrapped(
                "tls".into(),
                Io::new(
                    IoKind::InvalidData,
                    rustls::Error::AlertReceived(rustls::AlertDescription::HandshakeFailure),
                ),
            )),
        );
        assert!(is_tls(&alert));
        // Words of a TLS failure in the text, but a connection reset or a missing
        // close_notify underneath: a connection error.
        for io in [
            Io::new(
                IoKind::ConnectionReset,
                "connection reset during the TLS handshake",
            ),
            Io::new(
                IoKind::UnexpectedEof,
                "peer closed connection without sending TLS close_notify: certificate alert",
            ),
            Io::from(IoKind::ConnectionAborted),
        ] {
            assert!(!is_tls(&Wrapped(url.into(), io)));
        }
    }

    #[test]
    fn display_names_code_operation_and_status() {
        let e = Error::server("AEM_X", "boom", 500).with_operation("RunTask");
        assert_eq!(e.to_string(), "AEM_X: boom (RunTask, HTTP 500)");
    }
}
