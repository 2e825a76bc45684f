//! The audit trail as admins and approvers read it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AuditQuery {
    /// "post", "person", "team", "setting", …
    pub subject_type: Option<String>,
    pub subject_id: Option<i64>,
    /// The start of an action name: "post." or "post.approved".
    pub action: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditItem {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor_name: Option<String>,
    pub action: String,
    pub subject_type: String,
    pub subject_id: Option<i64>,
    pub detail: String,
}

pub const AUDIT_PAGE: i64 = 200;
