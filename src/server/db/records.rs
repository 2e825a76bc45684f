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

/// Everything saved when a post is created or edited.
#[derive(Debug, Clone)]
pub struct PostWrite {
    pub title: String,
    pub body: String,
    pub link_url: String,
    pub image_id: Option<crate::model::ImageId>,
    pub topics: Vec<String>,
    pub captions: Vec<crate::model::Caption>,
    pub captions_editable: bool,
    pub disclosure: String,
    pub targeting: crate::model::Targeting,
    pub important: bool,
    pub publish_at: Option<DateTime<Utc>>,
    pub expire_at: Option<DateTime<Utc>>,
    pub required_course: Option<crate::model::training::CourseId>,
    pub status: crate::model::PostStatus,
    /// The editor saving it (adopts a suggestion that has no author yet).
    pub author_id: Option<PersonId>,
    pub suggested_by: Option<PersonId>,
    pub suggestion_note: String,
    pub now: DateTime<Utc>,
}

impl PostWrite {
    /// What the feed's search box matches: title, body and topics, folded.
    pub fn search_text(&self) -> String {
        let mut text = format!("{}\n{}", self.title, self.body);
        for t in &self.topics {
            text.push('\n');
            text.push_str(t);
        }
        super::fold_for_search(&text)
    }
}

/// A workflow step that changes only the status (and its comment).
#[derive(Debug, Clone)]
pub struct StatusChange {
    pub post_id: crate::model::PostId,
    pub from: crate::model::PostStatus,
    pub to: crate::model::PostStatus,
    /// Kept as the post's last comment (the approver's note, the retraction reason).
    pub comment: Option<String>,
    /// On approval: when no publication time was set, it is now.
    pub publish_if_unset: Option<DateTime<Utc>>,
    pub now: DateTime<Utc>,
}

/// A post as stored, with its topics, targeting and captions.
#[derive(Debug, Clone)]
pub struct PostRecord {
    pub id: crate::model::PostId,
    pub title: String,
    pub body: String,
    pub link_url: String,
    pub image_id: Option<crate::model::ImageId>,
    pub status: crate::model::PostStatus,
    pub important: bool,
    pub captions_editable: bool,
    pub disclosure: String,
    pub publish_at: Option<DateTime<Utc>>,
    pub expire_at: Option<DateTime<Utc>>,
    pub required_course: Option<crate::model::training::CourseId>,
    pub author_id: Option<PersonId>,
    pub author_name: Option<String>,
    pub author_team_id: Option<crate::model::TeamId>,
    pub suggested_by: Option<PersonId>,
    pub suggested_by_name: Option<String>,
    pub suggestion_note: String,
    pub last_comment: Option<String>,
    pub version: i64,
    pub updated_at: DateTime<Utc>,
    pub topics: Vec<String>,
    pub targeting: crate::model::Targeting,
    pub captions: Vec<crate::model::Caption>,
}

/// Who is looking at the feed: what targeting is matched against.
#[derive(Debug, Clone, Copy)]
pub struct Viewer {
    pub team_id: Option<crate::model::TeamId>,
    pub location_id: Option<crate::model::LocationId>,
    pub lang: Lang,
}

pub struct NewImage {
    pub content_type: String,
    pub bytes: Vec<u8>,
    pub sha256: String,
    pub uploaded_by: PersonId,
    pub now: DateTime<Utc>,
}

/// A click as stored: no address, a visitor hash for people only.
#[derive(Debug, Clone)]
pub struct StoredClick {
    pub link_id: i64,
    pub at: DateTime<Utc>,
    /// Days since 1970-01-01 (UTC).
    pub day: i32,
    pub human: bool,
    pub visitor: Option<String>,
}

/// What the redirect needs to know about a code.
#[derive(Debug, Clone)]
pub struct LinkTarget {
    pub link_id: i64,
    pub post_id: crate::model::PostId,
    pub channel: crate::model::Channel,
    pub link_url: String,
    pub title: String,
    pub ambassador_ref: String,
    pub retracted: bool,
}

#[derive(Debug, Clone)]
pub struct NewShare {
    pub link_id: i64,
    pub followers: i64,
    pub at: DateTime<Utc>,
    pub day: i32,
}

