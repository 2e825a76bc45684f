use super::PgStore;
use crate::model::leaderboard::{BoardScope, PeriodKey, PointsRules};
use crate::model::PersonId;
use crate::server::db::PointsRow;
use crate::server::db::{
    fold_days, AnalyticsDeltas, AuditEntry, BoardRow, BoardStore, CounterDelta, PersonDayRow,
    PointBuckets, StoreResult, SHARERS_FROM_TOTALS,
};
use async_trait::async_trait;
use sqlx::PgConnection;

/// Adds to a person's day and to the four running totals the day belongs
/// to, inside the caller's transaction; points follow the rules in force.
pub(super) async fn add_counters(
    conn: &mut PgConnection,
    person: PersonId,
    day: i32,
    d: &CounterDelta,
) -> StoreResult<()> {
    let mut buckets = PointBuckets::default();
    add_counters_to(conn, person, day, d, &mut buckets).await?;
    apply_buckets(conn, &buckets).await
}

/// `add_counters` for one of several people in a transaction: the changes
/// to `board_points` gather in `buckets`, applied once at the end.
pub(super) async fn add_counters_to(
    conn: &mut PgConnection,
    person: PersonId,
    day: i32,
    d: &CounterDelta,
    buckets: &mut PointBuckets,
) -> StoreResult<()> {
    upsert_day(conn, person, day, d).await?;
    if !d.scores() {
        return Ok(());
    }
    let mut totals = Vec::with_capacity(4);
    for key in crate::model::leaderboard::period_keys(day) {
        let (points, listed, shares) =
            add_to_total(conn, key.kind as i16, key.start_day, person, d).await?;
        buckets.shared(key.kind as i16, key.start_day, shares - d.shares, shares);
        totals.push((key, points, listed));
    }
    // The rules the totals were just added under (on PostgreSQL, the rule
    // row this transaction now holds FOR SHARE, so they cannot differ).
    let gained = d.points(&rules(&mut *conn).await?);
    for (key, points, listed) in totals {
        if listed {
            buckets.moved(key.kind as i16, key.start_day, points - gained, points);
        }
    }
    // Shares and clicks reach analytics through their link (with its
    // channel and post); courses have neither.
    if d.courses_completed != 0 {
        let mut analytics = AnalyticsDeltas::default();
        let team = super::analytics::team_of(conn, person).await?;
        analytics.add_courses(team, day, d.courses_completed);
        super::analytics::add_analytics(conn, &analytics).await?;
    }
    Ok(())
}

async fn rules(conn: &mut PgConnection) -> StoreResult<PointsRules> {
    let (share, human_click, unique_visitor, course_completed, suggestion_approved) =
        sqlx::query_as(
            "select share, human_click, unique_visitor, course_completed, suggestion_approved
             from points_rule",
        )
        .fetch_one(&mut *conn)
        .await?;
    Ok(PointsRules {
        share,
        human_click,
        unique_visitor,
        course_completed,
        suggestion_approved,
    })
}

