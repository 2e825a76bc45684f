//! Types shared by the server and the browser: no database types, no secrets.

mod access;
pub mod analytics;
mod audit;
mod error;
mod lang;
pub mod leaderboard;
pub mod my_data;
mod network;
mod person;
mod post;
mod role;
mod sharing;
pub mod training;
pub mod validate;
pub mod workflow;

pub use access::{
    page_access, safe_next, Access, ANALYTICS, OVERSIGHT, STAFF, TRAINERS, TRAINING_REPORTS,
};
pub use audit::{AuditItem, AuditQuery, AUDIT_PAGE};
pub use error::{AppError, ErrorCode, FieldError};
pub use lang::Lang;
pub use network::{Network, LINKEDIN_FOLD, X_LINK_LENGTH};
pub use person::*;
pub use post::*;
pub use role::{Role, Roles, UnknownRole};
pub use sharing::*;
pub use workflow::{Phase, PostStatus, Step, WorkflowError};
