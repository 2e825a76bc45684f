//! Sharing a post through a tracked link, and the reach an ambassador sees.

use crate::model::{
    earned_value, AppError, Channel, ChannelReach, CurrentUser, ErrorCode, FieldError, Followers,
    MyReach, Network, PostId, PostReach, ReachDay, ReachFigures, ShareKit, TrackedLink,
};
use crate::server::db::{NewShare, StoreError};
use crate::server::services::{crisis, posts, sharing_settings, training};
use crate::server::sharing::clicks::day_number;
use crate::server::sharing::links;
use crate::server::state::AppState;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use std::collections::BTreeMap;

pub const MAX_FOLLOWERS: i64 = 1_000_000_000;
/// Days on the reach chart.
pub const REACH_DAYS: i64 = 30;

/// A share about to happen: where to send the ambassador, and with what.
#[derive(Debug, Clone)]
pub struct Shared {
    pub tracked_url: String,
    /// The network's share page; `None` for a copied link.
    pub open_url: Option<String>,
    /// The text as shared, disclosure included.
    pub text: String,
}

fn short_url(base: &str, code: &str) -> String {
    format!("{}/s/{code}", base.trim_end_matches('/'))
}

/// Sharing is for live posts targeted at the person, while not paused.
async fn check_shareable(
    state: &AppState,
    user: &CurrentUser,
    post: PostId,
) -> Result<(), AppError> {
    if !state
        .db
        .visible_to(post, &posts::viewer(user), Utc::now())
        .await?
    {
        return Err(AppError::NotFound);
    }
    if crisis::current(&state.db).await?.is_some() {
        return Err(AppError::SharingPaused);
    }
    Ok(())
}

/// The person's links for a post, one per channel, created on first use.
async fn ensure_links(
    state: &AppState,
    user: &CurrentUser,
    post: PostId,
) -> Result<Vec<(Channel, i64, String)>, AppError> {
    let mut have = state.db.links_of(post, user.id).await?;
    if have.len() < Channel::ALL.len() {
        state.db.ambassador_ref(user.id, &links::new_code()).await?;
        for channel in Channel::ALL {
            if have.iter().any(|(c, _, _)| *c == channel) {
                continue;
            }
            // A clash of random codes is all but impossible; draw again if it happens.
            let mut tries = 0;
            loop {
                match state
                    .db
                    .create_link(post, user.id, channel, &links::new_code(), Utc::now())
                    .await
                {
                    Err(StoreError::Duplicate) if tries < 5 => tries += 1,
                    other => break other?,
                }
            }
        }
        have = state.db.links_of(post, user.id).await?;
    }
    have.sort_by_key(|(c, _, _)| *c);
    Ok(have)
}

pub async fn share_kit(
    state: &AppState,
    user: &CurrentUser,
    post: PostId,
    base: &str,
) -> Result<ShareKit, AppError> {
    if !state
        .db
        .visible_to(post, &posts::viewer(user), Utc::now())
        .await?
    {
        return Err(AppError::NotFound);
    }
    let paused = crisis::current(&state.db).await?.is_some();
    let required = state.db.post(post).await?.and_then(|p| p.required_course);
    let gate = training::gate(state, user, required).await?;
    let links = if paused || gate.is_some() {
        Vec::new()
    } else {
        ensure_links(state, user, post)
            .await?
            .into_iter()
            .map(|(channel, _, code)| TrackedLink {
                channel,
                url: short_url(base, &code),
            })
            .collect()
    };
    Ok(ShareKit {
        post_id: post,
        links,
        paused,
        my_shares: state.db.shares_of(post, user.id).await?,
        variant_offset: user.id.unsigned_abs() as usize,
        gate,
    })
}

