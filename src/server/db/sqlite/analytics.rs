use super::{json_rows, SqliteStore};
use crate::model::leaderboard::PeriodKey;
use crate::model::{PersonId, TeamId};
use crate::server::db::PersonLinkDay;
use crate::server::db::{
    id_list, post_period_check_rows, AnalyticsCheckRow, AnalyticsDayRow, AnalyticsDeltas,
    AnalyticsItemRow, AnalyticsStore, LinkOwner, ParticipationRow, StoreResult,
};
use async_trait::async_trait;
use sqlx::SqliteConnection;

/// Where shares and clicks of these links count.
pub(super) async fn link_owners(
    conn: &mut SqliteConnection,
    links: &[i64],
) -> StoreResult<std::collections::HashMap<i64, LinkOwner>> {
    let mut owners = std::collections::HashMap::new();
    for chunk in links.chunks(500) {
        let sql = format!(
            "select l.link_id, l.person_id, l.post_id, l.channel, p.team_id
             from share_link l join person p on p.person_id = l.person_id
             where l.link_id in ({})",
            id_list(chunk)
        );
        let rows: Vec<LinkOwner> = sqlx::query_as(&sql).fetch_all(&mut *conn).await?;
        owners.extend(rows.into_iter().map(|o| (o.link_id, o)));
    }
    Ok(owners)
}

pub(super) async fn team_of(
    conn: &mut SqliteConnection,
    person: PersonId,
) -> StoreResult<Option<i64>> {
    Ok(
        sqlx::query_scalar("select team_id from person where person_id = ?")
            .bind(person)
            .fetch_optional(&mut *conn)
            .await?
            .flatten(),
    )
}

/// Adds to the analytics counters inside the caller's transaction, after
/// its per-link and per-person counters (the order every writer keeps).
pub(super) async fn add_analytics(
    conn: &mut SqliteConnection,
    d: &AnalyticsDeltas,
) -> StoreResult<()> {
    for ((scope, day, channel), c) in &d.days {
        sqlx::query(
            "insert into analytics_day (scope, day, channel, shares, potential_reach, human_clicks,
                 unique_visitors, bot_hits, courses_completed)
             values (?, ?, ?, ?, ?, ?, ?, ?, ?)
             on conflict (scope, day, channel) do update set
                 shares = shares + excluded.shares,
                 potential_reach = potential_reach + excluded.potential_reach,
                 human_clicks = human_clicks + excluded.human_clicks,
                 unique_visitors = unique_visitors + excluded.unique_visitors,
                 bot_hits = bot_hits + excluded.bot_hits,
                 courses_completed = courses_completed + excluded.courses_completed",
        )
        .bind(scope)
        .bind(day)
        .bind(channel)
        .bind(c.shares)
        .bind(c.potential_reach)
        .bind(c.human_clicks)
        .bind(c.unique_visitors)
        .bind(c.bot_hits)
        .bind(c.courses_completed)
        .execute(&mut *conn)
        .await?;
    }
    for ((scope, day, post), c) in &d.posts {
        sqlx::query(
            "insert into analytics_post (scope, day, post_id, shares, potential_reach, human_clicks,
                 unique_visitors, bot_hits)
             values (?, ?, ?, ?, ?, ?, ?, ?)
             on conflict (scope, day, post_id) do update set
                 shares = shares + excluded.shares,
                 potential_reach = potential_reach + excluded.potential_reach,
                 human_clicks = human_clicks + excluded.human_clicks,
                 unique_visitors = unique_visitors + excluded.unique_visitors,
                 bot_hits = bot_hits + excluded.bot_hits",
        )
        .bind(scope)
        .bind(day)
        .bind(post)
        .bind(c.shares)
        .bind(c.potential_reach)
        .bind(c.human_clicks)
        .bind(c.unique_visitors)
        .bind(c.bot_hits)
        .execute(&mut *conn)
        .await?;
    }
    for ((scope, kind, start, post), c) in &d.post_periods() {
        sqlx::query(
            "insert into analytics_post_period (scope, kind, start_day, post_id, shares,
                 potential_reach, human_clicks, unique_visitors, bot_hits)
             values (?, ?, ?, ?, ?, ?, ?, ?, ?)
             on conflict (scope, kind, start_day, post_id) do update set
                 shares = shares + excluded.shares,
                 potential_reach = potential_reach + excluded.potential_reach,
                 human_clicks = human_clicks + excluded.human_clicks,
                 unique_visitors = unique_visitors + excluded.unique_visitors,
                 bot_hits = bot_hits + excluded.bot_hits",
        )
        .bind(scope)
        .bind(kind)
        .bind(start)
        .bind(post)
        .bind(c.shares)
        .bind(c.potential_reach)
        .bind(c.human_clicks)
        .bind(c.unique_visitors)
        .bind(c.bot_hits)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// After a person changed team (inside that transaction): their history
