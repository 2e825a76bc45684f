//! `GET /images/{id}`: post images, for signed-in people only (a draft's
//! image is not public). Stored images never change, so browsers keep them.

use crate::server::auth::Auth;
use crate::server::state::AppState;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;

pub async fn serve(
    State(state): State<AppState>,
    Extension(auth): Extension<Auth>,
    Path(id): Path<i64>,
) -> Response {
    if auth.0.is_none() {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    match state.db.image(id).await {
        Ok(Some((content_type, bytes))) => {
            let mut res = bytes.into_response();
            let h = res.headers_mut();
            if let Ok(v) = HeaderValue::from_str(&content_type) {
                h.insert(header::CONTENT_TYPE, v);
            }
            h.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, max-age=31536000, immutable"),
            );
            h.insert(
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static("default-src 'none'; sandbox"),
            );
            res
        }
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(e) => {
            tracing::error!(error = %e, "reading an image");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
