//! Client settings and the HTTP transport built from them: HTTP/1.1 only (real servers
//! advertise HTTP/2 and do not speak it), rustls with certificate verification on by
//! default, an optional extra CA bundle, keep-alive.

use crate::auth::Credentials;
use crate::{Error, Result};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// How login is sent (2.5 allows both).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LoginMethod {
    /// GET, as the guide's cURL and Qlik's older client do.
    #[default]
    Get,
    /// POST with an empty form body, as Qlik's newer client does.
    Post,
}

/// The longest base URL (with the API's base path) a client accepts: what remains of the
/// 65,534 bytes an HTTP request line carries is left for paths and names.
pub const MAX_BASE_URL_LEN: usize = 8_192;

/// The most retries one request gets, however a configuration is made.
pub const MAX_RETRIES: u32 = 10;

/// Retries of reads after connection errors and 502/503/504.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Extra attempts after the first (0 disables retries).
    pub max_retries: u32,
    /// Delay before the first retry; doubles each time.
    pub base_delay: Duration,
    /// Upper bound of one delay.
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 3,
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_secs(2),
        }
    }
}

type Options = serde_json::Map<String, serde_json::Value>;

/// A text option; absent and null are `None`.
fn opt_text(obj: &Options, k: &str) -> Result<Option<String>> {
    use serde_json::Value;
    match obj.get(k) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(Error::invalid_argument(format!(
            "client option `{k}` must be a string, not {}",
            crate::request::json_type(other)
        ))),
    }
}

/// A non-negative whole-number option.
fn opt_number(obj: &Options, k: &str) -> Result<Option<u64>> {
    match obj.get(k) {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(v) => v.as_u64().map(Some).ok_or_else(|| {
            Error::invalid_argument(format!(
                "client option `{k}` must be a non-negative whole number"
            ))
        }),
    }
}

/// A boolean option.
fn opt_flag(obj: &Options, k: &str) -> Result<Option<bool>> {
    use serde_json::Value;
    match obj.get(k) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(other) => Err(Error::invalid_argument(format!(
            "client option `{k}` must be a boolean, not {}",
            crate::request::json_type(other)
        ))),
    }
}

/// The options of other services' credentials, refused by a service taking a user and
/// password (Kinetic Task, Veeam).
const NOT_BASIC: &[&str] = &[
    "api_token",
    "jwt",
    "b64",
    "saml",
    "host",
    "domain",
    "api_key",
    "client_id",
];

/// Which product a client talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ServiceKind {
    /// Qlik Enterprise Manager (the default).
    #[default]
    Qem,
    /// The Qlik Cloud Tasks API of one tenant.
    QlikCloud,
    /// Kinetic Task's web application (`https://host[:port]/kinetic-task`).
    Kinetic,
    /// Veeam Backup Enterprise Manager (`https://host:9398`).
    Veeam,
}

impl ServiceKind {
    /// The name the client options use (`"qem"`, `"qlik_cloud"`).
    pub fn name(self) -> &'static str {
        match self {
            ServiceKind::Qem => "qem",
            ServiceKind::QlikCloud => "qlik_cloud",
            ServiceKind::Kinetic => "kinetic",
            ServiceKind::Veeam => "veeam",
        }
    }

    /// The service of a `service` option.
    pub fn from_name(name: &str) -> Result<ServiceKind> {
        match name {
            "qem" => Ok(ServiceKind::Qem),
            "qlik_cloud" => Ok(ServiceKind::QlikCloud),
            "kinetic" => Ok(ServiceKind::Kinetic),
            "veeam" => Ok(ServiceKind::Veeam),
            other => Err(Error::invalid_argument(format!(
                "client option `service` must be \"qem\", \"qlik_cloud\", \"kinetic\" or \"veeam\", not \"{other}\""
            ))),
        }
    }
}

