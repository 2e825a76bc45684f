//! Click recording off the request path. The redirect only `try_send`s a
//! click to a bounded queue; one writer task stores clicks in batches, with
//! the counters reach and leaderboards read, in one transaction per batch.
//! On shutdown the queue is closed and drained: no click is lost.

use crate::server::db::{Db, StoredClick};
use chrono::{DateTime, Utc};
use rand::RngCore;
use sha2::{Digest, Sha256};
use std::net::IpAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinHandle;

/// Clicks per database transaction at most. Each transaction has a fixed
/// cost (the counters, the commit) whatever its size: under load the
/// batches grow to what one gathering window brings, up to this bound.
const BATCH: usize = 8000;
/// Clicks the writer prepares between two chances for other tasks to run.
const YIELD_EVERY: usize = 200;
/// How long the writer gathers clicks into one batch. Reach pages lag by
/// this much at most, which nobody notices; the database does far less work.
const GATHER: Duration = Duration::from_millis(100);

/// A click as the redirect saw it. The address and user agent live only in
/// memory, until the writer turns them into the day's visitor hash.
#[derive(Debug)]
pub struct Click {
    pub link_id: i64,
    pub at: DateTime<Utc>,
    pub human: bool,
    pub ip: Option<IpAddr>,
    pub agent: Arc<str>,
}

#[derive(Clone)]
pub struct ClickQueue {
    tx: mpsc::Sender<Click>,
    dropped: Arc<AtomicU64>,
}

impl ClickQueue {
    fn bounded(capacity: usize) -> (ClickQueue, mpsc::Receiver<Click>) {
        let (tx, rx) = mpsc::channel(capacity.max(1));
        let queue = ClickQueue {
            tx,
            dropped: Arc::new(AtomicU64::new(0)),
        };
        (queue, rx)
    }

    /// Never waits: when the queue is full the click is counted as dropped
    /// and logged, and the visitor is redirected all the same.
    pub fn push(&self, click: Click) {
        if self.tx.try_send(click).is_err() {
            let n = self.dropped.fetch_add(1, Ordering::Relaxed) + 1;
            // 1, 2, 4, 8…: a flood of drops does not flood the log.
            if n.is_power_of_two() {
                tracing::warn!(
                    dropped_total = n,
                    "click queue full or closed: click not recorded"
                );
            }
        }
    }

    pub fn dropped(&self) -> u64 {
        self.dropped.load(Ordering::Relaxed)
    }
}

pub struct ClickWriter {
    stop: oneshot::Sender<()>,
    task: JoinHandle<()>,
}

impl ClickWriter {
    /// Starts the writer task and returns the queue that feeds it.
    pub fn start(db: Db, capacity: usize) -> (ClickQueue, ClickWriter) {
        let (queue, rx) = ClickQueue::bounded(capacity);
        let (stop_tx, stop_rx) = oneshot::channel();
        let task = tokio::spawn(write_loop(db, rx, stop_rx));
        (
            queue,
            ClickWriter {
                stop: stop_tx,
                task,
            },
        )
    }

    /// Closes the queue, stores every click still in it, and returns.
    pub async fn drain(self) {
        let _ = self.stop.send(());
        if let Err(e) = self.task.await {
            tracing::error!(error = %e, "the click writer failed");
        }
    }
}

async fn write_loop(db: Db, mut rx: mpsc::Receiver<Click>, mut stop: oneshot::Receiver<()>) {
    let mut salts = Salts::default();
    let mut buf = Vec::with_capacity(BATCH);
    // Kept from batch to batch: the writer allocates its buffers once.
    let mut stored = Vec::with_capacity(BATCH);
    let mut stopping = false;
    let mut drained = 0;
    loop {
        // The first click of a batch (after a stop, whatever is left).
        tokio::select! {
            n = rx.recv_many(&mut buf, BATCH) => {
                if n == 0 {
                    break;
                }
            }
            _ = &mut stop, if !stopping => {
                stopping = true;
                rx.close();
                continue;
            }
        }
        // Under load, one transaction per window instead of one per click:
        // the commit is what costs, not the rows. The writer sleeps through
        // the window rather than waking for every click, then takes what came.
        if !stopping && buf.len() < BATCH {
            tokio::select! {
                _ = tokio::time::sleep(GATHER) => {}
                _ = &mut stop => {
                    stopping = true;
                    rx.close();
                }
            }
            while buf.len() < BATCH {
                match rx.try_recv() {
                    Ok(click) => buf.push(click),
                    Err(_) => break,
                }
            }
        }
        if stopping {
            drained += buf.len();
        }
        write_batch(&db, &mut salts, &mut buf, &mut stored).await;
    }
    tracing::info!(clicks = drained, "click queue drained");
}