/// One tracked link's counters, for reach pages.
#[derive(Debug, Clone, Default)]
pub struct LinkReachRow {
    pub post_id: crate::model::PostId,
    pub title: String,
    pub channel: Option<crate::model::Channel>,
    pub shares: i64,
    pub potential_reach: i64,
    pub human_clicks: i64,
    pub unique_visitors: i64,
    pub bot_hits: i64,
    pub last_share_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClickTotals {
    pub human_clicks: i64,
    pub unique_visitors: i64,
    pub bot_hits: i64,
}

/// How one batch of clicks changes the counters of one link on one day.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClickDelta {
    pub link_id: i64,
    pub day: i32,
    pub human_clicks: i64,
    pub unique_visitors: i64,
    pub bot_hits: i64,
    pub last_at: DateTime<Utc>,
}

impl ClickDelta {
    /// The counters this batch adds on its link and day.
    pub fn counters(&self) -> CounterDelta {
        CounterDelta {
            human_clicks: self.human_clicks,
            unique_visitors: self.unique_visitors,
            bot_hits: self.bot_hits,
            ..Default::default()
        }
    }
}

/// A hash set for the click writer's per-click lookups: foldhash rather
/// than SipHash, as in the link and user-agent caches (seeded per process).
pub type FastSet<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;

/// Sums a batch into per-(link, day) increments. `new_visitors` holds the
/// (link, visitor) pairs the database had not seen before this batch; each
/// counts once, on the day of its first click.
pub fn aggregate_clicks(
    clicks: &[StoredClick],
    new_visitors: &std::collections::HashSet<(i64, String)>,
) -> Vec<ClickDelta> {
    // Borrowed: looking a click's visitor up copies nothing. Few visitors
    // are new in a batch (a link's repeat clicks are most of it).
    let mut fresh: FastSet<(i64, &str)> = new_visitors
        .iter()
        .map(|(link, v)| (*link, v.as_str()))
        .collect();
    let mut by_key: std::collections::BTreeMap<(i64, i32), ClickDelta> = Default::default();
    // A new visitor counts on the day of their earliest click in the batch,
    // whatever order the batch came in.
    let mut in_time: Vec<&StoredClick> = clicks.iter().collect();
    in_time.sort_by_key(|c| c.at);
    for c in in_time {
        let d = by_key
            .entry((c.link_id, c.day))
            .or_insert_with(|| ClickDelta {
                link_id: c.link_id,
                day: c.day,
                last_at: c.at,
                ..Default::default()
            });
        d.last_at = d.last_at.max(c.at);
        if c.human {
            d.human_clicks += 1;
            if let Some(v) = c.visitor.as_deref().filter(|_| !fresh.is_empty()) {
                if fresh.remove(&(c.link_id, v)) {
                    d.unique_visitors += 1;
                }
            }
        } else {
            d.bot_hits += 1;
        }
    }
    by_key.into_values().collect()
}

/// What to add to a person's counters for one day.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CounterDelta {
    pub shares: i64,
    pub potential_reach: i64,
    pub human_clicks: i64,
    pub unique_visitors: i64,
    pub bot_hits: i64,
    pub courses_completed: i64,
    pub suggestions_approved: i64,
}

impl CounterDelta {
    pub fn add(&mut self, o: &CounterDelta) {
        self.shares += o.shares;
        self.potential_reach += o.potential_reach;
        self.human_clicks += o.human_clicks;
        self.unique_visitors += o.unique_visitors;
        self.bot_hits += o.bot_hits;
        self.courses_completed += o.courses_completed;
        self.suggestions_approved += o.suggestions_approved;
    }

    /// Whether any counter that scores points changes.
    pub fn scores(&self) -> bool {
        self.shares != 0
            || self.human_clicks != 0
            || self.unique_visitors != 0
            || self.courses_completed != 0
            || self.suggestions_approved != 0
    }
}

/// One person's counters for one day.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct PersonDayRow {
    pub person_id: i64,
    pub day: i32,
    pub shares: i64,
    pub potential_reach: i64,
    pub human_clicks: i64,
    pub unique_visitors: i64,
    pub bot_hits: i64,
    pub courses_completed: i64,
    pub suggestions_approved: i64,
}

/// The size of a generated organization for the leaderboard benchmark.
#[derive(Debug, Clone, Copy)]
pub struct LoadSpec {
    pub people: i64,
    pub teams: i64,
    pub locations: i64,
    pub posts: i64,
    pub links: i64,
    pub clicks: i64,
    pub days: i64,
}

