//! Admin: people. Filters live in the URL (linkable, back button works);
//! the list is paged on the server, so it stays fast with 100,000 people.

mod editor;
mod invite;
mod table;

use crate::api::people::{get_directory, list_people};
use crate::components::{Guard, Loading};
use crate::i18n::{error_text, use_i18n};
use crate::model::{Access, Directory, PeopleQuery, Person, PersonStatus, Role};
use editor::EditPanel;
use invite::InvitePanel;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;
use table::PeopleTable;

#[component]
pub fn PeoplePage() -> impl IntoView {
    view! {
        <Guard access=Access::Role(Role::Admin)>
            <People/>
        </Guard>
    }
}

/// Reads the filters from the page's query string.
fn filters_from_query(get: impl Fn(&str) -> Option<String>) -> PeopleQuery {
    PeopleQuery {
        q: get("q").unwrap_or_default(),
        role: get("role").and_then(|r| r.parse().ok()),
        team_id: get("team").and_then(|t| t.parse().ok()),
        status: get("status").and_then(|s| PersonStatus::parse(&s)),
        page: get("page").and_then(|p| p.parse().ok()).unwrap_or(1).max(1),
    }
}

/// The query string for `filters` on another page of results.
pub(super) fn query_string(filters: &PeopleQuery, page: u32) -> String {
    let mut out = url_pairs();
    if !filters.q.is_empty() {
        out.append_pair("q", &filters.q);
    }
    if let Some(r) = filters.role {
        out.append_pair("role", r.as_str());
    }
    if let Some(t) = filters.team_id {
        out.append_pair("team", &t.to_string());
    }
    if let Some(s) = filters.status {
        out.append_pair("status", s.as_str());
    }
    if page > 1 {
        out.append_pair("page", &page.to_string());
    }
    format!("?{}", out.finish())
}

fn url_pairs() -> form_urlencoded::Serializer<'static, String> {
    form_urlencoded::Serializer::new(String::new())
}

#[component]
fn People() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let filters = Memo::new(move |_| filters_from_query(|k| query.read().get(k)));
    // Bumped after every change, so the list reloads.
    let changes = RwSignal::new(0u32);
    let people = Resource::new(
        move || (filters.get(), changes.get()),
        |(f, _)| list_people(f),
    );
    let dir = Resource::new(|| (), |_| get_directory());
    let inviting = RwSignal::new(false);
    let editing = RwSignal::new(None::<Person>);

    view! {
        <Title text=move || i18n.t().people_title/>
        <header class="page-header page-header-row">
            <div>
                <h1>{move || i18n.t().people_title}</h1>
                <p class="lead">{move || i18n.t().people_intro}</p>
            </div>
            <button class="button button-primary" data-testid="open-invite" on:click=move |_| inviting.set(true)>
                {move || i18n.t().invite_someone}
            </button>
        </header>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let directory: Directory = match dir.await {
                    Ok(d) => d,
                    Err(e) => return view! { <p class="notice notice-error">{error_text(i18n.lang(), &e)}</p> }.into_any(),
                };
                let d1 = directory.clone();
                let d2 = directory.clone();
                view! {
                    <Show when=move || inviting.get()>
                        <InvitePanel directory=d1.clone() on_close=move || inviting.set(false) on_change=move || changes.update(|n| *n += 1)/>
                    </Show>
                    {move || editing.get().map(|person| view! {
                        <EditPanel person directory=d2.clone() on_close=move || editing.set(None) on_change=move || changes.update(|n| *n += 1)/>
                    })}
                    <FilterBar directory=directory.clone() filters/>
                    <Transition fallback=Loading>
                        {move || Suspend::new(async move {
                            match people.await {
                                Ok(page) => view! {
                                    <PeopleTable page filters=filters.get_untracked() on_edit=move |p| editing.set(Some(p)) on_change=move || changes.update(|n| *n += 1)/>
                                }.into_any(),
                                Err(e) => view! { <p class="notice notice-error">{error_text(i18n.lang(), &e)}</p> }.into_any(),
                            }
                        })}
                    </Transition>
                }
                .into_any()
            })}
        </Suspense>
    }
}

/// A GET form: works without WebAssembly, and navigates client-side with it.
#[component]
fn FilterBar(directory: Directory, filters: Memo<PeopleQuery>) -> impl IntoView {
    let i18n = use_i18n();
    let f = filters.get_untracked();
    let teams = directory.teams.clone();
    view! {
        <Form method="GET" action="" attr:class="filter-bar" attr:role="search">
            <label class="field field-grow">
                <span class="visually-hidden">{move || i18n.t().search}</span>
                <input type="search" name="q" value=f.q.clone() placeholder=move || i18n.t().search data-testid="people-search"/>
            </label>
            <label class="field">
                <span class="visually-hidden">{move || i18n.t().roles}</span>
                <select name="role">
                    <option value="">{move || format!("{}: {}", i18n.t().roles, i18n.t().all)}</option>
                    {Role::ALL.into_iter().map(|r| view! {
                        <option value=r.as_str() selected=f.role == Some(r)>{move || (i18n.t().role_name)(r)}</option>
                    }).collect_view()}
                </select>
            </label>
            <label class="field">
                <span class="visually-hidden">{move || i18n.t().team}</span>
                <select name="team">
                    <option value="">{move || format!("{}: {}", i18n.t().team, i18n.t().all)}</option>
                    {teams.into_iter().map(|t| view! {
                        <option value=t.id.to_string() selected=f.team_id == Some(t.id)>{t.name}</option>
                    }).collect_view()}
                </select>
            </label>
            <label class="field">
                <span class="visually-hidden">{move || i18n.t().status}</span>
                <select name="status">
                    <option value="">{move || format!("{}: {}", i18n.t().status, i18n.t().all)}</option>
                    {[PersonStatus::Active, PersonStatus::Invited, PersonStatus::Deactivated].into_iter().map(|s| view! {
                        <option value=s.as_str() selected=f.status == Some(s)>{move || (i18n.t().status_name)(s)}</option>
                    }).collect_view()}
                </select>
            </label>
            <button type="submit" class="button">{move || i18n.t().search}</button>
        </Form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_round_trip_through_the_query_string() {
        let f = PeopleQuery {
            q: "ana g".into(),
            role: Some(Role::Editor),
            team_id: Some(3),
            status: Some(PersonStatus::Invited),
            page: 2,
        };
        let qs = query_string(&f, 2);
        let pairs: Vec<(String, String)> =
            form_urlencoded::parse(qs.trim_start_matches('?').as_bytes())
                .into_owned()
                .collect();
        let back = filters_from_query(|k| {
            pairs
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.clone())
        });
        assert_eq!(back, f);
        assert_eq!(filters_from_query(|_| None).page, 1);
    }
}
