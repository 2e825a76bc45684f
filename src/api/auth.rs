//! Signing in and out, invitations, one's own password and language.

use crate::model::{AppError, CurrentUser, InvitationPreview, Lang};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use {
    super::ctx,
    crate::server::{auth, http, services, state::app_state},
    chrono::Utc,
};

/// The signed-in person, or `None`.
#[server(prefix = "/api", endpoint = "me", input = Json)]
pub async fn get_current_user() -> Result<Option<CurrentUser>, AppError> {
    Ok(auth::current::current_user())
}

/// Signs in and answers with where to go next. Works as a plain HTML form
/// (then it redirects) and from the WebAssembly client.
#[server(prefix = "/api", endpoint = "sign-in")]
pub async fn sign_in(
    email: String,
    password: String,
    next: Option<String>,
) -> Result<String, AppError> {
    let state = app_state()?;
    let parts = ctx::parts()?;
    let ip = http::client_ip::from_parts(&parts, state.config.client_ip_header.as_deref());
    let signed_in = services::accounts::sign_in(&state, &email, &password, ip).await?;
    let session = ctx::session(&parts)?;
    auth::session::begin(&session, signed_in.person, Utc::now())
        .await
        .map_err(services::internal)?;
    ctx::set_cookie(http::lang::lang_cookie(
        signed_in.lang,
        state.config.secure_cookies(),
    ));
    let destination = crate::model::safe_next(next.as_deref());
    if ctx::is_plain_form(&parts) {
        leptos_axum::redirect(&destination);
    }
    Ok(destination)
}

#[server(prefix = "/api", endpoint = "sign-out")]
pub async fn sign_out() -> Result<(), AppError> {
    let parts = ctx::parts()?;
    let session = ctx::session(&parts)?;
    auth::session::end(&session)
        .await
        .map_err(services::internal)?;
    if ctx::is_plain_form(&parts) {
        leptos_axum::redirect("/sign-in");
    }
    Ok(())
}

/// Remembers the language in a cookie and, for a signed-in person, in their profile.
#[server(prefix = "/api", endpoint = "language")]
pub async fn set_language(lang: Lang) -> Result<Lang, AppError> {
    let state = app_state()?;
    ctx::set_cookie(http::lang::lang_cookie(lang, state.config.secure_cookies()));
    if let Some(user) = auth::current::current_user() {
        state.db.set_lang(user.id, lang).await?;
    }
    Ok(lang)
}

/// What the invitation page shows; `None` if the link is unknown, used or expired.
#[server(prefix = "/api", endpoint = "invitation", input = Json)]
pub async fn invitation(token: String) -> Result<Option<InvitationPreview>, AppError> {
    let state = app_state()?;
    let hash = services::token::hash_token(&token);
    Ok(state.db.invitation_preview(&hash, Utc::now()).await?)
}

/// Accepts an invitation: sets name and password, and signs the person in.
#[server(prefix = "/api", endpoint = "invitation/accept")]
pub async fn accept_invitation(
    token: String,
    name: String,
    password: String,
    confirm: String,
) -> Result<String, AppError> {
    let state = app_state()?;
    let parts = ctx::parts()?;
    let signed_in =
        services::accounts::accept_invitation(&state, &token, &name, &password, &confirm).await?;
    let session = ctx::session(&parts)?;
    auth::session::begin(&session, signed_in.person, Utc::now())
        .await
        .map_err(services::internal)?;
    ctx::set_cookie(http::lang::lang_cookie(
        signed_in.lang,
        state.config.secure_cookies(),
    ));
    if ctx::is_plain_form(&parts) {
        leptos_axum::redirect("/");
    }
    Ok("/".to_string())
}

/// Changes one's password; every other session of the person ends.
#[server(prefix = "/api", endpoint = "password")]
pub async fn change_password(
    current: String,
    password: String,
    confirm: String,
) -> Result<(), AppError> {
    let state = app_state()?;
    let user = auth::require_user()?;
    let parts = ctx::parts()?;
    let session = ctx::session(&parts)?;
    let keep = session.id().map(|id| id.to_string());
    services::accounts::change_password(
        &state,
        user.id,
        &user.email,
        &current,
        &password,
        &confirm,
        keep.as_deref(),
    )
    .await
}

/// The signed-in person's own record.
#[server(prefix = "/api", endpoint = "profile", input = Json)]
pub async fn my_profile() -> Result<crate::model::Person, AppError> {
    let user = auth::require_user()?;
    app_state()?
        .db
        .get_person(user.id)
        .await?
        .ok_or(AppError::NotFound)
}
