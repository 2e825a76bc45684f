use super::PgStore;
use crate::model::leaderboard::PeriodKey;
use crate::model::{PersonId, TeamId};
use crate::server::db::PersonLinkDay;
use crate::server::db::{
    id_list, post_period_check_rows, AnalyticsCheckRow, AnalyticsDayRow, AnalyticsDeltas,
    AnalyticsItemRow, AnalyticsStore, LinkOwner, ParticipationRow, StoreResult,
};
use async_trait::async_trait;
use sqlx::PgConnection;

/// Where shares and clicks of these links count.
pub(super) async fn link_owners(
    conn: &mut PgConnection,
    links: &[i64],
) -> StoreResult<std::collections::HashMap<i64, LinkOwner>> {
    let rows: Vec<LinkOwner> = sqlx::query_as(
        "select l.link_id, l.person_id, l.post_id, l.channel, p.team_id
         from share_link l join person p on p.person_id = l.person_id
         where l.link_id = any($1)",
    )
    .bind(links)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(|o| (o.link_id, o)).collect())
}

pub(super) async fn team_of(conn: &mut PgConnection, person: PersonId) -> StoreResult<Option<i64>> {
    Ok(
        sqlx::query_scalar("select team_id from person where person_id = $1")
            .bind(person)
            .fetch_optional(&mut *conn)
            .await?
            .flatten(),
    )
}