/// leaves the old team's analytics and joins the new one's.
pub(super) async fn move_person(
    conn: &mut SqliteConnection,
    person: PersonId,
    from: Option<i64>,
    to: Option<i64>,
) -> StoreResult<()> {
    if from == to {
        return Ok(());
    }
    let links: Vec<PersonLinkDay> = sqlx::query_as(
        "select d.day, l.channel, l.post_id, sum(d.shares) as shares,
             sum(d.potential_reach) as potential_reach, sum(d.human_clicks) as human_clicks,
             sum(d.unique_visitors) as unique_visitors, sum(d.bot_hits) as bot_hits
         from link_day_stats d join share_link l on l.link_id = d.link_id
         where l.person_id = ? group by d.day, l.channel, l.post_id",
    )
    .bind(person)
    .fetch_all(&mut *conn)
    .await?;
    let courses: Vec<(i32, i64)> = sqlx::query_as(
        "select day, courses_completed from person_day_stats
         where person_id = ? and courses_completed > 0",
    )
    .bind(person)
    .fetch_all(&mut *conn)
    .await?;
    let mut d = AnalyticsDeltas::default();
    d.move_person(&links, &courses, from, to);
    add_analytics(conn, &d).await
}

/// The analytics counters recomputed from the per-link counters (shares
/// and clicks) and the per-person ones (courses), by each person's team.
/// Used to rebuild and to check.
const DERIVED: [&str; 4] = [
    "select 0 as scope, d.day, l.channel as item, sum(d.shares) as shares,
         sum(d.potential_reach) as potential_reach, sum(d.human_clicks) as human_clicks,
         sum(d.unique_visitors) as unique_visitors, sum(d.bot_hits) as bot_hits, 0 as courses_completed
     from link_day_stats d join share_link l on l.link_id = d.link_id group by 2, 3",
    "select p.team_id as scope, d.day, l.channel as item, sum(d.shares) as shares,
         sum(d.potential_reach) as potential_reach, sum(d.human_clicks) as human_clicks,
         sum(d.unique_visitors) as unique_visitors, sum(d.bot_hits) as bot_hits, 0 as courses_completed
     from link_day_stats d join share_link l on l.link_id = d.link_id
     join person p on p.person_id = l.person_id where p.team_id is not null group by 1, 2, 3",
    "select 0 as scope, d.day, '' as item, 0 as shares, 0 as potential_reach, 0 as human_clicks,
         0 as unique_visitors, 0 as bot_hits, sum(d.courses_completed) as courses_completed
     from person_day_stats d where d.courses_completed > 0 group by 2",
    "select p.team_id as scope, d.day, '' as item, 0 as shares, 0 as potential_reach, 0 as human_clicks,
         0 as unique_visitors, 0 as bot_hits, sum(d.courses_completed) as courses_completed
     from person_day_stats d join person p on p.person_id = d.person_id
     where d.courses_completed > 0 and p.team_id is not null group by 1, 2",
];

const DERIVED_POSTS: [&str; 2] = [
    "select 0 as scope, d.day, l.post_id as post_id, sum(d.shares) as shares,
         sum(d.potential_reach) as potential_reach, sum(d.human_clicks) as human_clicks,
         sum(d.unique_visitors) as unique_visitors, sum(d.bot_hits) as bot_hits
     from link_day_stats d join share_link l on l.link_id = d.link_id group by 2, 3",
    "select p.team_id as scope, d.day, l.post_id as post_id, sum(d.shares) as shares,
         sum(d.potential_reach) as potential_reach, sum(d.human_clicks) as human_clicks,
         sum(d.unique_visitors) as unique_visitors, sum(d.bot_hits) as bot_hits
     from link_day_stats d join share_link l on l.link_id = d.link_id
     join person p on p.person_id = l.person_id where p.team_id is not null group by 1, 2, 3",
];

/// Rebuilds the analytics counters (inside the caller's transaction, after
/// the per-person counters were rebuilt).
pub(super) async fn rebuild(conn: &mut SqliteConnection) -> StoreResult<()> {
    sqlx::query("delete from analytics_day")
        .execute(&mut *conn)
        .await?;
    sqlx::query("delete from analytics_post")
        .execute(&mut *conn)
        .await?;
    sqlx::query("delete from analytics_post_period")
        .execute(&mut *conn)
        .await?;
    for q in DERIVED {
        sqlx::query(&format!(
            "insert into analytics_day (scope, day, channel, shares, potential_reach, human_clicks,
                 unique_visitors, bot_hits, courses_completed) {q}"
        ))
        .execute(&mut *conn)
        .await?;
    }
    for q in DERIVED_POSTS {
        sqlx::query(&format!(
            "insert into analytics_post (scope, day, post_id, shares, potential_reach, human_clicks,
                 unique_visitors, bot_hits) {q}"
        ))
        .execute(&mut *conn)
        .await?;
    }
    for (kind, start) in super::boards::PERIOD_STARTS {
        sqlx::query(&format!(
            "insert into analytics_post_period (scope, kind, start_day, post_id, shares,
                 potential_reach, human_clicks, unique_visitors, bot_hits)
             select d.scope, ?, {start}, d.post_id, sum(d.shares), sum(d.potential_reach), sum(d.human_clicks),
                 sum(d.unique_visitors), sum(d.bot_hits)
             from analytics_post d group by 1, 3, 4"
        ))
        .bind(kind)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

