//! Tracked sharing: an ambassador's links for a post, recording a share,
//! follower counts, their reach, and the admin's sharing settings.

use crate::model::{
    AppError, Channel, Followers, MyReach, PostId, ShareKit, SharedLink, SharingSettings,
};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use {
    super::ctx,
    crate::model::Role,
    crate::server::{
        auth,
        services::{sharing, sharing_settings},
        state::app_state,
    },
};

/// The signed-in person's tracked links for a post they may share.
#[server(prefix = "/api", endpoint = "share/kit", input = Json)]
pub async fn get_share_kit(post_id: PostId) -> Result<ShareKit, AppError> {
    let user = auth::require_user()?;
    let state = app_state()?;
    let base = ctx::base_url(&ctx::parts()?, state.config.public_url.as_ref());
    sharing::share_kit(&state, &user, post_id, &base).await
}

/// Records a share (the share buttons post a plain form to `/share`; this
/// is the same for script callers, e.g. "copy link").
#[server(prefix = "/api", endpoint = "share", input = Json)]
pub async fn share_post(
    post_id: PostId,
    channel: Channel,
    text: String,
) -> Result<SharedLink, AppError> {
    let user = auth::require_user()?;
    let state = app_state()?;
    let base = ctx::base_url(&ctx::parts()?, state.config.public_url.as_ref());
    let shared = sharing::share(&state, &user, post_id, channel, &text, &base).await?;
    Ok(SharedLink {
        tracked_url: shared.tracked_url,
        open_url: shared.open_url,
        text: shared.text,
    })
}

#[server(prefix = "/api", endpoint = "reach/mine", input = Json)]
pub async fn get_my_reach() -> Result<MyReach, AppError> {
    let user = auth::require_user()?;
    sharing::my_reach(&app_state()?, &user).await
}

#[server(prefix = "/api", endpoint = "followers", input = Json)]
pub async fn my_followers() -> Result<Followers, AppError> {
    let user = auth::require_user()?;
    sharing::followers(&app_state()?, &user).await
}

#[server(prefix = "/api", endpoint = "followers/save", input = Json)]
pub async fn save_followers(followers: Followers) -> Result<Followers, AppError> {
    let user = auth::require_user()?;
    sharing::save_followers(&app_state()?, &user, &followers).await
}

#[server(prefix = "/api", endpoint = "settings/sharing", input = Json)]
pub async fn get_sharing_settings() -> Result<SharingSettings, AppError> {
    auth::require_role(Role::Admin)?;
    Ok(sharing_settings::load(&app_state()?.db).await?)
}

#[server(prefix = "/api", endpoint = "settings/sharing/save", input = Json)]
pub async fn save_sharing_settings(settings: SharingSettings) -> Result<SharingSettings, AppError> {
    let admin = auth::require_role(Role::Admin)?;
    sharing_settings::save(&app_state()?, &admin, &settings).await
}
