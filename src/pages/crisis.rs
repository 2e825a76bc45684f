//! Crisis mode: one switch pauses all sharing, with a message and a written
//! procedure every page shows.

use crate::api::posts::SetCrisis;
use crate::components::crisis::use_crisis;
use crate::components::time::When;
use crate::components::{action_error, ErrorNotice, FieldError, Guard, Loading};
use crate::i18n::use_i18n;
use crate::model::{Access, OVERSIGHT};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn CrisisPage() -> impl IntoView {
    view! {
        <Guard access=Access::AnyRole(OVERSIGHT)>
            <Crisis/>
        </Guard>
    }
}

#[component]
fn Crisis() -> impl IntoView {
    let i18n = use_i18n();
    let crisis = use_crisis();
    let set = ServerAction::<SetCrisis>::new();
    let error = action_error(set);
    let message = RwSignal::new(String::new());
    let procedure = RwSignal::new(String::new());
    Effect::new(move || {
        if let Some(Ok(_)) = set.value().get() {
            crisis.0.refetch();
        }
    });
    view! {
        <Title text=move || i18n.t().crisis_title/>
        <header class="page-header">
            <h1>{move || i18n.t().crisis_title}</h1>
            <p class="lead">{move || i18n.t().crisis_intro}</p>
        </header>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match crisis.0.await.ok().flatten() {
                    Some(c) => view! {
                        <section class="panel crisis-on" data-testid="crisis-on">
                            <h2>{move || i18n.t().crisis_is_on}</h2>
                            <p>{move || i18n.t().since}" "<When at=c.since/></p>
                            <p><strong>{c.message.clone()}</strong></p>
                            <p class="pre-line">{c.procedure.clone()}</p>
                            <button type="button" class="button button-primary" data-testid="crisis-off"
                                on:click=move |_| { set.dispatch(SetCrisis { on: false, message: String::new(), procedure: String::new() }); }>
                                {move || i18n.t().crisis_switch_off}
                            </button>
                        </section>
                    }.into_any(),
                    None => view! {
                        <form class="panel stack" on:submit=move |ev| {
                            ev.prevent_default();
                            set.dispatch(SetCrisis { on: true, message: message.get_untracked(), procedure: procedure.get_untracked() });
                        }>
                            <h2>{move || i18n.t().crisis_is_off}</h2>
                            <label class="field">
                                <span>{move || i18n.t().crisis_message}</span>
                                <input type="text" required maxlength="280" bind:value=message data-testid="crisis-message"/>
                                <FieldError error field="message"/>
                            </label>
                            <label class="field">
                                <span>{move || i18n.t().crisis_procedure}</span>
                                <textarea rows="6" maxlength="5000" bind:value=procedure data-testid="crisis-procedure"></textarea>
                                <FieldError error field="procedure"/>
                            </label>
                            <button type="submit" class="button button-danger" data-testid="crisis-on-button">{move || i18n.t().crisis_switch_on}</button>
                        </form>
                    }.into_any(),
                }
            })}
        </Transition>
        <ErrorNotice error fields=&["message", "procedure"]/>
    }
}
