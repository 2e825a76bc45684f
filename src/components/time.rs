//! Times in the reader's own time zone. The server renders UTC; once the
//! page is live the browser rewrites it in local time.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// "2026-11-23T10:30" in local time, for `<input type="datetime-local">`.
pub fn to_local_input(at: DateTime<Utc>) -> String {
    #[cfg(feature = "hydrate")]
    {
        let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
            at.timestamp_millis() as f64
        ));
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}",
            d.get_full_year(),
            d.get_month() + 1,
            d.get_date(),
            d.get_hours(),
            d.get_minutes()
        )
    }
    #[cfg(not(feature = "hydrate"))]
    {
        at.format("%Y-%m-%dT%H:%M").to_string()
    }
}

/// The instant a `datetime-local` value means in the browser's time zone.
pub fn from_local_input(value: &str) -> Option<DateTime<Utc>> {
    if value.trim().is_empty() {
        return None;
    }
    #[cfg(feature = "hydrate")]
    {
        let ms = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(value)).get_time();
        if ms.is_nan() {
            return None;
        }
        DateTime::<Utc>::from_timestamp_millis(ms as i64)
    }
    #[cfg(not(feature = "hydrate"))]
    {
        chrono::NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M")
            .ok()
            .map(|n| n.and_utc())
    }
}

/// A date and time, shown in the reader's zone after hydration.
#[component]
pub fn When(at: DateTime<Utc>) -> impl IntoView {
    let text = RwSignal::new(at.format("%Y-%m-%d %H:%M UTC").to_string());
    Effect::new(move || text.set(to_local_input(at).replace('T', " ")));
    view! { <time datetime=at.to_rfc3339()>{move || text.get()}</time> }
}
