//! Leaderboards: who may see which board, the board itself with the
//! viewer's own standing, opting out, and the admin's points and board
//! settings. Boards read running totals (see `db::BoardStore`), never raw
//! clicks.

use crate::model::leaderboard::{
    badges, board_choices, date_of, day_number, day_range, may_see, period_key, rank, Activity,
    Board, BoardEntry, BoardScope, BoardSettings, BoardViewer, BoardVisibility, Campaign,
    CampaignId, Campaigns, MyStanding, NewCampaign, Period, PeriodKey, PeriodKind, PointsRules,
    ScopeChoice, BOARD_TOP, MAX_RANGE_DAYS,
};
use crate::model::my_data::{MyData, MyDay};
use crate::model::{AppError, CurrentUser, ErrorCode, FieldError, Role};
use crate::server::db::{AuditEntry, BoardRow, Db, PersonDayRow, ScopeNames, StoreResult};
use crate::server::state::AppState;
use chrono::Utc;
use serde::{Deserialize, Serialize};

const KEY: &str = "boards";

/// Who sees which kind of board; the points rules live in their own table.
#[derive(Serialize, Deserialize)]
struct Visibility {
    company: BoardVisibility,
    team: BoardVisibility,
    location: BoardVisibility,
    /// Absent in settings saved before campaigns.
    #[serde(default = "everyone")]
    campaign: BoardVisibility,
}

fn everyone() -> BoardVisibility {
    BoardVisibility::Everyone
}

pub async fn settings(db: &Db) -> StoreResult<BoardSettings> {
    let defaults = BoardSettings::default();
    let vis: Option<Visibility> = db
        .setting(KEY)
        .await?
        .and_then(|v| serde_json::from_str(&v).ok());
    Ok(BoardSettings {
        rules: db.points_rules().await?,
        company: vis.as_ref().map_or(defaults.company, |v| v.company),
        team: vis.as_ref().map_or(defaults.team, |v| v.team),
        location: vis.as_ref().map_or(defaults.location, |v| v.location),
        campaign: vis.as_ref().map_or(defaults.campaign, |v| v.campaign),
    })
}

pub async fn save_settings(
    state: &AppState,
    admin: &CurrentUser,
    s: &BoardSettings,
) -> Result<BoardSettings, AppError> {
    if !admin.has(Role::Admin) {
        return Err(AppError::Forbidden);
    }
    if !s.rules.is_valid() {
        return Err(AppError::Invalid(vec![FieldError::new(
            "rules",
            ErrorCode::OutOfRange {
                min: 0,
                max: PointsRules::MAX,
            },
        )]));
    }
    let before = settings(&state.db).await?;
    if before.rules != s.rules {
        let detail = serde_json::to_string(&s.rules).map_err(super::internal)?;
        let audit = AuditEntry::new(Some(admin.id), "settings.points", "setting").detail(detail);
        state.db.set_points_rules(&s.rules, &audit).await?;
    }
    let vis = serde_json::to_string(&Visibility {
        company: s.company,
        team: s.team,
        location: s.location,
        campaign: s.campaign,
    })
    .map_err(super::internal)?;
    let audit = AuditEntry::new(Some(admin.id), "settings.boards", "setting").detail(vis.clone());
    state.db.put_setting(KEY, &vis, &audit).await?;
    Ok(settings(&state.db).await?)
}

async fn viewer(db: &Db, user: &CurrentUser) -> StoreResult<BoardViewer> {
    let manages = if user.has(Role::Manager) {
        db.managed_teams(user.id).await?
    } else {
        Vec::new()
    };
    Ok(BoardViewer {
        admin: user.has(Role::Admin),
        team: user.team_id,
        location: user.location_id,
        manages,
    })
}

/// The boards the viewer may pick: teams and locations by name, then the
/// campaigns under way and those ended in the last month (their results).
fn choices(
    s: &BoardSettings,
    v: &BoardViewer,
    names: ScopeNames,
    campaigns: Vec<Campaign>,
) -> Vec<ScopeChoice> {
    let mut out = board_choices(s, v, &names.teams, &names.locations);
    let today = Utc::now().date_naive();
    for c in campaigns {
        let scope = BoardScope::Campaign(c.id);
        let shown = c.from <= today && today - c.to <= chrono::Duration::days(CAMPAIGN_AFTERGLOW);
        if shown && may_see(s, v, scope) {
            out.push(ScopeChoice {
                scope,
                name: c.name,
                off: s.campaign == BoardVisibility::Off,
            });
        }
    }
    out
}

/// Days a finished campaign stays in the picker.
const CAMPAIGN_AFTERGLOW: i64 = 30;

fn activity(r: &BoardRow) -> Activity {
    Activity {
        shares: r.shares,
        human_clicks: r.human_clicks,
        unique_visitors: r.unique_visitors,
        courses_completed: r.courses_completed,
        suggestions_approved: r.suggestions_approved,
    }
}

async fn all_time_activity(db: &Db, person: crate::model::PersonId) -> StoreResult<Activity> {
    let key = PeriodKey {
        kind: PeriodKind::AllTime,
        start_day: 0,
    };
    Ok(db
        .score_of(key, person)
        .await?
        .map(|r| activity(&r))
        .unwrap_or_default())
}

