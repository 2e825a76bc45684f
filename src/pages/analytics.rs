//! Analytics for managers (their own teams), editors and admins (everything):
//! the period's figures with their definitions, a chart per figure over time
//! (SVG drawn on the server, so it shows before hydration), participation,
//! the network split, training beside sharing, top posts and topics, and a
//! CSV of every table. The URL carries the choice, so a view can be
//! bookmarked and the pickers work before the WebAssembly loads.

use crate::api::analytics::get_analytics;
use crate::components::chart::{MetricChart, RateRing, SplitChart};
use crate::components::{DateRangeForm, Guard, KeepPeriod, Loading, PeriodTabs};
use crate::i18n::numbers::{date, decimal, money, number, short_date};
use crate::i18n::{error_text, use_i18n, AnalyticsTexts, SharingTexts};
use crate::model::analytics::{
    Analytics, AnalyticsChoice, AnalyticsScope, AnalyticsTable, Participation, RankedItem,
};
use crate::model::leaderboard::Period;
use crate::model::Lang;
use crate::model::{Access, ReachFigures, ANALYTICS};
use crate::pages::reach::Figure;
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
            {move || {
                // Numbers and dates are written per language: switching it redraws.
                let lang = i18n.lang();
                let asked = query.with(|q| q.get("scope").is_some());
                Suspend::new(async move {
                    match data.await {
                        Ok(a) => view! { <AnalyticsView a lang/> }.into_any(),
                        // A scope asked for in the URL may be refused: offer the way back.
                        Err(e) => view! {
                            <p class="notice notice-error">{error_text(lang, &e)}</p>
                            {asked.then(|| view! { <p><a href="/analytics" class="button">{move || t().back}</a></p> })}
                        }.into_any(),
                    }
                })
            }}
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

/// A figure's value as written in `lang`.
fn show(lang: Lang, m: &Metric, f: &ReachFigures, currency: &str) -> String {
    let v = (m.value)(f);
    if m.money {
        money(lang, v, currency)
    } else {
        number(lang, v as i64)
    }
}

/// A figure of the page: its name and definition, its value, and whether
/// it is an amount of money.
struct Metric {
    name: fn(&SharingTexts) -> &'static str,
    definition: fn(&AnalyticsTexts) -> &'static str,
    value: fn(&ReachFigures) -> f64,
    money: bool,
    key: &'static str,
}

const METRICS: [Metric; 6] = [
    Metric {
        name: |s| s.shares,
        definition: |t| t.def_shares,
        value: |f| f.shares as f64,
        money: false,
        key: "shares",
    },
    Metric {
        name: |s| s.human_clicks,
        definition: |t| t.def_human_clicks,
        value: |f| f.human_clicks as f64,
        money: false,
        key: "human_clicks",
    },
    Metric {
        name: |s| s.unique_visitors,
        definition: |t| t.def_unique_visitors,
        value: |f| f.unique_visitors as f64,
        money: false,
        key: "unique_visitors",
    },
    Metric {
        name: |s| s.bot_hits,
        definition: |t| t.def_bot_hits,
        value: |f| f.bot_hits as f64,
        money: false,
        key: "bot_hits",
    },
    Metric {
        name: |s| s.potential_reach,
        definition: |t| t.def_potential_reach,
        value: |f| f.potential_reach as f64,
        money: false,
        key: "potential_reach",
    },
    Metric {
        name: |s| s.earned_value,
        definition: |t| t.def_earned_value,
        value: |f| f.earned_value,
        money: true,
        key: "earned_value",
    },
];

