//! Analytics for managers (their own teams), editors and admins (everything):
//! the period's figures with their definitions, a chart per figure over time
//! (SVG drawn on the server, so it shows before hydration), participation,
//! the network split, training beside sharing, top posts and topics, and a
//! CSV of every table. The URL carries the choice, so a view can be
//! bookmarked and the pickers work before the WebAssembly loads.

use crate::api::analytics::get_analytics;
use crate::components::chart::{MetricChart, RateRing, SplitChart};
use crate::components::{Guard, Loading};
use crate::i18n::{error_text, use_i18n, AnalyticsTexts, SharingTexts};
use crate::model::analytics::{
    Analytics, AnalyticsChoice, AnalyticsScope, AnalyticsTable, Participation, RankedItem,
};
use crate::model::leaderboard::Period;
use crate::model::{Access, ReachFigures, ANALYTICS};
use crate::pages::reach::{money, Figure};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{Form, A};
use leptos_router::hooks::use_query_map;

#[component]
pub fn AnalyticsPage() -> impl IntoView {
    view! {
        <Guard access=Access::AnyRole(ANALYTICS)>
            <AnalyticsScreen/>
        </Guard>
    }
}

#[component]
fn AnalyticsScreen() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().analytics;
    let query = use_query_map();
    let choice = move || {
        query.with(|q| {
            let scope = q.get("scope").and_then(|s| AnalyticsScope::parse(&s));
            let period = Period::parse(
                q.get("period").as_deref().unwrap_or("month"),
                q.get("from").as_deref(),
                q.get("to").as_deref(),
            );
            (scope, period)
        })
    };
    let data = Resource::new(choice, |(scope, period)| get_analytics(scope, period));
    view! {
        <Title text=move || t().title/>
        <header class="page-header">
            <h1>{move || t().title}</h1>
            <p class="lead">{move || t().intro}</p>
        </header>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(a) => view! { <AnalyticsView a/> }.into_any(),
                    Err(e) => view! { <p class="notice notice-error">{error_text(i18n.lang(), &e)}</p> }.into_any(),
                }
            })}
        </Transition>
    }
}

fn scope_name(t: &AnalyticsTexts, c: &AnalyticsChoice) -> String {
    match c.scope {
        AnalyticsScope::Company => t.company.to_string(),
        AnalyticsScope::MyTeams => t.my_teams.to_string(),
        AnalyticsScope::Team(_) => (t.team)(&c.name),
    }
}

/// The query string of the current view (scope and period, dates included).
fn view_query(a: &Analytics) -> String {
    let period = match a.period {
        Period::Custom { .. } => format!("period=custom&from={}&to={}", a.from, a.to),
        p => format!("period={}", p.param()),
    };
    format!("scope={}&{period}", a.scope.param())
}

fn count(v: f64) -> String {
    format!("{v:.0}")
}

fn euros(v: f64) -> String {
    format!("{v:.2}")
}

/// A figure charted over time.
struct Metric {
    name: fn(&SharingTexts) -> &'static str,
    value: fn(&ReachFigures) -> f64,
    money: bool,
    key: &'static str,
}

const METRICS: [Metric; 6] = [
    Metric {
        name: |s| s.shares,
        value: |f| f.shares as f64,
        money: false,
        key: "shares",
    },
    Metric {
        name: |s| s.human_clicks,
        value: |f| f.human_clicks as f64,
        money: false,
        key: "human_clicks",
    },
    Metric {
        name: |s| s.unique_visitors,
        value: |f| f.unique_visitors as f64,
        money: false,
        key: "unique_visitors",
    },
    Metric {
        name: |s| s.bot_hits,
        value: |f| f.bot_hits as f64,
        money: false,
        key: "bot_hits",
    },
    Metric {
        name: |s| s.potential_reach,
        value: |f| f.potential_reach as f64,
        money: false,
        key: "potential_reach",
    },
    Metric {
        name: |s| s.earned_value,
        value: |f| f.earned_value,
        money: true,
        key: "earned_value",
    },
];

