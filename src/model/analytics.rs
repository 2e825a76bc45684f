//! Analytics for managers, editors and admins: reach over time, how many
//! people take part, what gets shared and where, and training beside
//! sharing, each scoped to what the viewer may see.

use super::leaderboard::Period;
use super::{Channel, ReachFigures, Role, TeamId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Whose activity the page sums up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
pub enum AnalyticsScope {
    Company,
    /// Every team the viewer manages, together.
    MyTeams,
    Team(TeamId),
}

impl AnalyticsScope {
    /// As written in a URL: `company`, `my-teams`, `team-3`.
    pub fn param(&self) -> String {
        match self {
            AnalyticsScope::Company => "company".into(),
            AnalyticsScope::MyTeams => "my-teams".into(),
            AnalyticsScope::Team(id) => format!("team-{id}"),
        }
    }

    pub fn parse(s: &str) -> Option<AnalyticsScope> {
        match s {
            "company" => Some(AnalyticsScope::Company),
            "my-teams" => Some(AnalyticsScope::MyTeams),
            _ => s
                .strip_prefix("team-")
                .and_then(|id| id.parse().ok())
                .map(AnalyticsScope::Team),
        }
    }
}

/// Who is asking.
#[derive(Clone, Debug, Default)]
pub struct AnalyticsViewer {
    /// Admins and editors see the whole company and every team.
    pub everything: bool,
    /// Teams the viewer manages.
    pub manages: Vec<TeamId>,
}

impl AnalyticsViewer {
    pub fn of(everything: bool, manages: Vec<TeamId>) -> AnalyticsViewer {
        AnalyticsViewer {
            everything,
            manages,
        }
    }

    /// The roles that see everything.
    pub const EVERYTHING: &'static [Role] = &[Role::Admin, Role::Editor];

    /// The one rule of who sees which analytics (checked on the server for
    /// the page's data and every CSV download alike). `None`: not allowed;
    /// otherwise the teams summed (`None` inside: the whole company).
    pub fn teams_of(&self, scope: AnalyticsScope) -> Option<Option<Vec<TeamId>>> {
        match scope {
            AnalyticsScope::Company => self.everything.then_some(None),
            AnalyticsScope::MyTeams => {
                (!self.manages.is_empty()).then(|| Some(self.manages.clone()))
            }
            AnalyticsScope::Team(id) => {
                (self.everything || self.manages.contains(&id)).then(|| Some(vec![id]))
            }
        }
    }

    /// Where the page opens: the company for admins and editors, a
    /// manager's team (or all their teams together) otherwise; `None` for
    /// everyone else.
    pub fn default_scope(&self) -> Option<AnalyticsScope> {
        match self.manages.as_slice() {
            _ if self.everything => Some(AnalyticsScope::Company),
            [] => None,
            [one] => Some(AnalyticsScope::Team(*one)),
            _ => Some(AnalyticsScope::MyTeams),
        }
    }
}

/// A scope offered in the picker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnalyticsChoice {
    pub scope: AnalyticsScope,
    /// The team's name; empty for the company and "my teams".
    pub name: String,
}

/// The scopes a viewer may pick, in the picker's order.
pub fn analytics_choices(v: &AnalyticsViewer, teams: &[(TeamId, String)]) -> Vec<AnalyticsChoice> {
    let mut out = Vec::new();
    if v.everything {
        out.push(AnalyticsChoice {
            scope: AnalyticsScope::Company,
            name: String::new(),
        });
    }
    if v.manages.len() > 1 {
        out.push(AnalyticsChoice {
            scope: AnalyticsScope::MyTeams,
            name: String::new(),
        });
    }
    for (id, name) in teams {
        if v.everything || v.manages.contains(id) {
            out.push(AnalyticsChoice {
                scope: AnalyticsScope::Team(*id),
                name: name.clone(),
            });
        }
    }
    out
}

/// One day of the charts (every day of the range is present).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AnalyticsDay {
    pub day: NaiveDate,
    pub figures: ReachFigures,
    pub courses_completed: i64,
}

/// A post's or a topic's figures over the range.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RankedItem {
    pub id: i64,
    pub name: String,
    /// For a topic: how many of its posts were shared or clicked.
    pub posts: i64,
    pub figures: ReachFigures,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NetworkSplit {
    pub channel: Channel,
    pub figures: ReachFigures,
}

/// Who of the people in scope take part, and training beside sharing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participation {
    /// Active people in scope.
    pub employees: i64,
    /// Of them, who shared at least once in the range.
    pub sharers: i64,
    /// Of them, who hold at least one certificate.
    pub certified: i64,
    /// Certified and shared in the range.
    pub certified_sharers: i64,
}

impl Participation {
    /// Percent (0–100) of `part` in `whole`, 0 for an empty whole.
    pub fn percent(part: i64, whole: i64) -> f64 {
        if whole <= 0 {
            0.0
        } else {
            part as f64 * 100.0 / whole as f64
        }
    }

    /// Share of employees who shared at least once in the period.
    pub fn rate(&self) -> f64 {
        Self::percent(self.sharers, self.employees)
    }

    /// How many of the certified shared, in percent.
    pub fn certified_rate(&self) -> f64 {
        Self::percent(self.certified_sharers, self.certified)
    }