/// A batch's per-link deltas summed per (ambassador, day).
pub fn person_deltas(
    deltas: &[ClickDelta],
    owners: &std::collections::HashMap<i64, crate::model::PersonId>,
) -> std::collections::BTreeMap<(crate::model::PersonId, i32), CounterDelta> {
    let mut out: std::collections::BTreeMap<(i64, i32), CounterDelta> = Default::default();
    for d in deltas {
        if let Some(&person) = owners.get(&d.link_id) {
            out.entry((person, d.day)).or_default().add(&d.counters());
        }
    }
    out
}

/// Sums rows of the same (person, day), sorted by (person, day).
pub fn fold_days(parts: impl IntoIterator<Item = PersonDayRow>) -> Vec<PersonDayRow> {
    let mut by_key: std::collections::BTreeMap<(i64, i32), CounterDelta> = Default::default();
    for r in parts {
        by_key
            .entry((r.person_id, r.day))
            .or_default()
            .add(&r.delta());
    }
    by_key
        .into_iter()
        .map(|((person_id, day), d)| PersonDayRow {
            person_id,
            day,
            shares: d.shares,
            potential_reach: d.potential_reach,
            human_clicks: d.human_clicks,
            unique_visitors: d.unique_visitors,
            bot_hits: d.bot_hits,
            courses_completed: d.courses_completed,
            suggestions_approved: d.suggestions_approved,
        })
        .collect()
}

impl PersonDayRow {
    pub fn delta(&self) -> CounterDelta {
        CounterDelta {
            shares: self.shares,
            potential_reach: self.potential_reach,
            human_clicks: self.human_clicks,
            unique_visitors: self.unique_visitors,
            bot_hits: self.bot_hits,
            courses_completed: self.courses_completed,
            suggestions_approved: self.suggestions_approved,
        }
    }
}

/// The board totals (kind, start day, person) that daily rows add up to.
pub fn board_totals(
    days: &[PersonDayRow],
) -> std::collections::BTreeMap<(i16, i32, i64), CounterDelta> {
    let mut out: std::collections::BTreeMap<(i16, i32, i64), CounterDelta> = Default::default();
    for d in days {
        for key in crate::model::leaderboard::period_keys(d.day) {
            out.entry((key.kind as i16, key.start_day, d.person_id))
                .or_default()
                .add(&d.delta());
        }
    }
    out
}

/// A line of a board as stored: points under the current rules.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct BoardRow {
    pub person_id: i64,
    pub name: String,
    pub team: Option<String>,
    pub points: i64,
    pub shares: i64,
    pub human_clicks: i64,
    pub unique_visitors: i64,
    pub courses_completed: i64,
    pub suggestions_approved: i64,
}

#[cfg(test)]
mod click_tests {
    use super::*;
    use chrono::TimeZone;

    fn click(link: i64, day: i32, human: bool, visitor: Option<&str>) -> StoredClick {
        StoredClick {
            link_id: link,
            at: Utc.timestamp_opt(day as i64 * 86_400 + 60, 0).unwrap(),
            day,
            human,
            visitor: visitor.map(str::to_string),
        }
    }

    #[test]
    fn a_batch_sums_per_link_and_day_counting_new_visitors_once() {
        let clicks = [
            click(1, 10, true, Some("a")),
            click(1, 10, true, Some("a")),
            click(1, 10, true, Some("b")),
            click(1, 10, false, None),
            click(2, 10, true, Some("a")),
            click(1, 11, true, Some("c")),
        ];
        // "b" on link 1 was already counted by an earlier batch.
        let new = [(1, "a"), (2, "a"), (1, "c")]
            .into_iter()
            .map(|(l, v)| (l, v.to_string()))
            .collect();
        let deltas = aggregate_clicks(&clicks, &new);
        let summary: Vec<_> = deltas
            .iter()
            .map(|d| {
                (
                    d.link_id,
                    d.day,
                    d.human_clicks,
                    d.unique_visitors,
                    d.bot_hits,
                )
            })
            .collect();
        assert_eq!(
            summary,
            vec![(1, 10, 3, 1, 1), (1, 11, 1, 1, 0), (2, 10, 1, 1, 0)]
        );
    }
}

