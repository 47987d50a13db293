//! 2.5 Login, 2.6 Logout, session checking, Enterprise Manager's own license.

use std::collections::HashMap;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use base64::Engine;
use hyper::header::{HeaderValue, AUTHORIZATION};
use hyper::HeaderMap;

use crate::errors::{self, ApiError};
use crate::http::{self, Resp};
use crate::router::Ctx;
use crate::state::{Role, World};
use crate::{util, Session, Shared};

pub const SESSION_HEADER: &str = "EnterpriseManager.APISessionID";

/// Resolves a Basic credential to a user name.
fn resolve_user(w: &World, decoded: &str) -> Option<String> {
    let (ident, secret) = decoded.split_once(':')?;
    let ident = ident.trim();
    if ident.eq_ignore_ascii_case("api-token") {
        return w
            .users
            .iter()
            .find(|u| u.api_token.as_deref() == Some(secret) && !secret.is_empty())
            .map(|u| u.name.clone());
    }
    if ident.eq_ignore_ascii_case("jwt") {
        return w
            .users
            .iter()
            .find(|u| u.jwt.as_deref() == Some(secret) && !secret.is_empty())
            .map(|u| u.name.clone());
    }
    w.users
        .iter()
        .find(|u| names_user(w, u, ident) && u.password.as_deref().is_some_and(|p| p == secret))
        .map(|u| u.name.clone())
}

/// Whether `ident` names user `u` as Active Directory would, case-insensitively: its
/// stored `DOMAIN\user`; `user@DOMAIN` (the guide's 2.5 form); or a user principal name
/// `user@dns.domain`: the user's `upn`, or the domain's DNS name (`settings.domains`,
/// else any DNS name whose first label is the domain, as Active Directory names a
/// domain's NetBIOS name by default).
fn names_user(w: &World, u: &crate::state::User, ident: &str) -> bool {
    if u.upn
        .as_deref()
        .is_some_and(|p| p.eq_ignore_ascii_case(ident))
    {
        return true;
    }
    let (domain, name) = u.name.split_once('\\').unwrap_or(("", &u.name));
    if let Some((d, n)) = ident.split_once('\\') {
        return d.eq_ignore_ascii_case(domain) && n.eq_ignore_ascii_case(name);
    }
    let Some((n, d)) = ident.rsplit_once('@') else {
        return domain.is_empty() && ident.eq_ignore_ascii_case(name);
    };
    if !n.eq_ignore_ascii_case(name) {
        return false;
    }
    let dns = w
        .settings
        .domains
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(domain))
        .map(|(_, v)| v.as_str());
    d.eq_ignore_ascii_case(domain)
        || dns.is_some_and(|dns| d.eq_ignore_ascii_case(dns))
        || (dns.is_none()
            && d.contains('.')
            && d.split('.')
                .next()
                .is_some_and(|l| l.eq_ignore_ascii_case(domain)))
}

fn decode_b64(text: &str) -> Option<Vec<u8>> {
    let text = text.trim();
    base64::engine::general_purpose::STANDARD
        .decode(text)
        .or_else(|_| {
            base64::engine::general_purpose::STANDARD_NO_PAD.decode(text.trim_end_matches('='))
        })
        .ok()
}

/// The user a SAML login body names: the body is the base64 of a SAML response (as
/// Qlik's client posts it, or as the form field `SAMLResponse`), whose `NameID` is a
/// user's `saml_name_id` or name. Signatures are not checked: this is a mock.
fn saml_user(w: &World, body: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(body).ok()?.trim();
    let text = match text.strip_prefix("SAMLResponse=") {
        Some(field) => util::decode_form(field),
        None => text.to_string(),
    };
    let xml = String::from_utf8(decode_b64(&text)?).ok()?;
    let name_id = util::saml_name_id(&xml)?;
    w.users
        .iter()
        .find(|u| {
            u.saml_name_id
                .as_deref()
                .is_some_and(|n| n.eq_ignore_ascii_case(&name_id))
                || u.name.eq_ignore_ascii_case(&name_id)
        })
        .map(|u| u.name.clone())
}

/// The base64 of `Basic <base64>`, or of `Basic: <base64>` (a colon after the scheme, as
/// a public monitoring client has sent to live servers since 2019); anything else is not
/// Basic credentials.
fn basic_credentials(auth: &str) -> Option<&str> {
    let auth = auth.trim();
    let scheme = auth.get(..5)?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let rest = &auth[5..];
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    // A separator is needed after the bare scheme (`Basicabc` is not Basic).
    if rest.len() == auth.len() - 5 && !rest.starts_with([' ', '\t']) {
        return None;
    }
    let b64 = rest.trim();
    (!b64.is_empty()).then_some(b64)
}

