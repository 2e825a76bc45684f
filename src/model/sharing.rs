//! Tracked sharing as both halves see it: the channels a post is shared
//! through, an ambassador's tracked links, and the reach figures.

use super::{Network, PostId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Where a share goes: one of the networks, or a copied link.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    Linkedin,
    X,
    Facebook,
    Whatsapp,
    Email,
    Link,
}

impl Channel {
    pub const ALL: [Channel; 6] = [
        Channel::Linkedin,
        Channel::X,
        Channel::Facebook,
        Channel::Whatsapp,
        Channel::Email,
        Channel::Link,
    ];

    /// Also the `utm_source` of the tracked link.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Linkedin => "linkedin",
            Channel::X => "x",
            Channel::Facebook => "facebook",
            Channel::Whatsapp => "whatsapp",
            Channel::Email => "email",
            Channel::Link => "link",
        }
    }

    pub fn parse(s: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.as_str() == s)
    }

    pub fn network(self) -> Option<Network> {
        match self {
            Channel::Linkedin => Some(Network::Linkedin),
            Channel::X => Some(Network::X),
            Channel::Facebook => Some(Network::Facebook),
            Channel::Whatsapp => Some(Network::Whatsapp),
            Channel::Email => Some(Network::Email),
            Channel::Link => None,
        }
    }

    pub fn label(self) -> &'static str {
        self.network().map(Network::label).unwrap_or("Link")
    }

    /// Networks whose share page takes only the URL: the caption goes to
    /// the clipboard instead, with a visible confirmation.
    pub fn caption_via_clipboard(self) -> bool {
        matches!(self, Channel::Linkedin | Channel::Facebook)
    }
}

impl From<Network> for Channel {
    fn from(n: Network) -> Channel {
        match n {
            Network::Linkedin => Channel::Linkedin,
            Network::X => Channel::X,
            Network::Facebook => Channel::Facebook,
            Network::Whatsapp => Channel::Whatsapp,
            Network::Email => Channel::Email,
        }
    }
}

/// One tracked link of the signed-in ambassador for a post.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrackedLink {
    pub channel: Channel,
    /// The full short URL, e.g. `https://portavoz.example/s/Ab3dE9x`.
    pub url: String,
}

/// What the share panel of a post needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ShareKit {
    pub post_id: PostId,
    pub links: Vec<TrackedLink>,
    /// Sharing is paused (crisis mode): show why instead of the buttons.
    pub paused: bool,
    /// How many times this ambassador has shared this post.
    pub my_shares: i64,
    /// Picks which caption variant is pre-selected for this person.
    pub variant_offset: usize,
    /// The post asks for a course this person has not completed: show the
    /// way to it instead of the share buttons.
    pub gate: Option<crate::model::training::CourseGate>,
}

/// A share just recorded: the tracked link, and the network page to open.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SharedLink {
    pub tracked_url: String,
    pub open_url: Option<String>,
    /// The text as shared, disclosure included.
    pub text: String,
}

/// The figures of a reach report. Definitions are on screen next to each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReachFigures {
    /// Share actions taken.
    pub shares: i64,
    /// Clicks on the tracked links by people (not crawlers, bots or prefetches).
    pub human_clicks: i64,
    /// Human clicks counted once per visitor and link per day.
    pub unique_visitors: i64,
    /// Link-preview crawlers, other bots, HEAD requests and prefetches.
    pub bot_hits: i64,
    /// Sum over shares of the ambassador's followers on that network.
    pub potential_reach: i64,
    /// Earned media value, in the currency of the settings.
    pub earned_value: f64,
}