/// Stores a batch, retrying a few times if the database is briefly away.
async fn write_batch(
    db: &Db,
    salts: &mut Salts,
    buf: &mut Vec<Click>,
    stored: &mut Vec<StoredClick>,
) {
    stored.clear();
    for (i, click) in buf.drain(..).enumerate() {
        // Hashing a full batch takes milliseconds; the redirects sharing
        // this thread should not wait for all of it.
        if i % YIELD_EVERY == YIELD_EVERY - 1 {
            tokio::task::yield_now().await;
        }
        let day = day_number(click.at);
        let visitor = if click.human {
            salts
                .get(db, day)
                .await
                .map(|salt| visitor_hash(salt, click.ip, &click.agent))
        } else {
            None
        };
        stored.push(StoredClick {
            link_id: click.link_id,
            at: click.at,
            day,
            human: click.human,
            visitor,
        });
    }
    let mut delay = Duration::from_millis(100);
    for attempt in 1..=6 {
        match db.store_clicks(stored).await {
            Ok(()) => return,
            Err(e) if attempt < 6 => {
                tracing::warn!(error = %e, attempt, clicks = stored.len(), "storing clicks failed; retrying");
                tokio::time::sleep(delay).await;
                delay *= 2;
            }
            Err(e) => {
                tracing::error!(error = %e, clicks = stored.len(), "storing clicks failed; these clicks are lost")
            }
        }
    }
}

/// Days since 1970-01-01 (UTC): the unit of daily counters and salts.
pub fn day_number(at: DateTime<Utc>) -> i32 {
    at.timestamp().div_euclid(86_400) as i32
}

/// The salted hash that stands for a visitor for one day. The salt changes
/// every day and old salts are deleted, so a hash cannot be traced back to
/// an address later, nor linked to the same visitor on another day.
pub fn visitor_hash(salt: &[u8], ip: Option<IpAddr>, agent: &str) -> String {
    let mut h = Sha256::new();
    h.update(salt);
    match ip {
        Some(IpAddr::V4(v4)) => h.update(v4.octets()),
        Some(IpAddr::V6(v6)) => h.update(v6.octets()),
        None => {}
    }
    h.update([0]);
    h.update(agent.as_bytes());
    let digest = h.finalize();
    // Lower-case hex of the first 16 bytes, written straight into a string
    // of the right size (this runs for every human click).
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(32);
    for b in &digest[..16] {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 0x0f)]));
    }
    out
}

/// The day's salt, shared by every app instance through the database.
#[derive(Default)]
struct Salts {
    day: i32,
    salt: Vec<u8>,
}

impl Salts {
    async fn get(&mut self, db: &Db, day: i32) -> Option<&[u8]> {
        if self.day != day || self.salt.is_empty() {
            let mut fresh = [0u8; 32];
            rand::rngs::OsRng.fill_bytes(&mut fresh);
            match db.visitor_salt(day, &fresh).await {
                Ok(salt) => {
                    self.day = day;
                    self.salt = salt;
                }
                Err(e) => {
                    tracing::warn!(error = %e, "no visitor salt: clicks stored without a visitor");
                    return None;
                }
            }
        }
        Some(&self.salt)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn visitors_hash_by_day_salt_address_and_agent() {
        let ip: Option<IpAddr> = Some("203.0.113.9".parse().unwrap());
        let a = visitor_hash(b"salt-1", ip, "Firefox");
        assert_eq!(a.len(), 32);
        assert_eq!(a, visitor_hash(b"salt-1", ip, "Firefox"));
        assert_ne!(
            a,
            visitor_hash(b"salt-2", ip, "Firefox"),
            "another day, another visitor"
        );
        assert_ne!(a, visitor_hash(b"salt-1", ip, "Chrome"));
        assert_ne!(
            a,
            visitor_hash(b"salt-1", Some("203.0.113.10".parse().unwrap()), "Firefox")
        );
        assert!(!a.contains("203"), "no trace of the address");
        // The first 16 bytes of SHA-256(salt, address, 0, agent), in lower-case hex.
        let mut h = Sha256::new();
        h.update(b"salt-1");
        h.update([203, 0, 113, 9, 0]);
        h.update(b"Firefox");
        assert_eq!(a, hex::encode(&h.finalize()[..16]));
    }

    fn click() -> Click {
        Click {
            link_id: 1,
            at: Utc::now(),
            human: true,
            ip: None,
            agent: "".into(),
        }
    }

    #[test]
    fn a_full_queue_drops_and_counts_instead_of_waiting() {
        let (queue, mut rx) = ClickQueue::bounded(2);
        for _ in 0..5 {
            queue.push(click());
        }
        assert_eq!(queue.dropped(), 3);
        assert!(rx.try_recv().is_ok() && rx.try_recv().is_ok() && rx.try_recv().is_err());
        // Room again: nothing more is dropped.
        queue.push(click());
        assert_eq!(queue.dropped(), 3);
    }

    #[test]
    fn days_are_counted_in_utc() {
        assert_eq!(
            day_number(Utc.with_ymd_and_hms(1970, 1, 1, 23, 59, 59).unwrap()),
            0
        );
        assert_eq!(
            day_number(Utc.with_ymd_and_hms(1970, 1, 2, 0, 0, 0).unwrap()),
            1
        );
        assert_eq!(
            day_number(Utc.with_ymd_and_hms(1969, 12, 31, 12, 0, 0).unwrap()),
            -1
        );
    }
}