pub fn login(shared: &Shared, headers: &HeaderMap, body: &[u8]) -> Result<Resp, ApiError> {
    let unauthorized = || errors::LOGIN_UNAUTHORIZED.plain();
    let auth = headers.get(AUTHORIZATION).and_then(|v| v.to_str().ok());
    let user = {
        let w = shared.world.lock();
        let user = match auth {
            // No Authorization header: the body is a SAML message (Qlik's client, 4.2).
            None if !body.is_empty() => saml_user(&w, body).ok_or_else(unauthorized)?,
            None => return Err(unauthorized()),
            Some(auth) => {
                let b64 = basic_credentials(auth).ok_or_else(unauthorized)?;
                let raw = decode_b64(b64).ok_or_else(unauthorized)?;
                let decoded = String::from_utf8(raw).map_err(|_| unauthorized())?;
                resolve_user(&w, &decoded).ok_or_else(unauthorized)?
            }
        };
        if w.global_role(&user) == Role::None
            && w.user(&user).is_some_and(|u| u.server_roles.is_empty())
        {
            return Err(unauthorized());
        }
        em_license_error(&w, &user)?;
        user
    };
    let token = util::session_token();
    shared.counters.logins.fetch_add(1, Ordering::SeqCst);
    shared.sessions.lock().insert(
        token.clone(),
        Session {
            user,
            born: Instant::now(),
            last: Instant::now(),
            password_ids: HashMap::new(),
        },
    );
    let mut r = http::empty_ok();
    r.headers_mut().insert(
        hyper::header::CONTENT_TYPE,
        HeaderValue::from_static("text/html"),
    );
    if let Ok(v) = HeaderValue::from_str(&token) {
        r.headers_mut().insert(SESSION_HEADER, v);
    }
    Ok(r)
}

fn invalid_session(shared: &Shared) -> ApiError {
    let status = shared.invalid_status.load(Ordering::Relaxed) as u16;
    let mut e = errors::INVALID_SESSION_ID.plain();
    e.status = if status == 0 { 440 } else { status };
    e.headers.push(("Application-Status", e.status.to_string()));
    e
}

/// Checks the session header; answers (user, session id) and touches the session.
pub fn authenticate(shared: &Shared, headers: &HeaderMap) -> Result<(String, String), ApiError> {
    let token = headers
        .get(SESSION_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| invalid_session(shared))?;
    let idle = Duration::from_secs(shared.idle_secs.load(Ordering::Relaxed));
    let max_age = match shared.session_max_age_ms.load(Ordering::Relaxed) {
        0 => Duration::MAX,
        ms => Duration::from_millis(ms),
    };
    let now = Instant::now();
    let mut sessions = shared.sessions.lock();
    match sessions.get_mut(token) {
        Some(s) if now.duration_since(s.last) < idle && now.duration_since(s.born) < max_age => {
            s.last = now;
            Ok((s.user.clone(), token.to_string()))
        }
        Some(_) => {
            sessions.remove(token);
            shared
                .counters
                .expired_sessions
                .fetch_add(1, Ordering::SeqCst);
            Err(invalid_session(shared))
        }
        None => Err(invalid_session(shared)),
    }
}

pub fn logout(ctx: &Ctx) -> Result<Resp, ApiError> {
    ctx.shared.sessions.lock().remove(&ctx.session);
    let mut r = http::empty_ok();
    r.headers_mut().insert(
        hyper::header::CONTENT_TYPE,
        HeaderValue::from_static("text/html"),
    );
    Ok(r)
}

fn em_license_error(w: &World, user: &str) -> Result<(), ApiError> {
    let module = [("Module", "Replication Management")];
    match w.settings.em_license.to_ascii_uppercase().as_str() {
        "" | "VALID" => Ok(()),
        "NOT_FOUND" => Err(if w.global_role(user) == Role::Admin {
            errors::LICENSE_NOT_FOUND.plain()
        } else {
            errors::LICENSE_NOT_FOUND_CONTACT_ADMIN.plain()
        }),
        "EVALUATION_EXPIRED" => Err(errors::LICENSE_EVALUATION_EXPIRED.with(&module)),
        "TERM_EXPIRED" => Err(errors::LICENSE_TERM_EXPIRED.with(&module)),
        "INVALID_SIGNATURE" => Err(errors::LICENSE_INVALID_SIGNATURE.with(&module)),
        "HOST_MISMATCH" => Err(errors::LICENSE_HOST_MISMATCH.with(&module)),
        _ => Ok(()),
    }
}

pub fn check_em_license(ctx: &Ctx) -> Result<(), ApiError> {
    let w = ctx.shared.world.lock();
    em_license_error(&w, &ctx.user)
}

/// Records a GetServer password identifier for this session.
pub fn remember_password_id(ctx: &Ctx, server: &str) -> String {
    let id = format!("{{S:{}}}", util::guid());
    if let Some(s) = ctx.shared.sessions.lock().get_mut(&ctx.session) {
        s.password_ids.insert(id.clone(), server.to_string());
    }
    id
}

/// Whether `id` was handed out by GetServer for `server` in this session.
pub fn password_id_valid(ctx: &Ctx, id: &str, server: &str) -> bool {
    ctx.shared
        .sessions
        .lock()
        .get(&ctx.session)
        .and_then(|s| s.password_ids.get(id))
        .is_some_and(|s| s == server)
}
