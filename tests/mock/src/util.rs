//! Small helpers: time formatting and parsing, randomness, LIKE patterns, query strings.

use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// Seconds between 0001-01-01 and 1970-01-01 (the .NET ticks epoch offset).
const DOTNET_EPOCH_OFFSET_SECS: i64 = 62_135_596_800;

/// A random 64-bit value (not cryptographic; good enough for session tokens in a mock).
pub fn random_u64() -> u64 {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    h.write_u128(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0),
    );
    h.finish()
}

/// A url-safe session token like `J3ckzWibi_w6Fr1G-t003Q`.
pub fn session_token() -> String {
    use base64::Engine;
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&random_u64().to_le_bytes());
    bytes[8..].copy_from_slice(&random_u64().to_le_bytes());
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// A GUID-shaped random string.
pub fn guid() -> String {
    let a = random_u64();
    let b = random_u64();
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        (a >> 32) as u32,
        (a >> 16) as u16,
        a as u16,
        (b >> 48) as u16,
        b & 0xffff_ffff_ffff
    )
}

/// xorshift64* generator: cheap and repeatable for fault injection.
#[derive(Debug, Clone)]
pub struct XorShift(u64);

impl XorShift {
    pub fn new(seed: u64) -> Self {
        XorShift(if seed == 0 {
            0x9E37_79B9_7F4A_7C15
        } else {
            seed
        })
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in [0, 1).
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

pub fn unix_now_secs() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

pub fn unix_now_micros() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_micros() as i64)
        .unwrap_or(0)
}

/// Days since 1970-01-01 for a civil date (proleptic Gregorian).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Civil date for days since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// `YYYY-MM-DDTHH:MM:SS` for unix seconds (UTC).
pub fn fmt_iso(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        y,
        m,
        d,
        rem / 3600,
        (rem / 60) % 60,
        rem % 60
    )
}

pub fn now_iso() -> String {
    fmt_iso(unix_now_secs())
}

/// `YYYY-MM-DD HH:MM:SS.ffffff` for unix microseconds (the export description stamp).
pub fn fmt_stamp_micros(micros: i64) -> String {
    let secs = micros.div_euclid(1_000_000);
    let frac = micros.rem_euclid(1_000_000);
    format!("{}.{:06}", fmt_iso(secs).replace('T', " "), frac)
}

fn digits(s: &[u8]) -> Option<i64> {
    if s.is_empty() || !s.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(s).ok()?.parse().ok()
}

/// Parses `YYYY-MM-DD` into days since the unix epoch.
pub fn parse_date(s: &str) -> Option<i64> {
    let b = s.trim().as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, m, d) = (digits(&b[0..4])?, digits(&b[5..7])?, digits(&b[8..10])?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some(days_from_civil(y, m, d))
}

/// Parses `YYYY-MM-DDTHH:MM:SS` with an optional fraction (when `allow_fraction`) and an
/// optional trailing `Z`; answers unix seconds.
pub fn parse_iso(s: &str, allow_fraction: bool) -> Option<i64> {
    let s = s.trim();
    let s = s
        .strip_suffix('Z')
        .or_else(|| s.strip_suffix('z'))
        .unwrap_or(s);
    let b = s.as_bytes();
    if b.len() < 19 || (b[10] != b'T' && b[10] != b't') || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let days = parse_date(&s[..10])?;
    let (hh, mm, ss) = (
        digits(&b[11..13])?,
        digits(&b[14..16])?,
        digits(&b[17..19])?,
    );
    if hh > 23 || mm > 59 || ss > 60 {
        return None;
    }
    let rest = &b[19..];
    if !rest.is_empty() && (!allow_fraction || rest[0] != b'.' || digits(&rest[1..]).is_none()) {
        return None;
    }
    Some(days * 86_400 + hh * 3600 + mm * 60 + ss)
}

/// Parses an audit-trail timestamp: ISO-8601 UTC or .NET ticks. Answers unix seconds.
pub fn parse_iso_or_ticks(s: &str) -> Option<i64> {
    let t = s.trim();
    if !t.is_empty() && t.bytes().all(|c| c.is_ascii_digit()) {
        let ticks: i128 = t.parse().ok()?;
        return Some((ticks / 10_000_000) as i64 - DOTNET_EPOCH_OFFSET_SECS);
    }
    parse_iso(t, true)
}

pub fn ticks_from_unix(secs: i64) -> i64 {
    (secs + DOTNET_EPOCH_OFFSET_SECS) * 10_000_000
}

