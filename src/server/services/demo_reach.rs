//! Demo sharing history: some ambassadors shared some live posts over the
//! last weeks and people clicked, so reach pages and charts have something
//! to show from the first minute. Deterministic, so screenshots match.

use super::posts::viewer;
use crate::model::{Channel, FeedQuery, Followers, Network, PersonId};
use crate::server::db::{Db, NewShare, StoreError, StoredClick};
use crate::server::sharing::clicks::day_number;
use crate::server::sharing::links::new_code;
use chrono::{Duration, Utc};
use std::collections::HashMap;

/// Who shares in the demo, and how keen they are (shares per week, roughly).
const SHARERS: &[(&str, u64)] = &[
    ("ana@example.com", 5),
    ("luis@example.com", 3),
    ("manager@example.com", 2),
    ("sofia.lopez@example.com", 4),
    ("carlos.mendoza@example.com", 1),
    ("lucia.romero@example.com", 3),
    ("emma.wilson@example.com", 2),
    ("javier.navarro@example.com", 1),
];

const CHANNELS: [Channel; 5] = [
    Channel::Linkedin,
    Channel::X,
    Channel::Whatsapp,
    Channel::Linkedin,
    Channel::Facebook,
];

/// A small deterministic generator (no need for real randomness here).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below.max(1)
    }
}

pub async fn seed(db: &Db, ids: &HashMap<&'static str, PersonId>) -> Result<(), StoreError> {
    let now = Utc::now();
    let mut rng = Lcg(42);
    for (email, keen) in SHARERS {
        let Some(&person) = ids.get(email) else {
            continue;
        };
        let Some((user, _)) = db.current_user(person).await? else {
            continue;
        };
        db.ambassador_ref(person, &new_code()).await?;
        let followers = Followers {
            counts: vec![
                (Network::Linkedin, 150 + rng.next(900) as i64),
                (Network::X, 40 + rng.next(400) as i64),
                (Network::Facebook, 80 + rng.next(300) as i64),
                (Network::Whatsapp, 20 + rng.next(60) as i64),
            ],
        };
        db.save_followers(person, &followers).await?;
        let posts = db.feed(&viewer(&user), &FeedQuery::default(), now).await?;
        let mut clicks = Vec::new();
        for (i, post) in posts.iter().enumerate().take(*keen as usize + 1) {
            let channel = CHANNELS[(i + rng.next(5) as usize) % CHANNELS.len()];
            db.create_link(post.id, person, channel, &new_code(), now)
                .await?;
            let Some((_, link_id, _)) = db
                .links_of(post.id, person)
                .await?
                .into_iter()
                .find(|(c, _, _)| *c == channel)
            else {
                continue;
            };
            let ago =
                Duration::days(rng.next(25) as i64 + 1) + Duration::hours(rng.next(12) as i64);
            let shared_at = now - ago;
            let follower_count = channel.network().map(|n| followers.of(n)).unwrap_or(0);
            db.record_share(&NewShare {
                link_id,
                followers: follower_count,
                at: shared_at,
                day: day_number(shared_at),
            })
            .await?;
            // Clicks come in over the days after the share, most on the first.
            let total = 3 + rng.next(12 * keen);
            for c in 0..total {
                let after = Duration::minutes((rng.next(60 * 24 * 3) as i64) / (1 + c as i64 % 3));
                let at = (shared_at + after).min(now);
                let human = rng.next(10) >= 3;
                clicks.push(StoredClick {
                    link_id,
                    at,
                    day: day_number(at),
                    human,
                    visitor: human.then(|| {
                        format!(
                            "demo-{person}-{link_id}-{}",
                            rng.next(total.max(2) * 2 / 3 + 1)
                        )
                    }),
                });
            }
        }
        db.store_clicks(&clicks).await?;
    }
    Ok(())
}
