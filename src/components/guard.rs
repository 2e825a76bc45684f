//! Page access in the browser, mirroring `model::page_access` which the
//! server applies to full page loads.

use super::user::use_user;
use crate::i18n::use_i18n;
use crate::model::Access;
use leptos::prelude::*;
use leptos_router::components::Redirect;

/// Renders `children` if the signed-in person may see the page; otherwise a
/// redirect to sign in, or the "not for your role" message.
#[component]
pub fn Guard(access: Access, children: ChildrenFn) -> impl IntoView {
    let user = use_user();
    view! {
        <Suspense fallback=Loading>
            {move || {
                let children = children.clone();
                Suspend::new(async move {
                    let user = user.get().await;
                    if access.allows(user.as_ref()) {
                        children().into_any()
                    } else if user.is_none() {
                        view! { <Redirect path="/sign-in"/> }.into_any()
                    } else {
                        view! { <Forbidden/> }.into_any()
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
pub fn Loading() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="loading" aria-live="polite"><span class="spinner" aria-hidden="true"></span>{move || i18n.t().loading}</p> }
}

#[component]
pub fn Forbidden() -> impl IntoView {
    let i18n = use_i18n();
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(axum::http::StatusCode::FORBIDDEN);
    }
    view! {
        <section class="empty-state">
            <h1>{move || i18n.t().forbidden_title}</h1>
            <p>{move || i18n.t().forbidden_body}</p>
            <a class="button" href="/">{move || i18n.t().back_home}</a>
        </section>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    view! {
        <leptos_meta::Title text=move || i18n.t().not_found_title/>
        <section class="empty-state">
            <h1>{move || i18n.t().not_found_title}</h1>
            <p>{move || i18n.t().not_found_body}</p>
            <a class="button" href="/">{move || i18n.t().back_home}</a>
        </section>
    }
}
