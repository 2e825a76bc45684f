//! Crisis mode: one switch pauses all sharing, and every page says why.
//! Stored as a setting, so every app instance sees it at once.

use crate::model::{AppError, CrisisNotice, CurrentUser, ErrorCode, FieldError, Role};
use crate::server::db::{AuditEntry, Db, StoreResult};
use crate::server::state::AppState;
use chrono::Utc;

const KEY: &str = "crisis";
pub const MESSAGE_MAX: usize = 280;
pub const PROCEDURE_MAX: usize = 5000;

pub async fn current(db: &Db) -> StoreResult<Option<CrisisNotice>> {
    Ok(db
        .setting(KEY)
        .await?
        .filter(|v| !v.is_empty())
        .and_then(|v| serde_json::from_str(&v).ok()))
}

/// Admins and approvers switch it on (with a message and a procedure) and off.
pub async fn set(
    state: &AppState,
    user: &CurrentUser,
    on: bool,
    message: &str,
    procedure: &str,
) -> Result<Option<CrisisNotice>, AppError> {
    if !(user.has(Role::Admin) || user.has(Role::Approver)) {
        return Err(AppError::Forbidden);
    }
    if !on {
        let audit = AuditEntry::new(Some(user.id), "crisis.off", "setting");
        state.db.put_setting(KEY, "", &audit).await?;
        state.redirects.refresh(&state.db).await?;
        tracing::warn!(by = user.id, "crisis mode off");
        return Ok(None);
    }
    let message = message.trim();
    let procedure = procedure.trim();
    let mut errors = Vec::new();
    if message.is_empty() {
        errors.push(FieldError::new("message", ErrorCode::Required));
    } else if message.chars().count() > MESSAGE_MAX {
        errors.push(FieldError::new(
            "message",
            ErrorCode::TooLong {
                max: MESSAGE_MAX as u32,
            },
        ));
    }
    if procedure.chars().count() > PROCEDURE_MAX {
        errors.push(FieldError::new(
            "procedure",
            ErrorCode::TooLong {
                max: PROCEDURE_MAX as u32,
            },
        ));
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let notice = CrisisNotice {
        message: message.to_string(),
        procedure: procedure.to_string(),
        since: Utc::now(),
    };
    let value = serde_json::to_string(&notice).map_err(super::internal)?;
    let audit = AuditEntry::new(Some(user.id), "crisis.on", "setting").detail(message.to_string());
    state.db.put_setting(KEY, &value, &audit).await?;
    // This instance stops sharing at once; the others within seconds.
    state.redirects.refresh(&state.db).await?;
    tracing::warn!(by = user.id, "crisis mode on");
    Ok(Some(notice))
}
