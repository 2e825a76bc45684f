//! Signing in, accepting an invitation, changing one's password.

use super::internal;
use crate::model::validate::{Email, NewPassword, PersonName};
use crate::model::{AppError, ErrorCode, FieldError, Lang, PersonId, PersonStatus};
use crate::server::auth::password::HashError;
use crate::server::auth::throttle;
use crate::server::db::{AcceptInvitation, AuditEntry, StoreError};
use crate::server::services::token::hash_token;
use crate::server::state::AppState;
use chrono::Utc;
use std::net::IpAddr;

pub struct SignedIn {
    pub person: PersonId,
    pub lang: Lang,
}

fn hash_error(e: HashError) -> AppError {
    match e {
        HashError::Busy => AppError::Busy,
        HashError::Failed(msg) => internal(msg),
    }
}

/// Checks an e-mail and password. Unknown e-mails, wrong passwords and
/// deactivated people all get the same answer after the same work.
#[tracing::instrument(skip_all)]
pub async fn sign_in(
    state: &AppState,
    email: &str,
    password: &str,
    ip: Option<IpAddr>,
) -> Result<SignedIn, AppError> {
    let email = Email::parse(email).map_err(|code| AppError::field("email", code))?;
    if password.is_empty() {
        return Err(AppError::field("password", ErrorCode::Required));
    }
    let now = Utc::now();
    if let Some(retry_after_secs) = throttle::retry_after(&state.db, &email, ip, now).await? {
        return Err(AppError::TooManyRequests { retry_after_secs });
    }
    let credentials = state.db.credentials_by_email(&email).await?;
    let stored_hash = credentials.as_ref().and_then(|c| c.password_hash.clone());
    let matches = state
        .hasher
        .verify(password, stored_hash)
        .await
        .map_err(hash_error)?;
    match credentials {
        Some(c) if matches && c.status == PersonStatus::Active => {
            throttle::record_success(&state.db, &email).await?;
            state.db.record_sign_in(c.id, now).await?;
            tracing::info!(person = c.id, "signed in");
            Ok(SignedIn {
                person: c.id,
                lang: c.lang,
            })
        }
        _ => {
            throttle::record_failure(&state.db, &email, ip, now).await?;
            tracing::info!("sign-in refused");
            Err(AppError::BadCredentials)
        }
    }
}

/// Validates the "choose a password" form shared by invitations and password changes.
fn new_password(
    password: &str,
    confirm: &str,
    errors: &mut Vec<FieldError>,
) -> Option<NewPassword> {
    match NewPassword::parse(password) {
        Ok(p) if password == confirm => Some(p),
        Ok(_) => {
            errors.push(FieldError::new("confirm", ErrorCode::PasswordsDiffer));
            None
        }
        Err(code) => {
            errors.push(FieldError::new("password", code));
            None
        }
    }
}

pub async fn accept_invitation(
    state: &AppState,
    token: &str,
    name: &str,
    password: &str,
    confirm: &str,
) -> Result<SignedIn, AppError> {
    let mut errors = Vec::new();
    let name = PersonName::parse(name)
        .map_err(|code| errors.push(FieldError::new("name", code)))
        .ok();
    let password = new_password(password, confirm, &mut errors);
    let (Some(name), Some(password)) = (name, password) else {
        return Err(AppError::Invalid(errors));
    };
    let token_hash = hash_token(token);
    // Check before the expensive hash, and again atomically when consuming.
    if state
        .db
        .invitation_preview(&token_hash, Utc::now())
        .await?
        .is_none()
    {
        return Err(AppError::field("token", ErrorCode::InvitationInvalid));
    }
    let password_hash = state
        .hasher
        .hash(password.expose())
        .await
        .map_err(hash_error)?;
    let accepted = state
        .db
        .accept_invitation(&AcceptInvitation {
            token_hash,
            name: name.as_str().to_string(),
            password_hash,
            now: Utc::now(),
        })
        .await;
    let person = match accepted {
        Ok(id) => id,
        Err(StoreError::NotFound) => {
            return Err(AppError::field("token", ErrorCode::InvitationInvalid))
        }
        Err(e) => return Err(e.into()),
    };
    let lang = state
        .db
        .current_user(person)
        .await?
        .map(|(u, _)| u.lang)
        .unwrap_or_default();
    state.db.record_sign_in(person, Utc::now()).await?;
    Ok(SignedIn { person, lang })
}

/// Changes the password after checking the current one; every other
/// session of the person ends.
pub async fn change_password(
    state: &AppState,
    person: PersonId,
    email: &str,
    current: &str,
    password: &str,
    confirm: &str,
    keep_session: Option<&str>,
) -> Result<(), AppError> {
    let mut errors = Vec::new();
    let new = new_password(password, confirm, &mut errors);
    let email = Email::parse(email).map_err(|_| AppError::Internal)?;
    let stored = state
        .db
        .credentials_by_email(&email)
        .await?
        .and_then(|c| c.password_hash);
    if !state
        .hasher
        .verify(current, stored)
        .await
        .map_err(hash_error)?
    {
        errors.insert(0, FieldError::new("current", ErrorCode::WrongPassword));
    }
    let Some(new) = new.filter(|_| errors.is_empty()) else {
        return Err(AppError::Invalid(errors));
    };
    let hash = state.hasher.hash(new.expose()).await.map_err(hash_error)?;
    let audit = AuditEntry::new(Some(person), "person.password_changed", "person").subject(person);
    state
        .db
        .set_password(person, &hash, keep_session, &audit)
        .await?;
    Ok(())
}
