//! What every handler and server function can reach.

use super::auth::password::Hasher;
use super::config::Config;
use super::db::Db;
use super::sharing::cache::RedirectCache;
use super::sharing::clicks::ClickQueue;
use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub config: Arc<Config>,
    pub db: Db,
    pub hasher: Hasher,
    /// Where the redirect puts clicks for the writer task.
    pub clicks: ClickQueue,
    pub redirects: RedirectCache,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// The state, from inside a server function or a component rendered on the server.
pub fn app_state() -> Result<AppState, crate::model::AppError> {
    leptos::prelude::use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from the Leptos context");
        crate::model::AppError::Internal
    })
}
