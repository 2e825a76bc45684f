//! What the redirect reads, kept in memory: resolved links (with their
//! target already built) and a snapshot of crisis mode and the sharing
//! settings, refreshed in the background. A click costs no database read
//! once its link is cached.

use crate::model::{PostId, SharingSettings};
use crate::server::db::{Db, LinkTarget, StoreResult};
use crate::server::services::{crisis, sharing_settings};
use axum::http::HeaderValue;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

/// How long another instance's retraction or edit may take to reach this one.
const LINK_TTL: Duration = Duration::from_secs(60);
/// How often crisis mode and the settings are re-read.
pub const SNAPSHOT_EVERY: Duration = Duration::from_secs(2);
const MAX_LINKS: usize = 200_000;

#[derive(Debug)]
pub struct ResolvedLink {
    pub link_id: i64,
    pub post_id: PostId,
    /// The post's link with the UTM parameters, ready to be the `Location`
    /// header (checked once, when the link is resolved).
    pub location: HeaderValue,
    pub retracted: bool,
}

#[derive(Clone, Debug, Default)]
pub struct Snapshot {
    pub crisis: bool,
    pub settings: SharingSettings,
}

struct Entry {
    at: Instant,
    link: Option<Arc<ResolvedLink>>,
}

/// Keyed by code. foldhash rather than SipHash: seeded per process and
/// cheaper, and the map is bounded.
type Links = HashMap<String, Entry, foldhash::fast::RandomState>;

#[derive(Clone, Default)]
pub struct RedirectCache {
    links: Arc<RwLock<Links>>,
    snapshot: Arc<RwLock<Arc<Snapshot>>>,
}

impl RedirectCache {
    pub fn snapshot(&self) -> Arc<Snapshot> {
        match self.snapshot.read() {
            Ok(s) => s.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Re-reads crisis mode and the settings; a change of settings empties
    /// the link cache (the targets depend on `utm_medium`).
    pub async fn refresh(&self, db: &Db) -> StoreResult<()> {
        let crisis = crisis::current(db).await?.is_some();
        let settings = sharing_settings::load(db).await?;
        let changed = self.snapshot().settings != settings;
        let fresh = Arc::new(Snapshot { crisis, settings });
        match self.snapshot.write() {
            Ok(mut s) => *s = fresh,
            Err(poisoned) => *poisoned.into_inner() = fresh,
        }
        if changed {
            self.forget_all();
        }
        Ok(())
    }

    /// Keeps the snapshot fresh for as long as the server runs.
    pub fn spawn_refresher(&self, db: Db) {
        let cache = self.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(SNAPSHOT_EVERY);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tick.tick().await;
                if let Err(e) = cache.refresh(&db).await {
                    tracing::warn!(error = %e, "could not refresh the redirect snapshot");
                }
            }
        });
    }

    /// The link for `code`, from memory or else from the database.
    pub async fn link(&self, db: &Db, code: &str) -> StoreResult<Option<Arc<ResolvedLink>>> {
        if let Ok(links) = self.links.read() {
            if let Some(e) = links.get(code) {
                if e.at.elapsed() < LINK_TTL {
                    return Ok(e.link.clone());
                }
            }
        }
        let snapshot = self.snapshot();
        let link = db
            .link_target(code)
            .await?
            .and_then(|t| resolve(&t, &snapshot.settings))
            .map(Arc::new);
        if let Ok(mut links) = self.links.write() {
            if links.len() >= MAX_LINKS {
                links.clear();
            }
            links.insert(
                code.to_owned(),
                Entry {
                    at: Instant::now(),
                    link: link.clone(),
                },
            );
        }
        Ok(link)
    }

    /// Called when a post changes (edited, retracted): its links are
    /// resolved again on their next click.
    pub fn forget_post(&self, post: PostId) {
        if let Ok(mut links) = self.links.write() {
            links.retain(|_, e| e.link.as_ref().is_none_or(|l| l.post_id != post));
        }
    }

    pub fn forget_all(&self) {
        if let Ok(mut links) = self.links.write() {
            links.clear();
        }
    }
}

fn resolve(t: &LinkTarget, settings: &SharingSettings) -> Option<ResolvedLink> {
    let campaign = super::links::campaign(t.post_id, &t.title);
    let target = super::links::tracked_target(
        &t.link_url,
        &super::links::Utm {
            source: t.channel.as_str(),
            medium: &settings.utm_medium,
            campaign: &campaign,
            content: &t.ambassador_ref,
        },
    )?;
    let location = HeaderValue::from_str(&target).ok()?;
    Some(ResolvedLink {
        link_id: t.link_id,
        post_id: t.post_id,
        location,
        retracted: t.retracted,
    })
}