/// The text that goes out: the chosen caption (one of the suggestions when
/// the post does not allow edits) with the disclosure always appended.
pub fn compose_text(
    network: Network,
    text: &str,
    suggestions: &[String],
    editable: bool,
    disclosure: &str,
    link: &str,
) -> Result<String, AppError> {
    let text = text.trim();
    if !editable && !text.is_empty() && !suggestions.iter().any(|s| s.trim() == text) {
        return Err(AppError::field("text", ErrorCode::CaptionLocked));
    }
    let disclosure = disclosure.trim();
    let body = if disclosure.is_empty() || text.ends_with(disclosure) {
        text.to_string()
    } else if text.is_empty() {
        disclosure.to_string()
    } else {
        format!("{text} {disclosure}")
    };
    if network.shared_length(&body, "", link) > network.max_chars() {
        return Err(AppError::field(
            "text",
            ErrorCode::OverNetworkLimit {
                max: network.max_chars() as u32,
            },
        ));
    }
    Ok(body)
}

/// Records a share and returns where to send the person.
pub async fn share(
    state: &AppState,
    user: &CurrentUser,
    post_id: PostId,
    channel: Channel,
    text: &str,
    base: &str,
) -> Result<Shared, AppError> {
    check_shareable(state, user, post_id).await?;
    let post = state.db.post(post_id).await?.ok_or(AppError::NotFound)?;
    training::require_certificate(state, user, post.required_course).await?;
    let links = ensure_links(state, user, post_id).await?;
    let (_, link_id, code) = links
        .iter()
        .find(|(c, _, _)| *c == channel)
        .cloned()
        .ok_or(AppError::NotFound)?;
    let tracked_url = short_url(base, &code);
    let text = match channel.network() {
        Some(network) => {
            let suggestions: Vec<String> = post
                .captions
                .iter()
                .filter(|c| c.network == network)
                .map(|c| c.text.clone())
                .collect();
            compose_text(
                network,
                text,
                &suggestions,
                post.captions_editable,
                &post.disclosure,
                &tracked_url,
            )?
        }
        None => String::new(),
    };
    let followers = match channel.network() {
        Some(n) => state.db.followers(user.id).await?.of(n),
        None => 0,
    };
    let now = Utc::now();
    state
        .db
        .record_share(&NewShare {
            link_id,
            followers,
            at: now,
            day: day_number(now),
        })
        .await?;
    Ok(Shared {
        open_url: links::share_page(channel, &tracked_url, &text, &post.title),
        tracked_url,
        text,
    })
}

pub async fn followers(state: &AppState, user: &CurrentUser) -> Result<Followers, AppError> {
    Ok(state.db.followers(user.id).await?)
}