/// Everything a client needs to reach one Enterprise Manager (or, with `service`, a
/// Qlik Cloud tenant).
#[derive(Clone)]
pub struct ClientConfig {
    /// The product this client talks to.
    pub service: ServiceKind,
    /// `https://host[:port]/attunityenterprisemanager` (the API root is `{url}/api/v1`).
    pub url: String,
    /// How to log in.
    pub credentials: Credentials,
    /// Verify the server's certificate (the guide's `verify_certificate`); on by default.
    pub verify_certificate: bool,
    /// Extra trusted CA certificates, PEM.
    pub ca_pem: Option<Vec<u8>>,
    /// Time to establish a connection.
    pub connect_timeout: Duration,
    /// Longest silence while waiting for an answer or between chunks of one. Calls that
    /// ask the server to wait (`timeout` of run, stop, test) get that wait added.
    pub read_timeout: Duration,
    /// GET or POST login.
    pub login_method: LoginMethod,
    /// Retries of reads.
    pub retry: RetryPolicy,
    /// How long the server keeps an idle session (5 minutes): a streamed upload that
    /// cannot be repeated renews the session first when it may have expired.
    pub session_idle: Duration,
    /// The most time one call may spend beyond its first attempt: no retry, renewal or
    /// `Retry-After` wait starts that would end after it (an attempt under way is
    /// bounded by the timeouts above).
    pub total_timeout: Duration,
    /// Sent as `User-Agent`.
    pub user_agent: String,
    /// Requests one client has on the wire at once (64); more calls wait their turn.
    /// A thousand simultaneous calls would otherwise open a thousand TLS connections,
    /// which is slower than queueing and hard on the server.
    pub max_concurrent_requests: usize,
    /// At most this many requests a minute, spaced evenly (none: no pace), so that a big
    /// fan-out stays under a tenant's rate limit instead of meeting 429s.
    pub max_requests_per_minute: Option<u32>,
    /// Veeam: the API version asked for at logon (`?v=latest` when none; `v1_7`...).
    pub api_version: Option<String>,
}

impl std::fmt::Debug for ClientConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientConfig")
            .field("url", &self.url)
            .field("credentials", &self.credentials)
            .field("verify_certificate", &self.verify_certificate)
            .field("ca_pem", &self.ca_pem.as_ref().map(|p| p.len()))
            .field("connect_timeout", &self.connect_timeout)
            .field("read_timeout", &self.read_timeout)
            .field("login_method", &self.login_method)
            .field("retry", &self.retry)
            .field("max_concurrent_requests", &self.max_concurrent_requests)
            .field("max_requests_per_minute", &self.max_requests_per_minute)
            .finish()
    }
}

impl ClientConfig {
    /// Settings for `url` (`https://host[:port]/attunityenterprisemanager`).
    pub fn new(url: impl Into<String>, credentials: Credentials) -> ClientConfig {
        ClientConfig {
            service: ServiceKind::Qem,
            url: url.into(),
            credentials,
            verify_certificate: true,
            ca_pem: None,
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(60),
            login_method: LoginMethod::Get,
            retry: RetryPolicy::default(),
            session_idle: Duration::from_secs(300),
            total_timeout: Duration::from_secs(300),
            user_agent: format!("qem-sdk/{}", env!("CARGO_PKG_VERSION")),
            max_concurrent_requests: 64,
            max_requests_per_minute: None,
            api_version: None,
        }
    }

    /// Settings for a host and port with the default URL suffix, as chapter 3's constructor.
    pub fn for_host(host: &str, port: u16, credentials: Credentials) -> ClientConfig {
        let url = if port == 443 {
            format!("https://{host}/attunityenterprisemanager")
        } else {
            format!("https://{host}:{port}/attunityenterprisemanager")
        };
        ClientConfig::new(url, credentials)
    }

    /// Turns certificate verification on or off.
    pub fn verify_certificate(mut self, verify: bool) -> Self {
        self.verify_certificate = verify;
        self
    }

    /// Trusts the CA certificates in this PEM text as well.
    pub fn ca_pem(mut self, pem: impl Into<Vec<u8>>) -> Self {
        self.ca_pem = Some(pem.into());
        self
    }

    /// Trusts the CA certificates in this PEM file as well.
    pub fn ca_file(self, path: impl Into<PathBuf>) -> Result<Self> {
        let path = path.into();
        let pem = std::fs::read(&path)
            .map_err(|e| Error::io(&format!("reading CA file {}", path.display()), &e))?;
        Ok(self.ca_pem(pem))
    }

