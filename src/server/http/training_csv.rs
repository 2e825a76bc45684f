//! `GET /training/report.csv?course=…&team=…`: a progress report as a
//! spreadsheet, with the same scope rules as the report page.

use crate::model::TeamId;
use crate::server::auth::Auth;
use crate::server::services::training;
use crate::server::state::AppState;
use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct ReportQuery {
    course: i64,
    team: Option<TeamId>,
}

pub async fn report_csv(
    State(state): State<AppState>,
    Extension(auth): Extension<Auth>,
    Query(q): Query<ReportQuery>,
) -> Response {
    let Some(user) = auth.0 else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    match training::report(&state, &user, q.course, q.team).await {
        Ok(report) => {
            let name = format!("attachment; filename=\"training-{}.csv\"", q.course);
            (
                [
                    (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                    (header::CONTENT_DISPOSITION, name),
                    (header::CACHE_CONTROL, "no-store".to_string()),
                ],
                training::report_csv(&report),
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
