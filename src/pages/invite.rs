//! Accepting an invitation: choose a display name and a password.

use crate::api::auth::{invitation, AcceptInvitation};
use crate::components::{action_error, ErrorNotice, FieldError, Loading};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn InvitePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let preview = Resource::new(token, invitation);
    let accept = ServerAction::<AcceptInvitation>::new();
    let error = action_error(accept);
    Effect::new(move || {
        if let Some(Ok(destination)) = accept.value().get() {
            let _ = window().location().assign(&destination);
        }
    });
    let pending = accept.pending();
    view! {
        <Title text=move || i18n.t().invite_title/>
        <section class="auth-card">
            <h1>{move || i18n.t().invite_title}</h1>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match preview.await {
                        Ok(Some(invite)) => view! {
                            <p class="lead">{move || (i18n.t().invite_intro)(&invite.email)}</p>
                            <ActionForm action=accept attr:class="stack">
                                <input type="hidden" name="token" value=token/>
                                <label class="field">
                                    <span>{move || i18n.t().your_name}</span>
                                    <input type="text" name="name" value=invite.name.clone() autocomplete="name" required maxlength="100"/>
                                    <FieldError error field="name"/>
                                </label>
                                <label class="field">
                                    <span>{move || i18n.t().new_password}</span>
                                    <input type="password" name="password" autocomplete="new-password" required minlength="8"/>
                                    <small class="hint">{move || i18n.t().password_hint}</small>
                                    <FieldError error field="password"/>
                                </label>
                                <label class="field">
                                    <span>{move || i18n.t().confirm_password}</span>
                                    <input type="password" name="confirm" autocomplete="new-password" required/>
                                    <FieldError error field="confirm"/>
                                </label>
                                <ErrorNotice error fields=&["name", "password", "confirm"]/>
                                <button type="submit" class="button button-primary" disabled=pending>
                                    {move || i18n.t().create_account}
                                </button>
                            </ActionForm>
                        }
                        .into_any(),
                        _ => view! { <p class="notice notice-error" role="alert">{move || i18n.t().invite_invalid}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