    /// Sets the login method.
    pub fn login_method(mut self, m: LoginMethod) -> Self {
        self.login_method = m;
        self
    }

    /// Sets the connect and read timeouts.
    pub fn timeouts(mut self, connect: Duration, read: Duration) -> Self {
        self.connect_timeout = connect;
        self.read_timeout = read;
        self
    }

    /// Sets the retry policy.
    pub fn retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// Settings from a JSON object, the one way every binding passes them:
    ///
    /// - `service`: `"qem"` (the default: Enterprise Manager, as below) or `"qlik_cloud"`
    ///   (a Qlik Cloud tenant: `url` is the tenant, and the credential `api_key`, or
    ///   `client_id` with `client_secret` and optional `scope`; the options from
    ///   `verify_certificate` on apply alike);
    /// - where: `url` (`https://host[:port]/attunityenterprisemanager`), or `host` with
    ///   optional `port` (443) and `url_suffix` (`attunityenterprisemanager`);
    /// - one credential: `username` (with optional `domain`) and `password`;
    ///   `api_token`; `jwt`; `b64` (base64 of `user:password`); or `saml` (a SAML
    ///   message, sent as the login body);
    /// - optional: `verify_certificate` (true), `ca_file`, `ca_pem`, `login_method`
    ///   (`"GET"`/`"POST"`), `connect_timeout_ms`, `read_timeout_ms`, `max_retries`,
    ///   `session_idle_ms`, `max_concurrent_requests` (64), `total_timeout_ms` (300,000:
    ///   the time one call may spend on retries, renewals and `Retry-After` waits),
    ///   `max_requests_per_minute` (none: requests spaced evenly to stay under a limit).
    pub fn from_json(v: &serde_json::Value) -> Result<ClientConfig> {
        let obj = v
            .as_object()
            .ok_or_else(|| Error::invalid_argument("client options must be a JSON object"))?;
        let text = |k: &str| opt_text(obj, k);
        let number = |k: &str| opt_number(obj, k);
        let service = match text("service")? {
            Some(name) => ServiceKind::from_name(&name)?,
            None => ServiceKind::Qem,
        };
        match service {
            ServiceKind::QlikCloud => {
                return ClientConfig::cloud_from_json(obj).and_then(|c| c.common_json(v))
            }
            ServiceKind::Kinetic => {
                return ClientConfig::kinetic_from_json(obj).and_then(|c| c.common_json(v))
            }
            ServiceKind::Veeam => {
                return ClientConfig::veeam_from_json(obj).and_then(|c| c.common_json(v))
            }
            ServiceKind::Qem => {}
        }
        let credentials = if let Some(t) = text("api_token")? {
            Credentials::ApiToken(t)
        } else if let Some(t) = text("jwt")? {
            Credentials::Jwt(t)
        } else if let Some(t) = text("b64")? {
            Credentials::Encoded(t)
        } else if let Some(t) = text("saml")? {
            Credentials::Saml(t)
        } else if let Some(user) = text("username")? {
            let password = text("password")?.unwrap_or_default();
            match text("domain")? {
                Some(d) => Credentials::domain_user(&d, &user, password),
                None => Credentials::active_directory(user, password),
            }
        } else {
            return Err(Error::invalid_argument(
                "client options need one credential: username and password, api_token, jwt, b64 or saml",
            ));
        };
        let url = match (text("url")?, text("host")?) {
            (Some(url), _) => url,
            (None, Some(host)) => {
                let port = number("port")?.unwrap_or(443);
                let port = u16::try_from(port)
                    .map_err(|_| Error::invalid_argument("client option `port` is not a port"))?;
                let suffix =
                    text("url_suffix")?.unwrap_or_else(|| "attunityenterprisemanager".into());
                let suffix = suffix.trim_matches('/');
                if port == 443 {
                    format!("https://{host}/{suffix}")
                } else {
                    format!("https://{host}:{port}/{suffix}")
                }
            }
            (None, None) => {
                return Err(Error::invalid_argument(
                    "client options need `url` or `host`",
                ))
            }
        };
        ClientConfig::new(url, credentials).common_json(v)
    }

