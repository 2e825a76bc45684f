use super::boards::{add_counters_to, apply_buckets};
use super::SqliteStore;
use crate::model::{Channel, Followers, Network, PersonId, PostId};
use crate::server::db::rows::{link_target, parse_channel, LinkTargetRow};
use crate::server::db::{
    aggregate_clicks, map_unique, person_deltas, AnalyticsDeltas, ClickTotals, CounterDelta,
    FastSet, LinkReachRow, LinkTarget, NewShare, PointBuckets, SharingStore, StoreResult,
    StoredClick,
};
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use std::collections::HashSet;

/// Rows per multi-row insert: well under SQLite's 32,766 bound parameters.
const CHUNK: usize = 500;

fn time(ts: Option<i64>) -> Option<DateTime<Utc>> {
    ts.and_then(|t| DateTime::from_timestamp(t, 0))
}

#[async_trait]
impl SharingStore for SqliteStore {
    async fn ambassador_ref(&self, person: PersonId, fresh: &str) -> StoreResult<String> {
        sqlx::query("insert into ambassador_ref (person_id, ref) values (?, ?) on conflict (person_id) do nothing")
            .bind(person)
            .bind(fresh)
            .execute(&self.pool)
            .await
            .map_err(map_unique)?;
        Ok(
            sqlx::query_scalar("select ref from ambassador_ref where person_id = ?")
                .bind(person)
                .fetch_one(&self.pool)
                .await?,
        )
    }

