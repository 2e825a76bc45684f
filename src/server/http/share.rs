//! `POST /share`: the share buttons. A plain form (opened in a new tab), so
//! it works before the WebAssembly loads: the share is recorded, then the
//! browser goes on to the network's own share page with the tracked link.

use crate::api::ctx::base_url_of;
use crate::i18n::error_text;
use crate::model::{AppError, Channel, Lang, PostId};
use crate::server::auth::Auth;
use crate::server::services::sharing;
use crate::server::state::AppState;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::{Extension, Form};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct ShareForm {
    post_id: PostId,
    channel: String,
    #[serde(default)]
    text: String,
}

pub async fn share(
    State(state): State<AppState>,
    Extension(auth): Extension<Auth>,
    headers: HeaderMap,
    Form(form): Form<ShareForm>,
) -> Response {
    let back = format!("/posts/{}", form.post_id);
    let Some(user) = auth.0 else {
        return see_other(&format!("/sign-in?next={back}"));
    };
    let Some(channel) = Channel::parse(&form.channel) else {
        return problem(
            user.lang,
            StatusCode::BAD_REQUEST,
            &AppError::BadRequest,
            &back,
        );
    };
    let base = base_url_of(&headers, state.config.public_url.as_ref());
    match sharing::share(&state, &user, form.post_id, channel, &form.text, &base).await {
        Ok(shared) => see_other(shared.open_url.as_deref().unwrap_or(&back)),
        Err(e) => {
            let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::BAD_REQUEST);
            problem(user.lang, status, &e, &back)
        }
    }
}

fn see_other(to: &str) -> Response {
    match HeaderValue::from_str(to) {
        Ok(v) => (StatusCode::SEE_OTHER, [(header::LOCATION, v)]).into_response(),
        Err(_) => StatusCode::BAD_REQUEST.into_response(),
    }
}

/// A short page in the person's language: what went wrong and the way back.
fn problem(lang: Lang, status: StatusCode, e: &AppError, back: &str) -> Response {
    let message = match e {
        AppError::Invalid(fields) => fields
            .iter()
            .map(|f| error_text(lang, &AppError::Invalid(vec![f.clone()])))
            .collect::<Vec<_>>()
            .join(" "),
        other => error_text(lang, other),
    };
    let (title, link) = match lang {
        Lang::Es => ("No se ha podido compartir", "Volver a la publicación"),
        Lang::En => ("Could not share", "Back to the post"),
    };
    let html = format!(
        r#"<!doctype html><html lang="{}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{title}</title><link rel="stylesheet" href="/pkg/portavoz.css"></head>
<body><main class="page"><section class="empty-state"><h1>{title}</h1><p>{}</p><a class="button" href="{back}">{link}</a></section></main></body></html>"#,
        lang.code(),
        escape(&message),
    );
    (status, Html(html)).into_response()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
