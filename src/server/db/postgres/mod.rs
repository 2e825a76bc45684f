//! PostgreSQL: for several app instances behind a load balancer. Sessions,
//! throttling and counters live here too, so every instance sees the same.

mod analytics;
mod audit;
mod boards;
mod campaigns;
mod directory;
mod invitations;
mod load;
mod people;
mod posts;
mod sessions;
mod sharing;
mod throttle;
mod training;

use super::{AuditEntry, Backend, Store, StoreResult};
use async_trait::async_trait;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{PgConnection, PgPool};
use std::str::FromStr;
use std::time::Duration;

#[derive(Clone, Debug)]
pub struct PgStore {
    pool: PgPool,
}

impl PgStore {
    pub async fn connect(url: &str, max_connections: u32) -> StoreResult<Self> {
        let options = PgConnectOptions::from_str(url)?.application_name("portavoz");
        let pool = PgPoolOptions::new()
            .max_connections(max_connections.max(1))
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await?;
        sqlx::migrate!("./migrations/postgres").run(&pool).await?;
        Ok(PgStore { pool })
    }

    pub fn pool(&self) -> &PgPool {
        &self.pool
    }
}

/// Appends to the audit trail inside the caller's transaction.
async fn audit(conn: &mut PgConnection, e: &AuditEntry) -> StoreResult<()> {
    sqlx::query(
        "insert into audit_event (at, actor_id, action, subject_type, subject_id, detail)
         values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(e.at)
    .bind(e.actor_id)
    .bind(e.action)
    .bind(e.subject_type)
    .bind(e.subject_id)
    .bind(&e.detail)
    .execute(conn)
    .await?;
    Ok(())
}

#[async_trait]
impl Store for PgStore {
    fn backend(&self) -> Backend {
        Backend::Postgres
    }

    async fn ping(&self) -> StoreResult<()> {
        sqlx::query("select 1").execute(&self.pool).await?;
        Ok(())
    }

    async fn close(&self) {
        self.pool.close().await;
    }
}