#[component]
fn AnalyticsView(a: Analytics) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().analytics;
    let s = move || i18n.t().sharing;
    let b = move || i18n.t().boards;
    let scope = a.scope;
    let current = a.period.param();
    let tabs = ["week", "month", "quarter", "all"]
        .into_iter()
        .map(|p| {
            let label = move || match p {
                "week" => b().week,
                "month" => b().month,
                "quarter" => b().quarter,
                _ => b().all_time,
            };
            let href = format!("/analytics?scope={}&period={p}", scope.param());
            view! { <a class="tab" href=href aria-current=(p == current).then_some("page")>{label}</a> }
        })
        .collect_view();
    let period_param = a.period.param();
    let custom = matches!(a.period, Period::Custom { .. });
    let (from, to) = (a.from.to_string(), a.to.to_string());
    let (picker_from, picker_to) = (from.clone(), to.clone());
    let range = (from.clone(), to.clone());
    let choices = a.choices.clone();
    let q = view_query(&a);
    let csv = move |table: AnalyticsTable| format!("/analytics.csv?table={}&{q}", table.param());
    let tot = a.totals;
    let currency = a.currency.clone();
    let labels: Vec<String> = a
        .days
        .iter()
        .map(|d| d.day.format("%d/%m").to_string())
        .collect();
    let charts = METRICS
        .iter()
        .map(|m| {
            let values: Vec<f64> = a.days.iter().map(|d| (m.value)(&d.figures)).collect();
            let (total, format): (String, fn(f64) -> String) = if m.money {
                (money((m.value)(&tot), &currency), euros)
            } else {
                (count((m.value)(&tot)), count)
            };
            let labels = labels.clone();
            let title = (m.name)(s());
            let aria = (t().chart_aria)(title, &total);
            view! {
                <div data-chart=m.key>
                    <MetricChart labels values title total aria format/>
                </div>
            }
        })
        .collect_view();
    let courses: Vec<f64> = a.days.iter().map(|d| d.courses_completed as f64).collect();
    let courses_total = a.courses_completed.to_string();
    let courses_aria = (t().chart_aria)(t().courses_completed, &courses_total);
    let p = a.participation;
    let empty = tot.shares == 0 && tot.human_clicks == 0 && tot.bot_hits == 0;
    let split: Vec<(String, i64)> = a
        .networks
        .iter()
        .map(|n| (n.channel.label().to_string(), n.figures.human_clicks))
        .collect();
    let network_rows = a
        .networks
        .iter()
        .map(|n| {
            let f = n.figures;
            let value = money(f.earned_value, &currency);
            view! {
                <tr>
                    <td>{n.channel.label()}</td>
                    <td class="num">{f.shares}</td>
                    <td class="num">{f.human_clicks}</td>
                    <td class="num hide-narrow">{f.unique_visitors}</td>
                    <td class="num hide-narrow">{f.potential_reach}</td>
                    <td class="num">{value}</td>
                </tr>
            }
        })
        .collect_view();
    let has_networks = !a.networks.is_empty();
    view! {
        <nav class="tabs" aria-label=move || t().title data-testid="period-tabs">{tabs}</nav>
        <div class="filter-bar">
            {(choices.len() > 1).then(|| view! {
                <Form method="GET" action="" attr:class="inline-form" attr:data-testid="scope-picker">
                    <label class="field">
                        <span>{move || t().scope}</span>
                        <select name="scope" data-testid="analytics-scope">
                            {choices.iter().map(|c| {
                                let c = c.clone();
                                let selected = c.scope == scope;
                                let value = c.scope.param();
                                view! { <option value=value selected=selected>{move || scope_name(t(), &c)}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    <input type="hidden" name="period" value=period_param/>
                    {custom.then(|| view! {
                        <input type="hidden" name="from" value=picker_from/>
                        <input type="hidden" name="to" value=picker_to/>
                    })}
                    <button type="submit" class="button">{move || b().show}</button>
                </Form>
            })}
            <Form method="GET" action="" attr:class="inline-form" attr:data-testid="date-picker">
                <input type="hidden" name="scope" value=scope.param()/>
                <input type="hidden" name="period" value="custom"/>
                <label class="field">
                    <span>{move || b().from}</span>
                    <input type="date" name="from" value=from required/>
                </label>
                <label class="field">
                    <span>{move || b().to}</span>
                    <input type="date" name="to" value=to required/>
                </label>
                <button type="submit" class="button">{move || b().show}</button>
            </Form>
        </div>
        <p class="small muted" data-testid="analytics-range">{move || (t().range)(&range.0, &range.1)}</p>
        {empty.then(|| view! { <p class="empty-state" data-testid="analytics-empty">{move || t().empty}</p> })}
        <ul class="figures" data-testid="analytics-figures">
            <Figure name=move || s().shares definition=move || s().def_shares value=tot.shares.to_string() key="shares"/>
            <Figure name=move || s().human_clicks definition=move || s().def_human_clicks value=tot.human_clicks.to_string() key="human_clicks"/>
            <Figure name=move || s().unique_visitors definition=move || s().def_unique_visitors value=tot.unique_visitors.to_string() key="unique_visitors"/>
            <Figure name=move || s().bot_hits definition=move || s().def_bot_hits value=tot.bot_hits.to_string() key="bot_hits"/>
            <Figure name=move || s().potential_reach definition=move || s().def_potential_reach value=tot.potential_reach.to_string() key="potential_reach"/>
            <Figure name=move || s().earned_value definition=move || s().def_earned_value value=money(tot.earned_value, &currency) key="earned_value"/>
            <Figure name=move || t().participation definition=move || t().def_participation value=format!("{:.0}%", p.rate()) key="participation"/>
        </ul>
        <section class="panel">
            <h2>{move || t().over_time}</h2>
            <div class="chart-grid" data-testid="analytics-charts">{charts}</div>
            <p class="small"><a href=csv(AnalyticsTable::Days) download data-testid="csv-days">{move || t().csv}</a></p>
        </section>
        <div class="columns">
            <section class="panel" data-testid="participation">
                <h2>{move || t().participation}</h2>
                <div class="ring-row">
                    <RateRing percent=p.rate() aria=(t().sharers_of)(p.sharers, p.employees)/>
                    <p>{move || (t().sharers_of)(p.sharers, p.employees)}</p>
                </div>
                <h3>{move || t().training_title}</h3>
                <p class="small muted">{move || t().training_intro}</p>
                <TrainingBars p/>
                <div data-chart="courses_completed">
                    <MetricChart labels=labels.clone() values=courses title=t().courses_completed total=courses_total aria=courses_aria format=count/>
                </div>
                <p class="small"><a href=csv(AnalyticsTable::Participation) download data-testid="csv-participation">{move || t().csv}</a></p>
            </section>
            <section class="panel" data-testid="networks">
                <h2>{move || t().networks}</h2>
                {if has_networks {
                    view! {
                        <SplitChart items=split aria=t().networks_aria/>
                        <div class="table-wrap">
                            <table class="table">
                                <thead><tr>
                                    <th scope="col">{move || s().network}</th>
                                    <th scope="col" class="num">{move || s().shares}</th>
                                    <th scope="col" class="num">{move || s().human_clicks}</th>
                                    <th scope="col" class="num hide-narrow">{move || s().unique_visitors}</th>
                                    <th scope="col" class="num hide-narrow">{move || s().potential_reach}</th>
                                    <th scope="col" class="num">{move || s().earned_value}</th>
                                </tr></thead>
                                <tbody>{network_rows}</tbody>
                            </table>
                        </div>
                        <p class="small"><a href=csv(AnalyticsTable::Networks) download data-testid="csv-networks">{move || t().csv}</a></p>
                    }.into_any()
                } else {
                    view! { <p class="empty-state">{move || t().nothing_listed}</p> }.into_any()
                }}
            </section>
        </div>
        <div class="columns">
            <section class="panel" data-testid="top-posts">
                <h2>{move || t().top_posts}</h2>
                <ItemTable items=a.posts.clone() first=s().post link=true/>
                <p class="small"><a href=csv(AnalyticsTable::Posts) download data-testid="csv-posts">{move || t().csv}</a></p>
            </section>
            <section class="panel" data-testid="top-topics">
                <h2>{move || t().top_topics}</h2>
                <ItemTable items=a.topics.clone() first=t().topic link=false/>
                <p class="small"><a href=csv(AnalyticsTable::Topics) download data-testid="csv-topics">{move || t().csv}</a></p>
            </section>
        </div>
    }
}

/// Participation of the certified beside the rest, as two bars.
#[component]
fn TrainingBars(p: Participation) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().analytics;
    let rows = [
        (
            t().certified,
            p.certified_rate(),
            p.certified_sharers,
            p.certified,
            "certified",
        ),
        (
            t().not_certified,
            p.uncertified_rate(),
            p.sharers - p.certified_sharers,
            p.employees - p.certified,
            "not_certified",
        ),
    ];
    view! {
        <dl class="compare-bars">
            {rows.into_iter().map(|(label, pct, shared, of, key)| view! {
                <div data-group=key>
                    <dt>{label}" · "{move || (t().shared_of)(shared, of)}</dt>
                    <dd>
                        <span class="bar-track"><span class="bar-fill" style=format!("width: {pct:.1}%")></span></span>
                        <strong>{format!("{pct:.0}%")}</strong>
                    </dd>
                </div>
            }).collect_view()}
        </dl>
    }
}

#[component]
fn ItemTable(items: Vec<RankedItem>, first: &'static str, link: bool) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().analytics;
    let s = move || i18n.t().sharing;
    if items.is_empty() {
        return view! { <p class="empty-state">{move || t().nothing_listed}</p> }.into_any();
    }
    view! {
        <div class="table-wrap">
            <table class="table">
                <thead><tr>
                    <th scope="col">{first}</th>
                    {(!link).then(|| view! { <th scope="col" class="num">{move || t().posts}</th> })}
                    <th scope="col" class="num">{move || s().shares}</th>
                    <th scope="col" class="num">{move || s().human_clicks}</th>
                    <th scope="col" class="num hide-narrow">{move || s().unique_visitors}</th>
                    <th scope="col" class="num hide-narrow">{move || s().potential_reach}</th>
                </tr></thead>
                <tbody>
                    {items.into_iter().map(|i| {
                        let f = i.figures;
                        let name = if link {
                            view! { <A href=format!("/posts/{}", i.id)>{i.name}</A> }.into_any()
                        } else {
                            i.name.into_any()
                        };
                        view! {
                            <tr>
                                <td>{name}</td>
                                {(!link).then(|| view! { <td class="num">{i.posts}</td> })}
                                <td class="num">{f.shares}</td>
                                <td class="num">{f.human_clicks}</td>
                                <td class="num hide-narrow">{f.unique_visitors}</td>
                                <td class="num hide-narrow">{f.potential_reach}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
