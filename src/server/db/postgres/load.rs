use super::PgStore;
use crate::model::{PersonId, TeamId};
use crate::server::db::{LoadSpec, LoadStore, StoreResult};
use async_trait::async_trait;
use chrono::{DateTime, Utc};

/// Points from raw events since $1, per person; the rules come from
/// points_rule.
const NAIVE_POINTS: &str = "
    select l.person_id, count(*) * max(r.share) as p
    from share s join share_link l on l.link_id = s.link_id cross join points_rule r
    where s.at >= $1 group by l.person_id
    union all
    select l.person_id, count(*) filter (where c.human) * max(r.human_click)
    from click c join share_link l on l.link_id = c.link_id cross join points_rule r
    where c.at >= $1 group by l.person_id
    union all
    select l.person_id, count(*) * max(r.unique_visitor)
    from (select link_id, min(at) as first from click
          where human and visitor is not null group by link_id, visitor) f
    join share_link l on l.link_id = f.link_id cross join points_rule r
    where f.first >= $1 group by l.person_id";

#[async_trait]
impl LoadStore for PgStore {
    async fn fill_load(&self, s: &LoadSpec, now: DateTime<Utc>) -> StoreResult<()> {
        let mut tx = self.pool.begin().await?;
        let steps: [&str; 8] = [
            "insert into team (name, created_at) select 'Equipo ' || g, $2 from generate_series(1, $1::bigint) g",
            "insert into location (name, created_at) select 'Sede ' || g, $2 from generate_series(1, $4::bigint) g",
            "insert into person (email, name, status, team_id, location_id, lang, created_at, updated_at)
             select 'load' || g || '@example.test', 'Persona ' || g, 'active', 1 + g % $1, 1 + g % $4, 'es', $2, $2
             from generate_series(1, $3::bigint) g order by g",
            "insert into person_role (person_id, role) select person_id, 'ambassador' from person",
            "insert into post (title, link_url, status, disclosure, publish_at, created_at, updated_at)
             select 'Publicación ' || g, 'https://example.com/n/' || g, 'approved', '#empleado',
                 $2 - make_interval(days => $5::int), $2 - make_interval(days => $5::int), $2 - make_interval(days => $5::int)
             from generate_series(1, $6::bigint) g order by g",
            // Link n belongs to person n mod P; its k-th link (k = n / P) is
            // on a different post and network, so (post, person, network) stays unique.
            "insert into share_link (code, post_id, person_id, channel, created_at)
             select 'L' || g, 1 + ((g / $3) * 37 + g) % $6, 1 + g % $3,
                 (array['linkedin', 'x', 'facebook', 'whatsapp', 'email', 'link'])[1 + (g / $3) % 6],
                 $2 - random() * make_interval(days => $5::int)
             from generate_series(0, $7::bigint - 1) g order by g",
            "insert into share (link_id, followers, at)
             select link_id, floor(random() * 2000)::bigint, created_at from share_link",
            // Skewed towards low link ids (a few links go far), 3 in 4 by
            // people, a handful of visitors per link; each a 32-character
            // key like the real daily hash.
            "insert into click (link_id, at, human, visitor)
             select link_id, at, human, case when human then lpad(floor(random() * 16)::text, 32, '0') end
             from (select 1 + floor(random() * $7 * random())::bigint as link_id,
                       $2 - random() * make_interval(days => $5::int) as at, random() < 0.75 as human
                   from generate_series(1, $8::bigint)) c",
        ];
        let values: [i64; 8] = [
            s.teams.max(1),
            0,
            s.people,
            s.locations.max(1),
            s.days,
            s.posts,
            s.links,
            s.clicks,
        ];
        for sql in steps {
            let used = (1..=values.len())
                .rev()
                .find(|i| sql.contains(&format!("${i}")))
                .unwrap_or(0);
            let mut q = sqlx::query(sql);
            for (i, v) in values[..used].iter().enumerate() {
                q = if i == 1 { q.bind(now) } else { q.bind(*v) };
            }
            q.execute(&mut *tx).await?;
        }
        sqlx::query(
            "insert into link_day_stats (link_id, day, shares, potential_reach, human_clicks, unique_visitors, bot_hits)
             select link_id, day, sum(shares), sum(reach), sum(humans), sum(firsts), sum(bots) from (
                 select link_id, floor(extract(epoch from at) / 86400)::int as day, count(*) as shares,
                     sum(followers) as reach, 0 as humans, 0 as firsts, 0 as bots from share group by 1, 2
                 union all
                 select link_id, floor(extract(epoch from at) / 86400)::int, 0, 0,
                     count(*) filter (where human), 0, count(*) filter (where not human) from click group by 1, 2
                 union all
                 select link_id, floor(extract(epoch from first) / 86400)::int, 0, 0, 0, count(*), 0 from (
                     select link_id, min(at) as first from click where human and visitor is not null
                     group by link_id, visitor) f group by 1, 2) x
             group by link_id, day",
        )
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "insert into link_stats (link_id, shares, potential_reach, human_clicks, unique_visitors, bot_hits)
             select link_id, sum(shares), sum(potential_reach), sum(human_clicks), sum(unique_visitors), sum(bot_hits)
             from link_day_stats group by link_id",
        )
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        sqlx::query("analyze").execute(&self.pool).await?;
        Ok(())
    }

    async fn naive_top(
        &self,
        from: Option<DateTime<Utc>>,
        team: Option<TeamId>,
        limit: i64,
    ) -> StoreResult<Vec<(PersonId, i64)>> {
        let filter = if team.is_some() {
            "where p.team_id = $3 and not p.board_opt_out"
        } else {
            "where not p.board_opt_out"
        };
        let sql = format!(
            "select x.person_id, sum(x.p)::bigint as points from ({NAIVE_POINTS}) x
             join person p on p.person_id = x.person_id {filter}
             group by x.person_id having sum(x.p) > 0 order by points desc, x.person_id limit $2"
        );
        let mut q = sqlx::query_as(&sql)
            .bind(from.unwrap_or(DateTime::UNIX_EPOCH))
            .bind(limit);
        if let Some(team) = team {
            q = q.bind(team);
        }
        Ok(q.fetch_all(&self.pool).await?)
    }

    async fn naive_above(&self, from: Option<DateTime<Utc>>, points: i64) -> StoreResult<i64> {
        let sql = format!(
            "select count(*) from (select x.person_id, sum(x.p) as points from ({NAIVE_POINTS}) x
             join person p on p.person_id = x.person_id where not p.board_opt_out
             group by x.person_id) t where points > $2"
        );
        Ok(sqlx::query_scalar(&sql)
            .bind(from.unwrap_or(DateTime::UNIX_EPOCH))
            .bind(points)
            .fetch_one(&self.pool)
            .await?)
    }

    async fn naive_days(
        &self,
        from: DateTime<Utc>,
        team: Option<TeamId>,
    ) -> StoreResult<Vec<(i32, String, i64, i64, i64)>> {
        let filter = if team.is_some() {
            " and p.team_id = $2"
        } else {
            ""
        };
        let sql = format!(
            "select day, channel, sum(shares)::bigint, sum(human)::bigint, sum(bots)::bigint from (
                 select floor(extract(epoch from s.at) / 86400)::int as day, l.channel, 1 as shares,
                     0 as human, 0 as bots
                 from share s join share_link l on l.link_id = s.link_id
                 join person p on p.person_id = l.person_id where s.at >= $1{filter}
                 union all
                 select floor(extract(epoch from c.at) / 86400)::int, l.channel, 0, c.human::int,
                     1 - c.human::int
                 from click c join share_link l on l.link_id = c.link_id
                 join person p on p.person_id = l.person_id where c.at >= $1{filter}) x
             group by day, channel order by day, channel"
        );
        let mut q = sqlx::query_as(&sql).bind(from);
        if let Some(team) = team {
            q = q.bind(team);
        }
        Ok(q.fetch_all(&self.pool).await?)
    }

    async fn index_clicks_for_naive(&self) -> StoreResult<()> {
        sqlx::query("create index if not exists naive_click_link_at on click (link_id, at)")
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn database_bytes(&self) -> StoreResult<i64> {
        Ok(
            sqlx::query_scalar("select pg_database_size(current_database())")
                .fetch_one(&self.pool)
                .await?,
        )
    }
}
