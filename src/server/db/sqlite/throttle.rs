use super::SqliteStore;
use crate::server::db::{StoreResult, ThrottleStore};
use async_trait::async_trait;
use chrono::{DateTime, Utc};

#[async_trait]
impl ThrottleStore for SqliteStore {
    async fn blocked_until(
        &self,
        keys: &[String],
        now: DateTime<Utc>,
    ) -> StoreResult<Option<DateTime<Utc>>> {
        let mut latest: Option<DateTime<Utc>> = None;
        for key in keys {
            let until: Option<DateTime<Utc>> = sqlx::query_scalar(
                "select blocked_until from sign_in_throttle where throttle_key = ? and blocked_until > ?",
            )
            .bind(key)
            .bind(now.timestamp())
            .fetch_optional(&self.pool)
            .await?;
            latest = latest.max(until);
        }
        Ok(latest)
    }

    async fn record_failure(
        &self,
        key: &str,
        now: DateTime<Utc>,
        window: chrono::Duration,
        block: fn(i64) -> chrono::Duration,
    ) -> StoreResult<i64> {
        let mut tx = self.write().await?;
        let failures: i64 = sqlx::query_scalar(
            "insert into sign_in_throttle (throttle_key, failures, blocked_until, updated_at) values (?1, 1, 0, ?2)
             on conflict (throttle_key) do update set
                failures = case when updated_at < ?3 then 1 else failures + 1 end,
                updated_at = excluded.updated_at
             returning failures",
        )
        .bind(key)
        .bind(now.timestamp())
        .bind((now - window).timestamp())
        .fetch_one(&mut *tx)
        .await?;
        let until = now + block(failures);
        sqlx::query("update sign_in_throttle set blocked_until = ? where throttle_key = ?")
            .bind(until.timestamp())
            .bind(key)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(failures)
    }

    async fn clear_failures(&self, key: &str) -> StoreResult<()> {
        sqlx::query("delete from sign_in_throttle where throttle_key = ?")
            .bind(key)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
