//! Leaderboard rules, shared by server and browser: points per action (set
//! by admins, derived from recorded events so a rule change recomputes
//! them), milestone badges, board periods as day ranges, and ranking with
//! ties. Nothing here is stored: it is all computed from counters.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Points per action. Admins change them; nobody edits points by hand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PointsRules {
    pub share: i64,
    pub human_click: i64,
    pub unique_visitor: i64,
    pub course_completed: i64,
    pub suggestion_approved: i64,
}

impl Default for PointsRules {
    /// Sharing is the act we ask for; a click is partly luck, a unique
    /// visitor is worth a little more; training and good suggestions count.
    fn default() -> Self {
        PointsRules {
            share: 10,
            human_click: 1,
            unique_visitor: 2,
            course_completed: 50,
            suggestion_approved: 20,
        }
    }
}

impl PointsRules {
    pub const MAX: i64 = 10_000;

    /// Every value between 0 and `MAX`.
    pub fn is_valid(&self) -> bool {
        [
            self.share,
            self.human_click,
            self.unique_visitor,
            self.course_completed,
            self.suggestion_approved,
        ]
        .iter()
        .all(|v| (0..=Self::MAX).contains(v))
    }
}

/// What one person did in a period, as the counters record it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    pub shares: i64,
    pub human_clicks: i64,
    pub unique_visitors: i64,
    pub courses_completed: i64,
    pub suggestions_approved: i64,
}

impl Activity {
    pub fn points(&self, r: &PointsRules) -> i64 {
        self.shares * r.share
            + self.human_clicks * r.human_click
            + self.unique_visitors * r.unique_visitor
            + self.courses_completed * r.course_completed
            + self.suggestions_approved * r.suggestion_approved
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Badge {
    FirstShare,
    TenShares,
    HundredShares,
    HundredClicks,
    ThousandClicks,
    Certified,
    FirstSuggestion,
}

impl Badge {
    pub const ALL: [Badge; 7] = [
        Badge::FirstShare,
        Badge::TenShares,
        Badge::HundredShares,
        Badge::HundredClicks,
        Badge::ThousandClicks,
        Badge::Certified,
        Badge::FirstSuggestion,
    ];

    /// Earned by all-time activity at or above its milestone.
    pub fn earned(self, all_time: &Activity) -> bool {
        match self {
            Badge::FirstShare => all_time.shares >= 1,
            Badge::TenShares => all_time.shares >= 10,
            Badge::HundredShares => all_time.shares >= 100,
            Badge::HundredClicks => all_time.human_clicks >= 100,
            Badge::ThousandClicks => all_time.human_clicks >= 1000,
            Badge::Certified => all_time.courses_completed >= 1,
            Badge::FirstSuggestion => all_time.suggestions_approved >= 1,
        }
    }
}

pub fn badges(all_time: &Activity) -> Vec<Badge> {
    Badge::ALL
        .into_iter()
        .filter(|b| b.earned(all_time))
        .collect()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// Monday to today (UTC).
    Week,
    Month,
    Quarter,
    AllTime,
    /// Both days included.
    Custom {
        from: NaiveDate,
        to: NaiveDate,
    },
}

/// Days since 1970-01-01, the unit of the daily counters.
pub fn day_number(d: NaiveDate) -> i32 {
    (d - NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default()).num_days() as i32
}

/// A period as an inclusive range of day numbers; `None` as the start
/// means from the beginning. A custom range given backwards is put right.
pub fn day_range(period: Period, now: DateTime<Utc>) -> (Option<i32>, i32) {
    let today = now.date_naive();
    let start = match period {
        Period::Week => Some(today - Duration::days(today.weekday().num_days_from_monday() as i64)),
        Period::Month => today.with_day(1),
        Period::Quarter => {
            let first_month = (today.month0() / 3) * 3 + 1;
            NaiveDate::from_ymd_opt(today.year(), first_month, 1)
        }
        Period::AllTime => None,
        Period::Custom { from, to } => {
            let (a, b) = if from <= to { (from, to) } else { (to, from) };
            return (Some(day_number(a)), day_number(b));
        }
    };
    (start.map(day_number), day_number(today))
}

/// The kinds of period kept as running totals; a custom range is summed
/// from the daily counters instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PeriodKind {
    Week = 1,
    Month = 2,
    Quarter = 3,
    AllTime = 4,
}

/// One stored running total: a kind and the day its period starts on (0 for
/// all time).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodKey {
    pub kind: PeriodKind,
    pub start_day: i32,
}

