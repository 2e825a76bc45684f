//! Sessions live in the database (not in memory), so several app instances
//! share them and a deactivation ends them everywhere at once. The store
//! copies the person id out of the session data into its own column: that
//! is the person → sessions link tower-sessions does not keep.

use crate::model::PersonId;
use crate::server::db::{Db, SessionRow, StoreError};
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, SessionStore};
use tower_sessions::Session;

/// Session keys, in one place.
pub const PERSON_KEY: &str = "pid";
pub const SIGNED_IN_AT_KEY: &str = "since";
pub const SEEN_AT_KEY: &str = "seen";

#[derive(Clone)]
pub struct DbSessionStore {
    db: Db,
}

impl DbSessionStore {
    pub fn new(db: Db) -> Self {
        DbSessionStore { db }
    }
}

impl std::fmt::Debug for DbSessionStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DbSessionStore")
    }
}

fn backend(e: impl std::fmt::Display) -> session_store::Error {
    session_store::Error::Backend(e.to_string())
}

fn to_row(record: &Record) -> session_store::Result<SessionRow> {
    let data = serde_json::to_string(&record.data)
        .map_err(|e| session_store::Error::Encode(e.to_string()))?;
    let expires_at = DateTime::<Utc>::from_timestamp(record.expiry_date.unix_timestamp(), 0)
        .ok_or_else(|| session_store::Error::Encode("expiry out of range".into()))?;
    Ok(SessionRow {
        id: record.id.to_string(),
        person_id: record.data.get(PERSON_KEY).and_then(|v| v.as_i64()),
        data,
        expires_at,
    })
}

#[async_trait]
impl SessionStore for DbSessionStore {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        loop {
            match self.db.insert_session(&to_row(record)?).await {
                Ok(()) => return Ok(()),
                // 128 random bits collide in theory only; pick another id.
                Err(StoreError::Duplicate) => record.id = Id::default(),
                Err(e) => return Err(backend(e)),
            }
        }
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        self.db
            .save_session(&to_row(record)?)
            .await
            .map_err(backend)
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let Some(row) = self
            .db
            .load_session(&id.to_string(), Utc::now())
            .await
            .map_err(backend)?
        else {
            return Ok(None);
        };
        let data = serde_json::from_str(&row.data)
            .map_err(|e| session_store::Error::Decode(e.to_string()))?;
        let expiry_date = time::OffsetDateTime::from_unix_timestamp(row.expires_at.timestamp())
            .map_err(|e| session_store::Error::Decode(e.to_string()))?;
        Ok(Some(Record {
            id: *id,
            data,
            expiry_date,
        }))
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        self.db
            .delete_session(&id.to_string())
            .await
            .map_err(backend)
    }
}

/// Starts a signed-in session: a new id (the old one is deleted, so a
/// fixated id is worthless), the person, and the time for the absolute limit.
pub async fn begin(
    session: &Session,
    person: PersonId,
    now: DateTime<Utc>,
) -> Result<(), tower_sessions::session::Error> {
    session.cycle_id().await?;
    session.insert(PERSON_KEY, person).await?;
    session.insert(SIGNED_IN_AT_KEY, now.timestamp()).await?;
    session.insert(SEEN_AT_KEY, now.timestamp()).await?;
    Ok(())
}

/// Ends the session: the record is deleted and the cookie removed.
pub async fn end(session: &Session) -> Result<(), tower_sessions::session::Error> {
    session.flush().await
}