/// Applies gathered `board_points` and `board_sharers` changes, in key
/// order (see `PointBuckets`).
pub(super) async fn apply_buckets(conn: &mut PgConnection, b: &PointBuckets) -> StoreResult<()> {
    for (&(kind, start_day, points), &n) in b.changes() {
        sqlx::query(
            "insert into board_points (kind, start_day, points, people) values ($1, $2, $3, $4)
             on conflict (kind, start_day, points) do update set people = board_points.people + excluded.people",
        )
        .bind(kind)
        .bind(start_day)
        .bind(points)
        .bind(n)
        .execute(&mut *conn)
        .await?;
    }
    for (&(kind, start_day), &n) in b.sharer_changes() {
        sqlx::query(
            "insert into board_sharers (kind, start_day, sharers) values ($1, $2, $3)
             on conflict (kind, start_day) do update set sharers = board_sharers.sharers + excluded.sharers",
        )
        .bind(kind)
        .bind(start_day)
        .bind(n)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Recounts `board_sharers` from the totals (after a rebuild).
async fn recount_sharers(conn: &mut PgConnection) -> StoreResult<()> {
    sqlx::query("delete from board_sharers")
        .execute(&mut *conn)
        .await?;
    sqlx::query(&format!(
        "insert into board_sharers (kind, start_day, sharers) {SHARERS_FROM_TOTALS}"
    ))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Recounts `board_points` from the totals (after a rule change or a rebuild).
async fn recount_points(conn: &mut PgConnection) -> StoreResult<()> {
    sqlx::query("delete from board_points")
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "insert into board_points (kind, start_day, points, people)
         select kind, start_day, points, count(*) from board_score
         where listed and points > 0 group by kind, start_day, points",
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

async fn upsert_day(
    conn: &mut PgConnection,
    person: PersonId,
    day: i32,
    d: &CounterDelta,
) -> StoreResult<()> {
    sqlx::query(
        "insert into person_day_stats (person_id, day, shares, potential_reach, human_clicks,
             unique_visitors, bot_hits, courses_completed, suggestions_approved)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         on conflict (person_id, day) do update set
             shares = person_day_stats.shares + excluded.shares,
             potential_reach = person_day_stats.potential_reach + excluded.potential_reach,
             human_clicks = person_day_stats.human_clicks + excluded.human_clicks,
             unique_visitors = person_day_stats.unique_visitors + excluded.unique_visitors,
             bot_hits = person_day_stats.bot_hits + excluded.bot_hits,
             courses_completed = person_day_stats.courses_completed + excluded.courses_completed,
             suggestions_approved = person_day_stats.suggestions_approved + excluded.suggestions_approved",
    )
    .bind(person)
    .bind(day)
    .bind(d.shares)
    .bind(d.potential_reach)
    .bind(d.human_clicks)
    .bind(d.unique_visitors)
    .bind(d.bot_hits)
    .bind(d.courses_completed)
    .bind(d.suggestions_approved)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

async fn add_to_total(
    conn: &mut PgConnection,
    kind: i16,
    start_day: i32,
    person: PersonId,
    d: &CounterDelta,
) -> StoreResult<(i64, bool, i64)> {
    Ok(sqlx::query_as(
        "insert into board_score (kind, start_day, person_id, shares, human_clicks, unique_visitors,
             courses_completed, suggestions_approved, points, listed)
         select $1::smallint, $2::int, p.person_id, $3::bigint, $4::bigint, $5::bigint, $6::bigint, $7::bigint,
             $3 * r.share + $4 * r.human_click + $5 * r.unique_visitor
                 + $6 * r.course_completed + $7 * r.suggestion_approved,
             p.status = 'active' and not p.board_opt_out
         from person p, points_rule r where p.person_id = $8
         -- Holds off a rule change until this transaction ends (and waits
         -- for one in progress), so points are never added under old rules
         -- to totals a rule change has just recomputed.
         -- Also waits for a relisting of this person (which holds the
         -- person row) so a new total is listed as the person now is.
         for share of r, p
         on conflict (kind, start_day, person_id) do update set
             shares = board_score.shares + excluded.shares,
             human_clicks = board_score.human_clicks + excluded.human_clicks,
             unique_visitors = board_score.unique_visitors + excluded.unique_visitors,
             courses_completed = board_score.courses_completed + excluded.courses_completed,
             suggestions_approved = board_score.suggestions_approved + excluded.suggestions_approved,
             points = board_score.points + excluded.points
         returning points, listed, shares",
    )
    .bind(kind)
    .bind(start_day)
    .bind(d.shares)
    .bind(d.human_clicks)
    .bind(d.unique_visitors)
    .bind(d.courses_completed)
    .bind(d.suggestions_approved)
    .bind(person)
    .fetch_one(&mut *conn)
    .await?)
}

/// The extra condition and its value for a board's scope.
fn scope_filter(scope: BoardScope, n: usize) -> (String, Option<i64>) {
    match scope {
        BoardScope::Company => (String::new(), None),
        BoardScope::Team(id) => (format!(" and p.team_id = ${n}"), Some(id)),
        BoardScope::Location(id) => (format!(" and p.location_id = ${n}"), Some(id)),
        // Campaign boards are read from their own query (see campaigns.rs).
        BoardScope::Campaign(_) => (" and 1 = 0".into(), None),
    }
}

/// The placeholder number after the scope's.
fn after(value: Option<i64>, n: usize) -> usize {
    if value.is_some() {
        n + 1
    } else {
        n
    }
}

const BOARD_COLUMNS: &str =
    "b.person_id, p.name, t.name as team, b.points, b.shares, b.human_clicks,
     b.unique_visitors, b.courses_completed, b.suggestions_approved";

/// Recomputed from events, one query per kind of event.
const EVENT_QUERIES: [&str; 5] = [
    "select l.person_id, floor(extract(epoch from s.at) / 86400)::int as day, count(*) as shares,
         sum(s.followers)::bigint as potential_reach, 0::bigint as human_clicks, 0::bigint as unique_visitors, 0::bigint as bot_hits, 0::bigint as courses_completed, 0::bigint as suggestions_approved
     from share s join share_link l on l.link_id = s.link_id group by 1, 2",
    "select l.person_id, floor(extract(epoch from c.at) / 86400)::int as day, 0::bigint as shares,
         0::bigint as potential_reach, count(*) filter (where c.human) as human_clicks,
         0::bigint as unique_visitors, count(*) filter (where not c.human) as bot_hits,
         0::bigint as courses_completed, 0::bigint as suggestions_approved
     from click c join share_link l on l.link_id = c.link_id group by 1, 2",
    // A visitor is new on the day of their first click on that link.
    "select l.person_id, f.day, 0::bigint as shares, 0::bigint as potential_reach, 0::bigint as human_clicks,
         count(*) as unique_visitors, 0::bigint as bot_hits, 0::bigint as courses_completed, 0::bigint as suggestions_approved
     from (select link_id, floor(extract(epoch from min(at)) / 86400)::int as day from click
           where human and visitor is not null group by link_id, visitor) f
     join share_link l on l.link_id = f.link_id group by 1, 2",
    "select person_id, floor(extract(epoch from issued_at) / 86400)::int as day, 0::bigint as shares, 0::bigint as potential_reach, 0::bigint as human_clicks,
         0::bigint as unique_visitors, 0::bigint as bot_hits, count(*) as courses_completed, 0::bigint as suggestions_approved
     from certificate group by 1, 2",
    // A suggestion counts once, on the day it was first approved.
    "select f.person_id, f.day, 0::bigint as shares, 0::bigint as potential_reach, 0::bigint as human_clicks,
         0::bigint as unique_visitors, 0::bigint as bot_hits, 0::bigint as courses_completed, count(*) as suggestions_approved
     from (select p.suggested_by as person_id, floor(extract(epoch from min(a.at)) / 86400)::int as day
           from audit_event a join post p on p.post_id = a.subject_id
           where a.action = 'post.approved' and a.subject_type = 'post' and p.suggested_by is not null
           group by p.post_id, p.suggested_by) f
     group by 1, 2",
];

/// The first day of the week, month and quarter of `d.day`, in SQL (the
/// same as `model::leaderboard::period_keys`, which the tests hold it to).
pub(super) const PERIOD_STARTS: [(i16, &str); 4] = [
    (1, "d.day - ((d.day + 3) % 7)"),
    (
        2,
        "(date_trunc('month', date '1970-01-01' + d.day)::date - date '1970-01-01')",
    ),
    (
        3,
        "(date_trunc('quarter', date '1970-01-01' + d.day)::date - date '1970-01-01')",
    ),
    (4, "0"),
];

impl PgStore {
    async fn recount(&self) -> StoreResult<Vec<PersonDayRow>> {
        let mut parts = Vec::new();
        for q in EVENT_QUERIES {
            parts.extend(
                sqlx::query_as::<_, PersonDayRow>(q)
                    .fetch_all(&self.pool)
                    .await?,
            );
        }
        Ok(fold_days(parts))
    }
}

#[async_trait]
impl BoardStore for PgStore {
    async fn points_rules(&self) -> StoreResult<PointsRules> {
        let (share, human_click, unique_visitor, course_completed, suggestion_approved) =
            sqlx::query_as(
                "select share, human_click, unique_visitor, course_completed, suggestion_approved
                 from points_rule",
            )
            .fetch_one(&self.pool)
            .await?;
        Ok(PointsRules {
            share,
            human_click,
            unique_visitor,
            course_completed,
            suggestion_approved,
        })
    }

    async fn set_points_rules(&self, r: &PointsRules, entry: &AuditEntry) -> StoreResult<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "update points_rule set share = $1, human_click = $2, unique_visitor = $3,
                 course_completed = $4, suggestion_approved = $5",
        )
        .bind(r.share)
        .bind(r.human_click)
        .bind(r.unique_visitor)
        .bind(r.course_completed)
        .bind(r.suggestion_approved)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "update board_score set points = shares * $1 + human_clicks * $2 + unique_visitors * $3
                 + courses_completed * $4 + suggestions_approved * $5",
        )
        .bind(r.share)
        .bind(r.human_click)
        .bind(r.unique_visitor)
        .bind(r.course_completed)
        .bind(r.suggestion_approved)
        .execute(&mut *tx)
        .await?;
        recount_points(&mut tx).await?;
        super::audit(&mut tx, entry).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn board_opt_out(&self, person: PersonId) -> StoreResult<bool> {
        Ok(
            sqlx::query_scalar("select board_opt_out from person where person_id = $1")
                .bind(person)
                .fetch_optional(&self.pool)
                .await?
                .unwrap_or(false),
        )
    }

    async fn set_board_opt_out(&self, person: PersonId, out: bool) -> StoreResult<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("update person set board_opt_out = $1 where person_id = $2")
            .bind(out)
            .bind(person)
            .execute(&mut *tx)
            .await?;
        relist(&mut tx, person).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn refresh_listing(&self, person: PersonId) -> StoreResult<()> {
        let mut tx = self.pool.begin().await?;
        relist(&mut tx, person).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn board_top(
        &self,
        key: PeriodKey,
        scope: BoardScope,
        limit: i64,
    ) -> StoreResult<Vec<BoardRow>> {
        let (filter, value) = scope_filter(scope, 3);
        let sql = format!(
            "select {BOARD_COLUMNS}
             from board_score b join person p on p.person_id = b.person_id
             left join team t on t.team_id = p.team_id
             where b.kind = $1 and b.start_day = $2 and b.listed and b.points > 0{filter}
             order by b.points desc, b.person_id limit ${}",
            after(value, 3)
        );
        let mut q = sqlx::query_as(&sql)
            .bind(key.kind as i16)
            .bind(key.start_day);
        if let Some(v) = value {
            q = q.bind(v);
        }
        Ok(q.bind(limit).fetch_all(&self.pool).await?)
    }

    async fn board_rank(
        &self,
        key: PeriodKey,
        scope: BoardScope,
        points: i64,
    ) -> StoreResult<(i64, i64)> {
        if scope == BoardScope::Company {
            // The company board: a sum over the distinct point values above.
            let mut counts = [0_i64; 2];
            for (i, above) in [points, 0].into_iter().enumerate() {
                counts[i] = sqlx::query_scalar(
                    "select coalesce(sum(people), 0)::bigint from board_points
                     where kind = $1 and start_day = $2 and points > $3",
                )
                .bind(key.kind as i16)
                .bind(key.start_day)
                .bind(above)
                .fetch_one(&self.pool)
                .await?;
            }
            return Ok((counts[0], counts[1]));
        }
        let (column, id) = match scope {
            BoardScope::Team(id) => ("team_id", id),
            BoardScope::Location(id) => ("location_id", id),
            // A campaign's board is read from its own query (see campaigns.rs).
            BoardScope::Company | BoardScope::Campaign(_) => return Ok((0, 0)),
        };
        // A team's or a location's few hundred people, each looked up in the
        // period's totals. As a join, PostgreSQL walks the whole period's
        // totals instead (some 60,000 rows, 20 ms); a scalar subquery in the
        // select list is always run per person.
        let sql = format!(
            "select count(*) filter (where points > $3), count(*) filter (where points > 0)
             from (select (select b.points from board_score b
                           where b.kind = $1 and b.start_day = $2 and b.person_id = p.person_id
                               and b.listed) as points
                   from person p where p.{column} = $4) m"
        );
        Ok(sqlx::query_as(&sql)
            .bind(key.kind as i16)
            .bind(key.start_day)
            .bind(points)
            .bind(id)
            .fetch_one(&self.pool)
            .await?)
    }

    async fn board_range(
        &self,
        from: i32,
        to: i32,
        scope: BoardScope,
        limit: i64,
    ) -> StoreResult<Vec<BoardRow>> {
        let (filter, value) = scope_filter(scope, 3);
        let sql = format!(
            "select person_id, name, team, points, shares, human_clicks, unique_visitors,
                 courses_completed, suggestions_approved
             from (select d.person_id, p.name, t.name as team,
                     (sum(d.shares) * max(r.share) + sum(d.human_clicks) * max(r.human_click)
                         + sum(d.unique_visitors) * max(r.unique_visitor)
                         + sum(d.courses_completed) * max(r.course_completed)
                         + sum(d.suggestions_approved) * max(r.suggestion_approved))::bigint as points,
                     sum(d.shares)::bigint as shares, sum(d.human_clicks)::bigint as human_clicks,
                     sum(d.unique_visitors)::bigint as unique_visitors,
                     sum(d.courses_completed)::bigint as courses_completed,
                     sum(d.suggestions_approved)::bigint as suggestions_approved
                 from person_day_stats d join person p on p.person_id = d.person_id
                 left join team t on t.team_id = p.team_id cross join points_rule r
                 where d.day between $1 and $2 and p.status = 'active' and not p.board_opt_out{filter}
                 group by d.person_id, p.name, t.name) s
             where points > 0
             order by points desc, person_id limit ${}",
            after(value, 3)
        );
        let mut q = sqlx::query_as(&sql).bind(from).bind(to);
        if let Some(v) = value {
            q = q.bind(v);
        }
        Ok(q.bind(limit).fetch_all(&self.pool).await?)
    }

    async fn board_range_rank(
        &self,
        from: i32,
        to: i32,
        scope: BoardScope,
        points: i64,
    ) -> StoreResult<(i64, i64)> {
        let (filter, value) = scope_filter(scope, 3);
        let sql = format!(
            "select count(*) filter (where points > ${}), count(*) from (
                 select sum(d.shares) * max(r.share) + sum(d.human_clicks) * max(r.human_click)
                     + sum(d.unique_visitors) * max(r.unique_visitor)
                     + sum(d.courses_completed) * max(r.course_completed)
                     + sum(d.suggestions_approved) * max(r.suggestion_approved) as points
                 from person_day_stats d join person p on p.person_id = d.person_id cross join points_rule r
                 where d.day between $1 and $2 and p.status = 'active' and not p.board_opt_out{filter}
                 group by d.person_id) t
             where points > 0",
            after(value, 3)
        );
        let mut q = sqlx::query_as(&sql).bind(from).bind(to);
        if let Some(v) = value {
            q = q.bind(v);
        }
        Ok(q.bind(points).fetch_one(&self.pool).await?)
    }

    async fn score_of(&self, key: PeriodKey, person: PersonId) -> StoreResult<Option<BoardRow>> {
        Ok(sqlx::query_as(&format!(
            "select {BOARD_COLUMNS}
             from board_score b join person p on p.person_id = b.person_id
             left join team t on t.team_id = p.team_id
             where b.kind = $1 and b.start_day = $2 and b.person_id = $3"
        ))
        .bind(key.kind as i16)
        .bind(key.start_day)
        .bind(person)
        .fetch_optional(&self.pool)
        .await?)
    }

    async fn person_days(&self, person: PersonId) -> StoreResult<Vec<PersonDayRow>> {
        Ok(sqlx::query_as(
            "select person_id, day, shares, potential_reach, human_clicks, unique_visitors, bot_hits,
                 courses_completed, suggestions_approved
             from person_day_stats where person_id = $1 order by day",
        )
        .bind(person)
        .fetch_all(&self.pool)
        .await?)
    }

    async fn counters_check(&self) -> StoreResult<(Vec<PersonDayRow>, Vec<PersonDayRow>)> {
        let stored = sqlx::query_as(
            "select person_id, day, shares, potential_reach, human_clicks, unique_visitors, bot_hits,
                 courses_completed, suggestions_approved
             from person_day_stats order by person_id, day",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok((stored, self.recount().await?))
    }

    async fn points_check(&self) -> StoreResult<(Vec<PointsRow>, Vec<PointsRow>)> {
        let stored = sqlx::query_as(
            "select kind, start_day, points, people from board_points where people <> 0
             order by kind, start_day, points",
        )
        .fetch_all(&self.pool)
        .await?;
        let recount = sqlx::query_as(
            "select kind, start_day, points, count(*) as people from board_score
             where listed and points > 0 group by kind, start_day, points
             order by kind, start_day, points",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok((stored, recount))
    }

    async fn sharers_check(&self) -> StoreResult<(Vec<(i16, i32, i64)>, Vec<(i16, i32, i64)>)> {
        let stored = sqlx::query_as(
            "select kind, start_day, sharers from board_sharers where sharers <> 0
             order by kind, start_day",
        )
        .fetch_all(&self.pool)
        .await?;
        let recount = sqlx::query_as(SHARERS_FROM_TOTALS)
            .fetch_all(&self.pool)
            .await?;
        Ok((stored, recount))
    }

    async fn rebuild_counters(&self) -> StoreResult<()> {
        // Set-based, so that an upgrade (or the benchmark's generator) with
        // millions of events takes seconds, not one statement per row.
        let mut tx = self.pool.begin().await?;
        // Two instances upgrading at once: the second waits, then rebuilds the same.
        sqlx::query("lock table person_day_stats, board_score, board_points, board_sharers, analytics_day, analytics_post, analytics_post_period in exclusive mode")
            .execute(&mut *tx)
            .await?;
        sqlx::query("delete from person_day_stats")
            .execute(&mut *tx)
            .await?;
        sqlx::query("delete from board_score")
            .execute(&mut *tx)
            .await?;
        let events = EVENT_QUERIES.join(" union all ");
        sqlx::query(&format!(
            "insert into person_day_stats (person_id, day, shares, potential_reach, human_clicks,
                 unique_visitors, bot_hits, courses_completed, suggestions_approved)
             select person_id, day, sum(shares)::bigint, sum(potential_reach)::bigint, sum(human_clicks)::bigint,
                 sum(unique_visitors)::bigint, sum(bot_hits)::bigint, sum(courses_completed)::bigint, sum(suggestions_approved)::bigint
             from ({events}) e group by person_id, day"
        ))
        .execute(&mut *tx)
        .await?;
        for (kind, start) in PERIOD_STARTS {
            sqlx::query(&format!(
                "insert into board_score (kind, start_day, person_id, shares, human_clicks, unique_visitors,
                     courses_completed, suggestions_approved, points, listed)
                 select $1::smallint, t.start_day, t.person_id, t.shares, t.human_clicks, t.unique_visitors,
                     t.courses_completed, t.suggestions_approved,
                     t.shares * r.share + t.human_clicks * r.human_click + t.unique_visitors * r.unique_visitor
                         + t.courses_completed * r.course_completed + t.suggestions_approved * r.suggestion_approved,
                     p.status = 'active' and not p.board_opt_out
                 from (select {start} as start_day, d.person_id, sum(d.shares)::bigint as shares,
                           sum(d.human_clicks)::bigint as human_clicks, sum(d.unique_visitors)::bigint as unique_visitors,
                           sum(d.courses_completed)::bigint as courses_completed,
                           sum(d.suggestions_approved)::bigint as suggestions_approved
                       from person_day_stats d group by 1, 2) t
                 join person p on p.person_id = t.person_id cross join points_rule r
                 where t.shares + t.human_clicks + t.unique_visitors + t.courses_completed
                     + t.suggestions_approved > 0"
            ))
            .bind(kind)
            .execute(&mut *tx)
            .await?;
        }
        recount_points(&mut tx).await?;
        recount_sharers(&mut tx).await?;
        super::analytics::rebuild(&mut tx).await?;
        tx.commit().await?;
        Ok(())
    }
}

async fn relist(conn: &mut PgConnection, person: PersonId) -> StoreResult<()> {
    // Locked, in the writers' order: a click batch committing in between
    // would otherwise move points this relisting then counts at old values.
    let before: Vec<(i16, i32, i64, bool)> = sqlx::query_as(
        "select kind, start_day, points, listed from board_score where person_id = $1
         order by kind, start_day for update",
    )
    .bind(person)
    .fetch_all(&mut *conn)
    .await?;
    let listed: bool = sqlx::query_scalar(
        "select status = 'active' and not board_opt_out from person where person_id = $1",
    )
    .bind(person)
    .fetch_optional(&mut *conn)
    .await?
    .unwrap_or(false);
    sqlx::query("update board_score set listed = $1 where person_id = $2")
        .bind(listed)
        .bind(person)
        .execute(&mut *conn)
        .await?;
    let mut buckets = PointBuckets::default();
    for (kind, start_day, points, was) in before {
        match (was, listed) {
            (true, false) => buckets.moved(kind, start_day, points, 0),
            (false, true) => buckets.moved(kind, start_day, 0, points),
            _ => {}
        }
    }
    apply_buckets(conn, &buckets).await
}