/// The day a day number stands for.
pub fn date_of(day: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default() + Duration::days(day as i64)
}

/// The four running totals an event on `day` adds to.
pub fn period_keys(day: i32) -> [PeriodKey; 4] {
    let now = date_of(day)
        .and_hms_opt(12, 0, 0)
        .unwrap_or_default()
        .and_utc();
    let start = |p| day_range(p, now).0.unwrap_or(0);
    [
        PeriodKey {
            kind: PeriodKind::Week,
            start_day: start(Period::Week),
        },
        PeriodKey {
            kind: PeriodKind::Month,
            start_day: start(Period::Month),
        },
        PeriodKey {
            kind: PeriodKind::Quarter,
            start_day: start(Period::Quarter),
        },
        PeriodKey {
            kind: PeriodKind::AllTime,
            start_day: 0,
        },
    ]
}

/// The running total a board period reads, if it is one that is kept.
pub fn period_key(period: Period, now: DateTime<Utc>) -> Option<PeriodKey> {
    let kind = match period {
        Period::Week => PeriodKind::Week,
        Period::Month => PeriodKind::Month,
        Period::Quarter => PeriodKind::Quarter,
        Period::AllTime => PeriodKind::AllTime,
        Period::Custom { .. } => return None,
    };
    Some(PeriodKey {
        kind,
        start_day: day_range(period, now).0.unwrap_or(0),
    })
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ranked<T> {
    /// 1 for the top; people with the same score share a rank, and the
    /// next rank skips as many places ("1, 2, 2, 4").
    pub rank: usize,
    pub score: i64,
    pub who: T,
}

/// Orders by score (highest first), ties broken for display by `tie` but
/// sharing their rank.
pub fn rank<T, K: Ord>(mut entries: Vec<(T, i64)>, tie: impl Fn(&T) -> K) -> Vec<Ranked<T>> {
    entries.sort_by(|(a, sa), (b, sb)| sb.cmp(sa).then_with(|| tie(a).cmp(&tie(b))));
    let mut out: Vec<Ranked<T>> = Vec::with_capacity(entries.len());
    for (i, (who, score)) in entries.into_iter().enumerate() {
        let rank = match out.last() {
            Some(prev) if prev.score == score => prev.rank,
            _ => i + 1,
        };
        out.push(Ranked { rank, score, who });
    }
    out
}

/// Who sees a kind of board. Admins always do (to check it before they
/// switch it on); "leaders" are admins and, for a team board, that team's
/// managers; "everyone" lets each person see the board of their own team or
/// location, or the company's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoardVisibility {
    Off,
    Leaders,
    Everyone,
}

/// Admin settings of points and boards. The defaults favour team boards
/// over a company-wide ranking, as people fear being ranked against everyone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardSettings {
    pub rules: PointsRules,
    pub company: BoardVisibility,
    pub team: BoardVisibility,
    pub location: BoardVisibility,
    /// Campaign boards (an admin creates each one to invite everyone in).
    pub campaign: BoardVisibility,
}

impl Default for BoardSettings {
    fn default() -> Self {
        BoardSettings {
            rules: PointsRules::default(),
            company: BoardVisibility::Leaders,
            team: BoardVisibility::Everyone,
            location: BoardVisibility::Leaders,
            campaign: BoardVisibility::Everyone,
        }
    }
}

/// Whose board.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
pub enum BoardScope {
    Company,
    Team(crate::model::TeamId),
    Location(crate::model::LocationId),
    /// The posts of one topic between two dates, company-wide.
    Campaign(CampaignId),
}

pub type CampaignId = i64;