fn entries(rows: Vec<BoardRow>, me: i64) -> Vec<BoardEntry> {
    rank(
        rows.into_iter()
            .map(|r| {
                let points = r.points;
                (r, points)
            })
            .collect(),
        |r| r.person_id,
    )
    .into_iter()
    .map(|x| BoardEntry {
        rank: x.rank,
        me: x.who.person_id == me,
        name: x.who.name,
        team: x.who.team,
        points: x.score,
        shares: x.who.shares,
        human_clicks: x.who.human_clicks,
        unique_visitors: x.who.unique_visitors,
    })
    .collect()
}

fn sum_days(days: &[PersonDayRow], from: i32, to: i32) -> Activity {
    days.iter()
        .filter(|d| (from..=to).contains(&d.day))
        .fold(Activity::default(), |a, d| Activity {
            shares: a.shares + d.shares,
            human_clicks: a.human_clicks + d.human_clicks,
            unique_visitors: a.unique_visitors + d.unique_visitors,
            courses_completed: a.courses_completed + d.courses_completed,
            suggestions_approved: a.suggestions_approved + d.suggestions_approved,
        })
}

/// A board and the viewer's standing on it. With no scope, the first board
/// the viewer may see; with none at all, only their own standing.
pub async fn board(
    db: &Db,
    user: &CurrentUser,
    scope: Option<BoardScope>,
    period: Period,
) -> Result<Board, AppError> {
    let now = Utc::now();
    // What every board needs, read at once: none depends on another.
    let (s, v, names, campaigns, opted_out, all_time) = tokio::try_join!(
        settings(db),
        viewer(db, user),
        db.scope_names(),
        db.campaigns(),
        db.board_opt_out(user.id),
        all_time_activity(db, user.id),
    )?;
    let choices = choices(&s, &v, names, campaigns);
    let scope = match scope {
        Some(scope) if may_see(&s, &v, scope) => Some(scope),
        Some(_) => return Err(AppError::Forbidden),
        None => choices.first().map(|c| c.scope),
    };
    if let Some(BoardScope::Campaign(id)) = scope {
        return campaign_board(db, user, id, period, s, choices, opted_out, all_time).await;
    }
    let (from_day, to_day) = day_range(period, now);
    let mut me = MyStanding {
        badges: badges(&all_time),
        opted_out,
        ..Default::default()
    };
    // A kept period reads its running totals; a custom range (at most a
    // year) is summed from the daily counters.
    let key = period_key(period, now);
    let from = from_day.unwrap_or(0);
    me.activity = match key {
        Some(key) => db
            .score_of(key, user.id)
            .await?
            .as_ref()
            .map(activity)
            .unwrap_or_default(),
        None => {
            if to_day - from >= MAX_RANGE_DAYS {
                return Err(AppError::Invalid(vec![FieldError::new(
                    "period",
                    ErrorCode::OutOfRange {
                        min: 1,
                        max: MAX_RANGE_DAYS as i64,
                    },
                )]));
            }
            sum_days(&db.person_days(user.id).await?, from, to_day)
        }
    };
    me.points = me.activity.points(&s.rules);
    let mut list = Vec::new();
    if let Some(scope) = scope {
        let top = BOARD_TOP as i64;
        // The viewer's rank needs their points; the top does not.
        let (rows, (above, of)) = match key {
            Some(key) => tokio::try_join!(
                db.board_top(key, scope, top),
                db.board_rank(key, scope, me.points),
            )?,
            None => tokio::try_join!(
                db.board_range(from, to_day, scope, top),
                db.board_range_rank(from, to_day, scope, me.points),
            )?,
        };
        list = entries(rows, user.id);
        me.of = of;
        me.rank = (!opted_out && v.belongs(scope) && me.points > 0).then_some(above as usize + 1);
    }
    me.member = scope.is_some_and(|scope| v.belongs(scope));
    Ok(Board {
        scope,
        period,
        from_day,
        to_day,
        entries: list,
        me,
        choices,
        rules: s.rules,
        campaign: None,
    })
}

/// A campaign's board: its topic's posts between its dates (up to today),
/// whatever the period asked for.
#[allow(clippy::too_many_arguments)]
async fn campaign_board(
    db: &Db,
    user: &CurrentUser,
    id: CampaignId,
    period: Period,
    s: BoardSettings,
    choices: Vec<ScopeChoice>,
    opted_out: bool,
    all_time: Activity,
) -> Result<Board, AppError> {
    let campaign = db.campaign(id).await?.ok_or(AppError::NotFound)?;
    // Until it starts, a campaign is the admins' (its results stay reachable after).
    if campaign.from > Utc::now().date_naive() && !user.has(Role::Admin) {
        return Err(AppError::NotFound);
    }
    let from = day_number(campaign.from);
    let to = day_number(campaign.to).min(day_number(Utc::now().date_naive()));
    let (all, mine) = tokio::try_join!(
        db.campaign_board(campaign.topic_id, from, to),
        db.campaign_score(campaign.topic_id, from, to, user.id),
    )?;
    let activity = mine.as_ref().map(activity).unwrap_or_default();
    let points = activity.points(&s.rules);
    let above = all.iter().filter(|r| r.points > points).count();
    let me = MyStanding {
        points,
        activity,
        rank: (!opted_out && points > 0).then_some(above + 1),
        of: all.len() as i64,
        member: true,
        badges: badges(&all_time),
        opted_out,
    };
    let top: Vec<BoardRow> = all.into_iter().take(BOARD_TOP).collect();
    Ok(Board {
        scope: Some(BoardScope::Campaign(id)),
        period,
        from_day: Some(from),
        to_day: to,
        entries: entries(top, user.id),
        me,
        choices,
        rules: s.rules,
        campaign: Some(campaign),
    })
}

