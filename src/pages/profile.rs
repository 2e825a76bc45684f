//! One's own details, language and password.

use crate::api::auth::{my_profile, ChangePassword};
use crate::api::sharing::{my_followers, SaveFollowers};
use crate::components::{action_error, ErrorNotice, FieldError, Guard, Loading};
use crate::i18n::{error_text, use_i18n};
use crate::model::{Access, Channel, Followers, Network};
use leptos::html::Form;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ProfilePage() -> impl IntoView {
    view! {
        <Guard access=Access::SignedIn>
            <Profile/>
        </Guard>
    }
}

#[component]
fn Profile() -> impl IntoView {
    let i18n = use_i18n();
    let profile = Resource::new(|| (), |_| my_profile());
    view! {
        <Title text=move || i18n.t().profile_title/>
        <header class="page-header">
            <h1>{move || i18n.t().profile_title}</h1>
            <p><a href="/my-data" data-testid="my-data-link">{move || i18n.t().boards.see_my_data}</a></p>
        </header>
        <div class="columns">
            <section class="panel">
                <h2>{move || i18n.t().profile_details}</h2>
                <Suspense fallback=Loading>
                    {move || Suspend::new(async move {
                        match profile.await {
                            Ok(p) => {
                                let roles = p.roles;
                                view! {
                                    <dl class="details">
                                        <dt>{move || i18n.t().name}</dt><dd>{p.name.clone()}</dd>
                                        <dt>{move || i18n.t().email}</dt><dd>{p.email.clone()}</dd>
                                        <dt>{move || i18n.t().team}</dt>
                                        <dd>{p.team_name.clone().unwrap_or_else(|| "—".into())}</dd>
                                        <dt>{move || i18n.t().location}</dt>
                                        <dd>{p.location_name.clone().unwrap_or_else(|| "—".into())}</dd>
                                        <dt>{move || i18n.t().roles}</dt>
                                        <dd>{move || roles.iter().map(|r| (i18n.t().role_name)(r)).collect::<Vec<_>>().join(", ")}</dd>
                                        <dt>{move || i18n.t().preferred_language}</dt>
                                        <dd>{move || i18n.lang().native_name()}</dd>
                                    </dl>
                                }
                                .into_any()
                            }
                            Err(e) => view! { <p class="notice notice-error">{error_text(i18n.lang(), &e)}</p> }.into_any(),
                        }
                    })}
                </Suspense>
            </section>
            <FollowersForm/>
            <PasswordForm/>
        </div>
    }
}

/// Follower counts per network, for potential reach.
#[component]
fn FollowersForm() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().sharing;
    let current = Resource::new(|| (), |_| my_followers());
    let save = ServerAction::<SaveFollowers>::new();
    let error = action_error(save);
    view! {
        <section class="panel">
            <h2>{move || t().followers_title}</h2>
            <p class="muted small">{move || t().followers_intro}</p>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match current.await {
                        Err(e) => view! { <p class="notice notice-error">{error_text(i18n.lang(), &e)}</p> }.into_any(),
                        Ok(f) => {
                            let fields: Vec<(Network, RwSignal<String>)> = Network::ALL
                                .into_iter()
                                .map(|n| {
                                    let v = f.counts.iter().find(|(k, _)| *k == n).map(|(_, v)| v.to_string()).unwrap_or_default();
                                    (n, RwSignal::new(v))
                                })
                                .collect();
                            let inputs = fields.clone();
                            let submit = move |ev: leptos::ev::SubmitEvent| {
                                ev.prevent_default();
                                let counts = fields
                                    .iter()
                                    .filter_map(|(n, v)| {
                                        let raw = v.get_untracked().trim().replace(['.', ',', ' '], "");
                                        // Empty: not declared. Anything else goes to the server, which says what is wrong.
                                        (!raw.is_empty()).then(|| (*n, raw.parse::<i64>().unwrap_or(-1)))
                                    })
                                    .collect();
                                save.dispatch(SaveFollowers { followers: Followers { counts } });
                            };
                            view! {
                                <form class="stack" on:submit=submit data-testid="followers-form">
                                    {inputs.into_iter().map(|(n, v)| view! {
                                        <label class="field">
                                            <span>{move || (t().followers_label)(Channel::from(n))}</span>
                                            <input type="text" inputmode="numeric" bind:value=v data-testid=format!("followers-{}", n.as_str())/>
                                            <FieldError error field=n.as_str()/>
                                        </label>
                                    }).collect_view()}
                                    <Show when=move || matches!(save.value().get(), Some(Ok(_)))>
                                        <p class="notice notice-ok" role="status">{move || t().saved}</p>
                                    </Show>
                                    <div class="actions"><button type="submit" class="button button-primary" disabled=save.pending()>{move || t().save}</button></div>
                                </form>
                            }.into_any()
                        }
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn PasswordForm() -> impl IntoView {
    let i18n = use_i18n();
    let change = ServerAction::<ChangePassword>::new();
    let error = action_error(change);
    let done = move || matches!(change.value().get(), Some(Ok(())));
    let form = NodeRef::<Form>::new();
    Effect::new(move || {
        if let (Some(Ok(())), Some(form)) = (change.value().get(), form.get()) {
            form.reset();
        }
    });
    view! {
        <section class="panel">
            <h2>{move || i18n.t().change_password}</h2>
            <ActionForm action=change node_ref=form attr:class="stack">
                <label class="field">
                    <span>{move || i18n.t().current_password}</span>
                    <input type="password" name="current" autocomplete="current-password" required/>
                    <FieldError error field="current"/>
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
                <ErrorNotice error fields=&["current", "password", "confirm"]/>
                <Show when=done>
                    <p class="notice notice-ok" role="status">{move || i18n.t().password_changed}</p>
                </Show>
                <button type="submit" class="button button-primary" disabled=change.pending()>
                    {move || i18n.t().change_password}
                </button>
            </ActionForm>
        </section>
    }
}
