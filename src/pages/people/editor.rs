//! The person form, shared by "invite" and "edit".

use crate::api::people::UpdatePerson;
use crate::components::{action_error, ErrorNotice, FieldError};
use crate::i18n::use_i18n;
use crate::model::{AppError, Directory, Lang, Person, PersonForm, Role};
use leptos::prelude::*;

#[component]
pub fn PersonEditor(
    directory: Directory,
    initial: PersonForm,
    with_email: bool,
    #[prop(into)] submit_label: Signal<&'static str>,
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] error: Signal<Option<AppError>>,
    on_submit: impl Fn(PersonForm) + Send + Sync + 'static,
    on_cancel: impl Fn() + Send + Sync + 'static + Copy,
) -> impl IntoView {
    let i18n = use_i18n();
    let email = RwSignal::new(initial.email.clone());
    let name = RwSignal::new(initial.name.clone());
    let roles = RwSignal::new(initial.roles.clone());
    let team = RwSignal::new(initial.team_id);
    let location = RwSignal::new(initial.location_id);
    let lang = RwSignal::new(initial.lang);
    let managed = RwSignal::new(initial.managed_team_ids.clone());
    let is_manager = move || roles.with(|r| r.contains(&Role::Manager));

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        on_submit(PersonForm {
            email: email.get_untracked(),
            name: name.get_untracked(),
            roles: roles.get_untracked(),
            team_id: team.get_untracked(),
            location_id: location.get_untracked(),
            lang: lang.get_untracked(),
            managed_team_ids: managed.get_untracked(),
        });
    };
    let toggle = |list: RwSignal<Vec<Role>>, role: Role, on: bool| {
        list.update(|l| {
            l.retain(|r| *r != role);
            if on {
                l.push(role);
            }
        })
    };
    let teams = directory.teams.clone();
    let managed_teams = directory.teams.clone();
    let locations = directory.locations.clone();

    view! {
        <form class="stack person-form" on:submit=submit>
            {with_email.then(|| view! {
                <label class="field">
                    <span>{move || i18n.t().email}</span>
                    <input type="email" required data-testid="person-email" bind:value=email/>
                    <FieldError error field="email"/>
                </label>
            })}
            <label class="field">
                <span>{move || i18n.t().name}</span>
                <input type="text" required maxlength="100" data-testid="person-name" bind:value=name/>
                <FieldError error field="name"/>
            </label>
            <fieldset class="field">
                <legend>{move || i18n.t().roles}</legend>
                <div class="checks">
                    {Role::ALL.into_iter().map(|role| view! {
                        <label class="check" title=move || (i18n.t().role_blurb)(role)>
                            <input type="checkbox" value=role.as_str()
                                data-testid=format!("role-{}", role.as_str())
                                prop:checked=move || roles.with(|r| r.contains(&role))
                                on:change=move |ev| toggle(roles, role, event_target_checked(&ev))/>
                            <span>{move || (i18n.t().role_name)(role)}</span>
                        </label>
                    }).collect_view()}
                </div>
                <FieldError error field="roles"/>
            </fieldset>
            <div class="field-row">
                <label class="field">
                    <span>{move || i18n.t().team}</span>
                    <select data-testid="person-team" on:change=move |ev| team.set(event_target_value(&ev).parse().ok())>
                        <option value="" selected=initial.team_id.is_none()>{move || i18n.t().no_team}</option>
                        {teams.into_iter().map(|t| view! {
                            <option value=t.id.to_string() selected=initial.team_id == Some(t.id)>{t.name}</option>
                        }).collect_view()}
                    </select>
                    <FieldError error field="team_id"/>
                </label>
                <label class="field">
                    <span>{move || i18n.t().location}</span>
                    <select data-testid="person-location" on:change=move |ev| location.set(event_target_value(&ev).parse().ok())>
                        <option value="" selected=initial.location_id.is_none()>{move || i18n.t().no_location}</option>
                        {locations.into_iter().map(|l| view! {
                            <option value=l.id.to_string() selected=initial.location_id == Some(l.id)>{l.name}</option>
                        }).collect_view()}
                    </select>
                    <FieldError error field="location_id"/>
                </label>
                <label class="field">
                    <span>{move || i18n.t().preferred_language}</span>
                    <select on:change=move |ev| lang.set(event_target_value(&ev).parse().unwrap_or_default())>
                        {Lang::ALL.into_iter().map(|l| view! {
                            <option value=l.code() selected=initial.lang == l>{l.native_name()}</option>
                        }).collect_view()}
                    </select>
                </label>
            </div>
            <Show when=is_manager>
                <fieldset class="field">
                    <legend>{move || i18n.t().manages_teams}</legend>
                    <div class="checks">
                        {managed_teams.clone().into_iter().map(|t| {
                            let id = t.id;
                            view! {
                                <label class="check">
                                    <input type="checkbox"
                                        data-testid=format!("manages-{id}")
                                        prop:checked=move || managed.with(|m| m.contains(&id))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            managed.update(|m| { m.retain(|x| *x != id); if on { m.push(id); } });
                                        }/>
                                    <span>{t.name}</span>
                                </label>
                            }
                        }).collect_view()}
                    </div>
                    <FieldError error field="managed_team_ids"/>
                </fieldset>
            </Show>
            <ErrorNotice error fields=&["email", "name", "roles", "team_id", "location_id", "managed_team_ids"]/>
            <div class="actions">
                <button type="submit" class="button button-primary" disabled=pending data-testid="person-submit">
                    {move || if pending.get() { i18n.t().saving } else { submit_label.get() }}
                </button>
                <button type="button" class="button button-quiet" on:click=move |_| on_cancel()>
                    {move || i18n.t().cancel}
                </button>
            </div>
        </form>
    }
}

impl From<&Person> for PersonForm {
    fn from(p: &Person) -> Self {
        PersonForm {
            email: p.email.clone(),
            name: p.name.clone(),
            roles: p.roles.iter().collect(),
            team_id: p.team_id,
            location_id: p.location_id,
            lang: p.lang,
            managed_team_ids: p.managed_team_ids.clone(),
        }
    }
}

/// Editing someone already here: everything but the e-mail address.
#[component]
pub fn EditPanel(
    person: Person,
    directory: Directory,
    on_close: impl Fn() + Send + Sync + 'static + Copy,
    on_change: impl Fn() + Send + Sync + 'static + Copy,
) -> impl IntoView {
    let i18n = use_i18n();
    let update = ServerAction::<UpdatePerson>::new();
    let error = action_error(update);
    let id = person.id;
    Effect::new(move || {
        if let Some(Ok(())) = update.value().get() {
            on_change();
            on_close();
        }
    });
    let title = person.name.clone();
    view! {
        <div class="dialog-backdrop" on:click=move |_| on_close()></div>
        <section class="dialog" role="dialog" aria-modal="true" aria-labelledby="edit-title">
            <h2 id="edit-title">{move || (i18n.t().edit_person)(&title)}</h2>
            <p class="muted">{person.email.clone()}</p>
            <PersonEditor
                directory
                initial=PersonForm::from(&person)
                with_email=false
                submit_label=Signal::derive(move || i18n.t().save)
                pending=update.pending()
                error
                on_submit=move |form| { update.dispatch(UpdatePerson { id, form }); }
                on_cancel=on_close
            />
        </section>
    }
}
