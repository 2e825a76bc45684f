//! Page-level access for full page loads: signed-out visitors are sent to
//! sign in (and brought back afterwards), people without the role get the
//! page's "not allowed" view with a real 403. Pages for signed-in people are
//! never cached by the browser or a proxy.

use crate::model::{page_access, Access};
use crate::server::auth::Auth;
use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};

pub async fn guard(req: Request, next: Next) -> Response {
    let path = req.uri().path();
    if req.method() != Method::GET || path.starts_with("/api/") {
        return next.run(req).await;
    }
    let access = page_access(path);
    if access == Access::Public {
        return next.run(req).await;
    }
    let user = req.extensions().get::<Auth>().and_then(|a| a.0.clone());
    if user.is_none() {
        let target = req
            .uri()
            .path_and_query()
            .map(|p| p.as_str())
            .unwrap_or("/");
        let location = if target == "/" {
            "/sign-in".to_string()
        } else {
            format!(
                "/sign-in?next={}",
                url::form_urlencoded::byte_serialize(target.as_bytes()).collect::<String>()
            )
        };
        return Redirect::to(&location).into_response();
    }
    let allowed = access.allows(user.as_ref());
    let mut res = next.run(req).await;
    if !allowed && res.status() == StatusCode::OK {
        *res.status_mut() = StatusCode::FORBIDDEN;
    }
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}
