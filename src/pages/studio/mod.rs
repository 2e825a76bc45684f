//! The comms studio: every post by phase, the schedule, and the content
//! supply indicator.

mod captions;
mod editor;
mod workflow;

pub use editor::{EditPostPage, NewPostPage};

use crate::api::posts::get_studio;
use crate::components::time::When;
use crate::components::{use_user, Guard, Loading};
use crate::i18n::{error_text, use_i18n};
use crate::model::{Access, Phase, PostRow, Role, Supply, STAFF};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn StudioPage() -> impl IntoView {
    view! {
        <Guard access=Access::AnyRole(STAFF)>
            <Studio/>
        </Guard>
    }
}

/// The tabs, each a set of phases.
const TABS: &[(&str, &[Phase])] = &[
    ("todo", &[Phase::Draft, Phase::InReview]),
    ("scheduled", &[Phase::Scheduled]),
    ("live", &[Phase::Live]),
    ("done", &[Phase::Expired, Phase::Retracted]),
];

#[component]
fn Studio() -> impl IntoView {
    let i18n = use_i18n();
    let user = use_user();
    let query = use_query_map();
    let tab = Memo::new(move |_| {
        query
            .read()
            .get("tab")
            .unwrap_or_else(|| "todo".to_string())
    });
    let studio = Resource::new(|| (), |_| get_studio());
    view! {
        <Title text=move || i18n.t().studio_title/>
        <header class="page-header page-header-row">
            <div>
                <h1>{move || i18n.t().studio_title}</h1>
                <p class="lead">{move || i18n.t().studio_intro}</p>
            </div>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    user.get().await.filter(|u| u.has(Role::Editor)).map(|_| view! {
                        <a class="button button-primary" href="/studio/new" data-testid="new-post">{move || i18n.t().new_post}</a>
                    })
                })}
            </Suspense>
        </header>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match studio.await {
                    Err(e) => view! { <p class="notice notice-error">{error_text(i18n.lang(), &e)}</p> }.into_any(),
                    Ok(s) => {
                        let posts = s.posts;
                        view! {
                            <div class="columns studio-top">
                                <SupplyGauge supply=s.supply/>
                                <Schedule posts=posts.clone()/>
                            </div>
                            <nav class="tabs" aria-label="phases">
                                {TABS.iter().map(|(key, phases)| {
                                    let count = posts.iter().filter(|p| phases.contains(&p.phase)).count();
                                    let key = *key;
                                    view! {
                                        <A href=format!("/studio?tab={key}") attr:class=move || if tab.get() == key { "tab tab-on" } else { "tab" }>
                                            {move || (i18n.t().studio_tab)(key)}" "<span class="count">{count}</span>
                                        </A>
                                    }
                                }).collect_view()}
                            </nav>
                            {move || {
                                let phases = TABS.iter().find(|(k, _)| *k == tab.get()).map(|(_, p)| *p).unwrap_or(TABS[0].1);
                                let rows: Vec<PostRow> = posts.iter().filter(|p| phases.contains(&p.phase)).cloned().collect();
                                view! { <PostTable rows/> }
                            }}
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn PostTable(rows: Vec<PostRow>) -> impl IntoView {
    let i18n = use_i18n();
    if rows.is_empty() {
        return view! { <p class="empty-state">{move || i18n.t().studio_empty}</p> }.into_any();
    }
    view! {
        <div class="table-wrap">
            <table class="table" data-testid="studio-table">
                <thead><tr>
                    <th scope="col">{move || i18n.t().title}</th>
                    <th scope="col">{move || i18n.t().status}</th>
                    <th scope="col" class="hide-narrow">{move || i18n.t().author}</th>
                    <th scope="col" class="hide-narrow">{move || i18n.t().publish_at}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|p| {
                        let phase = p.phase;
                        let title = p.title.clone();
                        let data_title = p.title.clone();
                        view! {
                            <tr data-testid="studio-row" data-title=data_title>
                                <td>
                                    <A href=format!("/studio/posts/{}", p.id)>{title}</A>
                                    {p.important.then(|| view! { " " <span class="badge badge-important">{move || i18n.t().important}</span> })}
                                    {p.suggested_by_name.clone().map(|n| view! { <div class="muted small">{move || (i18n.t().suggested_by)(&n)}</div> })}
                                </td>
                                <td><span class=format!("badge badge-phase-{}", phase.as_str())>{move || (i18n.t().phase_name)(phase)}</span></td>
                                <td class="hide-narrow">{p.author_name.clone().unwrap_or_else(|| "—".into())}</td>
                                <td class="hide-narrow"><When at=p.publish_at/></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// Live posts per 100 active ambassadors in the last 7 days, on a gauge
/// drawn as SVG on the server, against the rule of thumb.
#[component]
fn SupplyGauge(supply: Supply) -> impl IntoView {
    let i18n = use_i18n();
    let max = (supply.target_per_100 * 2.0).max(supply.per_100);
    let pct = (supply.per_100 / max).clamp(0.0, 1.0);
    let target_pct = supply.target_per_100 / max;
    let low = supply.per_100 < supply.target_per_100;
    let width = 300.0;
    view! {
        <section class="panel supply" data-testid="supply">
            <h2>{move || i18n.t().supply_title}</h2>
            <p class="supply-figure">
                <strong>{format!("{:.1}", supply.per_100)}</strong>
                " "{move || i18n.t().supply_unit}
            </p>
            <svg viewBox="0 0 300 36" width="100%" role="img" aria-label=move || (i18n.t().supply_aria)(supply.per_100, supply.target_per_100)>
                <rect x="0" y="8" width=width height="16" rx="8" class="gauge-track"/>
                <rect x="0" y="8" width=width * pct height="16" rx="8" class=if low { "gauge-low" } else { "gauge-ok" }/>
                <line x1=width * target_pct x2=width * target_pct y1="2" y2="30" class="gauge-target"/>
            </svg>
            <p class="muted small">{move || (i18n.t().supply_detail)(supply.live_last_7_days, supply.active_ambassadors, supply.target_per_100)}</p>
            {low.then(|| view! { <p class="notice notice-warn">{move || i18n.t().supply_low}</p> })}
        </section>
    }
}

/// What goes live when: scheduled posts and live posts that expire soon.
#[component]
fn Schedule(posts: Vec<PostRow>) -> impl IntoView {
    let i18n = use_i18n();
    let mut upcoming: Vec<(chrono::DateTime<chrono::Utc>, bool, PostRow)> = posts
        .iter()
        .filter(|p| p.phase == Phase::Scheduled)
        .map(|p| (p.publish_at, true, p.clone()))
        .chain(
            posts
                .iter()
                .filter(|p| p.phase == Phase::Live)
                .filter_map(|p| p.expire_at.map(|e| (e, false, p.clone()))),
        )
        .collect();
    upcoming.sort_by_key(|(at, _, _)| *at);
    upcoming.truncate(8);
    view! {
        <section class="panel" data-testid="schedule">
            <h2>{move || i18n.t().schedule_title}</h2>
            {if upcoming.is_empty() {
                view! { <p class="muted">{move || i18n.t().schedule_empty}</p> }.into_any()
            } else {
                view! {
                    <ol class="timeline">
                        {upcoming.into_iter().map(|(at, goes_live, p)| view! {
                            <li>
                                <When at/>
                                " · "
                                <span class=if goes_live { "badge badge-phase-scheduled" } else { "badge badge-phase-expired" }>
                                    {move || if goes_live { i18n.t().goes_live } else { i18n.t().expires }}
                                </span>
                                " "
                                <A href=format!("/studio/posts/{}", p.id)>{p.title.clone()}</A>
                            </li>
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
    }
}
