use super::{audit, PgStore};
use crate::server::db::{
    AuditEntry, AuditFilter, AuditRecord, AuditStore, SettingsStore, StoreResult,
};
use async_trait::async_trait;

#[async_trait]
impl AuditStore for PgStore {
    async fn audit_log(&self, f: &AuditFilter) -> StoreResult<Vec<AuditRecord>> {
        Ok(sqlx::query_as(
            "select e.audit_event_id, e.at, e.actor_id, p.name as actor_name, e.action,
                    e.subject_type, e.subject_id, e.detail
             from audit_event e left join person p on p.person_id = e.actor_id
             where ($1::text is null or e.subject_type = $1)
               and ($2::bigint is null or e.subject_id = $2)
               and ($3::bigint is null or e.actor_id = $3)
               and ($4::text is null or e.action like $4 || '%')
             order by e.at desc, e.audit_event_id desc
             limit $5",
        )
        .bind(&f.subject_type)
        .bind(f.subject_id)
        .bind(f.actor_id)
        .bind(&f.action)
        .bind(f.limit)
        .fetch_all(&self.pool)
        .await?)
    }
}

#[async_trait]
impl SettingsStore for PgStore {
    async fn setting(&self, key: &str) -> StoreResult<Option<String>> {
        Ok(
            sqlx::query_scalar("select value from setting where setting_key = $1")
                .bind(key)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    async fn put_setting(&self, key: &str, value: &str, entry: &AuditEntry) -> StoreResult<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "insert into setting (setting_key, value, updated_at, updated_by) values ($1, $2, $3, $4)
             on conflict (setting_key) do update set value = excluded.value,
                updated_at = excluded.updated_at, updated_by = excluded.updated_by",
        )
        .bind(key)
        .bind(value)
        .bind(entry.at)
        .bind(entry.actor_id)
        .execute(&mut *tx)
        .await?;
        audit(&mut tx, entry).await?;
        tx.commit().await?;
        Ok(())
    }
}
