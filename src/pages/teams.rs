//! Admin: teams and locations.

use crate::api::people::{get_directory, CreateLocation, CreateTeam};
use crate::components::{action_error, ErrorNotice, FieldError, Guard, Loading};
use crate::i18n::{error_text, use_i18n};
use crate::model::{Access, Role};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn TeamsPage() -> impl IntoView {
    view! {
        <Guard access=Access::Role(Role::Admin)>
            <Teams/>
        </Guard>
    }
}

#[component]
fn Teams() -> impl IntoView {
    let i18n = use_i18n();
    let create_team = ServerAction::<CreateTeam>::new();
    let create_location = ServerAction::<CreateLocation>::new();
    let dir = Resource::new(
        move || (create_team.version().get(), create_location.version().get()),
        |_| get_directory(),
    );
    let team_name = RwSignal::new(String::new());
    let location_name = RwSignal::new(String::new());
    Effect::new(move || {
        if let Some(Ok(_)) = create_team.value().get() {
            team_name.set(String::new());
        }
    });
    Effect::new(move || {
        if let Some(Ok(_)) = create_location.value().get() {
            location_name.set(String::new());
        }
    });
    let team_error = action_error(create_team);
    let location_error = action_error(create_location);

    view! {
        <Title text=move || i18n.t().teams_title/>
        <header class="page-header">
            <h1>{move || i18n.t().teams_title}</h1>
            <p class="lead">{move || i18n.t().teams_intro}</p>
        </header>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match dir.await {
                    Err(e) => view! { <p class="notice notice-error">{error_text(i18n.lang(), &e)}</p> }.into_any(),
                    Ok(d) => view! {
                        <div class="columns">
                            <section class="panel">
                                <h2>{move || i18n.t().teams}</h2>
                                {if d.teams.is_empty() {
                                    view! { <p class="empty-state">{move || i18n.t().no_teams_yet}</p> }.into_any()
                                } else {
                                    view! {
                                        <table class="table">
                                            <thead><tr>
                                                <th scope="col">{move || i18n.t().name}</th>
                                                <th scope="col" class="num">{move || i18n.t().members}</th>
                                                <th scope="col">{move || i18n.t().managers}</th>
                                            </tr></thead>
                                            <tbody>
                                                {d.teams.into_iter().map(|t| view! {
                                                    <tr data-testid="team-row">
                                                        <td>{t.name}</td>
                                                        <td class="num">{t.member_count}</td>
                                                        <td>{t.managers.join(", ")}</td>
                                                    </tr>
                                                }).collect_view()}
                                            </tbody>
                                        </table>
                                    }.into_any()
                                }}
                                <form class="inline-add" on:submit=move |ev| {
                                    ev.prevent_default();
                                    create_team.dispatch(CreateTeam { name: team_name.get_untracked() });
                                }>
                                    <label class="field field-grow">
                                        <span>{move || i18n.t().new_team}</span>
                                        <input type="text" maxlength="80" required bind:value=team_name data-testid="new-team"/>
                                        <FieldError error=team_error field="name"/>
                                    </label>
                                    <button type="submit" class="button" disabled=create_team.pending()>{move || i18n.t().add}</button>
                                </form>
                                <ErrorNotice error=team_error fields=&["name"]/>
                            </section>
                            <section class="panel">
                                <h2>{move || i18n.t().locations}</h2>
                                {if d.locations.is_empty() {
                                    view! { <p class="empty-state">{move || i18n.t().no_locations_yet}</p> }.into_any()
                                } else {
                                    view! {
                                        <table class="table">
                                            <thead><tr>
                                                <th scope="col">{move || i18n.t().name}</th>
                                                <th scope="col" class="num">{move || i18n.t().members}</th>
                                            </tr></thead>
                                            <tbody>
                                                {d.locations.into_iter().map(|l| view! {
                                                    <tr><td>{l.name}</td><td class="num">{l.member_count}</td></tr>
                                                }).collect_view()}
                                            </tbody>
                                        </table>
                                    }.into_any()
                                }}
                                <form class="inline-add" on:submit=move |ev| {
                                    ev.prevent_default();
                                    create_location.dispatch(CreateLocation { name: location_name.get_untracked() });
                                }>
                                    <label class="field field-grow">
                                        <span>{move || i18n.t().new_location}</span>
                                        <input type="text" maxlength="80" required bind:value=location_name/>
                                        <FieldError error=location_error field="name"/>
                                    </label>
                                    <button type="submit" class="button" disabled=create_location.pending()>{move || i18n.t().add}</button>
                                </form>
                                <ErrorNotice error=location_error fields=&["name"]/>
                            </section>
                        </div>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}
