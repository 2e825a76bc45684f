use super::{audit, SqliteStore};
use crate::model::{InvitationPreview, PersonId};
use crate::server::db::rows::InvitationRow;
use crate::server::db::{
    AcceptInvitation, AuditEntry, InvitationStore, NewInvitation, StoreError, StoreResult,
};
use async_trait::async_trait;
use chrono::{DateTime, Utc};

#[async_trait]
impl InvitationStore for SqliteStore {
    async fn create_invitation(&self, inv: &NewInvitation, entry: &AuditEntry) -> StoreResult<()> {
        let mut tx = self.write().await?;
        // A new link voids the earlier ones: only the latest link works.
        sqlx::query("update invitation set used_at = ? where person_id = ? and used_at is null")
            .bind(inv.created_at.timestamp())
            .bind(inv.person_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "insert into invitation (person_id, token_hash, created_by, created_at, expires_at)
             values (?, ?, ?, ?, ?)",
        )
        .bind(inv.person_id)
        .bind(&inv.token_hash)
        .bind(inv.created_by)
        .bind(inv.created_at.timestamp())
        .bind(inv.expires_at.timestamp())
        .execute(&mut *tx)
        .await?;
        audit(&mut tx, entry).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn invitation_preview(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<InvitationPreview>> {
        let row: Option<InvitationRow> = sqlx::query_as(
            "select p.email, p.name, i.expires_at
             from invitation i join person p on p.person_id = i.person_id
             where i.token_hash = ? and i.used_at is null and i.expires_at > ?
               and p.status = 'invited'",
        )
        .bind(token_hash)
        .bind(now.timestamp())
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| InvitationPreview {
            email: r.email,
            name: r.name,
            expires_at: r.expires_at,
        }))
    }

    async fn accept_invitation(&self, accept: &AcceptInvitation) -> StoreResult<PersonId> {
        let mut tx = self.write().await?;
        let now = accept.now.timestamp();
        // Marking the token used is the guard: of two concurrent uses, one updates the row.
        let person_id: Option<PersonId> = sqlx::query_scalar(
            "update invitation set used_at = ?
             where token_hash = ? and used_at is null and expires_at > ?
               and person_id in (select person_id from person where status = 'invited')
             returning person_id",
        )
        .bind(now)
        .bind(&accept.token_hash)
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?;
        let person_id = person_id.ok_or(StoreError::NotFound)?;
        sqlx::query(
            "update person set name = ?, password_hash = ?, status = 'active', updated_at = ?
             where person_id = ?",
        )
        .bind(&accept.name)
        .bind(&accept.password_hash)
        .bind(now)
        .bind(person_id)
        .execute(&mut *tx)
        .await?;
        let entry = AuditEntry {
            at: accept.now,
            actor_id: Some(person_id),
            action: "invitation.accepted",
            subject_type: "person",
            subject_id: Some(person_id),
            detail: String::new(),
        };
        audit(&mut tx, &entry).await?;
        tx.commit().await?;
        Ok(person_id)
    }
}
