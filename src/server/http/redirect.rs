//! `GET /s/{code}`: the tracked-link redirect. The hot path: no session, no
//! cookie, no database write; the link comes from memory after its first
//! click, and the click goes to the queue.

use crate::server::http::client_ip::client_ip;
use crate::server::sharing::bots::{classify, Visit};
use crate::server::sharing::clicks::Click;
use crate::server::sharing::links::looks_like_code;
use crate::server::state::AppState;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use chrono::Utc;
use std::net::SocketAddr;
use std::sync::Arc;

/// Takes the whole request rather than extractors: the headers are read in
/// place instead of copied, and the code is a slice of the path.
pub async fn follow(State(state): State<Arc<AppState>>, req: Request) -> Response {
    let code = req.uri().path().strip_prefix("/s/").unwrap_or_default();
    if !looks_like_code(code) {
        return not_found();
    }
    let link = match state.redirects.link(&state.db, code).await {
        Ok(Some(link)) => link,
        Ok(None) => return not_found(),
        Err(e) => {
            tracing::error!(error = %e, "resolving a tracked link");
            return unavailable();
        }
    };
    let headers = req.headers();
    let (visit, agent) = classify(req.method(), headers);
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0);
    state.clicks.push(Click {
        link_id: link.link_id,
        at: Utc::now(),
        human: visit == Visit::Human,
        ip: client_ip(headers, peer, state.config.client_ip_header.as_deref()),
        agent,
    });
    let snapshot = state.redirects.snapshot();
    if snapshot.crisis || link.retracted {
        return if snapshot.settings.safe_url.is_empty() {
            found(HeaderValue::from_static("/s/unavailable"))
        } else {
            match HeaderValue::from_str(&snapshot.settings.safe_url) {
                Ok(to) => found(to),
                Err(_) => unavailable(),
            }
        };
    }
    found(link.location.clone())
}

/// The Referrer-Policy of every response comes from the security headers.
fn found(location: HeaderValue) -> Response {
    (
        StatusCode::FOUND,
        [
            (header::LOCATION, location),
            // Every visit must reach us to be counted.
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
    )
        .into_response()
}

/// The constant redirect the benchmark compares `/s/{code}` with (served only
/// with `PORTAVOZ_BENCH_ROUTES=1`).
pub async fn bare() -> Response {
    (
        StatusCode::FOUND,
        [(
            header::LOCATION,
            HeaderValue::from_static("https://example.com/"),
        )],
    )
        .into_response()
}

const PAGE: &str = r#"<!doctype html><html lang="es"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>{title}</title>
<style>body{font-family:system-ui,sans-serif;background:#f4f6f8;color:#1d2630;display:grid;place-items:center;min-height:100vh;margin:0}
main{background:#fff;border:1px solid #dde3e8;border-radius:14px;padding:2rem;max-width:30rem;margin:1rem}
h1{font-size:1.3rem;margin:0 0 .5rem}p{margin:.4rem 0;color:#4b5a69}</style></head>
<body><main><h1>{title}</h1><p>{es}</p><p lang="en">{en}</p></main></body></html>"#;

fn page(status: StatusCode, title: &str, es: &str, en: &str) -> Response {
    let html = PAGE
        .replace("{title}", title)
        .replace("{es}", es)
        .replace("{en}", en);
    (status, [(header::CACHE_CONTROL, "no-store")], Html(html)).into_response()
}

fn not_found() -> Response {
    page(
        StatusCode::NOT_FOUND,
        "Enlace no encontrado · Link not found",
        "Este enlace no existe o está mal copiado. Comprueba que lo tienes completo.",
        "This link does not exist or was copied incompletely. Check that you have all of it.",
    )
}

/// Where visitors of a retracted post, or of any post during crisis mode,
/// land when comms set no page of their own.
pub async fn unavailable_page() -> Response {
    page(
        StatusCode::OK,
        "Contenido no disponible · Content unavailable",
        "Este contenido ya no está disponible. Gracias por tu interés.",
        "This content is no longer available. Thank you for your interest.",
    )
}

fn unavailable() -> Response {
    page(
        StatusCode::SERVICE_UNAVAILABLE,
        "Vuelve a intentarlo · Try again",
        "No hemos podido abrir este enlace ahora mismo. Inténtalo de nuevo en unos segundos.",
        "We could not open this link just now. Please try again in a few seconds.",
    )
}
