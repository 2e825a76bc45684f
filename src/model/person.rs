//! People, teams and locations as the browser sees them. No password hashes
//! or tokens here: these types are serialized to the page.

use super::{Lang, Role, Roles};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub type PersonId = i64;
pub type TeamId = i64;
pub type LocationId = i64;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PersonStatus {
    /// Invited, has not chosen a password yet.
    Invited,
    Active,
    /// Offboarded: cannot sign in, all sessions ended.
    Deactivated,
}

impl PersonStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            PersonStatus::Invited => "invited",
            PersonStatus::Active => "active",
            PersonStatus::Deactivated => "deactivated",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "invited" => Some(PersonStatus::Invited),
            "active" => Some(PersonStatus::Active),
            "deactivated" => Some(PersonStatus::Deactivated),
            _ => None,
        }
    }
}

/// The signed-in person, as the layout needs them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub id: PersonId,
    pub name: String,
    pub email: String,
    pub roles: Roles,
    pub lang: Lang,
    pub team_id: Option<TeamId>,
    pub team_name: Option<String>,
    pub location_id: Option<LocationId>,
}

impl CurrentUser {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(role)
    }
}

/// A row of the admin's people list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub id: PersonId,
    pub name: String,
    pub email: String,
    pub status: PersonStatus,
    pub roles: Roles,
    pub team_id: Option<TeamId>,
    pub team_name: Option<String>,
    pub location_id: Option<LocationId>,
    pub location_name: Option<String>,
    pub lang: Lang,
    pub managed_team_ids: Vec<TeamId>,
    pub last_sign_in_at: Option<DateTime<Utc>>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Team {
    pub id: TeamId,
    pub name: String,
    pub member_count: i64,
    pub managers: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub id: LocationId,
    pub name: String,
    pub member_count: i64,
}

/// What an admin fills in to invite someone, or to change them later.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PersonForm {
    pub email: String,
    pub name: String,
    pub roles: Vec<Role>,
    pub team_id: Option<TeamId>,
    pub location_id: Option<LocationId>,
    pub lang: Lang,
    pub managed_team_ids: Vec<TeamId>,
}

/// An invitation just created: the link is shown to the admin once, so it
/// works without a mail server.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InvitationLink {
    pub person_id: PersonId,
    pub email: String,
    pub url: String,
    pub expires_at: DateTime<Utc>,
}

/// What the invitation page shows before the person chooses a password.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InvitationPreview {
    pub email: String,
    pub name: String,
    pub expires_at: DateTime<Utc>,
}

/// Teams and locations, for the selects of the people forms.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Directory {
    pub teams: Vec<Team>,
    pub locations: Vec<Location>,
}

/// A member of a manager's team.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamMember {
    pub id: PersonId,
    pub name: String,
    pub email: String,
    pub status: PersonStatus,
    pub team_name: String,
    pub location_name: Option<String>,
    pub last_sign_in_at: Option<DateTime<Utc>>,
}

/// Filters of the admin's people list, as they appear in the page's URL.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PeopleQuery {
    /// Part of a name or e-mail.
    pub q: String,
    pub role: Option<Role>,
    pub team_id: Option<TeamId>,
    pub status: Option<PersonStatus>,
    /// From 1.
    pub page: u32,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PeoplePage {
    pub people: Vec<Person>,
    pub total: i64,
    pub page: u32,
    pub per_page: u32,
}

pub const PEOPLE_PER_PAGE: u32 = 50;
