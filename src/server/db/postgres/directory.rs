use super::{audit, PgStore};
use crate::model::{Directory, Location, LocationId, Team, TeamId};
use crate::server::db::rows::{LocationRow, TeamRow};
use crate::server::db::{
    map_unique, split_scope_names, AuditEntry, DirectoryStore, ScopeNames, StoreResult,
};
use async_trait::async_trait;

#[async_trait]
impl DirectoryStore for PgStore {
    async fn directory(&self) -> StoreResult<Directory> {
        Ok(Directory {
            teams: self.teams().await?,
            locations: self.locations().await?,
        })
    }

    async fn scope_names(&self) -> StoreResult<ScopeNames> {
        let rows: Vec<(i16, i64, String)> = sqlx::query_as(
            "select kind, id, name from (
                 select cast(0 as smallint) as kind, team_id as id, name from team
                 union all
                 select cast(1 as smallint), location_id, name from location
             ) n order by kind, lower(name)",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(split_scope_names(rows))
    }

    async fn teams(&self) -> StoreResult<Vec<Team>> {
        let rows: Vec<TeamRow> = sqlx::query_as(
            "select t.team_id, t.name,
                    (select count(*) from person p where p.team_id = t.team_id and p.status <> 'deactivated') as member_count,
                    (select string_agg(p.name, E'\\n' order by p.name) from team_manager m
                       join person p on p.person_id = m.person_id where m.team_id = t.team_id) as managers
             from team t order by lower(t.name)",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(Team::from).collect())
    }

    async fn locations(&self) -> StoreResult<Vec<Location>> {
        let rows: Vec<LocationRow> = sqlx::query_as(
            "select l.location_id, l.name,
                    (select count(*) from person p where p.location_id = l.location_id and p.status <> 'deactivated') as member_count
             from location l order by lower(l.name)",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(Location::from).collect())
    }

    async fn create_team(&self, name: &str, entry: &AuditEntry) -> StoreResult<TeamId> {
        let mut tx = self.pool.begin().await?;
        let id: TeamId = sqlx::query_scalar(
            "insert into team (name, created_at) values ($1, $2) returning team_id",
        )
        .bind(name)
        .bind(entry.at)
        .fetch_one(&mut *tx)
        .await
        .map_err(map_unique)?;
        audit(&mut tx, &entry.clone().subject(id)).await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn create_location(&self, name: &str, entry: &AuditEntry) -> StoreResult<LocationId> {
        let mut tx = self.pool.begin().await?;
        let id: LocationId = sqlx::query_scalar(
            "insert into location (name, created_at) values ($1, $2) returning location_id",
        )
        .bind(name)
        .bind(entry.at)
        .fetch_one(&mut *tx)
        .await
        .map_err(map_unique)?;
        audit(&mut tx, &entry.clone().subject(id)).await?;
        tx.commit().await?;
        Ok(id)
    }

    async fn team_exists(&self, id: TeamId) -> StoreResult<bool> {
        Ok(
            sqlx::query_scalar("select exists(select 1 from team where team_id = $1)")
                .bind(id)
                .fetch_one(&self.pool)
                .await?,
        )
    }

    async fn location_exists(&self, id: LocationId) -> StoreResult<bool> {
        Ok(
            sqlx::query_scalar("select exists(select 1 from location where location_id = $1)")
                .bind(id)
                .fetch_one(&self.pool)
                .await?,
        )
    }
}