pub async fn save_followers(
    state: &AppState,
    user: &CurrentUser,
    f: &Followers,
) -> Result<Followers, AppError> {
    let mut counts: Vec<(Network, i64)> = Vec::new();
    let mut errors = Vec::new();
    for (network, n) in &f.counts {
        if !(0..=MAX_FOLLOWERS).contains(n) {
            errors.push(FieldError::new(
                network.as_str(),
                ErrorCode::OutOfRange {
                    min: 0,
                    max: MAX_FOLLOWERS,
                },
            ));
        } else if !counts.iter().any(|(k, _)| k == network) {
            counts.push((*network, *n));
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let clean = Followers { counts };
    state.db.save_followers(user.id, &clean).await?;
    Ok(clean)
}

/// Everything the reach page shows, from the counters (never from raw clicks).
pub async fn my_reach(state: &AppState, user: &CurrentUser) -> Result<MyReach, AppError> {
    let settings = sharing_settings::load(&state.db).await?;
    let rows = state.db.reach_by_link(user.id).await?;
    let mut totals = ReachFigures::default();
    let mut by_post: BTreeMap<PostId, PostReach> = BTreeMap::new();
    let mut by_channel: BTreeMap<Channel, ReachFigures> = BTreeMap::new();
    for row in &rows {
        let channel = row.channel.unwrap_or(Channel::Link);
        let figures = ReachFigures {
            shares: row.shares,
            human_clicks: row.human_clicks,
            unique_visitors: row.unique_visitors,
            bot_hits: row.bot_hits,
            potential_reach: row.potential_reach,
            earned_value: earned_value(
                settings.rate(channel),
                row.human_clicks,
                row.potential_reach,
            ),
        };
        totals.add(&figures);
        by_channel.entry(channel).or_default().add(&figures);
        let post = by_post.entry(row.post_id).or_insert_with(|| PostReach {
            post_id: row.post_id,
            title: row.title.clone(),
            figures: ReachFigures::default(),
            last_shared: None,
        });
        post.figures.add(&figures);
        post.last_shared = post.last_shared.max(row.last_share_at);
    }
    let mut posts: Vec<PostReach> = by_post
        .into_values()
        .filter(|p| p.figures.shares > 0 || p.figures.human_clicks > 0)
        .collect();
    posts.sort_by(|a, b| {
        b.last_shared
            .cmp(&a.last_shared)
            .then(b.post_id.cmp(&a.post_id))
    });
    let mut channels: Vec<ChannelReach> = by_channel
        .into_iter()
        .filter(|(_, f)| f.shares > 0 || f.human_clicks > 0)
        .map(|(channel, figures)| ChannelReach { channel, figures })
        .collect();
    channels.sort_by(|a, b| {
        b.figures
            .human_clicks
            .cmp(&a.figures.human_clicks)
            .then(b.figures.shares.cmp(&a.figures.shares))
    });

    let today = day_number(Utc::now());
    let first = today - (REACH_DAYS as i32 - 1);
    let daily = state.db.reach_by_day(user.id, first).await?;
    let days = (first..=today)
        .map(|d| {
            let (shares, human_clicks) = daily
                .iter()
                .find(|(day, _, _)| *day == d)
                .map(|(_, s, h)| (*s, *h))
                .unwrap_or((0, 0));
            ReachDay {
                day: date_of(d),
                shares,
                human_clicks,
            }
        })
        .collect();

    let followers = state.db.followers(user.id).await?;
    let missing_followers = Network::ALL
        .into_iter()
        .filter(|n| matches!(n, Network::Linkedin | Network::X | Network::Facebook))
        .filter(|n| !followers.counts.iter().any(|(k, _)| k == n))
        .collect();
    Ok(MyReach {
        totals,
        days,
        posts,
        channels,
        currency: settings.currency,
        missing_followers,
    })
}

fn date_of(day: i32) -> NaiveDate {
    DateTime::<Utc>::UNIX_EPOCH.date_naive() + Duration::days(day as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_disclosure_is_always_appended_once() {
        let link = "https://pv.example/s/Ab3dE9xy";
        let t = compose_text(Network::X, "Nuevo catálogo", &[], true, "#empleado", link).unwrap();
        assert_eq!(t, "Nuevo catálogo #empleado");
        let t = compose_text(
            Network::X,
            "Nuevo catálogo #empleado",
            &[],
            true,
            "#empleado",
            link,
        )
        .unwrap();
        assert_eq!(t, "Nuevo catálogo #empleado");
        let t = compose_text(Network::Linkedin, "  ", &[], true, "#empleado", link).unwrap();
        assert_eq!(t, "#empleado");
    }

    #[test]
    fn locked_captions_must_be_one_of_the_suggestions() {
        let s = vec!["Texto aprobado".to_string()];
        assert!(compose_text(Network::X, "Texto aprobado", &s, false, "#empleado", "l").is_ok());
        let err =
            compose_text(Network::X, "Mi propio texto", &s, false, "#empleado", "l").unwrap_err();
        assert_eq!(err.for_field("text"), Some(ErrorCode::CaptionLocked));
        assert!(compose_text(Network::X, "Mi propio texto", &s, true, "#empleado", "l").is_ok());
    }

    #[test]
    fn the_network_limit_counts_the_link_and_disclosure() {
        // 280 - 23 (link) - 1 (space) = 256 for caption + " #empleado" (10).
        let ok = "a".repeat(246);
        assert!(compose_text(Network::X, &ok, &[], true, "#empleado", "https://x").is_ok());
        let over = "a".repeat(247);
        let err = compose_text(Network::X, &over, &[], true, "#empleado", "https://x").unwrap_err();
        assert_eq!(
            err.for_field("text"),
            Some(ErrorCode::OverNetworkLimit { max: 280 })
        );
    }
}
