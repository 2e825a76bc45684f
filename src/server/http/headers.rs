//! Security headers on every response of the app.

use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

pub async fn security_headers(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    );
    // 'wasm-unsafe-eval' lets the browser compile our WebAssembly; the
    // hydration script Leptos inlines needs 'unsafe-inline' for scripts.
    // form-action also governs where a form's redirect may go: the share
    // buttons post to /share, which sends the browser to the network.
    h.entry(header::CONTENT_SECURITY_POLICY).or_insert(HeaderValue::from_static(
        "default-src 'self'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; \
         style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; connect-src 'self' ws: wss:; \
         frame-ancestors 'none'; base-uri 'self'; \
         form-action 'self' https://x.com https://www.linkedin.com https://www.facebook.com https://wa.me mailto:",
    ));
    res
}
