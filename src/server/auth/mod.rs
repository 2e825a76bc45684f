//! Who is asking, and what they may do.

pub mod current;
pub mod password;
pub mod session;
pub mod throttle;

pub use current::{require_role, require_user, Auth};
