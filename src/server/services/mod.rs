//! Domain services: plain async functions that ordinary tests can call.
//! Server functions stay thin and delegate here.

pub mod accounts;
pub mod analytics;
pub mod boards;
pub mod bootstrap;
pub mod crisis;
pub mod demo;
pub mod demo_course;
pub mod demo_posts;
pub mod demo_reach;
pub mod demo_training;
pub mod images;
pub mod people;
pub mod posts;
pub mod settings;
pub mod sharing;
pub mod sharing_settings;
pub mod token;
pub mod training;

use crate::model::AppError;
use crate::server::db::StoreError;

/// Logs what the browser must not see and answers with a client-safe error.
pub fn internal(e: impl std::fmt::Display) -> AppError {
    tracing::error!(error = %e, "internal error");
    AppError::Internal
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => AppError::NotFound,
            StoreError::Conflict => AppError::Conflict,
            other => internal(other),
        }
    }
}

/// One CSV cell. Cells starting with = + - @ (or a tab or carriage return)
/// would run as formulas in a spreadsheet, so they get a leading quote.
pub fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}