const ITEM_SUMS: &str = "sum(a.shares) as shares, sum(a.potential_reach) as potential_reach,
     sum(a.human_clicks) as human_clicks, sum(a.unique_visitors) as unique_visitors,
     sum(a.bot_hits) as bot_hits";

/// The per-post rows a range sums: the table (as `a`), the condition on it
/// and the two integers it binds. A kept period reads its running totals
/// (a row per post), any other range the days' rows (a row per post and day).
fn post_rows(
    scopes: &[i64],
    key: Option<PeriodKey>,
    from: i32,
    to: i32,
) -> (&'static str, String, i32, i32) {
    let scopes = id_list(scopes);
    match key {
        Some(k) => (
            "analytics_post_period a",
            format!("a.scope in ({scopes}) and a.kind = ? and a.start_day = ?"),
            k.kind as i32,
            k.start_day,
        ),
        None => (
            "analytics_post a",
            format!("a.scope in ({scopes}) and a.day between ? and ?"),
            from,
            to,
        ),
    }
}

#[async_trait]
impl AnalyticsStore for SqliteStore {
    async fn analytics_days(
        &self,
        scopes: &[i64],
        from: i32,
        to: i32,
    ) -> StoreResult<Vec<AnalyticsDayRow>> {
        // A row per day and network: one JSON array, not a row each.
        let sql = format!(
            "select json_group_array(json_array(day, channel, shares, potential_reach, human_clicks,
                     unique_visitors, bot_hits, courses_completed) order by day, channel)
             from (select day, channel, sum(shares) as shares, sum(potential_reach) as potential_reach,
                       sum(human_clicks) as human_clicks, sum(unique_visitors) as unique_visitors,
                       sum(bot_hits) as bot_hits, sum(courses_completed) as courses_completed
                   from analytics_day where scope in ({}) and day between ? and ?
                   group by day, channel)",
            id_list(scopes)
        );
        let json: String = sqlx::query_scalar(&sql)
            .bind(from)
            .bind(to)
            .fetch_one(&self.pool)
            .await?;
        json_rows(&json)
    }

    async fn analytics_posts(
        &self,
        scopes: &[i64],
        key: Option<PeriodKey>,
        from: i32,
        to: i32,
        limit: i64,
    ) -> StoreResult<Vec<AnalyticsItemRow>> {
        let (table, filter, x, y) = post_rows(scopes, key, from, to);
        let sql = format!(
            "select p.post_id as id, p.title as name, 1 as posts, t.shares, t.potential_reach,
                 t.human_clicks, t.unique_visitors, t.bot_hits
             from (select a.post_id, {ITEM_SUMS} from {table} where {filter} group by a.post_id) t
             join post p on p.post_id = t.post_id
             order by t.human_clicks desc, t.shares desc, p.post_id limit ?"
        );
        Ok(sqlx::query_as(&sql)
            .bind(x)
            .bind(y)
            .bind(limit)
            .fetch_all(&self.pool)
            .await?)
    }

    async fn analytics_topics(
        &self,
        scopes: &[i64],
        key: Option<PeriodKey>,
        from: i32,
        to: i32,
        limit: i64,
    ) -> StoreResult<Vec<AnalyticsItemRow>> {
        let (table, filter, x, y) = post_rows(scopes, key, from, to);
        let sql = format!(
            "select tp.topic_id as id, tp.name, count(distinct a.post_id) as posts, {ITEM_SUMS}
             from {table} join post_topic pt on pt.post_id = a.post_id
             join topic tp on tp.topic_id = pt.topic_id
             where {filter}
             group by tp.topic_id, tp.name
             order by human_clicks desc, shares desc, tp.topic_id limit ?"
        );
        Ok(sqlx::query_as(&sql)
            .bind(x)
            .bind(y)
            .bind(limit)
            .fetch_all(&self.pool)
            .await?)
    }

    async fn participation(
        &self,
        teams: Option<&[TeamId]>,
        key: Option<PeriodKey>,
        from: i32,
        to: i32,
    ) -> StoreResult<ParticipationRow> {
        if let (None, Some(key)) = (teams, key) {
            // The whole company in a kept period: the period keeps how many
            // shared; the few people not active are subtracted, and
            // certificates (far fewer than people) are walked, so nothing
            // visits every person. CROSS JOIN keeps SQLite to that order,
            // and INDEXED BY to the few people not active: without it SQLite
            // scans the (team, status) index of everyone (15 ms, not 0.4).
            return Ok(sqlx::query_as(
                "select (select count(*) from person)
                         - (select count(*) from person indexed by person_not_active
                            where status <> 'active') as employees,
                     coalesce((select sharers from board_sharers where kind = ?1 and start_day = ?2), 0)
                         - (select count(*) from person p indexed by person_not_active cross join board_score s
                              on s.kind = ?1 and s.start_day = ?2 and s.person_id = p.person_id
                            where p.status <> 'active' and s.shares > 0) as sharers,
                     (select count(distinct c.person_id) from certificate c
                      join person p on p.person_id = c.person_id where p.status = 'active') as certified,
                     (select count(distinct c.person_id) from certificate c
                      cross join person p on p.person_id = c.person_id
                      cross join board_score s on s.kind = ?1 and s.start_day = ?2 and s.person_id = c.person_id
                      where p.status = 'active' and s.shares > 0) as certified_sharers",
            )
            .bind(key.kind as i16)
            .bind(key.start_day)
            .fetch_one(&self.pool)
            .await?);
        }
        let filter = teams
            .map(|t| format!(" and p.team_id in ({})", id_list(t)))
            .unwrap_or_default();
        // Whether each person shared: one row of a kept period's totals,
        // else their days in the range.
        let (shared, x, y) = match key {
            Some(k) => (
                "select 1 from board_score b where b.kind = ? and b.start_day = ?
                     and b.person_id = p.person_id and b.shares > 0",
                k.kind as i32,
                k.start_day,
            ),
            None => (
                "select 1 from person_day_stats d where d.person_id = p.person_id
                     and d.day between ? and ? and d.shares > 0",
                from,
                to,
            ),
        };
        let sql = format!(
            "select count(*) as employees, coalesce(sum(shared), 0) as sharers,
                 coalesce(sum(certified), 0) as certified,
                 coalesce(sum(shared * certified), 0) as certified_sharers
             from (select exists ({shared}) as shared,
                          exists (select 1 from certificate c where c.person_id = p.person_id) as certified
                   from person p where p.status = 'active'{filter})"
        );
        Ok(sqlx::query_as(&sql)
            .bind(x)
            .bind(y)
            .fetch_one(&self.pool)
            .await?)
    }

    async fn analytics_check(
        &self,
    ) -> StoreResult<(Vec<AnalyticsCheckRow>, Vec<AnalyticsCheckRow>)> {
        let stored_sql = "select scope, day, channel as item, shares, potential_reach, human_clicks,
                 unique_visitors, bot_hits, courses_completed from analytics_day
             where shares <> 0 or potential_reach <> 0 or human_clicks <> 0 or unique_visitors <> 0
                 or bot_hits <> 0 or courses_completed <> 0
             union all
             select scope, day, cast(post_id as text) as item, shares, potential_reach, human_clicks,
                 unique_visitors, bot_hits, 0 as courses_completed from analytics_post
             where shares <> 0 or potential_reach <> 0 or human_clicks <> 0 or unique_visitors <> 0
                 or bot_hits <> 0
             union all
             select scope, start_day as day, kind || '/' || post_id as item, shares, potential_reach,
                 human_clicks, unique_visitors, bot_hits, 0 as courses_completed from analytics_post_period
             where shares <> 0 or potential_reach <> 0 or human_clicks <> 0 or unique_visitors <> 0
                 or bot_hits <> 0";
        let mut stored: Vec<AnalyticsCheckRow> =
            sqlx::query_as(stored_sql).fetch_all(&self.pool).await?;
        let mut derived = Vec::new();
        for q in DERIVED {
            derived.extend(
                sqlx::query_as::<_, AnalyticsCheckRow>(q)
                    .fetch_all(&self.pool)
                    .await?,
            );
        }
        for q in DERIVED_POSTS {
            let q = format!(
                "select scope, day, cast(post_id as text) as item, shares, potential_reach,
                     human_clicks, unique_visitors, bot_hits, 0 as courses_completed from ({q})"
            );
            let days = sqlx::query_as::<_, AnalyticsCheckRow>(&q)
                .fetch_all(&self.pool)
                .await?;
            // The running totals, folded here in Rust with the writers'
            // period rules, not the rebuild's SQL: the check holds each to the other.
            derived.extend(post_period_check_rows(&days));
            derived.extend(days);
        }
        let key = |r: &AnalyticsCheckRow| (r.scope, r.day, r.item.clone());
        stored.sort_by_key(key);
        derived.sort_by_key(key);
        Ok((stored, derived))
    }
}