    /// A Qlik Cloud tenant's settings: `url` (the tenant) and either `api_key` or
    /// `client_id` with `client_secret` (and optional `scope`).
    fn cloud_from_json(obj: &Options) -> Result<ClientConfig> {
        let text = |k: &str| opt_text(obj, k);
        let url = text("url")?.ok_or_else(|| {
            Error::invalid_argument("qlik_cloud client options need `url` (the tenant)")
        })?;
        let credentials = match (text("api_key")?, text("client_id")?) {
            (Some(key), None) => Credentials::ApiKey(key),
            (None, Some(client_id)) => Credentials::OAuthClient {
                client_id,
                client_secret: text("client_secret")?.ok_or_else(|| {
                    Error::invalid_argument("qlik_cloud client options: `client_id` needs `client_secret`")
                })?,
                scope: text("scope")?,
            },
            (Some(_), Some(_)) => {
                return Err(Error::invalid_argument(
                    "qlik_cloud client options take `api_key` or `client_id` and `client_secret`, not both",
                ))
            }
            (None, None) => {
                return Err(Error::invalid_argument(
                    "qlik_cloud client options need `api_key`, or `client_id` and `client_secret`",
                ))
            }
        };
        let others = ["username", "api_token", "jwt", "b64", "saml", "host"];
        ClientConfig::for_service(obj, ServiceKind::QlikCloud, &url, credentials, &others)
    }

    /// A service's config at `url` with `credentials`, once no option of another
    /// service's (`others`) is given: a mix-up is said, not ignored.
    fn for_service(
        obj: &Options,
        service: ServiceKind,
        url: &str,
        credentials: Credentials,
        others: &[&str],
    ) -> Result<ClientConfig> {
        if let Some(other) = others.iter().find(|k| obj.contains_key(**k)) {
            return Err(Error::invalid_argument(format!(
                "client option `{other}` is not one of the {} service's",
                service.name()
            )));
        }
        let mut c = ClientConfig::new(url.trim_end_matches('/'), credentials);
        c.service = service;
        if service == ServiceKind::Veeam {
            // "If the client sends no requests to the server for 15 minutes, the current
            // session token expires."
            c.session_idle = Duration::from_secs(15 * 60);
        }
        Ok(c)
    }

    /// Kinetic Task's settings: `url` (the web application,
    /// `https://host[:port]/kinetic-task`) and, for sources whose API policy rules check
    /// the caller's identity, `username` and `password` (HTTP Basic on every request).
    fn kinetic_from_json(obj: &Options) -> Result<ClientConfig> {
        let text = |k: &str| opt_text(obj, k);
        let url = text("url")?.ok_or_else(|| {
            Error::invalid_argument(
                "kinetic client options need `url` (the Kinetic Task web application)",
            )
        })?;
        let credentials = match (text("username")?, text("password")?) {
            (Some(username), password) => Credentials::Basic {
                username,
                password: password.unwrap_or_default(),
            },
            (None, None) => Credentials::None,
            (None, Some(_)) => {
                return Err(Error::invalid_argument(
                    "kinetic client options: `password` needs `username`",
                ))
            }
        };
        ClientConfig::for_service(obj, ServiceKind::Kinetic, &url, credentials, NOT_BASIC)
    }

    /// Veeam Backup Enterprise Manager's settings: `url` (`https://host:9398`, the API
    /// is under `/api`), `username` and `password` (a Portal Administrator, Portal User
    /// or Restore Operator), and optionally `api_version` (`latest`).
    fn veeam_from_json(obj: &Options) -> Result<ClientConfig> {
        let text = |k: &str| opt_text(obj, k);
        let url = text("url")?.ok_or_else(|| {
            Error::invalid_argument("veeam client options need `url` (https://host:9398)")
        })?;
        let credentials = match (text("username")?, text("password")?) {
            (Some(username), Some(password)) => Credentials::Basic { username, password },
            _ => {
                return Err(Error::invalid_argument(
                    "veeam client options need `username` and `password`",
                ))
            }
        };
        // `https://host:9398/api` is the API's own root: the service's base path adds it.
        let url = url.trim_end_matches('/');
        let url = url.strip_suffix("/api").unwrap_or(url);
        let mut c =
            ClientConfig::for_service(obj, ServiceKind::Veeam, url, credentials, NOT_BASIC)?;
        c.api_version = text("api_version")?;
        Ok(c)
    }

