//! Downloads of leaderboard data: `GET /leaderboard.csv?scope=…&period=…` (a
//! board as a spreadsheet, with the same visibility rules as the board page)
//! and `GET /my-data.json` (everything recorded about the signed-in person),
//! and `GET /analytics.csv?table=…&scope=…&period=…` (one table of the
//! analytics page, with the page's scoping rules).

use crate::model::analytics::{AnalyticsScope, AnalyticsTable};
use crate::model::leaderboard::{BoardScope, Period};
use crate::server::auth::Auth;
use crate::server::services::{analytics, boards};
use crate::server::state::AppState;
use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct BoardQuery {
    scope: Option<String>,
    period: Option<String>,
    from: Option<String>,
    to: Option<String>,
}

pub async fn board_csv(
    State(state): State<AppState>,
    Extension(auth): Extension<Auth>,
    Query(q): Query<BoardQuery>,
) -> Response {
    let Some(user) = auth.0 else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let scope = match q.scope.as_deref().map(BoardScope::parse) {
        Some(None) => return (StatusCode::BAD_REQUEST, "unknown board").into_response(),
        Some(scope) => scope,
        None => None,
    };
    let period = Period::parse(
        q.period.as_deref().unwrap_or("month"),
        q.from.as_deref(),
        q.to.as_deref(),
    );
    match boards::board(&state.db, &user, scope, period).await {
        Ok(board) => {
            let name = format!(
                "attachment; filename=\"leaderboard-{}-{}.csv\"",
                board.scope.map_or("none".to_string(), |s| s.param()),
                period.param()
            );
            (
                [
                    (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                    (header::CONTENT_DISPOSITION, name),
                    (header::CACHE_CONTROL, "no-store".to_string()),
                ],
                boards::board_csv(&board),
            )
                .into_response()
        }
        Err(e) => {
            let status =
                StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            (status, e.to_string()).into_response()
        }
    }
}

/// `GET /my-data.json`: everything recorded about the signed-in person, as a file.
pub async fn my_data_json(
    State(state): State<AppState>,
    Extension(auth): Extension<Auth>,
) -> Response {
    let Some(user) = auth.0 else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let data = match boards::my_data(&state, &user).await {
        Ok(d) => d,
        Err(e) => {
            let status =
                StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            return (status, e.to_string()).into_response();
        }
    };
    match serde_json::to_string_pretty(&data) {
        Ok(body) => (
            [
                (
                    header::CONTENT_TYPE,
                    "application/json; charset=utf-8".to_string(),
                ),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"portavoz-my-data.json\"".to_string(),
                ),
                (header::CACHE_CONTROL, "no-store".to_string()),
            ],
            body,
        )
            .into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

#[derive(Deserialize)]
pub struct AnalyticsQuery {
    table: Option<String>,
    scope: Option<String>,
    period: Option<String>,
    from: Option<String>,
    to: Option<String>,
}

pub async fn analytics_csv(
    State(state): State<AppState>,
    Extension(auth): Extension<Auth>,
    Query(q): Query<AnalyticsQuery>,
) -> Response {
    let Some(user) = auth.0 else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let Some(table) = AnalyticsTable::parse(q.table.as_deref().unwrap_or("days")) else {
        return (StatusCode::BAD_REQUEST, "unknown table").into_response();
    };
    let scope = match q.scope.as_deref().map(AnalyticsScope::parse) {
        Some(None) => return (StatusCode::BAD_REQUEST, "unknown scope").into_response(),
        Some(scope) => scope,
        None => None,
    };
    let period = Period::parse(
        q.period.as_deref().unwrap_or("month"),
        q.from.as_deref(),
        q.to.as_deref(),
    );
    match analytics::analytics(&state.db, &user, scope, period).await {
        Ok(a) => {
            let name = format!(
                "attachment; filename=\"analytics-{}-{}-{}-{}.csv\"",
                table.param(),
                a.scope.param(),
                a.from,
                a.to
            );
            (
                [
                    (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                    (header::CONTENT_DISPOSITION, name),
                    (header::CACHE_CONTROL, "no-store".to_string()),
                ],
                analytics::analytics_csv(&a, table),
            )
                .into_response()
        }
        Err(e) => {
            let status =
                StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            (status, e.to_string()).into_response()
        }
    }
}