/// A time-boxed board: who shared the posts of a topic best between two dates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Campaign {
    pub id: CampaignId,
    pub name: String,
    pub topic_id: i64,
    pub topic: String,
    /// Both days included.
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// A campaign as an admin enters it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewCampaign {
    pub name: String,
    pub topic_id: i64,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl NewCampaign {
    pub const MAX_NAME: u32 = 80;

    /// The name trimmed; every problem at once.
    pub fn validate(&self) -> Result<NewCampaign, Vec<crate::model::FieldError>> {
        use crate::model::{ErrorCode, FieldError};
        let name = self.name.trim().to_string();
        let mut errors = Vec::new();
        if name.is_empty() {
            errors.push(FieldError::new("name", ErrorCode::Required));
        } else if name.chars().count() > Self::MAX_NAME as usize {
            errors.push(FieldError::new(
                "name",
                ErrorCode::TooLong {
                    max: Self::MAX_NAME,
                },
            ));
        }
        let days = (self.to - self.from).num_days();
        if !(0..MAX_RANGE_DAYS as i64).contains(&days) {
            errors.push(FieldError::new(
                "to",
                ErrorCode::OutOfRange {
                    min: 1,
                    max: MAX_RANGE_DAYS as i64,
                },
            ));
        }
        if errors.is_empty() {
            Ok(NewCampaign {
                name,
                ..self.clone()
            })
        } else {
            Err(errors)
        }
    }
}

/// What an admin needs to manage campaigns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Campaigns {
    pub campaigns: Vec<Campaign>,
    pub topics: Vec<(i64, String)>,
}

/// A board someone may open, as offered in the scope picker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScopeChoice {
    pub scope: BoardScope,
    /// The team's or location's name; empty for the company.
    pub name: String,
    /// Shown to admins only: a board switched off for everyone else.
    pub off: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardEntry {
    pub rank: usize,
    pub name: String,
    pub team: Option<String>,
    pub points: i64,
    pub shares: i64,
    pub human_clicks: i64,
    pub unique_visitors: i64,
    pub me: bool,
}

/// The viewer's own standing, shown even to people off the boards.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyStanding {
    pub points: i64,
    pub activity: Activity,
    /// `None` when off the boards or with no points in the period.
    pub rank: Option<usize>,
    /// People with points on this board.
    pub of: i64,
    /// Whether the viewer is one of the people this board ranks.
    pub member: bool,
    pub badges: Vec<Badge>,
    pub opted_out: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Board {
    /// `None` when the viewer may see no board at all.
    pub scope: Option<BoardScope>,
    pub period: Period,
    pub from_day: Option<i32>,
    pub to_day: i32,
    pub entries: Vec<BoardEntry>,
    pub me: MyStanding,
    pub choices: Vec<ScopeChoice>,
    pub rules: PointsRules,
    /// Set for a campaign's board: its topic and dates replace the period.
    pub campaign: Option<Campaign>,
}

impl BoardScope {
    /// As written in a page's or a download's URL: `company`, `team-3`, `location-2`.
    pub fn param(&self) -> String {
        match self {
            BoardScope::Company => "company".into(),
            BoardScope::Team(id) => format!("team-{id}"),
            BoardScope::Location(id) => format!("location-{id}"),
            BoardScope::Campaign(id) => format!("campaign-{id}"),
        }
    }

    pub fn parse(s: &str) -> Option<BoardScope> {
        if s == "company" {
            return Some(BoardScope::Company);
        }
        let (kind, id) = s.split_once('-')?;
        let id = id.parse().ok()?;
        match kind {
            "team" => Some(BoardScope::Team(id)),
            "location" => Some(BoardScope::Location(id)),
            "campaign" => Some(BoardScope::Campaign(id)),
            _ => None,
        }
    }
}

impl Period {
    /// As written in a URL: `week`, `month`, `quarter`, `all`, or `custom`
    /// with `from` and `to` dates beside it.
    pub fn param(&self) -> &'static str {
        match self {
            Period::Week => "week",
            Period::Month => "month",
            Period::Quarter => "quarter",
            Period::AllTime => "all",
            Period::Custom { .. } => "custom",
        }
    }

    /// Unknown or incomplete values fall back to this month.
    pub fn parse(p: &str, from: Option<&str>, to: Option<&str>) -> Period {
        let date = |d: Option<&str>| d.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        match p {
            "week" => Period::Week,
            "quarter" => Period::Quarter,
            "all" => Period::AllTime,
            "custom" => match (date(from), date(to)) {
                (Some(from), Some(to)) => Period::Custom { from, to },
                _ => Period::Month,
            },
            _ => Period::Month,
        }
    }
}

/// Who is asking to see a board.
#[derive(Clone, Debug, Default)]
pub struct BoardViewer {
    pub admin: bool,
    pub team: Option<crate::model::TeamId>,
    pub location: Option<crate::model::LocationId>,
    /// Teams the viewer manages.
    pub manages: Vec<crate::model::TeamId>,
}