    /// The options every service shares (TLS, timeouts, retries, limits) onto `self`.
    fn common_json(self, v: &serde_json::Value) -> Result<ClientConfig> {
        let obj = v
            .as_object()
            .ok_or_else(|| Error::invalid_argument("client options must be a JSON object"))?;
        let text = |k: &str| opt_text(obj, k);
        let number = |k: &str| opt_number(obj, k);
        let flag = |k: &str| opt_flag(obj, k);
        let mut c = self;
        if let Some(b) = flag("verify_certificate")? {
            c.verify_certificate = b;
        }
        if let Some(pem) = text("ca_pem")? {
            c.ca_pem = Some(pem.into_bytes());
        }
        if let Some(path) = text("ca_file")? {
            c = c.ca_file(path)?;
        }
        c.login_method = match text("login_method")?
            .as_deref()
            .map(str::to_ascii_uppercase)
            .as_deref()
        {
            None | Some("GET") => LoginMethod::Get,
            Some("POST") => LoginMethod::Post,
            Some(other) => {
                return Err(Error::invalid_argument(format!(
                    "client option `login_method` must be GET or POST, not {other}"
                )))
            }
        };
        // A zero timeout would fail every call as if the network had: refused here.
        let positive = |k: &str| -> Result<Option<u64>> {
            match number(k)? {
                Some(0) => Err(Error::invalid_argument(format!(
                    "client option `{k}` must be at least 1"
                ))),
                other => Ok(other),
            }
        };
        if let Some(ms) = positive("connect_timeout_ms")? {
            c.connect_timeout = Duration::from_millis(ms);
        }
        if let Some(ms) = positive("read_timeout_ms")? {
            c.read_timeout = Duration::from_millis(ms);
        }
        if let Some(n) = number("max_retries")? {
            c.retry.max_retries = n.min(MAX_RETRIES as u64) as u32;
        }
        if let Some(ms) = positive("total_timeout_ms")? {
            c.total_timeout = Duration::from_millis(ms);
        }
        if let Some(ms) = number("session_idle_ms")? {
            c.session_idle = Duration::from_millis(ms);
        }
        if let Some(n) = number("max_concurrent_requests")? {
            if n == 0 {
                return Err(Error::invalid_argument(
                    "client option `max_concurrent_requests` must be at least 1",
                ));
            }
            c.max_concurrent_requests = n.min(4096) as usize;
        }
        if let Some(n) = positive("max_requests_per_minute")? {
            c.max_requests_per_minute = Some(n.min(u32::MAX as u64) as u32);
        }
        c.api_root("")?;
        Ok(c)
    }

    /// The settings every way of making a configuration must respect (JSON options, the
    /// builder, fields set by hand): timeouts of zero refused (they would fail every
    /// call as if the network had), retries capped at [`MAX_RETRIES`], at least one
    /// request in flight.
    pub(crate) fn checked(mut self) -> Result<ClientConfig> {
        for (name, d) in [
            ("connect timeout", self.connect_timeout),
            ("read timeout", self.read_timeout),
            ("total timeout", self.total_timeout),
        ] {
            if d.is_zero() {
                return Err(Error::invalid_argument(format!(
                    "the {name} must be at least 1 ms"
                )));
            }
        }
        if self.max_concurrent_requests == 0 {
            return Err(Error::invalid_argument(
                "max_concurrent_requests must be at least 1",
            ));
        }
        self.retry.max_retries = self.retry.max_retries.min(MAX_RETRIES);
        if let Some(v) = &self.api_version {
            let fine = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '.';
            if v.is_empty() || !v.chars().all(fine) {
                return Err(Error::invalid_argument(
                    "client option `api_version` must be `latest` or a version such as `v1_7`",
                ));
            }
        }
        Ok(self)
    }

