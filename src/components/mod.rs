//! Reusable view pieces.

pub mod chart;
pub mod clipboard;
pub mod crisis;
pub mod guard;
pub mod image_upload;
pub mod layout;
pub mod notice;
pub mod period;
pub mod time;
pub mod user;

pub use clipboard::copy_to_clipboard;
pub use guard::{Forbidden, Guard, Loading, NotFound};
pub use layout::Layout;
pub use notice::{action_error, ErrorNotice, FieldError};
pub use period::{DateRangeForm, KeepPeriod, PeriodTabs};
pub use user::{use_user, UserResource};