/// A course as stored: its document parsed, with the columns around it.
#[derive(Debug, Clone)]
pub struct CourseRecord {
    pub id: crate::model::training::CourseId,
    pub status: crate::model::training::CourseStatus,
    pub edition: u32,
    pub version: i64,
    pub doc: crate::model::training::CourseInput,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EnrollmentRecord {
    pub person_id: PersonId,
    pub round: i32,
    pub started_at: DateTime<Utc>,
    pub last_item: Option<i64>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AttemptRecord {
    pub person_id: PersonId,
    pub round: i32,
    pub item_id: i64,
    pub attempt: i32,
    pub score: i32,
    pub passed: bool,
    /// The graded result, as JSON.
    pub result: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CertificateRecord {
    pub code: String,
    pub course_id: i64,
    pub person_id: PersonId,
    pub round: i32,
    pub edition: i32,
    pub issued_at: DateTime<Utc>,
    pub valid_until: Option<DateTime<Utc>>,
}

/// Learners' progress on one course (or one learner's, when asked for one).
#[derive(Debug, Clone, Default)]
pub struct ProgressRecords {
    pub enrollments: Vec<EnrollmentRecord>,
    /// (person, round, item) of every lesson read and quiz passed.
    pub done: Vec<(PersonId, i32, i64)>,
    pub attempts: Vec<AttemptRecord>,
    pub certificates: Vec<CertificateRecord>,
}

pub struct NewAttempt {
    pub course_id: i64,
    pub person_id: PersonId,
    pub round: i32,
    pub item_id: i64,
    pub attempt: i32,
    pub score: i32,
    pub passed: bool,
    pub result: String,
    pub at: DateTime<Utc>,
}

/// An active person, for assignment and reports.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RosterRow {
    pub person_id: PersonId,
    pub name: String,
    pub team_id: Option<crate::model::TeamId>,
    pub team_name: Option<String>,
    pub location_id: Option<crate::model::LocationId>,
    pub lang: String,
}

/// A tracked link's ambassador, post, channel and the ambassador's team:
/// where its shares and clicks count.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct LinkOwner {
    pub link_id: i64,
    pub person_id: crate::model::PersonId,
    pub post_id: i64,
    pub channel: String,
    pub team_id: Option<i64>,
}

/// The analytics scope of the whole company; teams use their own id.
pub const COMPANY_SCOPE: i64 = 0;

/// Increments of the analytics counters, keyed (scope, day, channel) and
/// (scope, day, post). Sorted maps: writers update rows in key order, so
/// concurrent writers on PostgreSQL never deadlock.
#[derive(Debug, Default)]
pub struct AnalyticsDeltas {
    pub days: std::collections::BTreeMap<(i64, i32, String), CounterDelta>,
    pub posts: std::collections::BTreeMap<(i64, i32, i64), CounterDelta>,
}

impl AnalyticsDeltas {
    fn scopes(team: Option<i64>) -> impl Iterator<Item = i64> {
        std::iter::once(COMPANY_SCOPE).chain(team)
    }

    /// A share or a click batch on one link and day.
    pub fn add_link(&mut self, link: &LinkOwner, day: i32, d: &CounterDelta) {
        for scope in Self::scopes(link.team_id) {
            self.days
                .entry((scope, day, link.channel.clone()))
                .or_default()
                .add(d);
            self.posts
                .entry((scope, day, link.post_id))
                .or_default()
                .add(d);
        }
    }

    /// The per-post deltas folded into the kept periods each day belongs
    /// to, keyed (scope, period kind, period start, post) in key order.
    pub fn post_periods(&self) -> std::collections::BTreeMap<(i64, i16, i32, i64), CounterDelta> {
        let mut periods = std::collections::BTreeMap::new();
        for (&(scope, day, post), d) in &self.posts {
            for key in crate::model::leaderboard::period_keys(day) {
                periods
                    .entry((scope, key.kind as i16, key.start_day, post))
                    .or_insert_with(CounterDelta::default)
                    .add(d);
            }
        }
        periods
    }

    /// Courses completed by someone of `team` (no channel, no post).
    pub fn add_courses(&mut self, team: Option<i64>, day: i32, courses: i64) {
        for scope in Self::scopes(team) {
            self.days
                .entry((scope, day, String::new()))
                .or_default()
                .courses_completed += courses;
        }
    }
}

/// One stored (or recomputed) analytics counter row, for the consistency check.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AnalyticsCheckRow {
    pub scope: i64,
    pub day: i32,
    /// The channel, or the post id as text.
    pub item: String,
    pub shares: i64,
    pub potential_reach: i64,
    pub human_clicks: i64,
    pub unique_visitors: i64,
    pub bot_hits: i64,
    pub courses_completed: i64,
}

