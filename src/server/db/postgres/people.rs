use super::{audit, PgStore};
use crate::model::validate::Email;
use crate::model::{
    CurrentUser, Lang, PeopleQuery, Person, PersonId, PersonStatus, Role, TeamId, TeamMember,
    PEOPLE_PER_PAGE,
};
use crate::server::db::rows::{CredentialsRow, PersonRow, TeamMemberRow};
use crate::server::db::{
    escape_like, map_unique, rows, AuditEntry, Credentials, NewPerson, PeopleStore, PersonChange,
    StoreError, StoreResult,
};
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::PgConnection;

const PERSON_SELECT: &str = "
    select p.person_id, p.name, p.email, p.status, p.lang, p.team_id, t.name as team_name,
           p.location_id, l.name as location_name, p.last_sign_in_at,
           (select string_agg(r.role, ',') from person_role r where r.person_id = p.person_id) as roles,
           (select string_agg(m.team_id::text, ',') from team_manager m where m.person_id = p.person_id) as managed
    from person p
    left join team t on t.team_id = p.team_id
    left join location l on l.location_id = p.location_id";

async fn replace_roles(
    conn: &mut PgConnection,
    id: PersonId,
    roles: &[Role],
    managed: &[TeamId],
) -> StoreResult<()> {
    let role_names: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
    sqlx::query("delete from person_role where person_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "insert into person_role (person_id, role) select $1, r from unnest($2::text[]) as r
         on conflict do nothing",
    )
    .bind(id)
    .bind(&role_names)
    .execute(&mut *conn)
    .await?;
    sqlx::query("delete from team_manager where person_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "insert into team_manager (team_id, person_id) select t, $1 from unnest($2::bigint[]) as t
         on conflict do nothing",
    )
    .bind(id)
    .bind(managed)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

#[async_trait]
impl PeopleStore for PgStore {
    async fn count_people(&self) -> StoreResult<i64> {
        Ok(sqlx::query_scalar("select count(*) from person")
            .fetch_one(&self.pool)
            .await?)
    }

    async fn credentials_by_email(&self, email: &Email) -> StoreResult<Option<Credentials>> {
        let row: Option<CredentialsRow> = sqlx::query_as(
            "select person_id, password_hash, status, lang from person where email = $1",
        )
        .bind(email.as_str())
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            Ok(Credentials {
                id: r.person_id,
                password_hash: r.password_hash,
                status: rows::parse_status(&r.status)?,
                lang: rows::parse_lang(&r.lang),
            })
        })
        .transpose()
    }

    async fn current_user(&self, id: PersonId) -> StoreResult<Option<(CurrentUser, PersonStatus)>> {
        let row: Option<PersonRow> =
            sqlx::query_as(&format!("{PERSON_SELECT} where p.person_id = $1"))
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
        row.map(PersonRow::into_current_user).transpose()
    }

    async fn list_people(&self, query: &PeopleQuery) -> StoreResult<(Vec<Person>, i64)> {
        let filter = "where ($1 = '' or p.name ilike '%' || $1 || '%' escape '\\' or p.email ilike '%' || $1 || '%' escape '\\')
                 and ($2::text is null or exists (select 1 from person_role r where r.person_id = p.person_id and r.role = $2))
                 and ($3::bigint is null or p.team_id = $3)
                 and ($4::text is null or p.status = $4)";
        let q = escape_like(query.q.trim());
        let role = query.role.map(|r| r.as_str());
        let status = query.status.map(|s| s.as_str());
        let per_page = i64::from(PEOPLE_PER_PAGE);
        let offset = i64::from(query.page.max(1) - 1) * per_page;
        let rows: Vec<PersonRow> = sqlx::query_as(&format!(
            "{PERSON_SELECT} {filter} order by lower(p.name), p.person_id limit $5 offset $6"
        ))
        .bind(&q)
        .bind(role)
        .bind(query.team_id)
        .bind(status)
        .bind(per_page)
        .bind(offset)
        .fetch_all(&self.pool)
        .await?;
        let total: i64 = sqlx::query_scalar(&format!("select count(*) from person p {filter}"))
            .bind(&q)
            .bind(role)
            .bind(query.team_id)
            .bind(status)
            .fetch_one(&self.pool)
            .await?;
        let people = rows
            .into_iter()
            .map(PersonRow::into_person)
            .collect::<StoreResult<_>>()?;
        Ok((people, total))
    }

    async fn get_person(&self, id: PersonId) -> StoreResult<Option<Person>> {
        let row: Option<PersonRow> =
            sqlx::query_as(&format!("{PERSON_SELECT} where p.person_id = $1"))
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
        row.map(PersonRow::into_person).transpose()
    }

    async fn create_person(&self, new: &NewPerson, entry: &AuditEntry) -> StoreResult<PersonId> {
        let mut tx = self.pool.begin().await?;
        let id: PersonId = sqlx::query_scalar(
            "insert into person (email, name, password_hash, status, team_id, location_id, lang, created_at, updated_at)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $8) returning person_id",
        )
        .bind(&new.email)
        .bind(&new.name)
        .bind(&new.password_hash)
        .bind(new.status.as_str())
        .bind(new.team_id)
        .bind(new.location_id)
        .bind(new.lang.code())
        .bind(new.now)
        .fetch_one(&mut *tx)
        .await
        .map_err(map_unique)?;
        replace_roles(&mut tx, id, &new.roles, &new.managed_team_ids).await?;
        audit(&mut tx, &entry.clone().subject(id)).await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn update_person(
        &self,
        id: PersonId,
        change: &PersonChange,
        entry: &AuditEntry,
    ) -> StoreResult<()> {
        let mut tx = self.pool.begin().await?;
        let old_team: Option<Option<i64>> =
            sqlx::query_scalar("select team_id from person where person_id = $1 for update")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
        let done = sqlx::query(
            "update person set name = $1, team_id = $2, location_id = $3, lang = $4, updated_at = $5
             where person_id = $6",
        )
        .bind(&change.name)
        .bind(change.team_id)
        .bind(change.location_id)
        .bind(change.lang.code())
        .bind(change.now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        if let Some(old_team) = old_team {
            super::analytics::move_person(&mut tx, id, old_team, change.team_id).await?;
        }
        replace_roles(&mut tx, id, &change.roles, &change.managed_team_ids).await?;
        audit(&mut tx, entry).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn set_status(
        &self,
        id: PersonId,
        status: PersonStatus,
        entry: &AuditEntry,
    ) -> StoreResult<()> {
        let mut tx = self.pool.begin().await?;
        let done =
            sqlx::query("update person set status = $1, updated_at = $2 where person_id = $3")
                .bind(status.as_str())
                .bind(entry.at)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        if status == PersonStatus::Deactivated {
            sqlx::query("delete from session where person_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "update invitation set used_at = $1 where person_id = $2 and used_at is null",
            )
            .bind(entry.at)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        }
        audit(&mut tx, entry).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn set_password(
        &self,
        id: PersonId,
        password_hash: &str,
        keep_session: Option<&str>,
        entry: &AuditEntry,
    ) -> StoreResult<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("update person set password_hash = $1, updated_at = $2 where person_id = $3")
            .bind(password_hash)
            .bind(entry.at)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("delete from session where person_id = $1 and session_id is distinct from $2")
            .bind(id)
            .bind(keep_session)
            .execute(&mut *tx)
            .await?;
        audit(&mut tx, entry).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn set_lang(&self, id: PersonId, lang: Lang) -> StoreResult<()> {
        sqlx::query("update person set lang = $1 where person_id = $2")
            .bind(lang.code())
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn record_sign_in(&self, id: PersonId, at: DateTime<Utc>) -> StoreResult<()> {
        sqlx::query("update person set last_sign_in_at = $1 where person_id = $2")
            .bind(at)
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn count_active_admins(&self) -> StoreResult<i64> {
        Ok(sqlx::query_scalar(
            "select count(*) from person p join person_role r on r.person_id = p.person_id
             where r.role = 'admin' and p.status = 'active'",
        )
        .fetch_one(&self.pool)
        .await?)
    }

    async fn team_members(&self, manager: PersonId) -> StoreResult<Vec<TeamMember>> {
        let rows: Vec<TeamMemberRow> = sqlx::query_as(
            "select p.person_id, p.name, p.email, p.status, t.name as team_name,
                    l.name as location_name, p.last_sign_in_at
             from team_manager m
             join team t on t.team_id = m.team_id
             join person p on p.team_id = m.team_id
             left join location l on l.location_id = p.location_id
             where m.person_id = $1
             order by lower(t.name), lower(p.name)",
        )
        .bind(manager)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(TeamMemberRow::into_member).collect()
    }
}
