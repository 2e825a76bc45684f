//! Storage: one trait per domain, one implementation per backend, each in its
//! own SQL dialect. The backend is chosen from the `DATABASE_URL` scheme.
//!
//! Every method is one unit of work: where a change and its audit record
//! must land together, the method takes both and writes them in one
//! transaction.

mod postgres;
mod records;
mod rows;
mod sqlite;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use std::sync::Arc;

pub use postgres::PgStore;
pub use records::*;
pub use sqlite::SqliteStore;

use crate::model::validate::Email;
use crate::model::{
    CurrentUser, Directory, InvitationPreview, Location, LocationId, PeopleQuery, Person, PersonId,
    PersonStatus, Team, TeamId, TeamMember,
};
use crate::model::{FeedQuery, ImageId, PostId};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    /// A uniqueness rule was broken (an e-mail or a name already used).
    #[error("already exists")]
    Duplicate,
    /// The row changed since it was read.
    #[error("conflict")]
    Conflict,
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration error: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
}

pub type StoreResult<T> = Result<T, StoreError>;

/// Maps a unique-constraint violation to `Duplicate`, as both backends report it.
pub(crate) fn map_unique(e: sqlx::Error) -> StoreError {
    match &e {
        sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Duplicate,
        _ => StoreError::Database(e),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[async_trait]
pub trait PeopleStore: Send + Sync {
    async fn count_people(&self) -> StoreResult<i64>;
    async fn credentials_by_email(&self, email: &Email) -> StoreResult<Option<Credentials>>;
    async fn current_user(&self, id: PersonId) -> StoreResult<Option<(CurrentUser, PersonStatus)>>;
    /// One page of people matching the filters, and how many match in all.
    async fn list_people(&self, query: &PeopleQuery) -> StoreResult<(Vec<Person>, i64)>;
    async fn get_person(&self, id: PersonId) -> StoreResult<Option<Person>>;
    /// Creates a person (and their roles and managed teams); `Duplicate` if the e-mail is taken.
    async fn create_person(&self, new: &NewPerson, audit: &AuditEntry) -> StoreResult<PersonId>;
    async fn update_person(
        &self,
        id: PersonId,
        change: &PersonChange,
        audit: &AuditEntry,
    ) -> StoreResult<()>;
    /// Deactivating also ends every session of the person, in the same transaction.
    async fn set_status(
        &self,
        id: PersonId,
        status: PersonStatus,
        audit: &AuditEntry,
    ) -> StoreResult<()>;
    /// Sets a new password and ends every session of the person but `keep_session`.
    async fn set_password(
        &self,
        id: PersonId,
        password_hash: &str,
        keep_session: Option<&str>,
        audit: &AuditEntry,
    ) -> StoreResult<()>;
    async fn set_lang(&self, id: PersonId, lang: crate::model::Lang) -> StoreResult<()>;
    async fn record_sign_in(&self, id: PersonId, at: DateTime<Utc>) -> StoreResult<()>;
    async fn count_active_admins(&self) -> StoreResult<i64>;
    /// Members of the teams `manager` manages.
    async fn team_members(&self, manager: PersonId) -> StoreResult<Vec<TeamMember>>;
}

#[async_trait]
pub trait DirectoryStore: Send + Sync {
    async fn directory(&self) -> StoreResult<Directory>;
    /// Team and location names alone, for the pickers of the board and
    /// analytics pages: the directory also counts every team's members.
    async fn scope_names(&self) -> StoreResult<ScopeNames>;
    async fn create_team(&self, name: &str, audit: &AuditEntry) -> StoreResult<TeamId>;
    async fn create_location(&self, name: &str, audit: &AuditEntry) -> StoreResult<LocationId>;
    async fn team_exists(&self, id: TeamId) -> StoreResult<bool>;
    async fn location_exists(&self, id: LocationId) -> StoreResult<bool>;
    async fn teams(&self) -> StoreResult<Vec<Team>>;
    async fn locations(&self) -> StoreResult<Vec<Location>>;
}

#[async_trait]
pub trait InvitationStore: Send + Sync {
    /// Stores a new invitation and voids the person's earlier unused ones.
    async fn create_invitation(&self, inv: &NewInvitation, audit: &AuditEntry) -> StoreResult<()>;
    async fn invitation_preview(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<InvitationPreview>>;
    /// Consumes the invitation (single use) and activates the person with the
    /// chosen name and password. `NotFound` if the token is unknown, used or expired.
    async fn accept_invitation(&self, accept: &AcceptInvitation) -> StoreResult<PersonId>;
}

#[async_trait]
pub trait SessionRecords: Send + Sync {
    /// Inserts a new session; `Duplicate` if the id exists.
    async fn insert_session(&self, s: &SessionRow) -> StoreResult<()>;
    async fn save_session(&self, s: &SessionRow) -> StoreResult<()>;
    async fn load_session(&self, id: &str, now: DateTime<Utc>) -> StoreResult<Option<SessionRow>>;
    async fn delete_session(&self, id: &str) -> StoreResult<()>;
    async fn delete_expired_sessions(&self, now: DateTime<Utc>) -> StoreResult<u64>;
    async fn count_sessions(&self, person: PersonId) -> StoreResult<i64>;
}

#[async_trait]
pub trait ThrottleStore: Send + Sync {
    /// The latest time any of `keys` is blocked until, if one is.
    async fn blocked_until(
        &self,
        keys: &[String],
        now: DateTime<Utc>,
    ) -> StoreResult<Option<DateTime<Utc>>>;
    /// Counts a failure for `key` and returns the new count. A key whose last
    /// failure is older than `window` starts again from one; `block` turns a
    /// count into how long the key is then blocked.
    async fn record_failure(
        &self,
        key: &str,
        now: DateTime<Utc>,
        window: chrono::Duration,
        block: fn(i64) -> chrono::Duration,
    ) -> StoreResult<i64>;
    async fn clear_failures(&self, key: &str) -> StoreResult<()>;
}

#[async_trait]
pub trait AuditStore: Send + Sync {
    async fn audit_log(&self, filter: &AuditFilter) -> StoreResult<Vec<AuditRecord>>;
}

#[async_trait]
pub trait SettingsStore: Send + Sync {
    async fn setting(&self, key: &str) -> StoreResult<Option<String>>;
    async fn put_setting(&self, key: &str, value: &str, audit: &AuditEntry) -> StoreResult<()>;
}

#[async_trait]
pub trait PostStore: Send + Sync {
    async fn create_post(&self, post: &PostWrite, audit: &AuditEntry) -> StoreResult<PostId>;
    /// Saves an edit if the post is still at `expected_version` (else
    /// `Conflict`: someone saved in between) and returns the new version.
    async fn update_post(
        &self,
        id: PostId,
        expected_version: i64,
        post: &PostWrite,
        audit: &AuditEntry,
    ) -> StoreResult<i64>;
    /// A workflow step: applies only if the status is still `change.from` (else `Conflict`).
    async fn change_post_status(
        &self,
        change: &StatusChange,
        audit: &AuditEntry,
    ) -> StoreResult<()>;
    async fn post(&self, id: PostId) -> StoreResult<Option<PostRecord>>;
    /// Every post, newest change first, for editors and approvers.
    async fn list_posts(&self) -> StoreResult<Vec<PostRecord>>;
    /// Live posts targeted at `viewer`: important first, then newest.
    async fn feed(
        &self,
        viewer: &Viewer,
        query: &FeedQuery,
        now: DateTime<Utc>,
    ) -> StoreResult<Vec<PostRecord>>;
    async fn feed_topics(&self, viewer: &Viewer, now: DateTime<Utc>) -> StoreResult<Vec<String>>;
    /// Whether `viewer` may see post `id` now (live and targeted at them).
    async fn visible_to(
        &self,
        id: PostId,
        viewer: &Viewer,
        now: DateTime<Utc>,
    ) -> StoreResult<bool>;
    /// Posts that went live in the 7 days before `now`, and active ambassadors.
    async fn supply_counts(&self, now: DateTime<Utc>) -> StoreResult<(i64, i64)>;
    async fn save_image(&self, image: &NewImage) -> StoreResult<ImageId>;
    async fn image(&self, id: ImageId) -> StoreResult<Option<(String, Vec<u8>)>>;
}

#[async_trait]
pub trait SharingStore: Send + Sync {
    /// The person's opaque reference for `utm_content`, created from `fresh` the first time.
    async fn ambassador_ref(&self, person: PersonId, fresh: &str) -> StoreResult<String>;
    /// The person's tracked links for a post: (channel, link id, code).
    async fn links_of(
        &self,
        post: PostId,
        person: PersonId,
    ) -> StoreResult<Vec<(crate::model::Channel, i64, String)>>;
    /// Creates a link unless the person has one for that post and channel;
    /// `Duplicate` if the code is taken (the caller draws another).
    async fn create_link(
        &self,
        post: PostId,
        person: PersonId,
        channel: crate::model::Channel,
        code: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<()>;
    async fn link_target(&self, code: &str) -> StoreResult<Option<LinkTarget>>;
    /// Records a share action and its counters in one transaction.
    async fn record_share(&self, share: &NewShare) -> StoreResult<()>;
    /// Stores a batch of clicks and updates the counters, in one transaction.
    async fn store_clicks(&self, clicks: &[StoredClick]) -> StoreResult<()>;
    /// The salt of `day`, stored from `fresh` by whichever instance asks first;
    /// older salts (and the visitor marks made with them) are deleted.
    async fn visitor_salt(&self, day: i32, fresh: &[u8]) -> StoreResult<Vec<u8>>;
    async fn followers(&self, person: PersonId) -> StoreResult<crate::model::Followers>;
    async fn save_followers(
        &self,
        person: PersonId,
        followers: &crate::model::Followers,
    ) -> StoreResult<()>;
    /// Counters of every link of the person.
    async fn reach_by_link(&self, person: PersonId) -> StoreResult<Vec<LinkReachRow>>;
    /// (day, shares, human clicks) of the person's links from `since_day` on.
    async fn reach_by_day(
        &self,
        person: PersonId,
        since_day: i32,
    ) -> StoreResult<Vec<(i32, i64, i64)>>;
    /// Shares of one post by one person.
    async fn shares_of(&self, post: PostId, person: PersonId) -> StoreResult<i64>;
    /// The counters summed, and the same figures recomputed from raw clicks.
    async fn click_totals(&self) -> StoreResult<(ClickTotals, ClickTotals)>;
}

#[async_trait]
pub trait TrainingStore: Send + Sync {
    async fn create_course(
        &self,
        doc: &crate::model::training::CourseInput,
        by: PersonId,
        now: DateTime<Utc>,
        audit: &AuditEntry,
    ) -> StoreResult<i64>;
    /// Saves the document if the course is still at `expected_version` (else
    /// `Conflict`) and returns the new version.
    async fn update_course(
        &self,
        id: i64,
        expected_version: i64,
        doc: &crate::model::training::CourseInput,
        now: DateTime<Utc>,
        audit: &AuditEntry,
    ) -> StoreResult<i64>;
    /// Publishes or unpublishes; `new_edition` also raises the edition, which
    /// makes earlier certificates outdated.
    async fn set_course_status(
        &self,
        id: i64,
        status: crate::model::training::CourseStatus,
        new_edition: bool,
        now: DateTime<Utc>,
        audit: &AuditEntry,
    ) -> StoreResult<()>;
    async fn course(&self, id: i64) -> StoreResult<Option<CourseRecord>>;
    /// Every course, newest change first (organizations have tens, not thousands).
    async fn courses(&self) -> StoreResult<Vec<CourseRecord>>;
    /// The learner's enrollment, created (round 1) on first use.
    async fn enroll(
        &self,
        course: i64,
        person: PersonId,
        now: DateTime<Utc>,
    ) -> StoreResult<EnrollmentRecord>;
    async fn set_last_item(&self, course: i64, person: PersonId, item: i64) -> StoreResult<()>;
    /// Starts round `from + 1`, unless another request already did.
    async fn start_round(&self, course: i64, person: PersonId, from: i32) -> StoreResult<()>;
    /// Marks a lesson read (again is a no-op).
    async fn mark_done(
        &self,
        course: i64,
        person: PersonId,
        round: i32,
        item: i64,
        now: DateTime<Utc>,
    ) -> StoreResult<()>;
    /// Stores a graded attempt (and marks the quiz done if it passed) in one
    /// transaction; `Duplicate` if that attempt number is already stored.
    async fn record_attempt(&self, attempt: &NewAttempt) -> StoreResult<()>;
    /// Issues a certificate for the round unless one exists; returns the round's certificate.
    async fn issue_certificate(&self, cert: &CertificateRecord) -> StoreResult<CertificateRecord>;
    async fn certificate(&self, code: &str) -> StoreResult<Option<(CertificateRecord, String)>>;
    async fn certificates_of(&self, person: PersonId) -> StoreResult<Vec<CertificateRecord>>;
    /// Progress on `course`, of everyone or of one person.
    async fn progress(&self, course: i64, person: Option<PersonId>)
        -> StoreResult<ProgressRecords>;
    /// Active people with their team, location and language.
    async fn roster(&self) -> StoreResult<Vec<RosterRow>>;
    async fn managed_teams(&self, manager: PersonId) -> StoreResult<Vec<crate::model::TeamId>>;
}

/// Counters per person and running board totals (see migration 0005).
#[async_trait]
pub trait BoardStore: Send + Sync {
    async fn points_rules(&self) -> StoreResult<crate::model::leaderboard::PointsRules>;
    /// Stores new rules and recomputes the points of every stored total.
    async fn set_points_rules(
        &self,
        rules: &crate::model::leaderboard::PointsRules,
        audit: &AuditEntry,
    ) -> StoreResult<()>;
    async fn board_opt_out(&self, person: PersonId) -> StoreResult<bool>;
    /// Takes a person off every board (or puts them back).
    async fn set_board_opt_out(&self, person: PersonId, out: bool) -> StoreResult<()>;
    /// Re-derives whether a person is listed (after a status change).
    async fn refresh_listing(&self, person: PersonId) -> StoreResult<()>;
    /// The top of a kept period, listed people with points only.
    async fn board_top(
        &self,
        key: crate::model::leaderboard::PeriodKey,
        scope: crate::model::leaderboard::BoardScope,
        limit: i64,
    ) -> StoreResult<Vec<BoardRow>>;
    /// (listed people with more points, listed people with any points).
    async fn board_rank(
        &self,
        key: crate::model::leaderboard::PeriodKey,
        scope: crate::model::leaderboard::BoardScope,
        points: i64,
    ) -> StoreResult<(i64, i64)>;
    /// A custom range summed from the daily counters, highest first.
    async fn board_range(
        &self,
        from: i32,
        to: i32,
        scope: crate::model::leaderboard::BoardScope,
        limit: i64,
    ) -> StoreResult<Vec<BoardRow>>;
    /// (listed people with more points, listed people with any points) over
    /// a custom range.
    async fn board_range_rank(
        &self,
        from: i32,
        to: i32,
        scope: crate::model::leaderboard::BoardScope,
        points: i64,
    ) -> StoreResult<(i64, i64)>;
    /// One person's kept total for a period (listed or not).
    async fn score_of(
        &self,
        key: crate::model::leaderboard::PeriodKey,
        person: PersonId,
    ) -> StoreResult<Option<BoardRow>>;
    /// One person's daily counters, oldest first.
    async fn person_days(&self, person: PersonId) -> StoreResult<Vec<PersonDayRow>>;
    /// Every person's daily counters, as stored and as recomputed from the
    /// recorded events (shares, clicks, first visits, certificates,
    /// approvals of suggestions), both sorted by (person, day).
    async fn counters_check(&self) -> StoreResult<(Vec<PersonDayRow>, Vec<PersonDayRow>)>;
    /// The listed people per board period and points, as kept and as
    /// recounted from the totals, both sorted.
    async fn points_check(&self) -> StoreResult<(Vec<PointsRow>, Vec<PointsRow>)>;
    /// The people who shared per board period (kind, start day, people), as
    /// kept and as recounted from the totals, both sorted.
    async fn sharers_check(&self) -> StoreResult<(Vec<(i16, i32, i64)>, Vec<(i16, i32, i64)>)>;
    /// Rebuilds all counters and board totals from the recorded events
    /// (after an upgrade from a version without them).
    async fn rebuild_counters(&self) -> StoreResult<()>;
}

/// Analytics counters per scope (`COMPANY_SCOPE` or a team id) and day,
/// kept by the writers of shares, clicks and certificates (migration 0006).
#[async_trait]
pub trait AnalyticsStore: Send + Sync {
    /// Counters per day and channel in `from..=to`, summed over `scopes`,
    /// sorted by day and channel.
    async fn analytics_days(
        &self,
        scopes: &[i64],
        from: i32,
        to: i32,
    ) -> StoreResult<Vec<AnalyticsDayRow>>;
    /// The posts with the most human clicks (then shares) in the range.
    /// `key` is the kept period `from..=to` is, if it is one: its running
    /// totals are read instead of the days'.
    async fn analytics_posts(
        &self,
        scopes: &[i64],
        key: Option<crate::model::leaderboard::PeriodKey>,
        from: i32,
        to: i32,
        limit: i64,
    ) -> StoreResult<Vec<AnalyticsItemRow>>;
    /// Topics by the human clicks of their posts in the range (a post with
    /// two topics counts in both). `key` as for `analytics_posts`.
    async fn analytics_topics(
        &self,
        scopes: &[i64],
        key: Option<crate::model::leaderboard::PeriodKey>,
        from: i32,
        to: i32,
        limit: i64,
    ) -> StoreResult<Vec<AnalyticsItemRow>>;
    /// Active people of `teams` (everyone with `None`): how many, how many
    /// shared in the range, how many hold a certificate, and both.
    /// `key` is the kept period `from..=to` is, if it is one: who shared
    /// then comes from the period's running totals.
    async fn participation(
        &self,
        teams: Option<&[TeamId]>,
        key: Option<crate::model::leaderboard::PeriodKey>,
        from: i32,
        to: i32,
    ) -> StoreResult<ParticipationRow>;
    /// Every analytics counter row as stored and as recomputed from the
    /// per-link and per-person counters, both sorted.
    async fn analytics_check(
        &self,
    ) -> StoreResult<(Vec<AnalyticsCheckRow>, Vec<AnalyticsCheckRow>)>;
}

/// Campaign boards: a topic's posts between two dates (migration 0008).
#[async_trait]
pub trait CampaignStore: Send + Sync {
    /// Every campaign, the latest first.
    async fn campaigns(&self) -> StoreResult<Vec<crate::model::leaderboard::Campaign>>;
    async fn campaign(
        &self,
        id: crate::model::leaderboard::CampaignId,
    ) -> StoreResult<Option<crate::model::leaderboard::Campaign>>;
    /// Every topic, by name.
    async fn topics(&self) -> StoreResult<Vec<(i64, String)>>;
    /// `NotFound` for an unknown topic.
    async fn create_campaign(
        &self,
        c: &crate::model::leaderboard::NewCampaign,
        audit: &AuditEntry,
    ) -> StoreResult<crate::model::leaderboard::CampaignId>;
    async fn delete_campaign(
        &self,
        id: crate::model::leaderboard::CampaignId,
        audit: &AuditEntry,
    ) -> StoreResult<()>;
    /// Listed people with points from the topic's posts in `from..=to`,
    /// highest first (shares, human clicks and unique visitors count).
    async fn campaign_board(&self, topic: i64, from: i32, to: i32) -> StoreResult<Vec<BoardRow>>;
    /// One person's figures on it, listed or not.
    async fn campaign_score(
        &self,
        topic: i64,
        from: i32,
        to: i32,
        person: PersonId,
    ) -> StoreResult<Option<BoardRow>>;
}

/// Bulk data and the naive queries of the leaderboard benchmark
/// (`portavoz bench-boards`); never used while serving.
#[async_trait]
pub trait LoadStore: Send + Sync {
    /// Fills an empty database: teams, locations, people, posts, tracked
    /// links with one share each, and raw clicks over `days` days, with the
    /// per-link counters; the caller then rebuilds the per-person counters.
    async fn fill_load(&self, spec: &LoadSpec, now: DateTime<Utc>) -> StoreResult<()>;
    /// A board computed the naive way: GROUP BY over raw shares and clicks
    /// since `from` (shares, human clicks and first visits only).
    async fn naive_top(
        &self,
        from: Option<DateTime<Utc>>,
        team: Option<TeamId>,
        limit: i64,
    ) -> StoreResult<Vec<(PersonId, i64)>>;
    /// How many people have more points than `points`, the naive way.
    async fn naive_above(&self, from: Option<DateTime<Utc>>, points: i64) -> StoreResult<i64>;
    /// Shares, human clicks and bot hits per day and channel since `from`
    /// (of a team's people, or everyone's), the naive way.
    async fn naive_days(
        &self,
        from: DateTime<Utc>,
        team: Option<TeamId>,
    ) -> StoreResult<Vec<(i32, String, i64, i64, i64)>>;
    async fn database_bytes(&self) -> StoreResult<i64>;
    /// The index a naive implementation would give raw clicks, so the naive
    /// queries (a team's above all) are not slowed by its absence: the
    /// product reads counters and keeps no such index (migration 0013).
    async fn index_clicks_for_naive(&self) -> StoreResult<()>;
}

#[async_trait]
pub trait Store:
    PeopleStore
    + AnalyticsStore
    + CampaignStore
    + BoardStore
    + LoadStore
    + SharingStore
    + TrainingStore
    + DirectoryStore
    + InvitationStore
    + PostStore
    + SessionRecords
    + ThrottleStore
    + AuditStore
    + SettingsStore
{
    fn backend(&self) -> Backend;
    /// A cheap query that proves the database answers (for `/healthz`).
    async fn ping(&self) -> StoreResult<()>;
    async fn close(&self);
}

pub type Db = Arc<dyn Store>;

/// Opens the database named by `url` (`sqlite://…` or `postgres://…`),
/// creating an SQLite file if needed, and applies pending migrations.
pub async fn connect(url: &str, max_connections: u32) -> Result<Db, StoreError> {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok(Arc::new(PgStore::connect(url, max_connections).await?))
    } else if url.starts_with("sqlite:") {
        Ok(Arc::new(SqliteStore::connect(url, max_connections).await?))
    } else {
        Err(StoreError::Corrupt(format!(
            "DATABASE_URL must start with sqlite:// or postgres:// (got {})",
            url.split(':').next().unwrap_or("")
        )))
    }
}

/// Lower case without accents, so "DISEÑO", "diseño" and "diseno" all match
/// on either backend (SQLite's `lower` and `like` only fold ASCII).
pub(crate) fn fold_for_search(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            other => other,
        })
        .collect()
}

/// Escapes a search term for `like … escape '\'`, so that "50%" or "a_b"
/// match those characters instead of acting as wildcards.
pub(crate) fn escape_like(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '%' | '_') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod search_tests {
    use super::*;

    #[test]
    fn search_folds_case_and_spanish_accents() {
        assert_eq!(
            fold_for_search("DISEÑO Ágil, Pingüino"),
            "diseno agil, pinguino"
        );
        assert_eq!(escape_like("50%_a\\b"), "50\\%\\_a\\\\b");
    }
}
