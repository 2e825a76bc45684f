//! "My data": everything recorded about the signed-in person, in tables, and
//! a download of it all. Clicks appear only as numbers per day and post:
//! there is nothing more about visitors to show.

use crate::api::boards::get_my_data;
use crate::components::{Guard, Loading};
use crate::i18n::{error_text, use_i18n};
use crate::model::my_data::MyData;
use crate::model::Access;
use crate::pages::learn::StatusBadge;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn MyDataPage() -> impl IntoView {
    view! {
        <Guard access=Access::SignedIn>
            <MyDataScreen/>
        </Guard>
    }
}

#[component]
fn MyDataScreen() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().boards;
    let data = Resource::new(|| (), |_| get_my_data());
    view! {
        <Title text=move || t().my_data/>
        <header class="page-header">
            <h1>{move || t().my_data}</h1>
            <p class="lead">{move || t().my_data_intro}</p>
            <p><a class="button button-primary" href="/my-data.json" download data-testid="my-data-download">{move || t().download_json}</a></p>
        </header>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(d) => view! { <MyDataView data=d/> }.into_any(),
                    Err(e) => view! { <p class="notice notice-error">{error_text(i18n.lang(), &e)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn MyDataView(data: MyData) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().boards;
    let roles = data.roles.clone();
    let on_boards = data.on_boards;
    let badges = data.badges.clone();
    let followers = data.followers.counts.clone();
    view! {
        <section class="panel" data-testid="my-profile">
            <h2>{data.name.clone()}</h2>
            <dl class="facts">
                <dt>{move || i18n.t().email}</dt><dd>{data.email.clone()}</dd>
                <dt>{move || i18n.t().your_roles}</dt>
                <dd>{move || roles.iter().map(|r| (i18n.t().role_name)(*r)).collect::<Vec<_>>().join(", ")}</dd>
                <dt>{move || t().team_board}</dt><dd>{data.team.clone().unwrap_or_else(|| "—".into())}</dd>
                <dt>{move || t().points}</dt><dd data-testid="my-data-points">{data.points}</dd>
                <dt>{move || t().badges}</dt>
                <dd>{move || badges.iter().map(|b| (t().badge)(*b)).collect::<Vec<_>>().join(", ")}</dd>
                {followers.into_iter().map(|(n, c)| view! { <dt>{n.label()}</dt><dd>{c}</dd> }).collect_view()}
            </dl>
            <p class="muted small">{move || if on_boards { t().on_boards } else { t().off_boards }}</p>
        </section>

        <h2 class="section-title">{move || t().per_post}</h2>
        <section class="panel board-table">
            {if data.posts.is_empty() {
                view! { <p class="muted">{move || t().nothing_yet}</p> }.into_any()
            } else {
                view! {
                    <table class="table" data-testid="my-data-posts">
                        <thead><tr>
                            <th scope="col">{move || t().post}</th>
                            <th scope="col" class="num">{move || t().shares}</th>
                            <th scope="col" class="num">{move || t().clicks}</th>
                            <th scope="col" class="num">{move || t().visitors}</th>
                            <th scope="col" class="num extra">{move || t().bot_hits}</th>
                            <th scope="col" class="num extra">{move || t().potential_reach}</th>
                        </tr></thead>
                        <tbody>
                            {data.posts.iter().map(|p| view! {
                                <tr>
                                    <td><a href=format!("/posts/{}", p.post_id)>{p.title.clone()}</a></td>
                                    <td class="num">{p.figures.shares}</td>
                                    <td class="num">{p.figures.human_clicks}</td>
                                    <td class="num">{p.figures.unique_visitors}</td>
                                    <td class="num extra">{p.figures.bot_hits}</td>
                                    <td class="num extra">{p.figures.potential_reach}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
            <p class="muted small">{move || t().no_visitor_details}</p>
        </section>

        <h2 class="section-title">{move || t().per_day}</h2>
        <section class="panel board-table">
            {if data.days.is_empty() {
                view! { <p class="muted">{move || t().nothing_yet}</p> }.into_any()
            } else {
                view! {
                    <table class="table" data-testid="my-data-days">
                        <thead><tr>
                            <th scope="col">{move || t().day}</th>
                            <th scope="col" class="num">{move || t().shares}</th>
                            <th scope="col" class="num">{move || t().clicks}</th>
                            <th scope="col" class="num">{move || t().visitors}</th>
                            <th scope="col" class="num extra">{move || t().bot_hits}</th>
                            <th scope="col" class="num extra">{move || t().courses_done}</th>
                            <th scope="col" class="num extra">{move || t().suggestions}</th>
                        </tr></thead>
                        <tbody>
                            {data.days.iter().map(|d| view! {
                                <tr>
                                    <td>{d.day.format("%d/%m/%Y").to_string()}</td>
                                    <td class="num">{d.shares}</td>
                                    <td class="num">{d.human_clicks}</td>
                                    <td class="num">{d.unique_visitors}</td>
                                    <td class="num extra">{d.bot_hits}</td>
                                    <td class="num extra">{d.courses_completed}</td>
                                    <td class="num extra">{d.suggestions_approved}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </section>

        <h2 class="section-title">{move || t().courses}</h2>
        <section class="panel">
            {if data.courses.is_empty() {
                view! { <p class="muted">{move || t().nothing_yet}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list" data-testid="my-data-courses">
                        {data.courses.iter().map(|c| view! {
                            <li><a href=format!("/learn/{}", c.id)>{c.title.clone()}</a>" "<StatusBadge status=c.status/></li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
