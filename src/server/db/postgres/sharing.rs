use super::boards::{add_counters_to, apply_buckets};
use super::PgStore;
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

#[async_trait]
impl SharingStore for PgStore {
    async fn ambassador_ref(&self, person: PersonId, fresh: &str) -> StoreResult<String> {
        sqlx::query("insert into ambassador_ref (person_id, ref) values ($1, $2) on conflict (person_id) do nothing")
            .bind(person)
            .bind(fresh)
            .execute(&self.pool)
            .await
            .map_err(map_unique)?;
        Ok(
            sqlx::query_scalar("select ref from ambassador_ref where person_id = $1")
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
            "select channel, link_id, code from share_link where post_id = $1 and person_id = $2",
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
            "insert into share_link (code, post_id, person_id, channel, created_at) values ($1, $2, $3, $4, $5)
             on conflict (post_id, person_id, channel) do nothing",
        )
        .bind(code)
        .bind(post)
        .bind(person)
        .bind(channel.as_str())
        .bind(now)
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
             where l.code = $1",
        )
        .bind(code)
        .fetch_optional(&self.pool)
        .await?;
        row.map(link_target).transpose()
    }

    async fn record_share(&self, s: &NewShare) -> StoreResult<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("insert into share (link_id, followers, at) values ($1, $2, $3)")
            .bind(s.link_id)
            .bind(s.followers)
            .bind(s.at)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "insert into link_stats (link_id, shares, potential_reach, last_share_at) values ($1, 1, $2, $3)
             on conflict (link_id) do update set shares = link_stats.shares + 1,
                 potential_reach = link_stats.potential_reach + excluded.potential_reach,
                 last_share_at = excluded.last_share_at",
        )
        .bind(s.link_id)
        .bind(s.followers)
        .bind(s.at)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "insert into link_day_stats (link_id, day, shares, potential_reach) values ($1, $2, 1, $3)
             on conflict (link_id, day) do update set shares = link_day_stats.shares + 1,
                 potential_reach = link_day_stats.potential_reach + excluded.potential_reach",
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
        let mut tx = self.pool.begin().await?;
        // 1. Which (link, visitor) pairs are new: the insert returns only those.
        let (mut v_links, mut v_visitors, mut v_days) = (Vec::new(), Vec::new(), Vec::new());
        let mut seen = FastSet::default();
        for c in clicks {
            if let Some(v) = c.visitor.as_deref() {
                if seen.insert((c.link_id, v)) {
                    v_links.push(c.link_id);
                    v_visitors.push(v.to_owned());
                    v_days.push(c.day);
                }
            }
        }
        let new_visitors: HashSet<(i64, String)> = if v_links.is_empty() {
            HashSet::new()
        } else {
            sqlx::query_as(
                "insert into link_visitor (link_id, visitor, day)
                 select * from unnest($1::bigint[], $2::text[], $3::int[])
                 on conflict do nothing returning link_id, visitor",
            )
            .bind(&v_links)
            .bind(&v_visitors)
            .bind(&v_days)
            .fetch_all(&mut *tx)
            .await?
            .into_iter()
            .collect()
        };
        // 2. The raw clicks, in one statement.
        let links: Vec<i64> = clicks.iter().map(|c| c.link_id).collect();
        let ats: Vec<DateTime<Utc>> = clicks.iter().map(|c| c.at).collect();
        let humans: Vec<bool> = clicks.iter().map(|c| c.human).collect();
        let visitors: Vec<Option<String>> = clicks.iter().map(|c| c.visitor.clone()).collect();
        sqlx::query(
            "insert into click (link_id, at, human, visitor)
             select * from unnest($1::bigint[], $2::timestamptz[], $3::boolean[], $4::text[])",
        )
        .bind(&links)
        .bind(&ats)
        .bind(&humans)
        .bind(&visitors)
        .execute(&mut *tx)
        .await?;
        // 3. The counters, one statement per table.
        let deltas = aggregate_clicks(clicks, &new_visitors);
        let d_links: Vec<i64> = deltas.iter().map(|d| d.link_id).collect();
        let d_days: Vec<i32> = deltas.iter().map(|d| d.day).collect();
        let d_human: Vec<i64> = deltas.iter().map(|d| d.human_clicks).collect();
        let d_unique: Vec<i64> = deltas.iter().map(|d| d.unique_visitors).collect();
        let d_bot: Vec<i64> = deltas.iter().map(|d| d.bot_hits).collect();
        let d_last: Vec<DateTime<Utc>> = deltas.iter().map(|d| d.last_at).collect();
        // Per link: the same link may appear on two days in one batch, so sum first.
        sqlx::query(
            "insert into link_stats (link_id, human_clicks, unique_visitors, bot_hits, last_click_at)
             select link_id, sum(h), sum(u), sum(b), max(l)
             from unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::bigint[], $5::timestamptz[]) as t(link_id, h, u, b, l)
             group by link_id order by link_id
             on conflict (link_id) do update set
                 human_clicks = link_stats.human_clicks + excluded.human_clicks,
                 unique_visitors = link_stats.unique_visitors + excluded.unique_visitors,
                 bot_hits = link_stats.bot_hits + excluded.bot_hits,
                 last_click_at = greatest(link_stats.last_click_at, excluded.last_click_at)",
        )
        .bind(&d_links)
        .bind(&d_human)
        .bind(&d_unique)
        .bind(&d_bot)
        .bind(&d_last)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "insert into link_day_stats (link_id, day, human_clicks, unique_visitors, bot_hits)
             select * from unnest($1::bigint[], $2::int[], $3::bigint[], $4::bigint[], $5::bigint[])
             on conflict (link_id, day) do update set
                 human_clicks = link_day_stats.human_clicks + excluded.human_clicks,
                 unique_visitors = link_day_stats.unique_visitors + excluded.unique_visitors,
                 bot_hits = link_day_stats.bot_hits + excluded.bot_hits",
        )
        .bind(&d_links)
        .bind(&d_days)
        .bind(&d_human)
        .bind(&d_unique)
        .bind(&d_bot)
        .execute(&mut *tx)
        .await?;
        // Links first, then people, each in order: the same order as every
        // other writer, so concurrent writers never deadlock.
        let links = super::analytics::link_owners(&mut tx, &d_links).await?;
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
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "insert into visitor_salt (day, salt) values ($1, $2) on conflict (day) do nothing",
        )
        .bind(day)
        .bind(fresh)
        .execute(&mut *tx)
        .await?;
        // Yesterday's salt stays for late clicks of yesterday; older ones go.
        sqlx::query("delete from visitor_salt where day < $1")
            .bind(day - 1)
            .execute(&mut *tx)
            .await?;
        sqlx::query("delete from link_visitor where day < $1")
            .bind(day - 1)
            .execute(&mut *tx)
            .await?;
        let salt = sqlx::query_scalar("select salt from visitor_salt where day = $1")
            .bind(day)
            .fetch_one(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(salt)
    }

    async fn followers(&self, person: PersonId) -> StoreResult<Followers> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "select network, followers from follower_count where person_id = $1 order by network",
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
        let mut tx = self.pool.begin().await?;
        sqlx::query("delete from follower_count where person_id = $1")
            .bind(person)
            .execute(&mut *tx)
            .await?;
        for (network, n) in &f.counts {
            sqlx::query(
                "insert into follower_count (person_id, network, followers) values ($1, $2, $3)",
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
        #[allow(clippy::type_complexity)]
        let rows: Vec<(
            i64,
            String,
            String,
            i64,
            i64,
            i64,
            i64,
            i64,
            Option<DateTime<Utc>>,
        )> = sqlx::query_as(
            "select l.post_id, p.title, l.channel, s.shares, s.potential_reach, s.human_clicks,
                    s.unique_visitors, s.bot_hits, s.last_share_at
             from share_link l
             join link_stats s on s.link_id = l.link_id
             join post p on p.post_id = l.post_id
             where l.person_id = $1",
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
                        last_share_at: last,
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
            "select d.day, sum(d.shares)::bigint, sum(d.human_clicks)::bigint
             from link_day_stats d join share_link l on l.link_id = d.link_id
             where l.person_id = $1 and d.day >= $2
             group by d.day order by d.day",
        )
        .bind(person)
        .bind(since_day)
        .fetch_all(&self.pool)
        .await?)
    }

    async fn shares_of(&self, post: PostId, person: PersonId) -> StoreResult<i64> {
        Ok(sqlx::query_scalar(
            "select coalesce(sum(s.shares), 0)::bigint from link_stats s join share_link l on l.link_id = s.link_id
             where l.post_id = $1 and l.person_id = $2",
        )
        .bind(post)
        .bind(person)
        .fetch_one(&self.pool)
        .await?)
    }

    async fn click_totals(&self) -> StoreResult<(ClickTotals, ClickTotals)> {
        let (h, u, b): (i64, i64, i64) = sqlx::query_as(
            "select coalesce(sum(human_clicks), 0)::bigint, coalesce(sum(unique_visitors), 0)::bigint,
                    coalesce(sum(bot_hits), 0)::bigint
             from link_stats",
        )
        .fetch_one(&self.pool)
        .await?;
        let (rh, ru, rb): (i64, i64, i64) = sqlx::query_as(
            "select count(*) filter (where human),
                    (select count(*) from (select distinct link_id, visitor from click where human and visitor is not null) v),
                    count(*) filter (where not human)
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
