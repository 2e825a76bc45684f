//! Organization-wide settings that admins change in the app.

use crate::model::validate::short_text;
use crate::model::{AppError, ContentSettings, CurrentUser, DISCLOSURE_MAX};
use crate::server::db::AuditEntry;
use crate::server::state::AppState;

const SELF_APPROVAL: &str = "content.self_approval";
const DISCLOSURE: &str = "content.disclosure";
pub const DEFAULT_DISCLOSURE: &str = "#empleado";

pub async fn content(state: &AppState) -> Result<ContentSettings, AppError> {
    Ok(ContentSettings {
        self_approval: state.db.setting(SELF_APPROVAL).await?.as_deref() == Some("true"),
        disclosure: state
            .db
            .setting(DISCLOSURE)
            .await?
            .unwrap_or_else(|| DEFAULT_DISCLOSURE.to_string()),
    })
}

pub async fn save_content(
    state: &AppState,
    admin: &CurrentUser,
    s: &ContentSettings,
) -> Result<(), AppError> {
    let disclosure = short_text(&s.disclosure, DISCLOSURE_MAX)
        .map_err(|code| AppError::field("disclosure", code))?;
    let before = content(state).await?;
    if before.self_approval != s.self_approval {
        let audit = AuditEntry::new(Some(admin.id), "settings.self_approval", "setting")
            .detail(s.self_approval.to_string());
        state
            .db
            .put_setting(SELF_APPROVAL, &s.self_approval.to_string(), &audit)
            .await?;
    }
    if before.disclosure != disclosure {
        let audit = AuditEntry::new(Some(admin.id), "settings.disclosure", "setting")
            .detail(disclosure.clone());
        state
            .db
            .put_setting(DISCLOSURE, &disclosure, &audit)
            .await?;
    }
    Ok(())
}
