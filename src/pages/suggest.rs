//! Ambassadors suggest a link; it reaches the editors' queue as a draft.

use crate::api::posts::SuggestPost;
use crate::components::{action_error, ErrorNotice, FieldError, Guard};
use crate::i18n::use_i18n;
use crate::model::{Access, Role, Suggestion};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn SuggestPage() -> impl IntoView {
    view! {
        <Guard access=Access::Role(Role::Ambassador)>
            <Suggest/>
        </Guard>
    }
}

#[component]
fn Suggest() -> impl IntoView {
    let i18n = use_i18n();
    let suggest = ServerAction::<SuggestPost>::new();
    let error = action_error(suggest);
    let link = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let sent = move || matches!(suggest.value().get(), Some(Ok(_)));
    Effect::new(move || {
        if let Some(Ok(_)) = suggest.value().get() {
            link.set(String::new());
            note.set(String::new());
        }
    });
    view! {
        <Title text=move || i18n.t().suggest_title/>
        <section class="auth-card">
            <h1>{move || i18n.t().suggest_title}</h1>
            <p class="lead">{move || i18n.t().suggest_intro}</p>
            <form class="stack" on:submit=move |ev| {
                ev.prevent_default();
                suggest.dispatch(SuggestPost { suggestion: Suggestion { link_url: link.get_untracked(), note: note.get_untracked() } });
            }>
                <label class="field">
                    <span>{move || i18n.t().link_to_share}</span>
                    <input type="url" required maxlength="2048" placeholder="https://" bind:value=link data-testid="suggest-link"/>
                    <FieldError error field="link_url"/>
                </label>
                <label class="field">
                    <span>{move || i18n.t().note_for_editors}</span>
                    <textarea rows="4" maxlength="1000" bind:value=note></textarea>
                    <FieldError error field="note"/>
                </label>
                <ErrorNotice error fields=&["link_url", "note"]/>
                <Show when=sent>
                    <p class="notice notice-ok" role="status">{move || i18n.t().suggestion_sent}</p>
                </Show>
                <button type="submit" class="button button-primary" disabled=suggest.pending()>{move || i18n.t().send_suggestion}</button>
            </form>
        </section>
    }
}