impl ReachFigures {
    /// Adds another set of figures (a link's, a day's) to these totals.
    pub fn add(&mut self, other: &ReachFigures) {
        self.shares += other.shares;
        self.human_clicks += other.human_clicks;
        self.unique_visitors += other.unique_visitors;
        self.bot_hits += other.bot_hits;
        self.potential_reach += other.potential_reach;
        self.earned_value += other.earned_value;
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReachDay {
    pub day: NaiveDate,
    pub shares: i64,
    pub human_clicks: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PostReach {
    pub post_id: PostId,
    pub title: String,
    pub figures: ReachFigures,
    pub last_shared: Option<DateTime<Utc>>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChannelReach {
    pub channel: Channel,
    pub figures: ReachFigures,
}

/// An ambassador's own reach page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MyReach {
    pub totals: ReachFigures,
    /// The last 30 days, oldest first, every day present.
    pub days: Vec<ReachDay>,
    pub posts: Vec<PostReach>,
    pub channels: Vec<ChannelReach>,
    pub currency: String,
    /// Networks without a follower count yet (potential reach misses them).
    pub missing_followers: Vec<Network>,
}

/// Followers an ambassador declares per network (contacts for WhatsApp and e-mail).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Followers {
    pub counts: Vec<(Network, i64)>,
}

impl Followers {
    pub fn of(&self, n: Network) -> i64 {
        self.counts
            .iter()
            .find(|(k, _)| *k == n)
            .map(|(_, v)| *v)
            .unwrap_or(0)
    }
}

/// What a click and a thousand impressions are worth on a network.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ValueRate {
    pub channel: Channel,
    pub per_click: f64,
    pub per_mille: f64,
}

/// Admin settings of tracked sharing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SharingSettings {
    /// `utm_medium` of every tracked link.
    pub utm_medium: String,
    /// Where visitors go when a post was retracted or sharing is paused;
    /// empty means Portavoz's own "no longer available" page.
    pub safe_url: String,
    pub currency: String,
    pub rates: Vec<ValueRate>,
}

impl SharingSettings {
    pub const DEFAULT_MEDIUM: &'static str = "employee_advocacy";

    pub fn rate(&self, c: Channel) -> ValueRate {
        self.rates
            .iter()
            .copied()
            .find(|r| r.channel == c)
            .unwrap_or(ValueRate {
                channel: c,
                per_click: 0.0,
                per_mille: 0.0,
            })
    }
}

impl Default for SharingSettings {
    /// Typical paid-social prices (cost per click, cost per 1,000
    /// impressions) in euros: a starting point admins replace with their own.
    fn default() -> Self {
        let rate = |channel, per_click, per_mille| ValueRate {
            channel,
            per_click,
            per_mille,
        };
        SharingSettings {
            utm_medium: SharingSettings::DEFAULT_MEDIUM.into(),
            safe_url: String::new(),
            currency: "EUR".into(),
            rates: vec![
                rate(Channel::Linkedin, 5.0, 30.0),
                rate(Channel::X, 0.9, 6.5),
                rate(Channel::Facebook, 0.8, 8.0),
                rate(Channel::Whatsapp, 0.5, 0.0),
                rate(Channel::Email, 0.5, 0.0),
                rate(Channel::Link, 0.5, 0.0),
            ],
        }
    }
}

/// Earned media value: human clicks at the cost per click, plus potential
/// impressions at the cost per thousand.
pub fn earned_value(rate: ValueRate, human_clicks: i64, potential_reach: i64) -> f64 {
    human_clicks as f64 * rate.per_click + potential_reach as f64 * rate.per_mille / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn channels_round_trip_and_map_to_networks() {
        for c in Channel::ALL {
            assert_eq!(Channel::parse(c.as_str()), Some(c));
        }
        for n in Network::ALL {
            assert_eq!(Channel::from(n).network(), Some(n));
        }
        assert_eq!(Channel::Link.network(), None);
        assert_eq!(Channel::parse("myspace"), None);
    }

    #[test]
    fn earned_value_adds_clicks_and_impressions() {
        let rate = ValueRate {
            channel: Channel::Linkedin,
            per_click: 5.0,
            per_mille: 30.0,
        };
        assert_eq!(earned_value(rate, 0, 0), 0.0);
        assert_eq!(earned_value(rate, 3, 0), 15.0);
        assert_eq!(earned_value(rate, 3, 2000), 75.0);
    }
}
