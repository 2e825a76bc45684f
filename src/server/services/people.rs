//! What admins do with people, teams and locations.

use super::token::{hash_token, new_token};
use crate::model::validate::{short_text, Email, PersonName};
use crate::model::{
    AppError, CurrentUser, ErrorCode, FieldError, InvitationLink, LocationId, PersonForm, PersonId,
    PersonStatus, Role, TeamId,
};
use crate::server::db::{AuditEntry, NewInvitation, NewPerson, PersonChange, StoreError};
use crate::server::state::AppState;
use chrono::Utc;

pub const TEAM_NAME_MAX: usize = 80;

/// A person form that passed every check.
struct ValidForm {
    name: String,
    roles: Vec<Role>,
    team_id: Option<TeamId>,
    location_id: Option<LocationId>,
    managed_team_ids: Vec<TeamId>,
}

/// Checks the form, adding what is wrong to `errors`; `Some` only when nothing is.
async fn validate(
    state: &AppState,
    form: &PersonForm,
    errors: &mut Vec<FieldError>,
) -> Result<Option<ValidForm>, AppError> {
    let name = PersonName::parse(&form.name)
        .map_err(|code| errors.push(FieldError::new("name", code)))
        .ok();
    let mut roles = form.roles.clone();
    roles.sort();
    roles.dedup();
    if roles.is_empty() {
        errors.push(FieldError::new("roles", ErrorCode::Required));
    }
    if let Some(team) = form.team_id {
        if !state.db.team_exists(team).await? {
            errors.push(FieldError::new("team_id", ErrorCode::UnknownTeam));
        }
    }
    if let Some(location) = form.location_id {
        if !state.db.location_exists(location).await? {
            errors.push(FieldError::new("location_id", ErrorCode::UnknownLocation));
        }
    }
    // Managed teams only mean something for managers.
    let mut managed = if roles.contains(&Role::Manager) {
        form.managed_team_ids.clone()
    } else {
        Vec::new()
    };
    managed.sort_unstable();
    managed.dedup();
    for team in &managed {
        if !state.db.team_exists(*team).await? {
            errors.push(FieldError::new("managed_team_ids", ErrorCode::UnknownTeam));
            break;
        }
    }
    if roles.contains(&Role::Manager) && managed.is_empty() {
        errors.push(FieldError::new(
            "managed_team_ids",
            ErrorCode::ManagerNeedsTeam,
        ));
    }
    Ok(name.filter(|_| errors.is_empty()).map(|name| ValidForm {
        name: name.as_str().to_string(),
        roles,
        team_id: form.team_id,
        location_id: form.location_id,
        managed_team_ids: managed,
    }))
}