#[component]
fn AnalyticsView(a: Analytics, lang: Lang) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().analytics;
    let s = move || i18n.t().sharing;
    let b = move || i18n.t().boards;
    let scope = a.scope;
    let period = a.period.param();
    let (from, to) = (a.from.to_string(), a.to.to_string());
    let (picker_from, picker_to) = (from.clone(), to.clone());
    let range = (t().range)(&date(lang, a.from), &date(lang, a.to));
    let choices = a.choices.clone();
    let q = view_query(&a);
    let csv = move |table: AnalyticsTable| format!("/analytics.csv?table={}&{q}", table.param());
    let tot = a.totals;
    let currency = a.currency.clone();
    let days: Vec<String> = a.days.iter().map(|d| short_date(lang, d.day)).collect();
    let (first, last) = (
        days.first().cloned().unwrap_or_default(),
        days.last().cloned().unwrap_or_default(),
    );
    let figures = METRICS
        .iter()
        .map(|m| {
            let value = show(lang, m, &tot, &currency);
            let (name, definition) = (m.name, m.definition);
            view! { <Figure name=move || name(s()) definition=move || definition(t()) value key=m.key/> }
        })
        .collect_view();
    let charts = METRICS
        .iter()
        .map(|m| {
            let values: Vec<(f64, String)> = a
                .days
                .iter()
                .zip(&days)
                .map(|(d, label)| {
                    let v = (m.value)(&d.figures);
                    (
                        v,
                        format!("{label}: {}", show(lang, m, &d.figures, &currency)),
                    )
                })
                .collect();
            let max = values.iter().map(|(v, _)| *v).fold(0.0_f64, f64::max);
            let max_label = (t().max)(&if m.money {
                decimal(lang, max, 2)
            } else {
                number(lang, max as i64)
            });
            let total = show(lang, m, &tot, &currency);
            let title = (m.name)(s());
            let aria = (t().chart_aria)(title, &total);
            let (first, last) = (first.clone(), last.clone());
            view! {
                <div data-chart=m.key>
                    <MetricChart values title total max_label first last aria/>
                </div>
            }
        })
        .collect_view();
    let courses: Vec<(f64, String)> = a
        .days
        .iter()
        .zip(&days)
        .map(|(d, label)| {
            (
                d.courses_completed as f64,
                format!("{label}: {}", d.courses_completed),
            )
        })
        .collect();
    let courses_max = (t().max)(&number(
        lang,
        a.days
            .iter()
            .map(|d| d.courses_completed)
            .max()
            .unwrap_or(0),
    ));
    let courses_total = number(lang, a.courses_completed);
    let courses_aria = (t().chart_aria)(t().courses_completed, &courses_total);
    let p = a.participation;
    let empty = tot.shares == 0 && tot.human_clicks == 0 && tot.bot_hits == 0;
    let split: Vec<(String, f64, String)> = a
        .networks
        .iter()
        .map(|n| {
            let clicks = n.figures.human_clicks;
            (
                n.channel.label().to_string(),
                clicks as f64,
                number(lang, clicks),
            )
        })
        .collect();
    let network_rows = a
        .networks
        .iter()
        .map(|n| {
            let f = n.figures;
            view! {
                <tr>
                    <td>{n.channel.label()}</td>
                    <td class="num">{number(lang, f.shares)}</td>
                    <td class="num">{number(lang, f.human_clicks)}</td>
                    <td class="num">{money(lang, f.earned_value, &currency)}</td>
                </tr>
            }
        })
        .collect_view();
    let has_networks = !a.networks.is_empty();
    let rate = format!("{}%", decimal(lang, p.rate(), 0));
    let (posts, topics) = (a.posts.clone(), a.topics.clone());
    let (first_c, last_c) = (first.clone(), last.clone());
    view! {
        <PeriodTabs
            current=period
            href=move |p| format!("/analytics?scope={}&period={p}", scope.param())
            label=move || t().title
        />
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
                    <KeepPeriod period from=picker_from to=picker_to/>
                    <button type="submit" class="button">{move || b().show}</button>
                </Form>
            })}
            <DateRangeForm scope=Some(scope.param()) from to submit=move || t().apply_dates/>
        </div>
        <p class="small muted" data-testid="analytics-range">{range}</p>
        <ul class="figures analytics-figures" data-testid="analytics-figures">
            {figures}
            <Figure name=move || t().participation definition=move || t().def_participation value=rate key="participation"/>
        </ul>
        {if empty {
            view! { <p class="empty-state" data-testid="analytics-empty">{move || t().empty}</p> }.into_any()
        } else {
            view! {
                <section class="panel">
                    <h2>{move || t().over_time}</h2>
                    <div class="chart-grid" data-testid="analytics-charts">{charts}</div>
                    <p class="small"><a href=csv(AnalyticsTable::Days) download data-testid="csv-days">{move || t().csv}</a></p>
                </section>
            }.into_any()
        }}
        <div class="columns">
            <section class="panel" data-testid="participation">
                <h2>{move || t().participation}</h2>
                <div class="ring-row">
                    <RateRing percent=p.rate() aria=(t().sharers_of)(p.sharers, p.employees)/>
                    <p>{move || (t().sharers_of)(p.sharers, p.employees)}</p>
                </div>
                <h3>{move || t().training_title}</h3>
                <p class="small muted">{move || t().training_intro}</p>
                <TrainingBars p lang/>
                <div data-chart="courses_completed">
                    <MetricChart values=courses title=t().courses_completed total=courses_total max_label=courses_max first=first_c last=last_c aria=courses_aria/>
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
        <section class="panel" data-testid="top-posts">
            <h2>{move || t().top_posts}</h2>
            <ItemTable items=posts first=s().post link=true lang/>
            <p class="small"><a href=csv(AnalyticsTable::Posts) download data-testid="csv-posts">{move || t().csv}</a></p>
        </section>
        <section class="panel" data-testid="top-topics">
            <h2>{move || t().top_topics}</h2>
            <ItemTable items=topics first=t().topic link=false lang/>
            <p class="small"><a href=csv(AnalyticsTable::Topics) download data-testid="csv-topics">{move || t().csv}</a></p>
        </section>
    }
}

/// Participation of the certified beside the rest, as two bars.
#[component]
fn TrainingBars(p: Participation, lang: Lang) -> impl IntoView {
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
                        <strong>{format!("{}%", decimal(lang, pct, 0))}</strong>
                    </dd>
                </div>
            }).collect_view()}
        </dl>
    }
}

#[component]
fn ItemTable(items: Vec<RankedItem>, first: &'static str, link: bool, lang: Lang) -> impl IntoView {
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
                                {(!link).then(|| view! { <td class="num">{number(lang, i.posts)}</td> })}
                                <td class="num">{number(lang, f.shares)}</td>
                                <td class="num">{number(lang, f.human_clicks)}</td>
                                <td class="num hide-narrow">{number(lang, f.unique_visitors)}</td>
                                <td class="num hide-narrow">{number(lang, f.potential_reach)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
