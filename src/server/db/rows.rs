//! Row shapes both backends decode into (the SQL differs, the shape does not),
//! and their conversion to domain types.

use super::{StoreError, StoreResult};
use crate::model::{
    CurrentUser, Lang, Location, Person, PersonStatus, Role, Roles, Team, TeamMember,
};
use chrono::{DateTime, Utc};

#[derive(sqlx::FromRow)]
pub(crate) struct PersonRow {
    pub person_id: i64,
    pub name: String,
    pub email: String,
    pub status: String,
    pub lang: String,
    pub team_id: Option<i64>,
    pub team_name: Option<String>,
    pub location_id: Option<i64>,
    pub location_name: Option<String>,
    pub last_sign_in_at: Option<DateTime<Utc>>,
    /// Comma-separated role names.
    pub roles: Option<String>,
    /// Comma-separated ids of the teams this person manages.
    pub managed: Option<String>,
}

pub(crate) fn parse_status(s: &str) -> StoreResult<PersonStatus> {
    PersonStatus::parse(s).ok_or_else(|| StoreError::Corrupt(format!("person status {s:?}")))
}

pub(crate) fn parse_channel(s: &str) -> StoreResult<crate::model::Channel> {
    crate::model::Channel::parse(s)
        .ok_or_else(|| StoreError::Corrupt(format!("unknown channel {s}")))
}

/// A tracked link's target as both backends select it:
/// (link id, post id, channel, link, title, ambassador ref, post status).
pub(crate) type LinkTargetRow = (i64, i64, String, String, String, Option<String>, String);

pub(crate) fn link_target(row: LinkTargetRow) -> StoreResult<super::LinkTarget> {
    let (link_id, post_id, channel, link_url, title, ambassador_ref, status) = row;
    Ok(super::LinkTarget {
        link_id,
        post_id,
        channel: parse_channel(&channel)?,
        link_url,
        title,
        ambassador_ref: ambassador_ref.unwrap_or_default(),
        retracted: status == "retracted",
    })
}

pub(crate) fn parse_lang(s: &str) -> Lang {
    s.parse().unwrap_or_default()
}

pub(crate) fn parse_roles(csv: Option<&str>) -> StoreResult<Roles> {
    csv.unwrap_or("")
        .split(',')
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<Role>()
                .map_err(|e| StoreError::Corrupt(format!("role {:?}", e.0)))
        })
        .collect()
}

fn parse_ids(csv: Option<&str>) -> StoreResult<Vec<i64>> {
    let mut ids = csv
        .unwrap_or("")
        .split(',')
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<i64>()
                .map_err(|_| StoreError::Corrupt(format!("id {s:?}")))
        })
        .collect::<StoreResult<Vec<_>>>()?;
    ids.sort_unstable();
    Ok(ids)
}

impl PersonRow {
    pub fn into_person(self) -> StoreResult<Person> {
        Ok(Person {
            id: self.person_id,
            status: parse_status(&self.status)?,
            roles: parse_roles(self.roles.as_deref())?,
            managed_team_ids: parse_ids(self.managed.as_deref())?,
            lang: parse_lang(&self.lang),
            name: self.name,
            email: self.email,
            team_id: self.team_id,
            team_name: self.team_name,
            location_id: self.location_id,
            location_name: self.location_name,
            last_sign_in_at: self.last_sign_in_at,
        })
    }

