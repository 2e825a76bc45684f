//! The first admin: from the command line (`portavoz create-admin`) or from
//! `PORTAVOZ_ADMIN_EMAIL` / `PORTAVOZ_ADMIN_PASSWORD` on the first start.

use crate::model::validate::{Email, NewPassword, PersonName};
use crate::model::{Lang, PersonId, PersonStatus, Role};
use crate::server::auth::password::Hasher;
use crate::server::db::{AuditEntry, Db, NewPerson, StoreError};
use chrono::Utc;

#[derive(Debug, thiserror::Error)]
pub enum BootstrapError {
    #[error("{field}: {message}")]
    Invalid {
        field: &'static str,
        message: String,
    },
    #[error("a person with e-mail {0} already exists")]
    Exists(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("password hashing failed: {0}")]
    Hash(String),
}

pub async fn create_admin(
    db: &Db,
    hasher: &Hasher,
    email: &str,
    name: &str,
    password: &str,
) -> Result<PersonId, BootstrapError> {
    let invalid = |field: &'static str| {
        move |code| BootstrapError::Invalid {
            field,
            message: format!("{code:?}"),
        }
    };
    let email = Email::parse(email).map_err(invalid("email"))?;
    let name = PersonName::parse(name).map_err(invalid("name"))?;
    let password = NewPassword::parse(password).map_err(invalid("password"))?;
    let hash = hasher
        .hash(password.expose())
        .await
        .map_err(|e| BootstrapError::Hash(e.to_string()))?;
    let person = NewPerson {
        email: email.as_str().to_string(),
        name: name.as_str().to_string(),
        password_hash: Some(hash),
        status: PersonStatus::Active,
        roles: vec![Role::Admin, Role::Ambassador],
        team_id: None,
        location_id: None,
        lang: Lang::default(),
        managed_team_ids: vec![],
        now: Utc::now(),
    };
    let audit = AuditEntry::new(None, "person.admin_bootstrapped", "person");
    match db.create_person(&person, &audit).await {
        Ok(id) => Ok(id),
        Err(StoreError::Duplicate) => Err(BootstrapError::Exists(email.as_str().to_string())),
        Err(e) => Err(e.into()),
    }
}

/// Creates the configured first admin if, and only if, nobody exists yet.
pub async fn ensure_first_admin(
    db: &Db,
    hasher: &Hasher,
    admin: &crate::server::config::FirstAdmin,
) -> Result<Option<PersonId>, BootstrapError> {
    if db.count_people().await? > 0 {
        return Ok(None);
    }
    create_admin(db, hasher, &admin.email, &admin.name, &admin.password)
        .await
        .map(Some)
}
