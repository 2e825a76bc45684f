//! Types shared by the server and the browser: no database types, no secrets.

mod access;
mod error;
mod lang;
mod person;
mod role;
pub mod validate;

pub use access::{page_access, safe_next, Access};
pub use error::{AppError, ErrorCode, FieldError};
pub use lang::Lang;
pub use person::*;
pub use role::{Role, Roles, UnknownRole};
