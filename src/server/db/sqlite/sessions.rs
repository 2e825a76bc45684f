use super::SqliteStore;
use crate::model::PersonId;
use crate::server::db::rows::SessionDbRow;
use crate::server::db::{map_unique, SessionRecords, SessionRow, StoreResult};
use async_trait::async_trait;
use chrono::{DateTime, Utc};

#[async_trait]
impl SessionRecords for SqliteStore {
    async fn insert_session(&self, s: &SessionRow) -> StoreResult<()> {
        sqlx::query(
            "insert into session (session_id, person_id, data, expires_at) values (?, ?, ?, ?)",
        )
        .bind(&s.id)
        .bind(s.person_id)
        .bind(&s.data)
        .bind(s.expires_at.timestamp())
        .execute(&self.pool)
        .await
        .map_err(map_unique)?;
        Ok(())
    }

    async fn save_session(&self, s: &SessionRow) -> StoreResult<()> {
        // A session whose person was deactivated meanwhile must not come back:
        // the person must still exist and be active (or the session anonymous).
        sqlx::query(
            "insert into session (session_id, person_id, data, expires_at)
             select ?1, ?2, ?3, ?4
             where ?2 is null or exists (select 1 from person where person_id = ?2 and status = 'active')
             on conflict (session_id) do update set
                person_id = excluded.person_id, data = excluded.data, expires_at = excluded.expires_at",
        )
        .bind(&s.id)
        .bind(s.person_id)
        .bind(&s.data)
        .bind(s.expires_at.timestamp())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn load_session(&self, id: &str, now: DateTime<Utc>) -> StoreResult<Option<SessionRow>> {
        let row: Option<SessionDbRow> = sqlx::query_as(
            "select session_id, person_id, data, expires_at from session where session_id = ? and expires_at > ?",
        )
        .bind(id)
        .bind(now.timestamp())
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| SessionRow {
            id: r.session_id,
            person_id: r.person_id,
            data: r.data,
            expires_at: r.expires_at,
        }))
    }

    async fn delete_session(&self, id: &str) -> StoreResult<()> {
        sqlx::query("delete from session where session_id = ?")
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn delete_expired_sessions(&self, now: DateTime<Utc>) -> StoreResult<u64> {
        let done = sqlx::query("delete from session where expires_at <= ?")
            .bind(now.timestamp())
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }

    async fn count_sessions(&self, person: PersonId) -> StoreResult<i64> {
        Ok(
            sqlx::query_scalar("select count(*) from session where person_id = ?")
                .bind(person)
                .fetch_one(&self.pool)
                .await?,
        )
    }
}
