//! Server functions answer every error with 500. This gives each error its
//! real status (401, 403, 404, 409, 429, …) so that load balancers, logs and
//! API clients see what happened; the browser client decodes any 4xx/5xx.

use crate::model::AppError;
use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

const SERVER_FN_ERROR_HEADER: &str = "serverfnerror";

pub async fn set_error_status(req: Request, next: Next) -> Response {
    let res = next.run(req).await;
    if res.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !res.headers().contains_key(SERVER_FN_ERROR_HEADER)
    {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = to_bytes(body, 64 * 1024).await else {
        return Response::from_parts(parts, Body::empty());
    };
    if let Ok(err) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status =
            StatusCode::from_u16(err.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        if let AppError::TooManyRequests { retry_after_secs } = err {
            if let Ok(v) = HeaderValue::from_str(&retry_after_secs.to_string()) {
                parts.headers.insert("retry-after", v);
            }
        }
    }
    Response::from_parts(parts, Body::from(bytes))
}