impl BoardViewer {
    /// Whether the viewer is one of the people the board ranks.
    pub fn belongs(&self, scope: BoardScope) -> bool {
        match scope {
            BoardScope::Company => true,
            BoardScope::Team(id) => self.team == Some(id),
            BoardScope::Location(id) => self.location == Some(id),
            BoardScope::Campaign(_) => true,
        }
    }
}

/// The one rule of who sees which board (checked on the server for every
/// board read, whatever the page offers).
pub fn may_see(s: &BoardSettings, v: &BoardViewer, scope: BoardScope) -> bool {
    if v.admin {
        return true;
    }
    match scope {
        BoardScope::Company => s.company == BoardVisibility::Everyone,
        BoardScope::Team(id) => match s.team {
            BoardVisibility::Off => false,
            BoardVisibility::Leaders => v.manages.contains(&id),
            BoardVisibility::Everyone => v.manages.contains(&id) || v.team == Some(id),
        },
        BoardScope::Location(id) => {
            s.location == BoardVisibility::Everyone && v.location == Some(id)
        }
        BoardScope::Campaign(_) => s.campaign == BoardVisibility::Everyone,
    }
}

/// The boards a viewer may open, in the order the picker shows them: their
/// own team first (people would rather compare with colleagues they know).
pub fn board_choices(
    s: &BoardSettings,
    v: &BoardViewer,
    teams: &[(crate::model::TeamId, String)],
    locations: &[(crate::model::LocationId, String)],
) -> Vec<ScopeChoice> {
    let mut out = Vec::new();
    let mut push = |scope: BoardScope, name: &str, vis: BoardVisibility| {
        if may_see(s, v, scope) && !out.iter().any(|c: &ScopeChoice| c.scope == scope) {
            out.push(ScopeChoice {
                scope,
                name: name.to_string(),
                off: vis == BoardVisibility::Off,
            });
        }
    };
    for (id, name) in teams.iter().filter(|(id, _)| v.team == Some(*id)) {
        push(BoardScope::Team(*id), name, s.team);
    }
    for (id, name) in teams.iter().filter(|(id, _)| v.manages.contains(id)) {
        push(BoardScope::Team(*id), name, s.team);
    }
    push(BoardScope::Company, "", s.company);
    for (id, name) in locations.iter().filter(|(id, _)| v.location == Some(*id)) {
        push(BoardScope::Location(*id), name, s.location);
    }
    if v.admin {
        for (id, name) in teams {
            push(BoardScope::Team(*id), name, s.team);
        }
        for (id, name) in locations {
            push(BoardScope::Location(*id), name, s.location);
        }
    }
    out
}

/// How many people a board lists.
pub const BOARD_TOP: usize = 100;

