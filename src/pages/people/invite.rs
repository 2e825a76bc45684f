//! Inviting someone: the form, then the single-use link to send them.

use super::editor::PersonEditor;
use crate::api::people::InvitePerson;
use crate::components::{action_error, copy_to_clipboard};
use crate::i18n::use_i18n;
use crate::model::{Directory, InvitationLink, PersonForm, Role};
use leptos::prelude::*;

#[component]
pub fn InvitePanel(
    directory: Directory,
    on_close: impl Fn() + Send + Sync + 'static + Copy,
    on_change: impl Fn() + Send + Sync + 'static + Copy,
) -> impl IntoView {
    let i18n = use_i18n();
    let invite = ServerAction::<InvitePerson>::new();
    let error = action_error(invite);
    let link = Signal::derive(move || invite.value().get().and_then(|r| r.ok()));
    Effect::new(move || {
        if link.get().is_some() {
            on_change();
        }
    });
    let initial = PersonForm {
        roles: vec![Role::Ambassador],
        lang: i18n.lang(),
        ..PersonForm::default()
    };
    view! {
        <div class="dialog-backdrop" on:click=move |_| on_close()></div>
        <section class="dialog" role="dialog" aria-modal="true" aria-labelledby="invite-title">
            <h2 id="invite-title">{move || i18n.t().invite_someone}</h2>
            {move || match link.get() {
                Some(link) => view! { <LinkReady link on_close/> }.into_any(),
                None => view! {
                    <PersonEditor
                        directory=directory.clone()
                        initial=initial.clone()
                        with_email=true
                        submit_label=Signal::derive(move || i18n.t().send_invitation)
                        pending=invite.pending()
                        error
                        on_submit=move |form| { invite.dispatch(InvitePerson { form }); }
                        on_cancel=on_close
                    />
                }
                .into_any(),
            }}
        </section>
    }
}

/// The link, shown once, with a copy button.
#[component]
pub fn LinkReady(
    link: InvitationLink,
    on_close: impl Fn() + Send + Sync + 'static + Copy,
) -> impl IntoView {
    let i18n = use_i18n();
    let copied = RwSignal::new(false);
    let url = link.url.clone();
    let copy = move |_| {
        copy_to_clipboard(&url);
        copied.set(true);
    };
    let email = link.email.clone();
    let expires = link.expires_at;
    view! {
        <div class="stack" data-testid="invitation-link">
            <p role="status">{move || (i18n.t().invitation_ready)(&email)}</p>
            <div class="copy-row">
                <input type="text" readonly value=link.url.clone() data-testid="invitation-url" on:focus=|ev| select_all(&ev)/>
                <button type="button" class="button" on:click=copy>
                    {move || if copied.get() { i18n.t().copied } else { i18n.t().copy }}
                </button>
            </div>
            <p class="muted">{move || (i18n.t().invitation_valid_until)(&(i18n.t().date)(&expires))}</p>
            <div class="actions">
                <button type="button" class="button button-primary" on:click=move |_| on_close()>{move || i18n.t().close}</button>
            </div>
        </div>
    }
}

fn select_all(ev: &leptos::ev::FocusEvent) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        if let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            input.select();
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = ev;
}