    /// `{url}/api/v1`, checked.
    pub(crate) fn api_root(&self, base_path: &str) -> Result<String> {
        let url = self.url.trim().trim_end_matches('/');
        let parsed = reqwest::Url::parse(url)
            .map_err(|e| Error::invalid_argument(format!("url `{url}` is not a URL: {e}")))?;
        if parsed.scheme() != "https" && parsed.scheme() != "http" {
            return Err(Error::invalid_argument(format!(
                "url `{url}` must start with https:// or http://"
            )));
        }
        if parsed.host_str().is_none_or(str::is_empty) {
            return Err(Error::invalid_argument(format!("url `{url}` has no host")));
        }
        // A base that leaves no room for a call's path would fail every call as "too long"
        // naming an argument: refused here, naming the URL.
        if url.len() + base_path.len() > MAX_BASE_URL_LEN {
            return Err(Error::invalid_argument(format!(
                "url is too long: {} bytes, more than the {MAX_BASE_URL_LEN} that leave room for the API's paths",
                url.len() + base_path.len()
            )));
        }
        Ok(format!("{url}{base_path}"))
    }

    /// The HTTP client for these settings.
    /// A connection pool with these settings over `tls` (from [`ClientConfig::tls_config`],
    /// built once per client: reading the system's certificates is slow).
    pub(crate) fn http_client(&self, tls: rustls::ClientConfig) -> Result<reqwest::Client> {
        reqwest::Client::builder()
            .use_preconfigured_tls(tls)
            .http1_only()
            .connect_timeout(self.connect_timeout)
            .pool_idle_timeout(Duration::from_secs(60))
            .pool_max_idle_per_host(64)
            .tcp_nodelay(true)
            .user_agent(self.user_agent.clone())
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| Error::invalid_argument(format!("building the HTTP client: {e}")))
    }

    pub(crate) fn tls_config(&self) -> Result<rustls::ClientConfig> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let builder = rustls::ClientConfig::builder_with_provider(provider.clone())
            .with_safe_default_protocol_versions()
            .map_err(|e| Error::invalid_argument(format!("TLS setup: {e}")))?;
        let mut config = if self.verify_certificate {
            let mut roots = rustls::RootCertStore::empty();
            // The system store may be absent or partly unreadable; a CA file can still do.
            for cert in rustls_native_certs::load_native_certs().certs {
                let _ = roots.add(cert);
            }
            if let Some(pem) = &self.ca_pem {
                let mut added = 0;
                for cert in rustls_pki_types::CertificateDer::pem_slice_iter(pem) {
                    let cert = cert.map_err(|e| {
                        Error::invalid_argument(format!("CA bundle is not valid PEM: {e}"))
                    })?;
                    roots.add(cert).map_err(|e| {
                        Error::invalid_argument(format!("CA bundle certificate refused: {e}"))
                    })?;
                    added += 1;
                }
                if added == 0 {
                    return Err(Error::invalid_argument(
                        "CA bundle holds no PEM certificate",
                    ));
                }
            }
            builder.with_root_certificates(roots).with_no_client_auth()
        } else {
            builder
                .dangerous()
                .with_custom_certificate_verifier(Arc::new(NoVerify(provider)))
                .with_no_client_auth()
        };
        config.alpn_protocols = vec![b"http/1.1".to_vec()];
        Ok(config)
    }
}

use rustls_pki_types::pem::PemObject as _;

/// Accepts any certificate: only when the caller turned verification off.
#[derive(Debug)]
struct NoVerify(Arc<rustls::crypto::CryptoProvider>);

impl rustls::client::danger::ServerCertVerifier for NoVerify {
    fn verify_server_cert(
        &self,
        _end_entity: &rustls_pki_types::CertificateDer<'_>,
        _intermediates: &[rustls_pki_types::CertificateDer<'_>],
        _server_name: &rustls_pki_types::ServerName<'_>,
        _ocsp: &[u8],
        _now: rustls_pki_types::UnixTime,
    ) -> std::result::Result<rustls::client::danger::ServerCertVerified, rustls::Error> {
        Ok(rustls::client::danger::ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &rustls_pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> std::result::Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &rustls_pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> std::result::Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}
