use super::PgStore;
use crate::server::db::{StoreResult, ThrottleStore};
use async_trait::async_trait;
use chrono::{DateTime, Utc};

#[async_trait]
impl ThrottleStore for PgStore {
    async fn blocked_until(
        &self,
        keys: &[String],
        now: DateTime<Utc>,
    ) -> StoreResult<Option<DateTime<Utc>>> {
        Ok(sqlx::query_scalar(
            "select max(blocked_until) from sign_in_throttle
             where throttle_key = any($1) and blocked_until > $2",
        )
        .bind(keys)
        .bind(now)
        .fetch_one(&self.pool)
        .await?)
    }

    async fn record_failure(
        &self,
        key: &str,
        now: DateTime<Utc>,
        window: chrono::Duration,
        block: fn(i64) -> chrono::Duration,
    ) -> StoreResult<i64> {
        let mut tx = self.pool.begin().await?;
        let failures: i32 = sqlx::query_scalar(
            "insert into sign_in_throttle (throttle_key, failures, blocked_until, updated_at) values ($1, 1, $2, $2)
             on conflict (throttle_key) do update set
                failures = case when sign_in_throttle.updated_at < $3 then 1 else sign_in_throttle.failures + 1 end,
                updated_at = excluded.updated_at
             returning failures",
        )
        .bind(key)
        .bind(now)
        .bind(now - window)
        .fetch_one(&mut *tx)
        .await?;
        let failures = i64::from(failures);
        sqlx::query("update sign_in_throttle set blocked_until = $1 where throttle_key = $2")
            .bind(now + block(failures))
            .bind(key)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(failures)
    }

    async fn clear_failures(&self, key: &str) -> StoreResult<()> {
        sqlx::query("delete from sign_in_throttle where throttle_key = $1")
            .bind(key)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
