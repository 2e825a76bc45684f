//! Admins manage people, teams and locations; managers see their teams.

use crate::model::{
    AppError, Directory, InvitationLink, LocationId, PeoplePage, PeopleQuery, PersonForm, PersonId,
    PersonStatus, TeamId, TeamMember,
};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use {
    super::ctx,
    crate::model::Role,
    crate::server::{auth, services::people, state::app_state},
};

/// One page of people matching the filters.
#[server(prefix = "/api", endpoint = "people/list", input = Json)]
pub async fn list_people(query: PeopleQuery) -> Result<PeoplePage, AppError> {
    auth::require_role(Role::Admin)?;
    let (people, total) = app_state()?.db.list_people(&query).await?;
    Ok(PeoplePage {
        people,
        total,
        page: query.page.max(1),
        per_page: crate::model::PEOPLE_PER_PAGE,
    })
}

/// Teams and locations with their member counts.
#[server(prefix = "/api", endpoint = "directory", input = Json)]
pub async fn get_directory() -> Result<Directory, AppError> {
    auth::require_role(Role::Admin)?;
    Ok(app_state()?.db.directory().await?)
}

#[server(prefix = "/api", endpoint = "people/invite", input = Json)]
pub async fn invite_person(form: PersonForm) -> Result<InvitationLink, AppError> {
    let admin = auth::require_role(Role::Admin)?;
    let state = app_state()?;
    let base = ctx::base_url(&ctx::parts()?, state.config.public_url.as_ref());
    people::invite(&state, &admin, &form, &base).await
}

/// A new invitation link for someone who has not accepted yet.
#[server(prefix = "/api", endpoint = "people/reinvite", input = Json)]
pub async fn reinvite_person(id: PersonId) -> Result<InvitationLink, AppError> {
    let admin = auth::require_role(Role::Admin)?;
    let state = app_state()?;
    let base = ctx::base_url(&ctx::parts()?, state.config.public_url.as_ref());
    people::reinvite(&state, &admin, id, &base).await
}

#[server(prefix = "/api", endpoint = "people/update", input = Json)]
pub async fn update_person(id: PersonId, form: PersonForm) -> Result<(), AppError> {
    let admin = auth::require_role(Role::Admin)?;
    people::update(&app_state()?, &admin, id, &form).await
}

/// Deactivates (ending all of the person's sessions at once) or reactivates.
#[server(prefix = "/api", endpoint = "people/active", input = Json)]
pub async fn set_person_active(id: PersonId, active: bool) -> Result<PersonStatus, AppError> {
    let admin = auth::require_role(Role::Admin)?;
    people::set_active(&app_state()?, &admin, id, active).await
}

#[server(prefix = "/api", endpoint = "teams/create", input = Json)]
pub async fn create_team(name: String) -> Result<TeamId, AppError> {
    let admin = auth::require_role(Role::Admin)?;
    people::create_team(&app_state()?, &admin, &name).await
}

#[server(prefix = "/api", endpoint = "locations/create", input = Json)]
pub async fn create_location(name: String) -> Result<LocationId, AppError> {
    let admin = auth::require_role(Role::Admin)?;
    people::create_location(&app_state()?, &admin, &name).await
}

/// The members of the teams the signed-in manager manages, and no one else.
#[server(prefix = "/api", endpoint = "team/members", input = Json)]
pub async fn my_team() -> Result<Vec<TeamMember>, AppError> {
    let manager = auth::require_role(Role::Manager)?;
    Ok(app_state()?.db.team_members(manager.id).await?)
}