/// Campaigns and the topics to choose from (admins).
pub async fn campaigns(state: &AppState, admin: &CurrentUser) -> Result<Campaigns, AppError> {
    if !admin.has(Role::Admin) {
        return Err(AppError::Forbidden);
    }
    Ok(Campaigns {
        campaigns: state.db.campaigns().await?,
        topics: state.db.topics().await?,
    })
}

pub async fn create_campaign(
    state: &AppState,
    admin: &CurrentUser,
    c: &NewCampaign,
) -> Result<CampaignId, AppError> {
    if !admin.has(Role::Admin) {
        return Err(AppError::Forbidden);
    }
    let c = c.validate().map_err(AppError::Invalid)?;
    let detail = serde_json::to_string(&c).map_err(super::internal)?;
    let audit = AuditEntry::new(Some(admin.id), "campaign.created", "campaign").detail(detail);
    match state.db.create_campaign(&c, &audit).await {
        Err(crate::server::db::StoreError::NotFound) => {
            Err(AppError::Invalid(vec![FieldError::new(
                "topic_id",
                ErrorCode::Required,
            )]))
        }
        other => Ok(other?),
    }
}

pub async fn delete_campaign(
    state: &AppState,
    admin: &CurrentUser,
    id: CampaignId,
) -> Result<(), AppError> {
    if !admin.has(Role::Admin) {
        return Err(AppError::Forbidden);
    }
    let audit = AuditEntry::new(Some(admin.id), "campaign.deleted", "campaign").subject(id);
    Ok(state.db.delete_campaign(id, &audit).await?)
}

pub async fn set_opt_out(state: &AppState, user: &CurrentUser, out: bool) -> Result<(), AppError> {
    state.db.set_board_opt_out(user.id, out).await?;
    Ok(())
}

/// The board as CSV, formula-injection safe (names are people's input).
pub fn board_csv(board: &Board) -> String {
    let mut out = String::from("rank,name,team,points,shares,human_clicks,unique_visitors\n");
    for e in &board.entries {
        out.push_str(&format!(
            "{},{},{},{},{},{},{}\n",
            e.rank,
            super::csv_field(&e.name),
            super::csv_field(e.team.as_deref().unwrap_or("")),
            e.points,
            e.shares,
            e.human_clicks,
            e.unique_visitors
        ));
    }
    out
}

/// Once per database: builds the counters from the recorded events (a
/// database from before leaderboards has events but no counters).
pub async fn ensure_counters(db: &Db) -> StoreResult<()> {
    // Versioned: a database built before the analytics counters (2), or
    // before the posts' period totals (3), rebuilds once more.
    const BUILT: &str = "counters_built.3";
    if db.setting(BUILT).await?.is_some() {
        return Ok(());
    }
    db.rebuild_counters().await?;
    let audit = AuditEntry::new(None, "counters.rebuilt", "setting");
    db.put_setting(BUILT, "1", &audit).await
}

/// Everything recorded about the signed-in person ("My data" and its download).
pub async fn my_data(state: &AppState, user: &CurrentUser) -> Result<MyData, AppError> {
    let s = settings(&state.db).await?;
    let all_time = all_time_activity(&state.db, user.id).await?;
    let mut days: Vec<MyDay> = state
        .db
        .person_days(user.id)
        .await?
        .into_iter()
        .map(|d| MyDay {
            day: date_of(d.day),
            shares: d.shares,
            potential_reach: d.potential_reach,
            human_clicks: d.human_clicks,
            unique_visitors: d.unique_visitors,
            bot_hits: d.bot_hits,
            courses_completed: d.courses_completed,
            suggestions_approved: d.suggestions_approved,
        })
        .collect();
    days.reverse();
    Ok(MyData {
        exported_at: Utc::now(),
        name: user.name.clone(),
        email: user.email.clone(),
        roles: user.roles.iter().collect(),
        team: user.team_name.clone(),
        lang: user.lang,
        followers: super::sharing::followers(state, user).await?,
        on_boards: !state.db.board_opt_out(user.id).await?,
        points: all_time.points(&s.rules),
        all_time,
        badges: badges(&all_time),
        posts: super::sharing::my_reach(state, user).await?.posts,
        days,
        courses: super::training::my_courses(state, user).await?,
    })
}
