//! The page of people, with row actions and paging.

use super::invite::LinkReady;
use super::query_string;
use crate::api::people::{ReinvitePerson, SetPersonActive};
use crate::components::{action_error, ErrorNotice};
use crate::i18n::use_i18n;
use crate::model::{PeoplePage, PeopleQuery, Person, PersonStatus};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn PeopleTable(
    page: PeoplePage,
    filters: PeopleQuery,
    on_edit: impl Fn(Person) + Send + Sync + 'static + Copy,
    on_change: impl Fn() + Send + Sync + 'static + Copy,
) -> impl IntoView {
    let i18n = use_i18n();
    let set_active = ServerAction::<SetPersonActive>::new();
    let reinvite = ServerAction::<ReinvitePerson>::new();
    let active_error = action_error(set_active);
    let reinvite_error = action_error(reinvite);
    let new_link = RwSignal::new(None);
    Effect::new(move || {
        if let Some(Ok(_)) = set_active.value().get() {
            on_change();
        }
    });
    Effect::new(move || {
        if let Some(Ok(link)) = reinvite.value().get() {
            new_link.set(Some(link));
        }
    });

    let total = page.total;
    let last_page = ((total.max(1) - 1) / i64::from(page.per_page) + 1) as u32;
    let current = page.page;
    let prev = (current > 1).then(|| query_string(&filters, current - 1));
    let next = (current < last_page).then(|| query_string(&filters, current + 1));

    let rows = page
        .people
        .into_iter()
        .map(|p| {
            let person = p.clone();
            let name = p.name.clone();
            let id = p.id;
            let status = p.status;
            let roles = p.roles;
            let deactivate = move |_| {
                let question = (i18n.t().confirm_deactivate)(&name);
                if window().confirm_with_message(&question).unwrap_or(false) {
                    set_active.dispatch(SetPersonActive { id, active: false });
                }
            };
            view! {
                <tr data-testid="person-row" data-email=p.email.clone()>
                    <td>
                        <div class="person-name">{p.name.clone()}</div>
                        <div class="muted small">{p.email.clone()}</div>
                    </td>
                    <td>
                        <ul class="chips">
                            {move || roles.iter().map(|r| view! { <li class="chip">{(i18n.t().role_name)(r)}</li> }).collect_view()}
                        </ul>
                    </td>
                    <td class="hide-narrow">
                        <div>{p.team_name.clone().unwrap_or_else(|| "—".into())}</div>
                        <div class="muted small">{p.location_name.clone().unwrap_or_default()}</div>
                    </td>
                    <td><span class=format!("badge badge-{}", status.as_str())>{move || (i18n.t().status_name)(status)}</span></td>
                    <td class="hide-narrow">
                        {move || p.last_sign_in_at.map(|d| (i18n.t().date)(&d)).unwrap_or_else(|| i18n.t().never.to_string())}
                    </td>
                    <td class="row-actions">
                        <button type="button" class="button button-small" data-testid="edit-person" on:click=move |_| on_edit(person.clone())>
                            {move || i18n.t().edit}
                        </button>
                        {match status {
                            PersonStatus::Deactivated => view! {
                                <button type="button" class="button button-small" data-testid="reactivate"
                                    on:click=move |_| { set_active.dispatch(SetPersonActive { id, active: true }); }>
                                    {move || i18n.t().reactivate}
                                </button>
                            }.into_any(),
                            _ => view! {
                                <button type="button" class="button button-small button-danger" data-testid="deactivate" on:click=deactivate>
                                    {move || i18n.t().deactivate}
                                </button>
                            }.into_any(),
                        }}
                        {(status == PersonStatus::Invited).then(|| view! {
                            <button type="button" class="button button-small" data-testid="reinvite"
                                on:click=move |_| { reinvite.dispatch(ReinvitePerson { id }); }>
                                {move || i18n.t().new_link}
                            </button>
                        })}
                    </td>
                </tr>
            }
        })
        .collect_view();

    view! {
        <ErrorNotice error=active_error/>
        <ErrorNotice error=reinvite_error/>
        {move || new_link.get().map(|link| view! {
            <div class="dialog-backdrop" on:click=move |_| new_link.set(None)></div>
            <section class="dialog" role="dialog" aria-modal="true">
                <h2>{move || i18n.t().new_link}</h2>
                <LinkReady link on_close=move || new_link.set(None)/>
            </section>
        })}
        <p class="muted" data-testid="people-count">{move || (i18n.t().people_count)(total as usize)}</p>
        {if total == 0 {
            view! { <p class="empty-state">{move || i18n.t().no_one_matches}</p> }.into_any()
        } else {
            view! {
                <div class="table-wrap">
                    <table class="table">
                        <thead>
                            <tr>
                                <th scope="col">{move || i18n.t().name}</th>
                                <th scope="col">{move || i18n.t().roles}</th>
                                <th scope="col" class="hide-narrow">{move || i18n.t().team}</th>
                                <th scope="col">{move || i18n.t().status}</th>
                                <th scope="col" class="hide-narrow">{move || i18n.t().last_sign_in}</th>
                                <th scope="col"><span class="visually-hidden">{move || i18n.t().actions}</span></th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }.into_any()
        }}
        <nav class="pager" aria-label="pages">
            {prev.map(|href| view! { <A href=href>"←"</A> })}
            <span>{format!("{current} / {last_page}")}</span>
            {next.map(|href| view! { <A href=href>"→"</A> })}
        </nav>
    }
}
