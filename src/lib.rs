#![recursion_limit = "256"]
//! Portavoz: an employee-ambassador platform.
//!
//! One crate, two builds: with `ssr` it is the server (axum, sqlx, sessions);
//! with `hydrate` it is the WebAssembly that makes the server-rendered pages
//! interactive. `model` and the view code are shared; `server` exists only
//! on the server.

pub mod api;
pub mod app;
pub mod components;
pub mod i18n;
pub mod model;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod server;

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
    // A signal for browser tests (and curious people) that the page is live.
    if let Some(body) = leptos::prelude::document().body() {
        let _ = body.set_attribute("data-hydrated", "true");
    }
}
