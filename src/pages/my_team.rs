//! Managers: the people in the teams they manage, and nobody else.

use crate::api::people::my_team;
use crate::components::{Guard, Loading};
use crate::i18n::{error_text, use_i18n};
use crate::model::{Access, Role};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn MyTeamPage() -> impl IntoView {
    view! {
        <Guard access=Access::Role(Role::Manager)>
            <MyTeam/>
        </Guard>
    }
}

#[component]
fn MyTeam() -> impl IntoView {
    let i18n = use_i18n();
    let members = Resource::new(|| (), |_| my_team());
    view! {
        <Title text=move || i18n.t().my_team_title/>
        <header class="page-header">
            <h1>{move || i18n.t().my_team_title}</h1>
            <p class="lead">{move || i18n.t().my_team_intro}</p>
        </header>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match members.await {
                    Err(e) => view! { <p class="notice notice-error">{error_text(i18n.lang(), &e)}</p> }.into_any(),
                    Ok(list) if list.is_empty() => view! { <p class="empty-state">{move || i18n.t().my_team_empty}</p> }.into_any(),
                    Ok(list) => view! {
                        <div class="table-wrap">
                            <table class="table">
                                <thead><tr>
                                    <th scope="col">{move || i18n.t().name}</th>
                                    <th scope="col">{move || i18n.t().team}</th>
                                    <th scope="col" class="hide-narrow">{move || i18n.t().location}</th>
                                    <th scope="col">{move || i18n.t().status}</th>
                                    <th scope="col" class="hide-narrow">{move || i18n.t().last_sign_in}</th>
                                </tr></thead>
                                <tbody>
                                    {list.into_iter().map(|m| {
                                        let status = m.status;
                                        let last = m.last_sign_in_at;
                                        view! {
                                            <tr data-testid="member-row">
                                                <td>{m.name}</td>
                                                <td>{m.team_name}</td>
                                                <td class="hide-narrow">{m.location_name.unwrap_or_default()}</td>
                                                <td><span class=format!("badge badge-{}", status.as_str())>{move || (i18n.t().status_name)(status)}</span></td>
                                                <td class="hide-narrow">{move || last.map(|d| (i18n.t().date)(&d)).unwrap_or_else(|| i18n.t().never.to_string())}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}
