//! Rejects cross-site state-changing requests. Leptos server functions do no
//! CSRF checking of their own, so every POST (and PUT, PATCH, DELETE) passes
//! here: browsers label cross-site requests with `Sec-Fetch-Site`, and send
//! `Origin`, which must be our own. Requests with neither header do not
//! come from a browser page and cannot ride on a victim's cookies.

use crate::server::state::AppState;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

pub async fn reject_cross_site(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    if is_cross_site(req.headers(), state.config.public_url.as_ref()) {
        tracing::warn!(path = %req.uri().path(), "rejected a cross-site request");
        return (StatusCode::FORBIDDEN, "Cross-site request refused.").into_response();
    }
    next.run(req).await
}

fn is_cross_site(headers: &HeaderMap, public_url: Option<&url::Url>) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        if !matches!(site, "same-origin" | "none") {
            return true;
        }
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    if origin == "null" {
        return true;
    }
    let Ok(origin) = url::Url::parse(origin) else {
        return true;
    };
    match public_url {
        Some(public) => origin.origin() != public.origin(),
        None => {
            // Without a configured public address, the origin must name the host
            // the request was sent to.
            let host = headers
                .get(header::HOST)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            let origin_host = match origin.port() {
                Some(port) => format!("{}:{port}", origin.host_str().unwrap_or("")),
                None => origin.host_str().unwrap_or("").to_string(),
            };
            !origin_host.eq_ignore_ascii_case(host)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn same_origin_requests_pass() {
        assert!(!is_cross_site(
            &headers(&[("sec-fetch-site", "same-origin")]),
            None
        ));
        assert!(!is_cross_site(
            &headers(&[
                ("origin", "http://127.0.0.1:3000"),
                ("host", "127.0.0.1:3000")
            ]),
            None
        ));
        assert!(!is_cross_site(&headers(&[]), None));
        let public = url::Url::parse("https://pv.example.com").unwrap();
        assert!(!is_cross_site(
            &headers(&[
                ("origin", "https://pv.example.com"),
                ("host", "10.0.0.5:3000")
            ]),
            Some(&public)
        ));
    }

    #[test]
    fn cross_site_requests_are_refused() {
        assert!(is_cross_site(
            &headers(&[("sec-fetch-site", "cross-site")]),
            None
        ));
        assert!(is_cross_site(
            &headers(&[("sec-fetch-site", "same-site")]),
            None
        ));
        assert!(is_cross_site(
            &headers(&[
                ("origin", "https://evil.example"),
                ("host", "127.0.0.1:3000")
            ]),
            None
        ));
        assert!(is_cross_site(
            &headers(&[("origin", "null"), ("host", "127.0.0.1:3000")]),
            None
        ));
        let public = url::Url::parse("https://pv.example.com").unwrap();
        assert!(is_cross_site(
            &headers(&[("origin", "http://pv.example.com")]),
            Some(&public)
        ));
    }
}
