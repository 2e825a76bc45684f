//! The choice of period the leaderboard and the analytics page share: tabs
//! for the kept periods (this week, month, quarter, all time), a form for a
//! custom range of dates, and the hidden fields that keep the period when
//! another form on the page (a board or scope picker) is sent.

use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::components::Form;

/// The kept periods, by their `period` query value.
const KEPT: [&str; 4] = ["week", "month", "quarter", "all"];

/// One tab per kept period. `href` links a period (by its query value);
/// `current` is the period shown ("custom" marks none).
#[component]
pub fn PeriodTabs(
    current: &'static str,
    href: impl Fn(&str) -> String,
    label: impl Fn() -> &'static str + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().boards;
    let tabs = KEPT
        .into_iter()
        .map(|p| {
            let name = move || match p {
                "week" => t().week,
                "month" => t().month,
                "quarter" => t().quarter,
                _ => t().all_time,
            };
            view! { <a class="tab" href=href(p) aria-current=(p == current).then_some("page")>{name}</a> }
        })
        .collect_view();
    view! { <nav class="tabs" aria-label=label data-testid="period-tabs">{tabs}</nav> }
}

/// A custom range of dates (`from` and `to` as YYYY-MM-DD), sent with the
/// page's `scope` when it has one.
#[component]
pub fn DateRangeForm(
    scope: Option<String>,
    from: String,
    to: String,
    submit: impl Fn() -> &'static str + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().boards;
    view! {
        <Form method="GET" action="" attr:class="inline-form" attr:data-testid="date-picker">
            {scope.map(|s| view! { <input type="hidden" name="scope" value=s/> })}
            <input type="hidden" name="period" value="custom"/>
            <label class="field">
                <span>{move || t().from}</span>
                <input type="date" name="from" value=from required/>
            </label>
            <label class="field">
                <span>{move || t().to}</span>
                <input type="date" name="to" value=to required/>
            </label>
            <button type="submit" class="button">{submit}</button>
        </Form>
    }
}

/// Hidden fields that keep the period shown (with its dates, when custom)
/// in a form that changes something else.
#[component]
pub fn KeepPeriod(period: &'static str, from: String, to: String) -> impl IntoView {
    let custom = period == "custom";
    view! {
        <input type="hidden" name="period" value=period/>
        {custom.then(|| view! {
            <input type="hidden" name="from" value=from/>
            <input type="hidden" name="to" value=to/>
        })}
    }
}
