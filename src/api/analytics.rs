//! The analytics page's data, scoped to what the signed-in person may see.

use crate::model::analytics::{Analytics, AnalyticsScope};
use crate::model::leaderboard::Period;
use crate::model::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use crate::server::{auth, services::analytics, state::app_state};

/// Refused (403) for anyone who is not an admin, an editor or the manager
/// of the team asked for, whatever the page offers.
#[server(prefix = "/api", endpoint = "analytics", input = Json)]
pub async fn get_analytics(
    scope: Option<AnalyticsScope>,
    period: Period,
) -> Result<Analytics, AppError> {
    let user = auth::require_user()?;
    let state = app_state()?;
    analytics::analytics(&state.db, &user, scope, period).await
}
