//! HTTP plumbing around the Leptos app: middleware and plain handlers.

pub mod api_status;
pub mod boards;
pub mod client_ip;
pub mod csrf;
pub mod headers;
pub mod healthz;
pub mod images;
pub mod lang;
pub mod pages;
pub mod redirect;
pub mod share;
pub mod training_csv;