fn roles_detail(roles: &[Role]) -> String {
    roles
        .iter()
        .map(|r| r.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

/// Invites someone: the person exists at once (admins can see and edit them)
/// and becomes active when they open the link and choose a password.
pub async fn invite(
    state: &AppState,
    admin: &CurrentUser,
    form: &PersonForm,
    base_url: &str,
) -> Result<InvitationLink, AppError> {
    let mut errors = Vec::new();
    let email = Email::parse(&form.email)
        .map_err(|code| errors.push(FieldError::new("email", code)))
        .ok();
    let valid = validate(state, form, &mut errors).await?;
    let (Some(email), Some(valid)) = (email, valid) else {
        return Err(AppError::Invalid(errors));
    };
    let now = Utc::now();
    let new = NewPerson {
        email: email.as_str().to_string(),
        name: valid.name,
        password_hash: None,
        status: PersonStatus::Invited,
        roles: valid.roles.clone(),
        team_id: valid.team_id,
        location_id: valid.location_id,
        lang: form.lang,
        managed_team_ids: valid.managed_team_ids,
        now,
    };
    let audit = AuditEntry::new(Some(admin.id), "person.invited", "person")
        .detail(roles_detail(&valid.roles));
    let person_id = match state.db.create_person(&new, &audit).await {
        Ok(id) => id,
        Err(StoreError::Duplicate) => return Err(AppError::field("email", ErrorCode::EmailTaken)),
        Err(e) => return Err(e.into()),
    };
    issue_invitation(state, admin, person_id, email.as_str(), base_url).await
}

async fn issue_invitation(
    state: &AppState,
    admin: &CurrentUser,
    person_id: PersonId,
    email: &str,
    base_url: &str,
) -> Result<InvitationLink, AppError> {
    let token = new_token();
    let now = Utc::now();
    let expires_at = now + state.config.invitation_ttl;
    let invitation = NewInvitation {
        person_id,
        token_hash: hash_token(&token),
        created_by: Some(admin.id),
        created_at: now,
        expires_at,
    };
    let audit = AuditEntry::new(Some(admin.id), "invitation.issued", "person").subject(person_id);
    state.db.create_invitation(&invitation, &audit).await?;
    Ok(InvitationLink {
        person_id,
        email: email.to_string(),
        url: format!("{}/invite/{token}", base_url.trim_end_matches('/')),
        expires_at,
    })
}

/// A fresh link for someone who has not accepted yet; earlier links stop working.
pub async fn reinvite(
    state: &AppState,
    admin: &CurrentUser,
    person_id: PersonId,
    base_url: &str,
) -> Result<InvitationLink, AppError> {
    let person = state
        .db
        .get_person(person_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if person.status != PersonStatus::Invited {
        return Err(AppError::Conflict);
    }
    issue_invitation(state, admin, person_id, &person.email, base_url).await
}

pub async fn update(
    state: &AppState,
    admin: &CurrentUser,
    person_id: PersonId,
    form: &PersonForm,
) -> Result<(), AppError> {
    let before = state
        .db
        .get_person(person_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut errors = Vec::new();
    let Some(valid) = validate(state, form, &mut errors).await? else {
        return Err(AppError::Invalid(errors));
    };
    let loses_admin = before.roles.contains(Role::Admin) && !valid.roles.contains(&Role::Admin);
    if loses_admin
        && before.status == PersonStatus::Active
        && state.db.count_active_admins().await? <= 1
    {
        return Err(AppError::field("roles", ErrorCode::LastAdmin));
    }
    let change = PersonChange {
        name: valid.name,
        roles: valid.roles.clone(),
        team_id: valid.team_id,
        location_id: valid.location_id,
        lang: form.lang,
        managed_team_ids: valid.managed_team_ids,
        now: Utc::now(),
    };
    let audit = AuditEntry::new(Some(admin.id), "person.updated", "person")
        .subject(person_id)
        .detail(roles_detail(&valid.roles));
    state.db.update_person(person_id, &change, &audit).await?;
    Ok(())
}

/// Offboards (every session ends at once) or brings someone back.
pub async fn set_active(
    state: &AppState,
    admin: &CurrentUser,
    person_id: PersonId,
    active: bool,
) -> Result<PersonStatus, AppError> {
    let person = state
        .db
        .get_person(person_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if !active && person_id == admin.id {
        return Err(AppError::field("status", ErrorCode::CannotDeactivateSelf));
    }
    let status = if active {
        if person.status != PersonStatus::Deactivated {
            return Ok(person.status);
        }
        // Someone who never accepted their invitation goes back to "invited".
        let email = Email::parse(&person.email).map_err(|_| AppError::Internal)?;
        let has_password = state
            .db
            .credentials_by_email(&email)
            .await?
            .is_some_and(|c| c.password_hash.is_some());
        if has_password {
            PersonStatus::Active
        } else {
            PersonStatus::Invited
        }
    } else {
        if person.status == PersonStatus::Deactivated {
            return Ok(person.status);
        }
        if person.roles.contains(Role::Admin)
            && person.status == PersonStatus::Active
            && state.db.count_active_admins().await? <= 1
        {
            return Err(AppError::field("status", ErrorCode::LastAdmin));
        }
        PersonStatus::Deactivated
    };
    let action = if active {
        "person.reactivated"
    } else {
        "person.deactivated"
    };
    let audit = AuditEntry::new(Some(admin.id), action, "person").subject(person_id);
    state.db.set_status(person_id, status, &audit).await?;
    // Deactivated people leave the boards; reactivated ones come back.
    state.db.refresh_listing(person_id).await?;
    tracing::info!(
        person = person_id,
        admin = admin.id,
        action,
        "status changed"
    );
    Ok(status)
}

pub async fn create_team(
    state: &AppState,
    admin: &CurrentUser,
    name: &str,
) -> Result<TeamId, AppError> {
    let name = short_text(name, TEAM_NAME_MAX).map_err(|code| AppError::field("name", code))?;
    let audit = AuditEntry::new(Some(admin.id), "team.created", "team").detail(name.clone());
    match state.db.create_team(&name, &audit).await {
        Ok(id) => Ok(id),
        Err(StoreError::Duplicate) => Err(AppError::field("name", ErrorCode::NameTaken)),
        Err(e) => Err(e.into()),
    }
}

pub async fn create_location(
    state: &AppState,
    admin: &CurrentUser,
    name: &str,
) -> Result<LocationId, AppError> {
    let name = short_text(name, TEAM_NAME_MAX).map_err(|code| AppError::field("name", code))?;
    let audit =
        AuditEntry::new(Some(admin.id), "location.created", "location").detail(name.clone());
    match state.db.create_location(&name, &audit).await {
        Ok(id) => Ok(id),
        Err(StoreError::Duplicate) => Err(AppError::field("name", ErrorCode::NameTaken)),
        Err(e) => Err(e.into()),
    }
}