/// An ISO-8601 duration such as `P1D`, `PT5H`, `P1M3DT1H2M`, `P2W`.
pub fn is_iso_duration(s: &str) -> bool {
    let s = s.trim();
    let Some(rest) = s.strip_prefix('P').or_else(|| s.strip_prefix('p')) else {
        return false;
    };
    if rest.is_empty() {
        return false;
    }
    let (date, time) = match rest.find(['T', 't']) {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    fn part(s: &str, units: &[char]) -> bool {
        let mut num = String::new();
        let mut last = 0usize;
        let mut any = false;
        for c in s.chars() {
            if c.is_ascii_digit() || (c == '.' && !num.is_empty()) {
                num.push(c);
            } else {
                let c = c.to_ascii_uppercase();
                let Some(pos) = units.iter().position(|u| *u == c) else {
                    return false;
                };
                if num.is_empty() || pos < last || (any && pos == last) {
                    return false;
                }
                last = pos;
                any = true;
                num.clear();
            }
        }
        num.is_empty()
    }
    if !part(date, &['Y', 'M', 'W', 'D']) {
        return false;
    }
    match time {
        Some(t) => !t.is_empty() && part(t, &['H', 'M', 'S']),
        None => true,
    }
}

/// SQL LIKE: `%` any run, `_` exactly one character; case-insensitive.
pub fn like(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().flat_map(|c| c.to_lowercase()).collect();
    let t: Vec<char> = text.chars().flat_map(|c| c.to_lowercase()).collect();
    let (mut pi, mut ti) = (0usize, 0usize);
    let (mut star, mut mark) = (usize::MAX, 0usize);
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '_' || (p[pi] != '%' && p[pi] == t[ti])) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '%' {
            star = pi;
            mark = ti;
            pi += 1;
        } else if star != usize::MAX {
            pi = star + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    while pi < p.len() && p[pi] == '%' {
        pi += 1;
    }
    pi == p.len()
}

/// Parsed query string: names lower-cased, values percent-decoded once (`+` is a space).
#[derive(Debug, Default, Clone)]
pub struct Query(pub Vec<(String, String)>);

impl Query {
    pub fn parse(raw: Option<&str>) -> Query {
        let mut out = Vec::new();
        if let Some(raw) = raw {
            for pair in raw.split('&') {
                if pair.is_empty() {
                    continue;
                }
                let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
                let key = decode_query(k).to_ascii_lowercase();
                let mut value = decode_query(v);
                // Qlik's older client encodes every parameter twice; values whose
                // grammar has no `%` (flags, numbers, options, timestamps) are decoded
                // again. Names and LIKE patterns (`schema`, `table`) are decoded once.
                if !matches!(key.as_str(), "schema" | "table" | "configuration")
                    && value.contains('%')
                {
                    value = decode_query(&value);
                }
                out.push((key, value));
            }
        }
        Query(out)
    }
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
    /// A value, with Qlik's client's literal `None` and empty values treated as absent.
    pub fn opt(&self, key: &str) -> Option<&str> {
        self.get(key).filter(|v| !v.is_empty() && *v != "None")
    }
    pub fn action(&self) -> Option<String> {
        self.opt("action").map(|a| a.to_ascii_lowercase())
    }
    /// A boolean flag: true/false in any case (also 1/0). `None` when absent or unparsable.
    pub fn flag(&self, key: &str) -> Option<bool> {
        parse_bool(self.opt(key)?)
    }
}

pub fn parse_bool(s: &str) -> Option<bool> {
    match s.trim().to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" => Some(true),
        "false" | "0" | "no" => Some(false),
        _ => None,
    }
}

/// Decodes a form or query value (`+` is a space).
pub fn decode_form(s: &str) -> String {
    decode_query(s)
}

/// The text of the first `NameID` element of a SAML document, whatever its prefix.
pub fn saml_name_id(xml: &str) -> Option<String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut inside = false;
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) if e.local_name().as_ref() == b"NameID" => inside = true,
            Event::Text(t) if inside => {
                let text = t.unescape().ok()?.trim().to_string();
                return (!text.is_empty()).then_some(text);
            }
            Event::End(_) if inside => return None,
            Event::Eof => return None,
            _ => {}
        }
    }
}

fn decode_query(s: &str) -> String {
    let s = s.replace('+', " ");
    percent_encoding::percent_decode_str(&s)
        .decode_utf8_lossy()
        .into_owned()
}

pub fn decode_segment(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

/// `HH:MM:SS` for a number of seconds.
pub fn hms(secs: u64) -> String {
    format!(
        "{:02}:{:02}:{:02}",
        secs / 3600,
        (secs / 60) % 60,
        secs % 60
    )
}

/// `scheme://host[:port]` of a request as its client addressed it (the links a service
/// answers point there).
pub fn request_origin(tls: bool, headers: &hyper::HeaderMap) -> String {
    let host = headers
        .get(hyper::header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost");
    format!("{}://{host}", if tls { "https" } else { "http" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(civil_from_days(days_from_civil(2024, 2, 29)), (2024, 2, 29));
        assert_eq!(fmt_iso(0), "1970-01-01T00:00:00");
        assert_eq!(
            parse_iso("2017-03-07T11:19:03", false),
            parse_iso("2017-03-07T11:19:03Z", false)
        );
        assert!(parse_iso("2017-03-07 11:19:03", false).is_none());
        assert!(parse_iso("2017-03-07T11:19:03.5", false).is_none());
        assert!(parse_iso("2017-03-07T11:19:03.5Z", true).is_some());
        let t = parse_iso("2020-06-30T16:15:00Z", false).unwrap();
        assert_eq!(parse_iso_or_ticks(&ticks_from_unix(t).to_string()), Some(t));
    }

    #[test]
    fn durations() {
        for ok in ["P1D", "PT5H", "P1M3DT1H2M", "P2W", "PT0.5S", "P1Y2M"] {
            assert!(is_iso_duration(ok), "{ok}");
        }
        for bad in ["P", "PT", "1D", "P1H", "PD", "P1DT", "xyz", "P1D2Y"] {
            assert!(!is_iso_duration(bad), "{bad}");
        }
    }

    #[test]
    fn like_patterns() {
        assert!(like("%", "anything"));
        assert!(like("ORD%", "ORDERS"));
        assert!(like("ord%", "ORDERS"));
        assert!(like("ORDER_", "ORDERS"));
        assert!(!like("ORDER_", "ORDER_ITEMS"));
        assert!(like("%ITEM%", "ORDER_ITEMS"));
        assert!(!like("X%", "ORDERS"));
    }
}
