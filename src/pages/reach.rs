//! "My reach": what an ambassador's sharing achieves, each figure with its
//! definition one click away, a chart of the last 30 days, and the posts and
//! networks that work best.

use crate::api::sharing::get_my_reach;
use crate::components::chart::{DayBar, DayChart};
use crate::components::{Guard, Loading};
use crate::i18n::{error_text, use_i18n};
use crate::model::{Access, MyReach, ReachFigures};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn ReachPage() -> impl IntoView {
    view! {
        <Guard access=Access::SignedIn>
            <ReachScreen/>
        </Guard>
    }
}

#[component]
fn ReachScreen() -> impl IntoView {
    let i18n = use_i18n();
    let reach = Resource::new(|| (), |_| get_my_reach());
    view! {
        <Title text=move || i18n.t().sharing.reach_title/>
        <header class="page-header">
            <h1>{move || i18n.t().sharing.reach_title}</h1>
            <p class="lead">{move || i18n.t().sharing.reach_intro}</p>
        </header>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match reach.await {
                    Ok(r) => view! { <ReachReport reach=r/> }.into_any(),
                    Err(e) => view! { <p class="notice notice-error">{error_text(i18n.lang(), &e)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

pub(crate) fn money(v: f64, currency: &str) -> String {
    format!("{v:.2} {currency}")
}

#[component]
fn ReachReport(reach: MyReach) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().sharing;
    if reach.totals.shares == 0 && reach.totals.human_clicks == 0 {
        return view! {
            <section class="empty-state" data-testid="reach-empty">
                <p>{move || t().reach_empty}</p>
                <A href="/" attr:class="button button-primary">{move || t().go_to_feed}</A>
            </section>
        }
        .into_any();
    }
    let tot = reach.totals;
    let currency = reach.currency.clone();
    let days: Vec<DayBar> = reach
        .days
        .iter()
        .map(|d| DayBar {
            label: d.day.format("%d/%m").to_string(),
            bars: d.human_clicks,
            dots: d.shares,
        })
        .collect();
    let (shares_30, clicks_30) = reach
        .days
        .iter()
        .fold((0, 0), |(s, c), d| (s + d.shares, c + d.human_clicks));
    let best = reach
        .channels
        .first()
        .filter(|c| c.figures.human_clicks > 0)
        .map(|c| c.channel.label());
    let c2 = currency.clone();
    view! {
        {(!reach.missing_followers.is_empty()).then(|| view! {
            <p class="notice notice-warn"><A href="/profile">{move || t().missing_followers}</A></p>
        })}
        <ul class="figures" data-testid="reach-figures">
            <Figure name=move || t().shares definition=move || t().def_shares value=tot.shares.to_string() key="shares"/>
            <Figure name=move || t().human_clicks definition=move || t().def_human_clicks value=tot.human_clicks.to_string() key="human_clicks"/>
            <Figure name=move || t().unique_visitors definition=move || t().def_unique_visitors value=tot.unique_visitors.to_string() key="unique_visitors"/>
            <Figure name=move || t().bot_hits definition=move || t().def_bot_hits value=tot.bot_hits.to_string() key="bot_hits"/>
            <Figure name=move || t().potential_reach definition=move || t().def_potential_reach value=tot.potential_reach.to_string() key="potential_reach"/>
            <Figure name=move || t().earned_value definition=move || t().def_earned_value value=money(tot.earned_value, &currency) key="earned_value"/>
        </ul>
        <section class="panel">
            <h2>{move || t().last_30_days}</h2>
            <DayChart days aria=(t().chart_aria)(shares_30, clicks_30) bar_legend=t().human_clicks dot_legend=t().shares/>
        </section>
        <div class="columns">
            <section class="panel">
                <h2>{move || t().by_network}</h2>
                {best.map(|b| view! { <p class="notice notice-ok" data-testid="best-network">{move || (t().best_network)(b)}</p> })}
                <FigureTable rows=reach.channels.iter().map(|c| (c.channel.label().to_string(), None, c.figures)).collect() currency=c2.clone() first=t().network/>
            </section>
            <section class="panel">
                <h2>{move || t().by_post}</h2>
                <FigureTable rows=reach.posts.iter().map(|p| (p.title.clone(), Some(format!("/posts/{}", p.post_id)), p.figures)).collect() currency=c2 first=t().post/>
            </section>
        </div>
    }
    .into_any()
}

#[component]
pub(crate) fn Figure(
    name: impl Fn() -> &'static str + Send + Sync + 'static,
    definition: impl Fn() -> &'static str + Send + Sync + 'static,
    value: String,
    key: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <li class="figure card" data-figure=key>
            <span class="figure-name">{name}</span>
            <strong class="figure-value">{value}</strong>
            <details class="definition">
                <summary>{move || i18n.t().sharing.what_is_this}</summary>
                <p>{definition}</p>
            </details>
        </li>
    }
}

#[component]
fn FigureTable(
    rows: Vec<(String, Option<String>, ReachFigures)>,
    currency: String,
    first: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().sharing;
    view! {
        <div class="table-wrap">
            <table class="table">
                <thead><tr>
                    <th scope="col">{first}</th>
                    <th scope="col" class="num">{move || t().shares}</th>
                    <th scope="col" class="num">{move || t().human_clicks}</th>
                    <th scope="col" class="num hide-narrow">{move || t().unique_visitors}</th>
                    <th scope="col" class="num hide-narrow">{move || t().potential_reach}</th>
                    <th scope="col" class="num">{move || t().earned_value}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|(name, href, f)| view! {
                        <tr>
                            <td>{match href {
                                Some(h) => view! { <A href=h>{name}</A> }.into_any(),
                                None => name.into_any(),
                            }}</td>
                            <td class="num">{f.shares}</td>
                            <td class="num">{f.human_clicks}</td>
                            <td class="num hide-narrow">{f.unique_visitors}</td>
                            <td class="num hide-narrow">{f.potential_reach}</td>
                            <td class="num">{money(f.earned_value, &currency)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
