//! Resolves the signed-in person once per request, enforces the session's
//! absolute lifetime, keeps the inactivity timer running, and offers the
//! checks every server function starts with.

use super::session::{PERSON_KEY, SEEN_AT_KEY, SIGNED_IN_AT_KEY};
use crate::model::{AppError, CurrentUser, PersonId, PersonStatus, Role};
use crate::server::state::AppState;
use axum::extract::{Request, State};
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::Response;
use chrono::Utc;
use tower_sessions::Session;

/// The signed-in person (if any) for this request, put in the request's
/// extensions by [`resolve`].
#[derive(Clone, Debug, Default)]
pub struct Auth(pub Option<CurrentUser>);

/// How often the session's inactivity timer is pushed back: a write at most
/// every five minutes per session instead of on every request.
const TOUCH_EVERY_SECS: i64 = 300;

pub async fn resolve(
    State(state): State<AppState>,
    session: Session,
    mut req: Request,
    next: Next,
) -> Response {
    let auth = match load(&state, &session).await {
        Ok(user) => Auth(user),
        Err(e) => {
            tracing::error!(error = %e, "could not load the session");
            Auth(None)
        }
    };
    req.extensions_mut().insert(auth);
    next.run(req).await
}

async fn load(state: &AppState, session: &Session) -> anyhow::Result<Option<CurrentUser>> {
    let Some(person) = session.get::<PersonId>(PERSON_KEY).await? else {
        return Ok(None);
    };
    let now = Utc::now().timestamp();
    let since = session.get::<i64>(SIGNED_IN_AT_KEY).await?.unwrap_or(0);
    if now - since > state.config.session_max.as_secs() as i64 {
        tracing::info!(person, "session reached its absolute lifetime");
        session.flush().await?;
        return Ok(None);
    }
    match state.db.current_user(person).await? {
        Some((user, PersonStatus::Active)) => {
            let seen = session.get::<i64>(SEEN_AT_KEY).await?.unwrap_or(0);
            if now - seen > TOUCH_EVERY_SECS {
                session.insert(SEEN_AT_KEY, now).await?;
            }
            Ok(Some(user))
        }
        _ => {
            session.flush().await?;
            Ok(None)
        }
    }
}

/// The signed-in person of the request being handled by a server function.
pub fn current_user() -> Option<CurrentUser> {
    leptos::prelude::use_context::<Parts>()
        .and_then(|parts| parts.extensions.get::<Auth>().cloned())
        .and_then(|auth| auth.0)
}

pub fn require_user() -> Result<CurrentUser, AppError> {
    current_user().ok_or(AppError::Unauthenticated)
}

pub fn require_role(role: Role) -> Result<CurrentUser, AppError> {
    let user = require_user()?;
    if user.has(role) {
        Ok(user)
    } else {
        Err(AppError::Forbidden)
    }
}