    async fn links_of(
        &self,
        post: PostId,
        person: PersonId,
    ) -> StoreResult<Vec<(Channel, i64, String)>> {
        let rows: Vec<(String, i64, String)> = sqlx::query_as(
            "select channel, link_id, code from share_link where post_id = ? and person_id = ?",
        )
        .bind(post)
        .bind(person)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(c, id, code)| Ok((parse_channel(&c)?, id, code)))
            .collect()
    }

    async fn create_link(
        &self,
        post: PostId,
        person: PersonId,
        channel: Channel,
        code: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        sqlx::query(
            "insert into share_link (code, post_id, person_id, channel, created_at) values (?, ?, ?, ?, ?)
             on conflict (post_id, person_id, channel) do nothing",
        )
        .bind(code)
        .bind(post)
        .bind(person)
        .bind(channel.as_str())
        .bind(now.timestamp())
        .execute(&self.pool)
        .await
        .map_err(map_unique)?;
        Ok(())
    }

    async fn link_target(&self, code: &str) -> StoreResult<Option<LinkTarget>> {
        let row: Option<LinkTargetRow> = sqlx::query_as(
            "select l.link_id, l.post_id, l.channel, p.link_url, p.title, r.ref, p.status
             from share_link l
             join post p on p.post_id = l.post_id
             left join ambassador_ref r on r.person_id = l.person_id
             where l.code = ?",
        )
        .bind(code)
        .fetch_optional(&self.pool)
        .await?;
        row.map(link_target).transpose()
    }

    async fn record_share(&self, s: &NewShare) -> StoreResult<()> {
        let mut tx = self.write().await?;
        let at = s.at.timestamp();
        sqlx::query("insert into share (link_id, followers, at) values (?, ?, ?)")
            .bind(s.link_id)
            .bind(s.followers)
            .bind(at)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "insert into link_stats (link_id, shares, potential_reach, last_share_at) values (?1, 1, ?2, ?3)
             on conflict (link_id) do update set shares = shares + 1,
                 potential_reach = potential_reach + excluded.potential_reach, last_share_at = excluded.last_share_at",
        )
        .bind(s.link_id)
        .bind(s.followers)
        .bind(at)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "insert into link_day_stats (link_id, day, shares, potential_reach) values (?1, ?2, 1, ?3)
             on conflict (link_id, day) do update set shares = shares + 1,
                 potential_reach = potential_reach + excluded.potential_reach",
        )
        .bind(s.link_id)
        .bind(s.day)
        .bind(s.followers)
        .execute(&mut *tx)
        .await?;
        let owner = super::analytics::link_owners(&mut tx, &[s.link_id])
            .await?
            .remove(&s.link_id)
            .ok_or(crate::server::db::StoreError::NotFound)?;
        let delta = CounterDelta {
            shares: 1,
            potential_reach: s.followers,
            ..Default::default()
        };
        // People, then analytics, then board points: every writer's order.
        let mut buckets = PointBuckets::default();
        add_counters_to(&mut tx, owner.person_id, s.day, &delta, &mut buckets).await?;
        let mut analytics = AnalyticsDeltas::default();
        analytics.add_link(&owner, s.day, &delta);
        super::analytics::add_analytics(&mut tx, &analytics).await?;
        apply_buckets(&mut tx, &buckets).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn store_clicks(&self, clicks: &[StoredClick]) -> StoreResult<()> {
        if clicks.is_empty() {
            return Ok(());
        }
        let mut tx = self.write().await?;
        // 1. Which (link, visitor) pairs are new: the insert returns only those.
        let mut pairs: Vec<(i64, &str, i32)> = Vec::new();
        let mut seen = FastSet::default();
        for c in clicks {
            if let Some(v) = c.visitor.as_deref() {
                if seen.insert((c.link_id, v)) {
                    pairs.push((c.link_id, v, c.day));
                }
            }
        }
        let mut new_visitors = HashSet::new();
        for chunk in pairs.chunks(CHUNK) {
            let mut q =
                sqlx::QueryBuilder::new("insert into link_visitor (link_id, visitor, day) ");
            q.push_values(chunk, |mut b, (link, visitor, day)| {
                b.push_bind(*link).push_bind(*visitor).push_bind(*day);
            });
            q.push(" on conflict do nothing returning link_id, visitor");
            let rows: Vec<(i64, String)> = q.build_query_as().fetch_all(&mut *tx).await?;
            new_visitors.extend(rows);
        }
        // 2. The raw clicks.
        for chunk in clicks.chunks(CHUNK) {
            let mut q = sqlx::QueryBuilder::new("insert into click (link_id, at, human, visitor) ");
            q.push_values(chunk, |mut b, c| {
                b.push_bind(c.link_id)
                    .push_bind(c.at.timestamp())
                    .push_bind(c.human)
                    .push_bind(c.visitor.as_deref());
            });
            q.build().execute(&mut *tx).await?;
        }
        // 3. The counters, per link and per person.
        let deltas = aggregate_clicks(clicks, &new_visitors);
        for d in &deltas {
            sqlx::query(
                "insert into link_stats (link_id, human_clicks, unique_visitors, bot_hits, last_click_at)
                 values (?1, ?2, ?3, ?4, ?5)
                 on conflict (link_id) do update set
                     human_clicks = human_clicks + excluded.human_clicks,
                     unique_visitors = unique_visitors + excluded.unique_visitors,
                     bot_hits = bot_hits + excluded.bot_hits,
                     last_click_at = max(coalesce(last_click_at, 0), excluded.last_click_at)",
            )
            .bind(d.link_id)
            .bind(d.human_clicks)
            .bind(d.unique_visitors)
            .bind(d.bot_hits)
            .bind(d.last_at.timestamp())
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "insert into link_day_stats (link_id, day, human_clicks, unique_visitors, bot_hits)
                 values (?1, ?2, ?3, ?4, ?5)
                 on conflict (link_id, day) do update set
                     human_clicks = human_clicks + excluded.human_clicks,
                     unique_visitors = unique_visitors + excluded.unique_visitors,
                     bot_hits = bot_hits + excluded.bot_hits",
            )
            .bind(d.link_id)
            .bind(d.day)
            .bind(d.human_clicks)
            .bind(d.unique_visitors)
            .bind(d.bot_hits)
            .execute(&mut *tx)
            .await?;
        }
        // Links first, then people, each in order: the same order as every
        // other writer, so concurrent writers never deadlock.
        let mut ids: Vec<i64> = deltas.iter().map(|d| d.link_id).collect();
        ids.dedup();
        let links = super::analytics::link_owners(&mut tx, &ids).await?;
        let owners = links.iter().map(|(&id, o)| (id, o.person_id)).collect();
        let mut buckets = PointBuckets::default();
        for (&(person, day), delta) in &person_deltas(&deltas, &owners) {
            add_counters_to(&mut tx, person, day, delta, &mut buckets).await?;
        }
        let mut analytics = AnalyticsDeltas::default();
        for d in &deltas {
            if let Some(link) = links.get(&d.link_id) {
                analytics.add_link(link, d.day, &d.counters());
            }
        }
        super::analytics::add_analytics(&mut tx, &analytics).await?;
        apply_buckets(&mut tx, &buckets).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn visitor_salt(&self, day: i32, fresh: &[u8]) -> StoreResult<Vec<u8>> {
        let mut tx = self.write().await?;
        sqlx::query(
            "insert into visitor_salt (day, salt) values (?, ?) on conflict (day) do nothing",
        )
        .bind(day)
        .bind(fresh)
        .execute(&mut *tx)
        .await?;
        // Yesterday's salt stays for late clicks of yesterday; older ones go.
        sqlx::query("delete from visitor_salt where day < ?")
            .bind(day - 1)
            .execute(&mut *tx)
            .await?;
        sqlx::query("delete from link_visitor where day < ?")
            .bind(day - 1)
            .execute(&mut *tx)
            .await?;
        let salt = sqlx::query_scalar("select salt from visitor_salt where day = ?")
            .bind(day)
            .fetch_one(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(salt)
    }

    async fn followers(&self, person: PersonId) -> StoreResult<Followers> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "select network, followers from follower_count where person_id = ? order by network",
        )
        .bind(person)
        .fetch_all(&self.pool)
        .await?;
        Ok(Followers {
            counts: rows
                .into_iter()
                .filter_map(|(n, v)| Network::parse(&n).map(|n| (n, v)))
                .collect(),
        })
    }

    async fn save_followers(&self, person: PersonId, f: &Followers) -> StoreResult<()> {
        let mut tx = self.write().await?;
        sqlx::query("delete from follower_count where person_id = ?")
            .bind(person)
            .execute(&mut *tx)
            .await?;
        for (network, n) in &f.counts {
            sqlx::query(
                "insert into follower_count (person_id, network, followers) values (?, ?, ?)",
            )
            .bind(person)
            .bind(network.as_str())
            .bind(n)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn reach_by_link(&self, person: PersonId) -> StoreResult<Vec<LinkReachRow>> {
        let rows: Vec<(i64, String, String, i64, i64, i64, i64, i64, Option<i64>)> =
            sqlx::query_as(
                "select l.post_id, p.title, l.channel, s.shares, s.potential_reach, s.human_clicks,
                    s.unique_visitors, s.bot_hits, s.last_share_at
             from share_link l
             join link_stats s on s.link_id = l.link_id
             join post p on p.post_id = l.post_id
             where l.person_id = ?",
            )
            .bind(person)
            .fetch_all(&self.pool)
            .await?;
        rows.into_iter()
            .map(
                |(
                    post_id,
                    title,
                    ch,
                    shares,
                    potential_reach,
                    human_clicks,
                    unique_visitors,
                    bot_hits,
                    last,
                )| {
                    Ok(LinkReachRow {
                        post_id,
                        title,
                        channel: Some(parse_channel(&ch)?),
                        shares,
                        potential_reach,
                        human_clicks,
                        unique_visitors,
                        bot_hits,
                        last_share_at: time(last),
                    })
                },
            )
            .collect()
    }

    async fn reach_by_day(
        &self,
        person: PersonId,
        since_day: i32,
    ) -> StoreResult<Vec<(i32, i64, i64)>> {
        Ok(sqlx::query_as(
            "select d.day, sum(d.shares), sum(d.human_clicks)
             from link_day_stats d join share_link l on l.link_id = d.link_id
             where l.person_id = ? and d.day >= ?
             group by d.day order by d.day",
        )
        .bind(person)
        .bind(since_day)
        .fetch_all(&self.pool)
        .await?)
    }

    async fn shares_of(&self, post: PostId, person: PersonId) -> StoreResult<i64> {
        Ok(sqlx::query_scalar(
            "select coalesce(sum(s.shares), 0) from link_stats s join share_link l on l.link_id = s.link_id
             where l.post_id = ? and l.person_id = ?",
        )
        .bind(post)
        .bind(person)
        .fetch_one(&self.pool)
        .await?)
    }

    async fn click_totals(&self) -> StoreResult<(ClickTotals, ClickTotals)> {
        let (h, u, b): (i64, i64, i64) = sqlx::query_as(
            "select coalesce(sum(human_clicks), 0), coalesce(sum(unique_visitors), 0), coalesce(sum(bot_hits), 0)
             from link_stats",
        )
        .fetch_one(&self.pool)
        .await?;
        let (rh, ru, rb): (i64, i64, i64) = sqlx::query_as(
            "select coalesce(sum(human), 0),
                    (select count(*) from (select distinct link_id, visitor from click where human = 1 and visitor is not null)),
                    coalesce(sum(1 - human), 0)
             from click",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok((
            ClickTotals {
                human_clicks: h,
                unique_visitors: u,
                bot_hits: b,
            },
            ClickTotals {
                human_clicks: rh,
                unique_visitors: ru,
                bot_hits: rb,
            },
        ))
    }
}