/// The kept-period rows that per-day post rows (item = the post id) add up
/// to, as `analytics_check` compares them: day = the period's start, item =
/// "kind/post".
pub fn post_period_check_rows(days: &[AnalyticsCheckRow]) -> Vec<AnalyticsCheckRow> {
    let mut periods: std::collections::BTreeMap<(i64, i32, String), AnalyticsCheckRow> =
        std::collections::BTreeMap::new();
    for r in days {
        for key in crate::model::leaderboard::period_keys(r.day) {
            let item = format!("{}/{}", key.kind as i16, r.item);
            let row = periods
                .entry((r.scope, key.start_day, item.clone()))
                .or_insert_with(|| AnalyticsCheckRow {
                    scope: r.scope,
                    day: key.start_day,
                    item,
                    shares: 0,
                    potential_reach: 0,
                    human_clicks: 0,
                    unique_visitors: 0,
                    bot_hits: 0,
                    courses_completed: 0,
                });
            row.shares += r.shares;
            row.potential_reach += r.potential_reach;
            row.human_clicks += r.human_clicks;
            row.unique_visitors += r.unique_visitors;
            row.bot_hits += r.bot_hits;
        }
    }
    periods.into_values().collect()
}

/// Analytics counters of one day and channel, summed over the scopes asked
/// for. (Deserialize: SQLite reads these as one JSON array, fields in order.)
#[derive(Debug, Clone, Default, PartialEq, Eq, sqlx::FromRow, serde::Deserialize)]
pub struct AnalyticsDayRow {
    pub day: i32,
    pub channel: String,
    pub shares: i64,
    pub potential_reach: i64,
    pub human_clicks: i64,
    pub unique_visitors: i64,
    pub bot_hits: i64,
    pub courses_completed: i64,
}

/// A post's (or a topic's) counters over a range.
#[derive(Debug, Clone, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct AnalyticsItemRow {
    pub id: i64,
    pub name: String,
    /// Posts behind a topic's figures (1 for a post).
    pub posts: i64,
    pub shares: i64,
    pub potential_reach: i64,
    pub human_clicks: i64,
    pub unique_visitors: i64,
    pub bot_hits: i64,
}

/// People of a scope, and who of them shared and who holds a certificate.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct ParticipationRow {
    pub employees: i64,
    pub sharers: i64,
    pub certified: i64,
    pub certified_sharers: i64,
}

/// A SQL list of ids (`1, 5, 9`) for `in (…)`. The ids are integers, so
/// writing them into the statement is safe; an empty list matches nothing.
pub fn id_list(ids: &[i64]) -> String {
    if ids.is_empty() {
        return "null".into();
    }
    ids.iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// People who shared per board period, counted from the totals: what the
/// rebuild stores in `board_sharers` and what the check compares it with.
/// The same SQL on both backends.
pub const SHARERS_FROM_TOTALS: &str = "select kind, start_day, count(*) as sharers from board_score
     where shares > 0 group by kind, start_day order by kind, start_day";

/// Changes to `board_points` (listed people per board period and number of
/// points), keyed (kind, start day, points), and to `board_sharers` (people
/// who shared per board period). Applied last in a transaction, in key
/// order, so concurrent writers on PostgreSQL never deadlock.
#[derive(Debug, Default)]
pub struct PointBuckets {
    points: std::collections::BTreeMap<(i16, i32, i64), i64>,
    sharers: std::collections::BTreeMap<(i16, i32), i64>,
}

impl PointBuckets {
    /// A total's shares went from `old` to `new`: a first share makes one
    /// more person who shared in that period.
    pub fn shared(&mut self, kind: i16, start_day: i32, old: i64, new: i64) {
        if old <= 0 && new > 0 {
            *self.sharers.entry((kind, start_day)).or_default() += 1;
        } else if old > 0 && new <= 0 {
            *self.sharers.entry((kind, start_day)).or_default() -= 1;
        }
    }

    /// The `board_sharers` changes that do something, in key order.
    pub fn sharer_changes(&self) -> impl Iterator<Item = (&(i16, i32), &i64)> {
        self.sharers.iter().filter(|(_, n)| **n != 0)
    }

    /// A listed total went from `old` to `new` points (0 counts as absent).
    pub fn moved(&mut self, kind: i16, start_day: i32, old: i64, new: i64) {
        if old == new {
            return;
        }
        if old > 0 {
            *self.points.entry((kind, start_day, old)).or_default() -= 1;
        }
        if new > 0 {
            *self.points.entry((kind, start_day, new)).or_default() += 1;
        }
    }

    /// The `board_points` changes that do something, in key order.
    pub fn changes(&self) -> impl Iterator<Item = (&(i16, i32, i64), &i64)> {
        self.points.iter().filter(|(_, n)| **n != 0)
    }
}

impl CounterDelta {
    /// The points these counters are worth under `r`.
    pub fn points(&self, r: &crate::model::leaderboard::PointsRules) -> i64 {
        self.shares * r.share
            + self.human_clicks * r.human_click
            + self.unique_visitors * r.unique_visitor
            + self.courses_completed * r.course_completed
            + self.suggestions_approved * r.suggestion_approved
    }
}

/// Listed people holding `points` on one board period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::FromRow)]
pub struct PointsRow {
    pub kind: i16,
    pub start_day: i32,
    pub points: i64,
    pub people: i64,
}

/// What a person's links brought on one day, channel and post (moved
/// between team scopes when the person changes team).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PersonLinkDay {
    pub day: i32,
    pub channel: String,
    pub post_id: i64,
    pub shares: i64,
    pub potential_reach: i64,
    pub human_clicks: i64,
    pub unique_visitors: i64,
    pub bot_hits: i64,
}

