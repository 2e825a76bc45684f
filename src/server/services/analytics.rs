//! The analytics page: reach over time, participation, top posts and
//! topics, the network split and training beside sharing, scoped to what
//! the viewer may see. Everything reads counters (see `db::AnalyticsStore`).

use crate::model::analytics::{
    analytics_choices, Analytics, AnalyticsDay, AnalyticsScope, AnalyticsTable, AnalyticsViewer,
    NetworkSplit, Participation, RankedItem, TOP_ITEMS,
};
use crate::model::leaderboard::{
    date_of, day_range, period_key, Period, PeriodKey, MAX_RANGE_DAYS,
};
use crate::model::{
    earned_value, AppError, Channel, CurrentUser, ErrorCode, FieldError, ReachFigures, Role,
};
use crate::model::{SharingSettings, TeamId};
use crate::server::db::{
    AnalyticsDayRow, AnalyticsItemRow, Db, ParticipationRow, ScopeNames, StoreResult, COMPANY_SCOPE,
};
use crate::server::services::sharing_settings;
use chrono::Utc;
use std::collections::BTreeMap;

async fn viewer(db: &Db, user: &CurrentUser) -> Result<AnalyticsViewer, AppError> {
    let manages = if user.has(Role::Manager) {
        db.managed_teams(user.id).await?
    } else {
        Vec::new()
    };
    let everything = AnalyticsViewer::EVERYTHING.iter().any(|r| user.has(*r));
    Ok(AnalyticsViewer::of(everything, manages))
}

fn item(r: AnalyticsItemRow) -> RankedItem {
    RankedItem {
        id: r.id,
        name: r.name,
        posts: r.posts,
        figures: ReachFigures {
            shares: r.shares,
            human_clicks: r.human_clicks,
            unique_visitors: r.unique_visitors,
            bot_hits: r.bot_hits,
            potential_reach: r.potential_reach,
            // Earned value depends on the channel, which per-post counters
            // do not keep: it is shown per day and per network only.
            earned_value: 0.0,
        },
    }
}

/// What the page reads once it knows the scope and the range.
struct PageReads {
    days: Vec<AnalyticsDayRow>,
    posts: Vec<AnalyticsItemRow>,
    topics: Vec<AnalyticsItemRow>,
    participation: ParticipationRow,
    settings: SharingSettings,
    names: ScopeNames,
}

/// The page's reads depend on none of each other, so they are made at once:
/// the page waits for the slowest, not for their sum. A kept period ignores
/// `from` and `to` for posts, topics and participation; a custom range has both.
async fn read_page(
    db: &Db,
    scopes: &[i64],
    teams: Option<&[TeamId]>,
    key: Option<PeriodKey>,
    from: Option<i32>,
    to: i32,
) -> StoreResult<PageReads> {
    let first = from.unwrap_or(0);
    let (days, posts, topics, participation, settings, names) = tokio::try_join!(
        db.analytics_days(scopes, first, to),
        db.analytics_posts(scopes, key, first, to, TOP_ITEMS),
        db.analytics_topics(scopes, key, first, to, TOP_ITEMS),
        db.participation(teams, key, first, to),
        sharing_settings::load(db),
        db.scope_names(),
    )?;
    Ok(PageReads {
        days,
        posts,
        topics,
        participation,
        settings,
        names,
    })
}

