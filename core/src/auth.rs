//! Credentials for the guide's 2.5 login. They only ever leave this module as the value
//! of a sensitive `Authorization` header: Debug and Display never show them.

use base64::Engine as _;
use std::fmt;

/// How to log in (guide 2.3, 2.5, 4.2).
#[derive(Clone, PartialEq, Eq)]
pub enum Credentials {
    /// Active Directory: `DOMAIN\user` or `user@domain`, and a password.
    ActiveDirectory {
        /// `DOMAIN\user` or `user@domain`.
        username: String,
        /// The password (the guide: it cannot contain a colon).
        password: String,
    },
    /// An OpenID Connect personal access token (sent as `api-token:<PAT>`).
    ApiToken(String),
    /// A JSON Web Token (sent as `jwt:<token>`).
    Jwt(String),
    /// An already base64-encoded `user:password` (the documented Python constructor takes one).
    Encoded(String),
    /// A SAML message from the identity provider, sent as the login body (POST, form
    /// content type, no `Authorization` header), as Qlik's Python client does with
    /// `AuthenticationMethod.SAML`. Renewal sends it again.
    Saml(String),
    /// Qlik Cloud: an API key, sent as a bearer token on every request.
    ApiKey(String),
    /// Qlik Cloud: OAuth client credentials, exchanged at `{url}/oauth/token` for a
    /// bearer token that is reused until shortly before it expires.
    OAuthClient {
        /// The OAuth client's id (not secret).
        client_id: String,
        /// Its secret.
        client_secret: String,
        /// The scope asked for (`user_default` when none).
        scope: Option<String>,
    },
    /// Kinetic Task: HTTP Basic on every request (a user its API policy rules know).
    Basic {
        /// The user name.
        username: String,
        /// The password.
        password: String,
    },
    /// No credentials (Kinetic Task sources without identity rules).
    None,
}

impl Credentials {
    /// Active Directory user and password.
    pub fn active_directory(username: impl Into<String>, password: impl Into<String>) -> Self {
        Credentials::ActiveDirectory {
            username: username.into(),
            password: password.into(),
        }
    }

    /// Active Directory with the domain given apart, as `DOMAIN\user`.
    pub fn domain_user(domain: &str, username: &str, password: impl Into<String>) -> Self {
        let user = if domain.is_empty() {
            username.to_string()
        } else {
            format!("{domain}\\{username}")
        };
        Credentials::active_directory(user, password)
    }

    /// The value of the `Authorization` header; none for SAML, whose message is the body.
    pub(crate) fn basic_header(&self) -> Option<String> {
        let b64 = base64::engine::general_purpose::STANDARD;
        let encoded = match self {
            Credentials::Saml(_) | Credentials::ApiKey(_) | Credentials::OAuthClient { .. } => {
                return None
            }
            Credentials::ActiveDirectory { username, password }
            | Credentials::Basic { username, password } => {
                b64.encode(format!("{username}:{password}"))
            }
            Credentials::None => return None,
            Credentials::ApiToken(t) => b64.encode(format!("api-token:{t}")),
            Credentials::Jwt(t) => b64.encode(format!("jwt:{t}")),
            Credentials::Encoded(e) => e.trim().to_string(),
        };
        Some(format!("Basic {encoded}"))
    }

    /// The login body: the SAML message, byte for byte.
    pub(crate) fn login_body(&self) -> Option<&str> {
        match self {
            Credentials::Saml(m) => Some(m),
            _ => None,
        }
    }

    /// Which kind, for logs: never the secret.
    pub fn kind(&self) -> &'static str {
        match self {
            Credentials::ActiveDirectory { .. } => "active_directory",
            Credentials::ApiToken(_) => "api_token",
            Credentials::Jwt(_) => "jwt",
            Credentials::Encoded(_) => "encoded",
            Credentials::Saml(_) => "saml",
            Credentials::ApiKey(_) => "api_key",
            Credentials::OAuthClient { .. } => "oauth_client",
            Credentials::Basic { .. } => "basic",
            Credentials::None => "none",
        }
    }

    pub(crate) fn validate(&self) -> crate::Result<()> {
        let empty = match self {
            Credentials::ActiveDirectory { username, .. } | Credentials::Basic { username, .. } => {
                username.is_empty()
            }
            Credentials::None => false,
            Credentials::ApiToken(t)
            | Credentials::Jwt(t)
            | Credentials::Encoded(t)
            | Credentials::Saml(t)
            | Credentials::ApiKey(t) => t.trim().is_empty(),
            Credentials::OAuthClient {
                client_id,
                client_secret,
                ..
            } => client_id.trim().is_empty() || client_secret.is_empty(),
        };
        if empty {
            return Err(crate::Error::invalid_argument(format!(
                "credentials: the {} credential is empty",
                self.kind()
            )));
        }
        Ok(())
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // The user name is not secret and helps diagnose a wrong-domain login.
            Credentials::ActiveDirectory { username, .. } => f
                .debug_struct("ActiveDirectory")
                .field("username", username)
                .field("password", &"<redacted>")
                .finish(),
            Credentials::Basic { username, .. } => f
                .debug_struct("Basic")
                .field("username", username)
                .field("password", &"<redacted>")
                .finish(),
            Credentials::None => f.write_str("None"),
            Credentials::ApiToken(_) => f.write_str("ApiToken(<redacted>)"),
            Credentials::Jwt(_) => f.write_str("Jwt(<redacted>)"),
            Credentials::Encoded(_) => f.write_str("Encoded(<redacted>)"),
            Credentials::Saml(_) => f.write_str("Saml(<redacted>)"),
            Credentials::ApiKey(_) => f.write_str("ApiKey(<redacted>)"),
            Credentials::OAuthClient {
                client_id, scope, ..
            } => f
                .debug_struct("OAuthClient")
                .field("client_id", client_id)
                .field("client_secret", &"<redacted>")
                .field("scope", scope)
                .finish(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_follow_the_guide() {
        let b64 = base64::engine::general_purpose::STANDARD;
        let h = Credentials::active_directory("QEM\\admin", "pw")
            .basic_header()
            .unwrap();
        assert_eq!(h, format!("Basic {}", b64.encode("QEM\\admin:pw")));
        let h = Credentials::ApiToken("PAT".into()).basic_header().unwrap();
        assert_eq!(h, format!("Basic {}", b64.encode("api-token:PAT")));
        let h = Credentials::Jwt("T".into()).basic_header().unwrap();
        assert_eq!(h, format!("Basic {}", b64.encode("jwt:T")));
        assert_eq!(
            Credentials::Encoded(" abc= ".into()).basic_header(),
            Some("Basic abc=".to_string())
        );
        let saml = Credentials::Saml("PHNhbWxwOlJlc3BvbnNlLz4=".into());
        assert_eq!(saml.basic_header(), None);
        assert_eq!(saml.login_body(), Some("PHNhbWxwOlJlc3BvbnNlLz4="));
    }

    #[test]
    fn debug_never_shows_secrets() {
        for c in [
            Credentials::active_directory("QEM\\admin", "hunter2"),
            Credentials::ApiToken("hunter2".into()),
            Credentials::Jwt("hunter2".into()),
            Credentials::Encoded("hunter2".into()),
            Credentials::Saml("hunter2".into()),
        ] {
            let shown = format!("{c:?}");
            assert!(!shown.contains("hunter2"), "{shown}");
        }
    }
}