/// Adds to the analytics counters inside the caller's transaction, after
/// its per-link and per-person counters (the order every writer keeps),
/// rows in key order (see `AnalyticsDeltas`).
pub(super) async fn add_analytics(conn: &mut PgConnection, d: &AnalyticsDeltas) -> StoreResult<()> {
    for ((scope, day, channel), c) in &d.days {
        sqlx::query(
            "insert into analytics_day (scope, day, channel, shares, potential_reach, human_clicks,
                 unique_visitors, bot_hits, courses_completed)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
             on conflict (scope, day, channel) do update set
                 shares = analytics_day.shares + excluded.shares,
                 potential_reach = analytics_day.potential_reach + excluded.potential_reach,
                 human_clicks = analytics_day.human_clicks + excluded.human_clicks,
                 unique_visitors = analytics_day.unique_visitors + excluded.unique_visitors,
                 bot_hits = analytics_day.bot_hits + excluded.bot_hits,
                 courses_completed = analytics_day.courses_completed + excluded.courses_completed",
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
             values ($1, $2, $3, $4, $5, $6, $7, $8)
             on conflict (scope, day, post_id) do update set
                 shares = analytics_post.shares + excluded.shares,
                 potential_reach = analytics_post.potential_reach + excluded.potential_reach,
                 human_clicks = analytics_post.human_clicks + excluded.human_clicks,
                 unique_visitors = analytics_post.unique_visitors + excluded.unique_visitors,
                 bot_hits = analytics_post.bot_hits + excluded.bot_hits",
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
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
             on conflict (scope, kind, start_day, post_id) do update set
                 shares = analytics_post_period.shares + excluded.shares,
                 potential_reach = analytics_post_period.potential_reach + excluded.potential_reach,
                 human_clicks = analytics_post_period.human_clicks + excluded.human_clicks,
                 unique_visitors = analytics_post_period.unique_visitors + excluded.unique_visitors,
                 bot_hits = analytics_post_period.bot_hits + excluded.bot_hits",
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
    conn: &mut PgConnection,
    person: PersonId,
    from: Option<i64>,
    to: Option<i64>,
) -> StoreResult<()> {
    if from == to {
        return Ok(());
    }
    let links: Vec<PersonLinkDay> = sqlx::query_as(
        "select d.day, l.channel, l.post_id, sum(d.shares)::bigint as shares,
             sum(d.potential_reach)::bigint as potential_reach, sum(d.human_clicks)::bigint as human_clicks,
             sum(d.unique_visitors)::bigint as unique_visitors, sum(d.bot_hits)::bigint as bot_hits
         from link_day_stats d join share_link l on l.link_id = d.link_id
         where l.person_id = $1 group by d.day, l.channel, l.post_id",
    )
    .bind(person)
    .fetch_all(&mut *conn)
    .await?;
    let courses: Vec<(i32, i64)> = sqlx::query_as(
        "select day, courses_completed from person_day_stats
         where person_id = $1 and courses_completed > 0",
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
    "select 0::bigint as scope, d.day, l.channel as item, sum(d.shares)::bigint as shares,
         sum(d.potential_reach)::bigint as potential_reach, sum(d.human_clicks)::bigint as human_clicks,
         sum(d.unique_visitors)::bigint as unique_visitors, sum(d.bot_hits)::bigint as bot_hits,
         0::bigint as courses_completed
     from link_day_stats d join share_link l on l.link_id = d.link_id group by 2, 3",
    "select p.team_id as scope, d.day, l.channel as item, sum(d.shares)::bigint as shares,
         sum(d.potential_reach)::bigint as potential_reach, sum(d.human_clicks)::bigint as human_clicks,
         sum(d.unique_visitors)::bigint as unique_visitors, sum(d.bot_hits)::bigint as bot_hits,
         0::bigint as courses_completed
     from link_day_stats d join share_link l on l.link_id = d.link_id
     join person p on p.person_id = l.person_id where p.team_id is not null group by 1, 2, 3",
    "select 0::bigint as scope, d.day, '' as item, 0::bigint as shares, 0::bigint as potential_reach,
         0::bigint as human_clicks, 0::bigint as unique_visitors, 0::bigint as bot_hits,
         sum(d.courses_completed)::bigint as courses_completed
     from person_day_stats d where d.courses_completed > 0 group by 2",
    "select p.team_id as scope, d.day, '' as item, 0::bigint as shares, 0::bigint as potential_reach,
         0::bigint as human_clicks, 0::bigint as unique_visitors, 0::bigint as bot_hits,
         sum(d.courses_completed)::bigint as courses_completed
     from person_day_stats d join person p on p.person_id = d.person_id
     where d.courses_completed > 0 and p.team_id is not null group by 1, 2",
];

const DERIVED_POSTS: [&str; 2] = [
    "select 0::bigint as scope, d.day, l.post_id as post_id, sum(d.shares)::bigint as shares,
         sum(d.potential_reach)::bigint as potential_reach, sum(d.human_clicks)::bigint as human_clicks,
         sum(d.unique_visitors)::bigint as unique_visitors, sum(d.bot_hits)::bigint as bot_hits
     from link_day_stats d join share_link l on l.link_id = d.link_id group by 2, 3",
    "select p.team_id as scope, d.day, l.post_id as post_id, sum(d.shares)::bigint as shares,
         sum(d.potential_reach)::bigint as potential_reach, sum(d.human_clicks)::bigint as human_clicks,
         sum(d.unique_visitors)::bigint as unique_visitors, sum(d.bot_hits)::bigint as bot_hits
     from link_day_stats d join share_link l on l.link_id = d.link_id
     join person p on p.person_id = l.person_id where p.team_id is not null group by 1, 2, 3",
];

/// Rebuilds the analytics counters (inside the caller's transaction, after
/// the per-person counters were rebuilt).
pub(super) async fn rebuild(conn: &mut PgConnection) -> StoreResult<()> {
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
             select d.scope, $1::smallint, {start}, d.post_id, sum(d.shares)::bigint, sum(d.potential_reach)::bigint, sum(d.human_clicks)::bigint,
                 sum(d.unique_visitors)::bigint, sum(d.bot_hits)::bigint
             from analytics_post d group by 1, 3, 4"
        ))
        .bind(kind)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

const ITEM_SUMS: &str =
    "sum(a.shares)::bigint as shares, sum(a.potential_reach)::bigint as potential_reach,
     sum(a.human_clicks)::bigint as human_clicks, sum(a.unique_visitors)::bigint as unique_visitors,
     sum(a.bot_hits)::bigint as bot_hits";

/// The per-post rows a range sums: the table (as `a`), the condition on it
/// (scopes bound as `$1`) and the two integers to bind as `$2` and `$3`.
/// A kept period reads its running totals (a row per post), any other
/// range the days' rows (a row per post and day).
fn post_rows(key: Option<PeriodKey>, from: i32, to: i32) -> (&'static str, &'static str, i32, i32) {
    match key {
        Some(k) => (
            "analytics_post_period a",
            "a.scope = any($1) and a.kind = $2::smallint and a.start_day = $3",
            k.kind as i32,
            k.start_day,
        ),
        None => (
            "analytics_post a",
            "a.scope = any($1) and a.day between $2 and $3",
            from,
            to,
        ),
    }
}

#[async_trait]
impl AnalyticsStore for PgStore {
    async fn analytics_days(
        &self,
        scopes: &[i64],
        from: i32,
        to: i32,
    ) -> StoreResult<Vec<AnalyticsDayRow>> {
        Ok(sqlx::query_as(
            "select day, channel, sum(shares)::bigint as shares,
                 sum(potential_reach)::bigint as potential_reach, sum(human_clicks)::bigint as human_clicks,
                 sum(unique_visitors)::bigint as unique_visitors, sum(bot_hits)::bigint as bot_hits,
                 sum(courses_completed)::bigint as courses_completed
             from analytics_day where scope = any($1) and day between $2 and $3
             group by day, channel order by day, channel",
        )
        .bind(scopes)
        .bind(from)
        .bind(to)
        .fetch_all(&self.pool)
        .await?)
    }

    async fn analytics_posts(
        &self,
        scopes: &[i64],
        key: Option<PeriodKey>,
        from: i32,
        to: i32,
        limit: i64,
    ) -> StoreResult<Vec<AnalyticsItemRow>> {
        let (table, filter, x, y) = post_rows(key, from, to);
        Ok(sqlx::query_as(&format!(
            "select p.post_id as id, p.title as name, 1::bigint as posts, t.shares, t.potential_reach,
                 t.human_clicks, t.unique_visitors, t.bot_hits
             from (select a.post_id, {ITEM_SUMS} from {table} where {filter} group by a.post_id) t
             join post p on p.post_id = t.post_id
             order by t.human_clicks desc, t.shares desc, p.post_id limit $4"
        ))
        .bind(scopes)
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
        let (table, filter, x, y) = post_rows(key, from, to);
        Ok(sqlx::query_as(&format!(
            "select tp.topic_id as id, tp.name, count(distinct a.post_id) as posts, {ITEM_SUMS}
             from {table} join post_topic pt on pt.post_id = a.post_id
             join topic tp on tp.topic_id = pt.topic_id
             where {filter}
             group by tp.topic_id, tp.name
             order by human_clicks desc, shares desc, tp.topic_id limit $4"
        ))
        .bind(scopes)
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
            // visits every person.
            return Ok(sqlx::query_as(
                "select (select count(*) from person)
                         - (select count(*) from person where status <> 'active') as employees,
                     coalesce((select sharers from board_sharers where kind = $1 and start_day = $2), 0)
                         - (select count(*) from person p join board_score s
                              on s.kind = $1 and s.start_day = $2 and s.person_id = p.person_id
                            where p.status <> 'active' and s.shares > 0) as sharers,
                     (select count(distinct c.person_id) from certificate c
                      join person p on p.person_id = c.person_id where p.status = 'active') as certified,
                     (select count(distinct c.person_id) from certificate c
                      join person p on p.person_id = c.person_id
                      join board_score s on s.kind = $1 and s.start_day = $2 and s.person_id = c.person_id
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
                "select 1 from board_score b where b.kind = $1::smallint and b.start_day = $2
                     and b.person_id = p.person_id and b.shares > 0",
                k.kind as i32,
                k.start_day,
            ),
            None => (
                "select 1 from person_day_stats d where d.person_id = p.person_id
                     and d.day between $1 and $2 and d.shares > 0",
                from,
                to,
            ),
        };
        Ok(sqlx::query_as(&format!(
            "select count(*) as employees, coalesce(sum(shared), 0)::bigint as sharers,
                 coalesce(sum(certified), 0)::bigint as certified,
                 coalesce(sum(shared * certified), 0)::bigint as certified_sharers
             from (select (exists ({shared}))::int as shared,
                          (exists (select 1 from certificate c where c.person_id = p.person_id))::int
                              as certified
                   from person p where p.status = 'active'{filter}) s"
        ))
        .bind(x)
        .bind(y)
        .fetch_one(&self.pool)
        .await?)
    }

    async fn analytics_check(
        &self,
    ) -> StoreResult<(Vec<AnalyticsCheckRow>, Vec<AnalyticsCheckRow>)> {
        let stored_sql =
            "select scope, day, channel as item, shares, potential_reach, human_clicks,
                 unique_visitors, bot_hits, courses_completed from analytics_day
             where shares <> 0 or potential_reach <> 0 or human_clicks <> 0 or unique_visitors <> 0
                 or bot_hits <> 0 or courses_completed <> 0
             union all
             select scope, day, post_id::text as item, shares, potential_reach, human_clicks,
                 unique_visitors, bot_hits, 0::bigint as courses_completed from analytics_post
             where shares <> 0 or potential_reach <> 0 or human_clicks <> 0 or unique_visitors <> 0
                 or bot_hits <> 0
             union all
             select scope, start_day as day, kind::text || '/' || post_id::text as item, shares,
                 potential_reach, human_clicks, unique_visitors, bot_hits, 0::bigint as courses_completed
             from analytics_post_period
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
                "select scope, day, post_id::text as item, shares, potential_reach,
                     human_clicks, unique_visitors, bot_hits, 0::bigint as courses_completed
                 from ({q}) x"
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
