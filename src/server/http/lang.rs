//! Which language to answer in: the visitor's explicit choice (a cookie set
//! by the switcher, and at sign-in from their profile), else what their
//! browser asks for, else the configured default.

use crate::model::Lang;
use axum::http::{header, HeaderMap};

pub const LANG_COOKIE: &str = "pv_lang";

pub fn request_lang(headers: &HeaderMap, default: Lang) -> Lang {
    cookie_lang(headers)
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .unwrap_or(default)
}

fn cookie_lang(headers: &HeaderMap) -> Option<Lang> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == LANG_COOKIE)
        .and_then(|(_, v)| v.parse().ok())
}

/// The `Set-Cookie` value remembering a language for a year.
pub fn lang_cookie(lang: Lang, secure: bool) -> String {
    format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax{}",
        lang.code(),
        if secure { "; Secure" } else { "" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn cookie_beats_browser_beats_default() {
        let mut h = HeaderMap::new();
        assert_eq!(request_lang(&h, Lang::En), Lang::En);
        h.insert(
            header::ACCEPT_LANGUAGE,
            HeaderValue::from_static("es-ES,es;q=0.9"),
        );
        assert_eq!(request_lang(&h, Lang::En), Lang::Es);
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("id=abc; pv_lang=en"),
        );
        assert_eq!(request_lang(&h, Lang::Es), Lang::En);
    }
}
