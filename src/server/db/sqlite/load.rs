use super::SqliteStore;
use crate::model::{PersonId, TeamId};
use crate::server::db::{LoadSpec, LoadStore, StoreResult};
use async_trait::async_trait;
use chrono::{DateTime, Utc};

/// Points from raw events since ?1 (unix seconds), per person; the rules
/// come from points_rule. `{team}` narrows to one team.
const NAIVE_POINTS: &str = "
    select l.person_id, count(*) * max(r.share) as p
    from share s join share_link l on l.link_id = s.link_id, points_rule r
    where s.at >= ?1 group by l.person_id
    union all
    select l.person_id, sum(c.human) * max(r.human_click)
    from click c join share_link l on l.link_id = c.link_id, points_rule r
    where c.at >= ?1 group by l.person_id
    union all
    select l.person_id, count(*) * max(r.unique_visitor)
    from (select link_id, min(at) as first from click
          where human = 1 and visitor is not null group by link_id, visitor) f
    join share_link l on l.link_id = f.link_id, points_rule r
    where f.first >= ?1 group by l.person_id";

#[async_trait]
impl LoadStore for SqliteStore {
    async fn fill_load(&self, s: &LoadSpec, now: DateTime<Utc>) -> StoreResult<()> {
        let now = now.timestamp();
        let span = s.days * 86_400;
        let mut tx = self.write().await?;
        let steps: [(&str, i64); 8] = [
            ("with recursive g(value) as (select 1 union all select value + 1 from g where value < ?1)
              insert into team (name, created_at) select 'Equipo ' || value, ?2 from g", s.teams),
            ("with recursive g(value) as (select 1 union all select value + 1 from g where value < ?1)
              insert into location (name, created_at) select 'Sede ' || value, ?2 from g", s.locations),
            ("with recursive g(value) as (select 1 union all select value + 1 from g where value < ?1)
              insert into person (person_id, email, name, status, team_id, location_id, lang, created_at, updated_at)
              select value, 'load' || value || '@example.test', 'Persona ' || value, 'active',
                  1 + value % ?8, 1 + value % ?4, 'es', ?2, ?2
              from g", s.people),
            ("insert into person_role (person_id, role) select person_id, 'ambassador' from person", 0),
            ("with recursive g(value) as (select 1 union all select value + 1 from g where value < ?1)
              insert into post (post_id, title, link_url, status, disclosure, publish_at, created_at, updated_at)
              select value, 'Publicación ' || value, 'https://example.com/n/' || value, 'approved', '#empleado',
                  ?2 - ?5, ?2 - ?5, ?2 - ?5
              from g", s.posts),
            // Link n belongs to person n mod P; its k-th link (k = n / P) is
            // on a different post and network, so (post, person, network) stays unique.
            ("with recursive g(value) as (select 0 union all select value + 1 from g where value < ?1 - 1)
              insert into share_link (link_id, code, post_id, person_id, channel, created_at)
              select value, 'L' || value, 1 + ((value / ?3) * 37 + value) % ?6, 1 + value % ?3,
                  case (value / ?3) % 6 when 0 then 'linkedin' when 1 then 'x' when 2 then 'facebook'
                      when 3 then 'whatsapp' when 4 then 'email' else 'link' end,
                  ?2 - abs(random()) % ?5
              from g", s.links),
            ("insert into share (link_id, followers, at)
              select link_id, abs(random()) % 2000, created_at from share_link", 0),
            // Skewed towards low link ids (a few links go far), 3 in 4 by
            // people, a handful of visitors per link; each a 32-character
            // key like the real daily hash.
            ("with recursive g(value) as (select 1 union all select value + 1 from g where value < ?1)
              insert into click (link_id, at, human, visitor)
              select link_id, at, human, case when human then printf('%032d', abs(random()) % 16) end
              from (select 1 + (abs(random()) % ?7) * (abs(random()) % 1000) / 1000 as link_id,
                        ?2 - abs(random()) % ?5 as at, abs(random()) % 4 != 0 as human
                    from g)", s.clicks),
        ];
        for (sql, n) in steps {
            // Each statement uses the first few of these (?1 … ?8).
            let values = [
                n,
                now,
                s.people,
                s.locations.max(1),
                span,
                s.posts,
                s.links,
                s.teams.max(1),
            ];
            let used = (1..=values.len())
                .rev()
                .find(|i| sql.contains(&format!("?{i}")))
                .unwrap_or(0);
            let mut q = sqlx::query(sql);
            for v in &values[..used] {
                q = q.bind(*v);
            }
            q.execute(&mut *tx).await?;
        }
        sqlx::query(
            "insert into link_day_stats (link_id, day, shares, potential_reach, human_clicks, unique_visitors, bot_hits)
             select link_id, day, sum(shares), sum(reach), sum(humans), sum(firsts), sum(bots) from (
                 select link_id, at / 86400 as day, count(*) as shares, sum(followers) as reach,
                     0 as humans, 0 as firsts, 0 as bots from share group by 1, 2
                 union all
                 select link_id, at / 86400, 0, 0, sum(human), 0, sum(1 - human) from click group by 1, 2
                 union all
                 select link_id, first / 86400, 0, 0, 0, count(*), 0 from (
                     select link_id, min(at) as first from click where human = 1 and visitor is not null
                     group by link_id, visitor) group by 1, 2)
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
        Ok(())
    }

    async fn naive_top(
        &self,
        from: Option<DateTime<Utc>>,
        team: Option<TeamId>,
        limit: i64,
    ) -> StoreResult<Vec<(PersonId, i64)>> {
        let filter = if team.is_some() {
            "join person p on p.person_id = x.person_id where p.team_id = ?3 and p.board_opt_out = 0"
        } else {
            "join person p on p.person_id = x.person_id where p.board_opt_out = 0"
        };
        let sql = format!(
            "select x.person_id, sum(x.p) as points from ({NAIVE_POINTS}) x {filter}
             group by x.person_id having points > 0 order by points desc, x.person_id limit ?2"
        );
        let mut q = sqlx::query_as(&sql)
            .bind(from.map_or(0, |t| t.timestamp()))
            .bind(limit);
        if let Some(team) = team {
            q = q.bind(team);
        }
        Ok(q.fetch_all(&self.pool).await?)
    }

    async fn naive_above(&self, from: Option<DateTime<Utc>>, points: i64) -> StoreResult<i64> {
        let sql = format!(
            "select count(*) from (select x.person_id, sum(x.p) as points from ({NAIVE_POINTS}) x
             join person p on p.person_id = x.person_id where p.board_opt_out = 0
             group by x.person_id) where points > ?2"
        );
        Ok(sqlx::query_scalar(&sql)
            .bind(from.map_or(0, |t| t.timestamp()))
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
            " and p.team_id = ?2"
        } else {
            ""
        };
        let sql = format!(
            "select day, channel, sum(shares), sum(human), sum(bots) from (
                 select s.at / 86400 as day, l.channel, 1 as shares, 0 as human, 0 as bots
                 from share s join share_link l on l.link_id = s.link_id
                 join person p on p.person_id = l.person_id where s.at >= ?1{filter}
                 union all
                 select c.at / 86400, l.channel, 0, c.human, 1 - c.human
                 from click c join share_link l on l.link_id = c.link_id
                 join person p on p.person_id = l.person_id where c.at >= ?1{filter})
             group by day, channel order by day, channel"
        );
        let mut q = sqlx::query_as(&sql).bind(from.timestamp());
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
        sqlx::query("pragma wal_checkpoint(truncate)")
            .execute(&self.pool)
            .await?;
        Ok(sqlx::query_scalar(
            "select page_count * page_size from pragma_page_count(), pragma_page_size()",
        )
        .fetch_one(&self.pool)
        .await?)
    }
}