/// The longest custom range (summed from daily counters on every view).
pub const MAX_RANGE_DAYS: i32 = 366;

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn points_follow_the_rules_and_a_rule_change_recomputes_them() {
        let a = Activity {
            shares: 3,
            human_clicks: 40,
            unique_visitors: 25,
            courses_completed: 1,
            suggestions_approved: 0,
        };
        assert_eq!(a.points(&PointsRules::default()), 30 + 40 + 50 + 50);
        let clicks_only = PointsRules {
            share: 0,
            human_click: 1,
            unique_visitor: 0,
            course_completed: 0,
            suggestion_approved: 0,
        };
        assert_eq!(a.points(&clicks_only), 40);
        assert!(PointsRules::default().is_valid());
        assert!(!PointsRules {
            share: -1,
            ..PointsRules::default()
        }
        .is_valid());
    }

    #[test]
    fn badges_mark_milestones() {
        assert!(badges(&Activity::default()).is_empty());
        let a = Activity {
            shares: 10,
            human_clicks: 99,
            courses_completed: 1,
            ..Activity::default()
        };
        assert_eq!(
            badges(&a),
            [Badge::FirstShare, Badge::TenShares, Badge::Certified]
        );
        let b = Activity {
            human_clicks: 1000,
            ..a
        };
        assert!(badges(&b).contains(&Badge::ThousandClicks));
        assert!(badges(&b).contains(&Badge::HundredClicks));
    }

    #[test]
    fn periods_are_day_ranges_in_utc() {
        // Wednesday 2026-11-25.
        let now = Utc.with_ymd_and_hms(2026, 11, 25, 23, 59, 0).unwrap();
        let today = day_number(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
        let day = |m, d| Some(day_number(NaiveDate::from_ymd_opt(2026, m, d).unwrap()));
        assert_eq!(day_range(Period::Week, now), (day(11, 23), today));
        assert_eq!(day_range(Period::Month, now), (day(11, 1), today));
        assert_eq!(day_range(Period::Quarter, now), (day(10, 1), today));
        assert_eq!(day_range(Period::AllTime, now), (None, today));
        let (from, to) = (
            NaiveDate::from_ymd_opt(2026, 3, 10).unwrap(),
            NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
        );
        assert_eq!(
            day_range(Period::Custom { from, to }, now),
            (day(3, 1), day(3, 10).unwrap())
        );
        // On a Monday the week is that day alone.
        let monday = Utc.with_ymd_and_hms(2026, 11, 23, 0, 0, 0).unwrap();
        assert_eq!(
            day_range(Period::Week, monday),
            (day(11, 23), day(11, 23).unwrap())
        );
        assert_eq!(day_number(NaiveDate::from_ymd_opt(1970, 1, 2).unwrap()), 1);
    }

    #[test]
    fn an_event_adds_to_its_week_month_quarter_and_all_time() {
        let day = day_number(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
        let d = |m, dd| day_number(NaiveDate::from_ymd_opt(2026, m, dd).unwrap());
        let keys = period_keys(day);
        assert_eq!(
            keys[0],
            PeriodKey {
                kind: PeriodKind::Week,
                start_day: d(11, 23)
            }
        );
        assert_eq!(
            keys[1],
            PeriodKey {
                kind: PeriodKind::Month,
                start_day: d(11, 1)
            }
        );
        assert_eq!(
            keys[2],
            PeriodKey {
                kind: PeriodKind::Quarter,
                start_day: d(10, 1)
            }
        );
        assert_eq!(
            keys[3],
            PeriodKey {
                kind: PeriodKind::AllTime,
                start_day: 0
            }
        );
        assert_eq!(date_of(day), NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
        // A board reads the same total the events were added to.
        let now = Utc.with_ymd_and_hms(2026, 11, 25, 8, 0, 0).unwrap();
        assert_eq!(period_key(Period::Month, now), Some(keys[1]));
        assert_eq!(period_key(Period::AllTime, now), Some(keys[3]));
        let any = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        assert_eq!(period_key(Period::Custom { from: any, to: any }, now), None);
    }

    #[test]
    fn who_sees_which_board() {
        let s = BoardSettings::default();
        let ana = BoardViewer {
            team: Some(1),
            location: Some(7),
            ..Default::default()
        };
        let boss = BoardViewer {
            team: Some(9),
            manages: vec![1, 2],
            ..Default::default()
        };
        let admin = BoardViewer {
            admin: true,
            ..Default::default()
        };
        // Defaults: own team for everyone, company and locations for admins.
        assert!(may_see(&s, &ana, BoardScope::Team(1)));
        assert!(!may_see(&s, &ana, BoardScope::Team(2)));
        assert!(!may_see(&s, &ana, BoardScope::Company));
        assert!(!may_see(&s, &ana, BoardScope::Location(7)));
        assert!(may_see(&s, &boss, BoardScope::Team(2)));
        assert!(!may_see(&s, &boss, BoardScope::Team(3)));
        assert!(!may_see(&s, &boss, BoardScope::Company));
        assert!(may_see(&s, &admin, BoardScope::Team(3)));
        assert!(may_see(&s, &admin, BoardScope::Company));
        // Leaders only: managers keep their teams, members lose theirs.
        let leaders = BoardSettings {
            team: BoardVisibility::Leaders,
            ..s
        };
        assert!(!may_see(&leaders, &ana, BoardScope::Team(1)));
        assert!(may_see(&leaders, &boss, BoardScope::Team(1)));
        // Off: nobody but admins.
        let off = BoardSettings {
            team: BoardVisibility::Off,
            ..s
        };
        assert!(!may_see(&off, &boss, BoardScope::Team(1)));
        assert!(may_see(&off, &admin, BoardScope::Team(1)));
        // Everyone: one's own location and the company, not another location.
        let open = BoardSettings {
            company: BoardVisibility::Everyone,
            location: BoardVisibility::Everyone,
            ..s
        };
        assert!(may_see(&open, &ana, BoardScope::Company));
        assert!(may_see(&open, &ana, BoardScope::Location(7)));
        assert!(!may_see(&open, &ana, BoardScope::Location(8)));
    }

    #[test]
    fn choices_put_the_own_team_first_and_mark_boards_that_are_off() {
        let teams = vec![(1, "Ventas".to_string()), (2, "Marketing".to_string())];
        let locations = vec![(7, "Madrid".to_string())];
        let s = BoardSettings {
            company: BoardVisibility::Off,
            ..BoardSettings::default()
        };
        let ana = BoardViewer {
            team: Some(2),
            location: Some(7),
            ..Default::default()
        };
        let got: Vec<BoardScope> = board_choices(&s, &ana, &teams, &locations)
            .iter()
            .map(|c| c.scope)
            .collect();
        assert_eq!(got, [BoardScope::Team(2)]);
        let admin = BoardViewer {
            admin: true,
            team: Some(1),
            ..Default::default()
        };
        let all = board_choices(&s, &admin, &teams, &locations);
        let got: Vec<BoardScope> = all.iter().map(|c| c.scope).collect();
        assert_eq!(
            got,
            [
                BoardScope::Team(1),
                BoardScope::Company,
                BoardScope::Team(2),
                BoardScope::Location(7)
            ]
        );
        assert!(all[1].off, "the company board is off for everyone else");
        assert!(!all[0].off);
    }

    #[test]
    fn scopes_and_periods_round_trip_through_urls() {
        for s in [
            BoardScope::Company,
            BoardScope::Team(3),
            BoardScope::Location(12),
        ] {
            assert_eq!(BoardScope::parse(&s.param()), Some(s));
        }
        assert_eq!(BoardScope::parse("team-x"), None);
        assert_eq!(BoardScope::parse("planet-3"), None);
        assert_eq!(Period::parse("week", None, None), Period::Week);
        assert_eq!(Period::parse("nonsense", None, None), Period::Month);
        assert_eq!(
            Period::parse("custom", Some("2026-01-01"), None),
            Period::Month
        );
        let from = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let to = NaiveDate::from_ymd_opt(2026, 1, 31).unwrap();
        assert_eq!(
            Period::parse("custom", Some("2026-01-01"), Some("2026-01-31")),
            Period::Custom { from, to }
        );
    }

    #[test]
    fn ties_share_a_rank_and_the_next_rank_skips() {
        let ranked = rank(
            vec![("Bea", 50), ("Ana", 80), ("Carla", 50), ("Dani", 10)],
            |n| *n,
        );
        let got: Vec<(usize, &str)> = ranked.iter().map(|r| (r.rank, r.who)).collect();
        assert_eq!(got, [(1, "Ana"), (2, "Bea"), (2, "Carla"), (4, "Dani")]);
        assert!(rank::<&str, &str>(vec![], |n| *n).is_empty());
    }

    #[test]
    fn campaigns_follow_their_own_setting() {
        let mut s = BoardSettings::default();
        let ana = BoardViewer {
            team: Some(1),
            ..Default::default()
        };
        let admin = BoardViewer {
            admin: true,
            ..Default::default()
        };
        assert!(
            may_see(&s, &ana, BoardScope::Campaign(4)),
            "everyone by default"
        );
        assert!(ana.belongs(BoardScope::Campaign(4)));
        for v in [BoardVisibility::Leaders, BoardVisibility::Off] {
            s.campaign = v;
            assert!(!may_see(&s, &ana, BoardScope::Campaign(4)), "{v:?}");
            assert!(may_see(&s, &admin, BoardScope::Campaign(4)));
        }
        assert_eq!(
            BoardScope::parse(&BoardScope::Campaign(4).param()),
            Some(BoardScope::Campaign(4))
        );
    }

    #[test]
    fn a_campaign_needs_a_name_and_dates_in_order() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        let c = NewCampaign {
            name: "  Black Friday ".into(),
            topic_id: 1,
            from: day(20),
            to: day(30),
        };
        assert_eq!(c.validate().unwrap().name, "Black Friday");
        let one_day = NewCampaign {
            to: day(20),
            ..c.clone()
        };
        assert!(one_day.validate().is_ok());
        let backwards = NewCampaign {
            to: day(19),
            ..c.clone()
        };
        assert_eq!(backwards.validate().unwrap_err()[0].field, "to");
        let unnamed = NewCampaign {
            name: " ".into(),
            ..c
        };
        assert_eq!(unnamed.validate().unwrap_err()[0].field, "name");
    }
}
