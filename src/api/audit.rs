//! The audit trail, for admins and approvers.

use crate::model::{AppError, AuditItem, AuditQuery};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(prefix = "/api", endpoint = "audit", input = Json)]
pub async fn audit_trail(query: AuditQuery) -> Result<Vec<AuditItem>, AppError> {
    use crate::model::{Role, AUDIT_PAGE};
    use crate::server::{auth, db::AuditFilter, state::app_state};
    let user = auth::require_user()?;
    if !(user.has(Role::Admin) || user.has(Role::Approver)) {
        return Err(AppError::Forbidden);
    }
    let filter = AuditFilter {
        subject_type: query.subject_type.filter(|s| !s.is_empty()),
        subject_id: query.subject_id,
        actor_id: None,
        action: query.action.filter(|s| !s.is_empty()),
        limit: AUDIT_PAGE,
    };
    Ok(app_state()?
        .db
        .audit_log(&filter)
        .await?
        .into_iter()
        .map(|e| AuditItem {
            id: e.audit_event_id,
            at: e.at,
            actor_name: e.actor_name,
            action: e.action,
            subject_type: e.subject_type,
            subject_id: e.subject_id,
            detail: e.detail,
        })
        .collect())
}