impl AnalyticsDeltas {
    /// Moves a person's history from one team's scope to another's (a
    /// team's analytics are its current members').
    pub fn move_person(
        &mut self,
        links: &[PersonLinkDay],
        courses: &[(i32, i64)],
        from: Option<i64>,
        to: Option<i64>,
    ) {
        for (scope, sign) in [(from, -1), (to, 1)] {
            let Some(scope) = scope else {
                continue;
            };
            for r in links {
                let d = CounterDelta {
                    shares: sign * r.shares,
                    potential_reach: sign * r.potential_reach,
                    human_clicks: sign * r.human_clicks,
                    unique_visitors: sign * r.unique_visitors,
                    bot_hits: sign * r.bot_hits,
                    ..Default::default()
                };
                self.days
                    .entry((scope, r.day, r.channel.clone()))
                    .or_default()
                    .add(&d);
                self.posts
                    .entry((scope, r.day, r.post_id))
                    .or_default()
                    .add(&d);
            }
            for &(day, n) in courses {
                self.days
                    .entry((scope, day, String::new()))
                    .or_default()
                    .courses_completed += sign * n;
            }
        }
    }
}

#[cfg(test)]
mod bucket_tests {
    use super::PointBuckets;

    #[test]
    fn only_a_first_share_in_a_period_adds_a_sharer() {
        let mut b = PointBuckets::default();
        b.shared(2, 100, 0, 1); // first share of the month
        b.shared(2, 100, 1, 3); // more shares: the same person
        b.shared(2, 100, 0, 0); // a click: no shares at all
        b.shared(1, 98, 0, 2); // first share of the week
        b.shared(1, 91, 4, 4);
        let changes: Vec<_> = b.sharer_changes().map(|(k, n)| (*k, *n)).collect();
        assert_eq!(changes, [((1, 98), 1), ((2, 100), 1)], "in key order");
    }

    #[test]
    fn points_moving_between_values_keep_the_people_count() {
        let mut b = PointBuckets::default();
        b.moved(2, 100, 0, 10);
        b.moved(2, 100, 10, 15);
        b.moved(2, 100, 7, 7);
        let changes: Vec<_> = b.changes().map(|(k, n)| (*k, *n)).collect();
        assert_eq!(changes, [((2, 100, 15), 1)], "10 came and went");
    }
}

/// Teams and locations by name (case-insensitive order), without counts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScopeNames {
    pub teams: Vec<(i64, String)>,
    pub locations: Vec<(i64, String)>,
}

/// The split of `scope_names`' one query: kind 0 is a team, 1 a location.
pub(crate) fn split_scope_names(rows: Vec<(i16, i64, String)>) -> ScopeNames {
    let mut names = ScopeNames::default();
    for (kind, id, name) in rows {
        match kind {
            0 => names.teams.push((id, name)),
            _ => names.locations.push((id, name)),
        }
    }
    names
}
