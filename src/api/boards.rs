//! Leaderboards: a board with the viewer's standing, opting out, and the
//! admin's points and board settings.

use crate::model::leaderboard::{
    Board, BoardScope, BoardSettings, CampaignId, Campaigns, NewCampaign, Period,
};
use crate::model::my_data::MyData;
use crate::model::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use crate::server::{auth, services::boards, state::app_state};

/// A board the signed-in person may see (refused otherwise, whatever the URL).
#[server(prefix = "/api", endpoint = "boards/board", input = Json)]
pub async fn get_board(scope: Option<BoardScope>, period: Period) -> Result<Board, AppError> {
    let user = auth::require_user()?;
    let state = app_state()?;
    boards::board(&state.db, &user, scope, period).await
}

/// Keeps the signed-in person off every board (they still see their numbers).
/// A plain form post, so the button works before the WebAssembly loads.
#[server(prefix = "/api", endpoint = "boards/opt-out")]
pub async fn set_board_opt_out(out: bool) -> Result<(), AppError> {
    let user = auth::require_user()?;
    let state = app_state()?;
    boards::set_opt_out(&state, &user, out).await?;
    if super::ctx::is_plain_form(&super::ctx::parts()?) {
        leptos_axum::redirect("/leaderboard");
    }
    Ok(())
}

#[server(prefix = "/api", endpoint = "boards/settings", input = Json)]
pub async fn get_board_settings() -> Result<BoardSettings, AppError> {
    let user = auth::require_user()?;
    if !user.has(crate::model::Role::Admin) {
        return Err(AppError::Forbidden);
    }
    let state = app_state()?;
    Ok(boards::settings(&state.db).await?)
}

#[server(prefix = "/api", endpoint = "boards/settings/save", input = Json)]
pub async fn save_board_settings(settings: BoardSettings) -> Result<BoardSettings, AppError> {
    let user = auth::require_user()?;
    let state = app_state()?;
    boards::save_settings(&state, &user, &settings).await
}

/// Everything recorded about the signed-in person.
#[server(prefix = "/api", endpoint = "me/data", input = Json)]
pub async fn get_my_data() -> Result<MyData, AppError> {
    let user = auth::require_user()?;
    let state = app_state()?;
    boards::my_data(&state, &user).await
}

/// Campaigns and the topics to choose from (admins).
#[server(prefix = "/api", endpoint = "boards/campaigns", input = Json)]
pub async fn get_campaigns() -> Result<Campaigns, AppError> {
    let user = auth::require_user()?;
    let state = app_state()?;
    boards::campaigns(&state, &user).await
}

#[server(prefix = "/api", endpoint = "boards/campaigns/create", input = Json)]
pub async fn create_campaign(campaign: NewCampaign) -> Result<CampaignId, AppError> {
    let user = auth::require_user()?;
    let state = app_state()?;
    boards::create_campaign(&state, &user, &campaign).await
}

#[server(prefix = "/api", endpoint = "boards/campaigns/delete", input = Json)]
pub async fn delete_campaign(id: CampaignId) -> Result<(), AppError> {
    let user = auth::require_user()?;
    let state = app_state()?;
    boards::delete_campaign(&state, &user, id).await
}
