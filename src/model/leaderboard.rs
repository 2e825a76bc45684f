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
    fn ties_share_a_rank_and_the_next_rank_skips() {
        let ranked = rank(
            vec![("Bea", 50), ("Ana", 80), ("Carla", 50), ("Dani", 10)],
            |n| *n,
        );
        let got: Vec<(usize, &str)> = ranked.iter().map(|r| (r.rank, r.who)).collect();
        assert_eq!(got, [(1, "Ana"), (2, "Bea"), (2, "Carla"), (4, "Dani")]);
        assert!(rank::<&str, &str>(vec![], |n| *n).is_empty());
    }
}