/// The page for a scope (the viewer's default with none) and period;
/// refused for a scope the viewer may not see, whatever the URL says.
pub async fn analytics(
    db: &Db,
    user: &CurrentUser,
    scope: Option<AnalyticsScope>,
    period: Period,
) -> Result<Analytics, AppError> {
    let v = viewer(db, user).await?;
    let scope = scope
        .or_else(|| v.default_scope())
        .ok_or(AppError::Forbidden)?;
    let teams = v.teams_of(scope).ok_or(AppError::Forbidden)?;
    let scopes = teams.clone().unwrap_or_else(|| vec![COMPANY_SCOPE]);
    // One clock reading: the range and the kept period must be the same.
    let now = Utc::now();
    let (from, to) = day_range(period, now);
    if matches!(period, Period::Custom { .. }) && to - from.unwrap_or(0) >= MAX_RANGE_DAYS {
        return Err(AppError::Invalid(vec![FieldError::new(
            "period",
            ErrorCode::OutOfRange {
                min: 1,
                max: MAX_RANGE_DAYS as i64,
            },
        )]));
    }
    let key = period_key(period, now);
    let PageReads {
        days: rows,
        posts,
        topics,
        participation: p,
        settings,
        names,
    } = read_page(db, &scopes, teams.as_deref(), key, from, to).await?;
    // All time starts on the first day anything happened.
    let from = from.unwrap_or_else(|| rows.iter().map(|r| r.day).min().unwrap_or(to));

    let mut days: Vec<AnalyticsDay> = (from..=to)
        .map(|d| AnalyticsDay {
            day: date_of(d),
            ..Default::default()
        })
        .collect();
    let mut totals = ReachFigures::default();
    let mut courses_completed = 0;
    let mut by_channel: BTreeMap<Channel, ReachFigures> = BTreeMap::new();
    for r in &rows {
        let Some(day) = days.get_mut((r.day - from) as usize) else {
            continue;
        };
        day.courses_completed += r.courses_completed;
        courses_completed += r.courses_completed;
        let Some(channel) = Channel::parse(&r.channel) else {
            continue;
        };
        let f = ReachFigures {
            shares: r.shares,
            human_clicks: r.human_clicks,
            unique_visitors: r.unique_visitors,
            bot_hits: r.bot_hits,
            potential_reach: r.potential_reach,
            earned_value: earned_value(settings.rate(channel), r.human_clicks, r.potential_reach),
        };
        day.figures.add(&f);
        totals.add(&f);
        by_channel.entry(channel).or_default().add(&f);
    }
    let mut networks: Vec<NetworkSplit> = by_channel
        .into_iter()
        .map(|(channel, figures)| NetworkSplit { channel, figures })
        .collect();
    networks.sort_by(|a, b| {
        (b.figures.human_clicks, b.figures.shares).cmp(&(a.figures.human_clicks, a.figures.shares))
    });
    Ok(Analytics {
        scope,
        period,
        from: date_of(from),
        to: date_of(to),
        totals,
        courses_completed,
        days,
        networks,
        posts: posts.into_iter().map(item).collect(),
        topics: topics.into_iter().map(item).collect(),
        participation: Participation {
            employees: p.employees,
            sharers: p.sharers,
            certified: p.certified,
            certified_sharers: p.certified_sharers,
        },
        currency: settings.currency,
        choices: analytics_choices(&v, &names.teams),
    })
}

const FIGURE_COLUMNS: &str = "shares,human_clicks,unique_visitors,bot_hits,potential_reach";

fn figure_cells(f: &ReachFigures) -> String {
    format!(
        "{},{},{},{},{}",
        f.shares, f.human_clicks, f.unique_visitors, f.bot_hits, f.potential_reach
    )
}

/// One table of the page as CSV, formula-injection safe (titles and topic
/// names are people's input).
pub fn analytics_csv(a: &Analytics, table: AnalyticsTable) -> String {
    let mut out = String::new();
    match table {
        AnalyticsTable::Days => {
            out.push_str(&format!(
                "day,{FIGURE_COLUMNS},earned_value,courses_completed\n"
            ));
            for d in &a.days {
                out.push_str(&format!(
                    "{},{},{:.2},{}\n",
                    d.day,
                    figure_cells(&d.figures),
                    d.figures.earned_value,
                    d.courses_completed
                ));
            }
        }
        AnalyticsTable::Networks => {
            out.push_str(&format!("network,{FIGURE_COLUMNS},earned_value\n"));
            for n in &a.networks {
                out.push_str(&format!(
                    "{},{},{:.2}\n",
                    n.channel.as_str(),
                    figure_cells(&n.figures),
                    n.figures.earned_value
                ));
            }
        }
        AnalyticsTable::Posts | AnalyticsTable::Topics => {
            let (head, items) = if table == AnalyticsTable::Posts {
                ("post", &a.posts)
            } else {
                ("topic,posts", &a.topics)
            };
            out.push_str(&format!("{head},{FIGURE_COLUMNS}\n"));
            for i in items {
                let name = super::csv_field(&i.name);
                let name = if table == AnalyticsTable::Posts {
                    name
                } else {
                    format!("{name},{}", i.posts)
                };
                out.push_str(&format!("{name},{}\n", figure_cells(&i.figures)));
            }
        }
        AnalyticsTable::Participation => {
            let p = &a.participation;
            out.push_str("group,people,shared,percent\n");
            let rows = [
                ("everyone", p.employees, p.sharers, p.rate()),
                (
                    "certified",
                    p.certified,
                    p.certified_sharers,
                    p.certified_rate(),
                ),
                (
                    "not_certified",
                    p.employees - p.certified,
                    p.sharers - p.certified_sharers,
                    p.uncertified_rate(),
                ),
            ];
            for (group, people, shared, pct) in rows {
                out.push_str(&format!("{group},{people},{shared},{pct:.1}\n"));
            }
        }
    }
    out
}