    /// How many of those without a certificate shared, in percent.
    pub fn uncertified_rate(&self) -> f64 {
        Self::percent(
            self.sharers - self.certified_sharers,
            self.employees - self.certified,
        )
    }
}

/// The analytics page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Analytics {
    pub scope: AnalyticsScope,
    pub period: Period,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub totals: ReachFigures,
    pub courses_completed: i64,
    pub days: Vec<AnalyticsDay>,
    pub networks: Vec<NetworkSplit>,
    pub posts: Vec<RankedItem>,
    pub topics: Vec<RankedItem>,
    pub participation: Participation,
    pub currency: String,
    pub choices: Vec<AnalyticsChoice>,
}

/// The tables of the page, each downloadable as CSV.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AnalyticsTable {
    Days,
    Networks,
    Posts,
    Topics,
    Participation,
}

impl AnalyticsTable {
    pub const ALL: [AnalyticsTable; 5] = [
        AnalyticsTable::Days,
        AnalyticsTable::Networks,
        AnalyticsTable::Posts,
        AnalyticsTable::Topics,
        AnalyticsTable::Participation,
    ];

    pub fn param(self) -> &'static str {
        match self {
            AnalyticsTable::Days => "days",
            AnalyticsTable::Networks => "networks",
            AnalyticsTable::Posts => "posts",
            AnalyticsTable::Topics => "topics",
            AnalyticsTable::Participation => "participation",
        }
    }

    pub fn parse(s: &str) -> Option<AnalyticsTable> {
        AnalyticsTable::ALL.into_iter().find(|t| t.param() == s)
    }
}

/// How many posts and topics the page lists.
pub const TOP_ITEMS: i64 = 10;

#[cfg(test)]
mod tests {
    use super::*;

    fn viewer(everything: bool, manages: &[TeamId]) -> AnalyticsViewer {
        AnalyticsViewer::of(everything, manages.to_vec())
    }

    #[test]
    fn scopes_round_trip_in_urls() {
        for s in [
            AnalyticsScope::Company,
            AnalyticsScope::MyTeams,
            AnalyticsScope::Team(42),
        ] {
            assert_eq!(AnalyticsScope::parse(&s.param()), Some(s));
        }
        assert_eq!(AnalyticsScope::parse("team-x"), None);
        assert_eq!(AnalyticsScope::parse("location-1"), None);
    }

    #[test]
    fn managers_see_their_own_teams_only() {
        let m = viewer(false, &[3, 5]);
        assert_eq!(m.teams_of(AnalyticsScope::Company), None);
        assert_eq!(m.teams_of(AnalyticsScope::Team(4)), None);
        assert_eq!(m.teams_of(AnalyticsScope::Team(5)), Some(Some(vec![5])));
        assert_eq!(m.teams_of(AnalyticsScope::MyTeams), Some(Some(vec![3, 5])));
        assert_eq!(m.default_scope(), Some(AnalyticsScope::MyTeams));
        assert_eq!(
            viewer(false, &[7]).default_scope(),
            Some(AnalyticsScope::Team(7)),
            "one team: the picker's only choice"
        );
    }

    #[test]
    fn admins_and_editors_see_everything_and_others_nothing() {
        let a = viewer(true, &[]);
        assert_eq!(a.teams_of(AnalyticsScope::Company), Some(None));
        assert_eq!(a.teams_of(AnalyticsScope::Team(9)), Some(Some(vec![9])));
        assert_eq!(a.teams_of(AnalyticsScope::MyTeams), None);
        let nobody = viewer(false, &[]);
        assert_eq!(nobody.default_scope(), None);
        for s in [
            AnalyticsScope::Company,
            AnalyticsScope::MyTeams,
            AnalyticsScope::Team(1),
        ] {
            assert_eq!(nobody.teams_of(s), None);
        }
    }

    #[test]
    fn choices_follow_the_rule() {
        let teams = vec![(1, "Ventas".to_string()), (2, "Marketing".to_string())];
        let m = viewer(false, &[2]);
        let c = analytics_choices(&m, &teams);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].scope, AnalyticsScope::Team(2));
        let a = analytics_choices(&viewer(true, &[]), &teams);
        assert_eq!(
            a.iter().map(|c| c.scope).collect::<Vec<_>>(),
            vec![
                AnalyticsScope::Company,
                AnalyticsScope::Team(1),
                AnalyticsScope::Team(2)
            ]
        );
        // Everything offered is allowed.
        for (v, offered) in [(&m, &c), (&viewer(true, &[]), &a)] {
            assert!(offered.iter().all(|o| v.teams_of(o.scope).is_some()));
        }
    }

    #[test]
    fn participation_rates() {
        let p = Participation {
            employees: 10,
            sharers: 4,
            certified: 5,
            certified_sharers: 3,
        };
        assert_eq!(p.rate(), 40.0);
        assert_eq!(p.certified_rate(), 60.0);
        assert_eq!(p.uncertified_rate(), 20.0);
        assert_eq!(Participation::default().rate(), 0.0);
        for t in AnalyticsTable::ALL {
            assert_eq!(AnalyticsTable::parse(t.param()), Some(t));
        }
    }
}
