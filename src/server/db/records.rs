//! Server-side records that cross the storage boundary. Secrets live here,
//! never in `model` (which is sent to browsers); their `Debug` redacts them.

use crate::model::{Lang, LocationId, PersonId, PersonStatus, Role, TeamId};
use chrono::{DateTime, Utc};

/// What sign-in needs to know about a person.
pub struct Credentials {
    pub id: PersonId,
    pub password_hash: Option<String>,
    pub status: PersonStatus,
    pub lang: Lang,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("id", &self.id)
            .field("password_hash", &"**redacted**")
            .field("status", &self.status)
            .finish()
    }
}

#[derive(Debug, Clone)]
pub struct NewPerson {
    pub email: String,
    pub name: String,
    pub password_hash: Option<String>,
    pub status: PersonStatus,
    pub roles: Vec<Role>,
    pub team_id: Option<TeamId>,
    pub location_id: Option<LocationId>,
    pub lang: Lang,
    pub managed_team_ids: Vec<TeamId>,
    pub now: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct PersonChange {
    pub name: String,
    pub roles: Vec<Role>,
    pub team_id: Option<TeamId>,
    pub location_id: Option<LocationId>,
    pub lang: Lang,
    pub managed_team_ids: Vec<TeamId>,
    pub now: DateTime<Utc>,
}

pub struct NewInvitation {
    pub person_id: PersonId,
    pub token_hash: String,
    pub created_by: Option<PersonId>,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

pub struct AcceptInvitation {
    pub token_hash: String,
    pub name: String,
    pub password_hash: String,
    pub now: DateTime<Utc>,
}

/// A stored session: the tower-sessions record as JSON, with the person it
/// belongs to copied out.
#[derive(Clone)]
pub struct SessionRow {
    pub id: String,
    pub person_id: Option<PersonId>,
    pub data: String,
    pub expires_at: DateTime<Utc>,
}

/// One line of the audit trail, written in the same transaction as the
/// change it describes.
#[derive(Debug, Clone)]
pub struct AuditEntry {
    pub at: DateTime<Utc>,
    pub actor_id: Option<PersonId>,
    pub action: &'static str,
    pub subject_type: &'static str,
    pub subject_id: Option<i64>,
    pub detail: String,
}

impl AuditEntry {
    pub fn new(
        actor_id: Option<PersonId>,
        action: &'static str,
        subject_type: &'static str,
    ) -> Self {
        AuditEntry {
            at: Utc::now(),
            actor_id,
            action,
            subject_type,
            subject_id: None,
            detail: String::new(),
        }
    }

    pub fn subject(mut self, id: i64) -> Self {
        self.subject_id = Some(id);
        self
    }

    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = detail.into();
        self
    }
}

#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub subject_type: Option<String>,
    pub subject_id: Option<i64>,
    pub actor_id: Option<PersonId>,
    pub action: Option<String>,
    pub limit: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuditRecord {
    pub audit_event_id: i64,
    pub at: DateTime<Utc>,
    pub actor_id: Option<PersonId>,
    pub actor_name: Option<String>,
    pub action: String,
    pub subject_type: String,
    pub subject_id: Option<i64>,
    pub detail: String,
}