    pub fn into_current_user(self) -> StoreResult<(CurrentUser, PersonStatus)> {
        let status = parse_status(&self.status)?;
        Ok((
            CurrentUser {
                id: self.person_id,
                roles: parse_roles(self.roles.as_deref())?,
                lang: parse_lang(&self.lang),
                name: self.name,
                email: self.email,
                team_id: self.team_id,
                team_name: self.team_name,
                location_id: self.location_id,
            },
            status,
        ))
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct TeamRow {
    pub team_id: i64,
    pub name: String,
    pub member_count: i64,
    /// Manager names separated by a newline (names may contain commas).
    pub managers: Option<String>,
}

impl From<TeamRow> for Team {
    fn from(r: TeamRow) -> Self {
        Team {
            id: r.team_id,
            name: r.name,
            member_count: r.member_count,
            managers: r
                .managers
                .unwrap_or_default()
                .lines()
                .map(str::to_string)
                .collect(),
        }
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct LocationRow {
    pub location_id: i64,
    pub name: String,
    pub member_count: i64,
}

impl From<LocationRow> for Location {
    fn from(r: LocationRow) -> Self {
        Location {
            id: r.location_id,
            name: r.name,
            member_count: r.member_count,
        }
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct TeamMemberRow {
    pub person_id: i64,
    pub name: String,
    pub email: String,
    pub status: String,
    pub team_name: String,
    pub location_name: Option<String>,
    pub last_sign_in_at: Option<DateTime<Utc>>,
}

impl TeamMemberRow {
    pub fn into_member(self) -> StoreResult<TeamMember> {
        Ok(TeamMember {
            id: self.person_id,
            status: parse_status(&self.status)?,
            name: self.name,
            email: self.email,
            team_name: self.team_name,
            location_name: self.location_name,
            last_sign_in_at: self.last_sign_in_at,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct CredentialsRow {
    pub person_id: i64,
    pub password_hash: Option<String>,
    pub status: String,
    pub lang: String,
}

#[derive(sqlx::FromRow)]
pub(crate) struct InvitationRow {
    pub email: String,
    pub name: String,
    pub expires_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
pub(crate) struct SessionDbRow {
    pub session_id: String,
    pub person_id: Option<i64>,
    pub data: String,
    pub expires_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
pub(crate) struct PostDbRow {
    pub post_id: i64,
    pub title: String,
    pub body: String,
    pub link_url: String,
    pub image_id: Option<i64>,
    pub status: String,
    pub important: bool,
    pub captions_editable: bool,
    pub disclosure: String,
    pub publish_at: Option<DateTime<Utc>>,
    pub expire_at: Option<DateTime<Utc>>,
    pub required_course: Option<i64>,
    pub author_id: Option<i64>,
    pub author_name: Option<String>,
    pub author_team_id: Option<i64>,
    pub suggested_by: Option<i64>,
    pub suggested_by_name: Option<String>,
    pub suggestion_note: String,
    pub last_comment: Option<String>,
    pub version: i64,
    pub updated_at: DateTime<Utc>,
    /// Topic names separated by newlines.
    pub topics: Option<String>,
    /// Comma-separated ids / codes.
    pub teams: Option<String>,
    pub locations: Option<String>,
    pub langs: Option<String>,
}

impl PostDbRow {
    pub fn into_record(self) -> StoreResult<crate::server::db::PostRecord> {
        let status = crate::model::PostStatus::parse(&self.status)
            .ok_or_else(|| StoreError::Corrupt(format!("post status {:?}", self.status)))?;
        let mut topics: Vec<String> = self
            .topics
            .unwrap_or_default()
            .lines()
            .map(str::to_string)
            .collect();
        topics.sort_by_key(|t| t.to_lowercase());
        let langs = self
            .langs
            .unwrap_or_default()
            .split(',')
            .filter_map(|l| l.parse().ok())
            .collect();
        Ok(crate::server::db::PostRecord {
            id: self.post_id,
            title: self.title,
            body: self.body,
            link_url: self.link_url,
            image_id: self.image_id,
            status,
            important: self.important,
            captions_editable: self.captions_editable,
            disclosure: self.disclosure,
            publish_at: self.publish_at,
            expire_at: self.expire_at,
            required_course: self.required_course,
            author_id: self.author_id,
            author_name: self.author_name,
            author_team_id: self.author_team_id,
            suggested_by: self.suggested_by,
            suggested_by_name: self.suggested_by_name,
            suggestion_note: self.suggestion_note,
            last_comment: self.last_comment,
            version: self.version,
            updated_at: self.updated_at,
            topics,
            targeting: crate::model::Targeting {
                teams: parse_ids(self.teams.as_deref())?,
                locations: parse_ids(self.locations.as_deref())?,
                langs,
            },
            captions: Vec::new(),
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct CaptionDbRow {
    pub network: String,
    pub text: String,
}

impl CaptionDbRow {
    pub fn into_caption(self) -> StoreResult<crate::model::Caption> {
        let network = crate::model::Network::parse(&self.network)
            .ok_or_else(|| StoreError::Corrupt(format!("network {:?}", self.network)))?;
        Ok(crate::model::Caption {
            network,
            text: self.text,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct CourseDbRow {
    pub course_id: i64,
    pub status: String,
    pub edition: i32,
    pub version: i64,
    pub doc: String,
    pub updated_at: DateTime<Utc>,
}

impl CourseDbRow {
    pub fn into_record(self) -> StoreResult<crate::server::db::CourseRecord> {
        use crate::model::training::CourseStatus;
        let status = match self.status.as_str() {
            "draft" => CourseStatus::Draft,
            "published" => CourseStatus::Published,
            other => return Err(StoreError::Corrupt(format!("course status {other:?}"))),
        };
        let doc = serde_json::from_str(&self.doc)
            .map_err(|e| StoreError::Corrupt(format!("course {}: {e}", self.course_id)))?;
        Ok(crate::server::db::CourseRecord {
            id: self.course_id,
            status,
            edition: self.edition.max(1) as u32,
            version: self.version,
            doc,
            updated_at: self.updated_at,
        })
    }
}

pub(crate) fn course_status(s: crate::model::training::CourseStatus) -> &'static str {
    match s {
        crate::model::training::CourseStatus::Draft => "draft",
        crate::model::training::CourseStatus::Published => "published",
    }
}

pub(crate) fn course_doc(doc: &crate::model::training::CourseInput) -> StoreResult<String> {
    serde_json::to_string(doc).map_err(|e| StoreError::Corrupt(format!("course document: {e}")))
}
