use super::PgStore;
use crate::model::leaderboard::{date_of, day_number, Campaign, CampaignId, NewCampaign};
use crate::model::PersonId;
use crate::server::db::{AuditEntry, BoardRow, CampaignStore, StoreError, StoreResult};
use async_trait::async_trait;

#[derive(sqlx::FromRow)]
struct CampaignRow {
    campaign_id: i64,
    name: String,
    topic_id: i64,
    topic: String,
    start_day: i32,
    end_day: i32,
}

impl From<CampaignRow> for Campaign {
    fn from(r: CampaignRow) -> Campaign {
        Campaign {
            id: r.campaign_id,
            name: r.name,
            topic_id: r.topic_id,
            topic: r.topic,
            from: date_of(r.start_day),
            to: date_of(r.end_day),
        }
    }
}

const CAMPAIGN_SELECT: &str =
    "select c.campaign_id, c.name, c.topic_id, t.name as topic, c.start_day, c.end_day
     from campaign c join topic t on t.topic_id = c.topic_id";

/// Per person, what the topic's posts brought in the range: the campaign's
/// points count shares, human clicks and unique visitors.
fn campaign_sql(extra: &str) -> String {
    format!(
        "select l.person_id, p.name, tm.name as team,
             (sum(d.shares) * max(r.share) + sum(d.human_clicks) * max(r.human_click)
                 + sum(d.unique_visitors) * max(r.unique_visitor))::bigint as points,
             sum(d.shares)::bigint as shares, sum(d.human_clicks)::bigint as human_clicks,
             sum(d.unique_visitors)::bigint as unique_visitors, 0::bigint as courses_completed,
             0::bigint as suggestions_approved
         from post_topic pt join share_link l on l.post_id = pt.post_id
         join link_day_stats d on d.link_id = l.link_id and d.day between $2 and $3
         join person p on p.person_id = l.person_id
         left join team tm on tm.team_id = p.team_id
         cross join points_rule r
         where pt.topic_id = $1{extra}
         group by l.person_id, p.name, tm.name"
    )
}

#[async_trait]
impl CampaignStore for PgStore {
    async fn campaigns(&self) -> StoreResult<Vec<Campaign>> {
        let rows: Vec<CampaignRow> = sqlx::query_as(&format!(
            "{CAMPAIGN_SELECT} order by c.start_day desc, c.campaign_id desc"
        ))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(Campaign::from).collect())
    }

    async fn campaign(&self, id: CampaignId) -> StoreResult<Option<Campaign>> {
        let row: Option<CampaignRow> =
            sqlx::query_as(&format!("{CAMPAIGN_SELECT} where c.campaign_id = $1"))
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(Campaign::from))
    }

    async fn topics(&self) -> StoreResult<Vec<(i64, String)>> {
        Ok(
            sqlx::query_as("select topic_id, name from topic order by name")
                .fetch_all(&self.pool)
                .await?,
        )
    }

    async fn create_campaign(
        &self,
        c: &NewCampaign,
        audit: &AuditEntry,
    ) -> StoreResult<CampaignId> {
        let mut tx = self.pool.begin().await?;
        let topic: Option<i64> =
            sqlx::query_scalar("select topic_id from topic where topic_id = $1")
                .bind(c.topic_id)
                .fetch_optional(&mut *tx)
                .await?;
        if topic.is_none() {
            return Err(StoreError::NotFound);
        }
        let id: CampaignId = sqlx::query_scalar(
            "insert into campaign (name, topic_id, start_day, end_day) values ($1, $2, $3, $4)
             returning campaign_id",
        )
        .bind(&c.name)
        .bind(c.topic_id)
        .bind(day_number(c.from))
        .bind(day_number(c.to))
        .fetch_one(&mut *tx)
        .await?;
        let entry = audit.clone().subject(id);
        super::audit(&mut tx, &entry).await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn delete_campaign(&self, id: CampaignId, audit: &AuditEntry) -> StoreResult<()> {
        let mut tx = self.pool.begin().await?;
        let gone = sqlx::query("delete from campaign where campaign_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if gone == 0 {
            return Err(StoreError::NotFound);
        }
        super::audit(&mut tx, audit).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn campaign_board(&self, topic: i64, from: i32, to: i32) -> StoreResult<Vec<BoardRow>> {
        let sql = format!(
            "select * from ({}) x where points > 0 order by points desc, person_id",
            campaign_sql(" and p.status = 'active' and not p.board_opt_out")
        );
        Ok(sqlx::query_as(&sql)
            .bind(topic)
            .bind(from)
            .bind(to)
            .fetch_all(&self.pool)
            .await?)
    }

    async fn campaign_score(
        &self,
        topic: i64,
        from: i32,
        to: i32,
        person: PersonId,
    ) -> StoreResult<Option<BoardRow>> {
        Ok(sqlx::query_as(&campaign_sql(" and l.person_id = $4"))
            .bind(topic)
            .bind(from)
            .bind(to)
            .bind(person)
            .fetch_optional(&self.pool)
            .await?)
    }
}
