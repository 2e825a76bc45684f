//! Server functions, by feature area. Each one is thin: it reads the state,
//! checks who is asking, calls a service and maps the error.

pub mod analytics;
pub mod audit;
pub mod auth;
pub mod boards;
pub mod people;
pub mod posts;
pub mod sharing;
pub mod training;

#[cfg(feature = "ssr")]
pub(crate) mod ctx {
    use crate::model::AppError;
    use axum::http::header;
    use axum::http::request::Parts;

    pub fn parts() -> Result<Parts, AppError> {
        leptos::prelude::use_context::<Parts>().ok_or_else(|| {
            tracing::error!("request parts missing from the Leptos context");
            AppError::Internal
        })
    }

    /// A plain HTML form post (no WebAssembly yet): answer with a redirect.
    pub fn is_plain_form(parts: &Parts) -> bool {
        parts
            .headers
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("text/html"))
    }

    /// The address people reach us at, for links we hand out: the configured
    /// public URL, else the origin the admin's browser is using.
    pub fn base_url(parts: &Parts, public: Option<&url::Url>) -> String {
        base_url_of(&parts.headers, public)
    }

    pub fn base_url_of(headers: &axum::http::HeaderMap, public: Option<&url::Url>) -> String {
        if let Some(url) = public {
            return url.as_str().trim_end_matches('/').to_string();
        }
        if let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
            if origin != "null" && url::Url::parse(origin).is_ok() {
                return origin.trim_end_matches('/').to_string();
            }
        }
        let host = headers
            .get(header::HOST)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("localhost");
        format!("http://{host}")
    }

    pub fn set_cookie(value: String) {
        if let (Some(res), Ok(v)) = (
            leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
            axum::http::HeaderValue::from_str(&value),
        ) {
            res.append_header(header::SET_COOKIE, v);
        }
    }

    pub fn session(parts: &Parts) -> Result<tower_sessions::Session, AppError> {
        parts
            .extensions
            .get::<tower_sessions::Session>()
            .cloned()
            .ok_or_else(|| {
                tracing::error!("session missing from the request");
                AppError::Internal
            })
    }
}
