//! Sign in: a plain HTML form that works before the WebAssembly loads, and
//! without a reload once it has.

use crate::api::auth::SignIn;
use crate::components::{action_error, ErrorNotice, FieldError};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let sign_in = ServerAction::<SignIn>::new();
    let error = action_error(sign_in);
    let query = use_query_map();
    let next = move || query.read().get("next").unwrap_or_default();
    // Signed in: load the destination afresh, so every part of the page
    // (navigation, language) reflects the person.
    Effect::new(move || {
        if let Some(Ok(destination)) = sign_in.value().get() {
            let _ = window().location().assign(&destination);
        }
    });
    let pending = sign_in.pending();
    view! {
        <Title text=move || i18n.t().sign_in_title/>
        <section class="auth-card">
            <h1>{move || i18n.t().sign_in_title}</h1>
            <p class="lead">{move || i18n.t().sign_in_intro}</p>
            <ActionForm action=sign_in attr:class="stack">
                <input type="hidden" name="next" value=next/>
                <label class="field">
                    <span>{move || i18n.t().email}</span>
                    <input type="email" name="email" autocomplete="username" required
                        aria-describedby="email-error"/>
                    <FieldError error field="email"/>
                </label>
                <label class="field">
                    <span>{move || i18n.t().password}</span>
                    <input type="password" name="password" autocomplete="current-password" required
                        aria-describedby="password-error"/>
                    <FieldError error field="password"/>
                </label>
                <ErrorNotice error fields=&["email", "password"]/>
                <button type="submit" class="button button-primary" disabled=pending>
                    {move || if pending.get() { i18n.t().signing_in } else { i18n.t().sign_in }}
                </button>
            </ActionForm>
        </section>
    }
}
