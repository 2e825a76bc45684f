//! Reusable view pieces.

pub mod guard;
pub mod layout;
pub mod notice;
pub mod user;

pub use guard::{Forbidden, Guard, Loading, NotFound};
pub use layout::Layout;
pub use notice::{action_error, ErrorNotice, FieldError};
pub use user::{use_user, UserResource};
