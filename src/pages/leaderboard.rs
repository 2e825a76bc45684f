//! Leaderboards: a period and a board to pick (only those the viewer may
//! see), the top of the board with each person's points drawn as a bar, the
//! viewer's own standing and badges (even when off the boards), how points
//! are earned, and a CSV download. The URL carries the choice, so a board
//! can be bookmarked and the picker works before the WebAssembly loads.

use crate::api::boards::{get_board, SetBoardOptOut};
use crate::components::{DateRangeForm, Guard, KeepPeriod, Loading, PeriodTabs};
use crate::i18n::numbers::date;
use crate::i18n::{error_text, use_i18n, BoardTexts};
use crate::model::leaderboard::{
    date_of, Board, BoardEntry, BoardScope, MyStanding, Period, ScopeChoice,
};
use crate::model::Access;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

#[component]
pub fn LeaderboardPage() -> impl IntoView {
    view! {
        <Guard access=Access::SignedIn>
            <LeaderboardScreen/>
        </Guard>
    }
}

#[component]
fn LeaderboardScreen() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().boards;
    let query = use_query_map();
    let choice = move || {
        query.with(|q| {
            let scope = q.get("scope").and_then(|s| BoardScope::parse(&s));
            let period = Period::parse(
                q.get("period").as_deref().unwrap_or("month"),
                q.get("from").as_deref(),
                q.get("to").as_deref(),
            );
            (scope, period)
        })
    };
    let opt_out = ServerAction::<SetBoardOptOut>::new();
    let board = Resource::new(
        move || (choice(), opt_out.version().get()),
        |((scope, period), _)| get_board(scope, period),
    );
    view! {
        <Title text=move || t().title/>
        <header class="page-header">
            <h1>{move || t().title}</h1>
            <p class="lead">{move || t().intro}</p>
        </header>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match board.await {
                    Ok(b) => view! { <BoardView board=b opt_out/> }.into_any(),
                    Err(e) => view! { <p class="notice notice-error">{error_text(i18n.lang(), &e)}</p> }.into_any(),
                }
            })}
        </Transition>
    }
}

fn scope_name(t: &BoardTexts, c: &ScopeChoice) -> String {
    match c.scope {
        BoardScope::Company => t.company.to_string(),
        BoardScope::Team(_) => (t.team)(&c.name),
        BoardScope::Location(_) => (t.location)(&c.name),
        BoardScope::Campaign(_) => (t.campaign)(&c.name),
    }
}

fn period_link(scope: Option<BoardScope>, p: &str) -> String {
    match scope {
        Some(scope) => format!("/leaderboard?scope={}&period={p}", scope.param()),
        None => format!("/leaderboard?period={p}"),
    }
}

fn date_value(day: Option<i32>) -> String {
    day.map(|d| date_of(d).format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

#[component]
fn BoardView(board: Board, opt_out: ServerAction<SetBoardOptOut>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().boards;
    let scope = board.scope;
    let has_board = !board.choices.is_empty();
    let choices = board.choices.clone();
    // A custom range without a start (all time) starts on the 1st of the month.
    let to = date_value(Some(board.to_day));
    let from = match board.from_day {
        Some(day) => date_value(Some(day)),
        None => format!("{}01", &to[..to.len().saturating_sub(2)]),
    };
    let scope_param = scope.map(|s| s.param()).unwrap_or_default();
    let period = board.period.param();
    let csv = match board.period {
        Period::Custom { .. } => {
            format!("/leaderboard.csv?scope={scope_param}&period=custom&from={from}&to={to}")
        }
        p => format!("/leaderboard.csv?scope={scope_param}&period={}", p.param()),
    };
    let (picker_from, picker_to) = (from.clone(), to.clone());
    let member = board.me.member;
    // A campaign has its own dates: no period tabs, no date picker.
    let campaign = board.campaign.clone();
    let dated = campaign.is_none();
    view! {
        {dated.then(|| view! {
            <PeriodTabs current=period href=move |p| period_link(scope, p) label=move || t().title/>
        })}
        <div class="filter-bar">
            // Changing the board keeps the period (and its dates).
            {has_board.then(|| view! {
                <Form method="GET" action="" attr:class="inline-form" attr:data-testid="board-picker">
                    <label class="field">
                        <span>{move || t().board}</span>
                        <select name="scope" data-testid="board-scope">
                            {choices.iter().map(|c| {
                                let c = c.clone();
                                let value = c.scope.param();
                                let selected = Some(c.scope) == scope;
                                let off = c.off;
                                view! {
                                    <option value=value selected=selected>
                                        {move || scope_name(t(), &c)}
                                        {move || off.then(|| format!(" ({})", t().off_for_others))}
                                    </option>
                                }
                            }).collect_view()}
                        </select>
                    </label>
                    <KeepPeriod period from=picker_from to=picker_to/>
                    <button type="submit" class="button">{move || t().show}</button>
                </Form>
            })}
            {dated.then(|| view! {
                <DateRangeForm scope=scope.map(|s| s.param()) from to submit=move || t().show/>
            })}
        </div>
        {campaign.map(|c| view! {
            <p class="notice" data-testid="campaign-about">
                {move || {
                    let lang = i18n.lang();
                    (t().campaign_about)(&c.topic, &date(lang, c.from), &date(lang, c.to))
                }}
            </p>
        })}
        <div class="board-layout">
            <section class="panel board-table" data-testid="board">
                {if !has_board {
                    view! { <p class="empty-state" data-testid="no-boards">{move || t().no_boards}</p> }.into_any()
                } else if board.entries.is_empty() {
                    view! { <p class="empty-state" data-testid="board-empty">{move || t().empty}</p> }.into_any()
                } else {
                    view! {
                        <BoardTable entries=board.entries.clone()/>
                        <p class="small"><a href=csv download data-testid="board-csv">{move || t().download}</a></p>
                    }.into_any()
                }}
            </section>
            <aside class="board-side">
                <Standing me=board.me.clone() member opt_out/>
                <Rules rules=board.rules/>
            </aside>
        </div>
    }
}

#[component]
fn BoardTable(entries: Vec<BoardEntry>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().boards;
    let top = entries.first().map(|e| e.points).unwrap_or(1).max(1);
    let rows = entries
        .into_iter()
        .map(|e| {
            let width = format!("width: {:.1}%", e.points as f64 * 100.0 / top as f64);
            // The first three get a coloured disc (gold, silver, bronze).
            let disc = format!("rank-disc rank-{}", e.rank.min(4));
            view! {
                <tr class:me=e.me data-testid="board-row">
                    <td class="num"><span class=disc>{e.rank}</span></td>
                    <td>
                        <strong>{e.name.clone()}</strong>
                        {e.me.then(|| view! { <span class="badge">{move || t().you}</span> })}
                        {e.team.clone().map(|team| view! { <br/><small class="muted">{team}</small> })}
                    </td>
                    <td class="points">
                        <span class="bar" aria-hidden="true"><span style=width></span></span>
                        <strong>{e.points}</strong>
                    </td>
                    <td class="num extra">{e.shares}</td>
                    <td class="num extra">{e.human_clicks}</td>
                    <td class="num extra">{e.unique_visitors}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="table">
            <thead>
                <tr>
                    <th scope="col">{move || t().rank}</th>
                    <th scope="col">{move || t().person}</th>
                    <th scope="col">{move || t().points}</th>
                    <th scope="col" class="num extra">{move || t().shares}</th>
                    <th scope="col" class="num extra">{move || t().clicks}</th>
                    <th scope="col" class="num extra">{move || t().visitors}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

#[component]
fn Standing(me: MyStanding, member: bool, opt_out: ServerAction<SetBoardOptOut>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().boards;
    let opted_out = me.opted_out;
    let rank = me.rank;
    let of = me.of;
    let line = move || match (opted_out, rank) {
        (true, _) => t().opted_out_note.to_string(),
        (false, Some(r)) => (t().rank_of)(r, of),
        (false, None) if member => t().no_rank.to_string(),
        (false, None) => t().not_on_this_board.to_string(),
    };
    let a = me.activity;
    let badges = me.badges.clone();
    let no_badges = badges.is_empty();
    view! {
        <section class="panel standing" data-testid="my-standing">
            <h2>{move || t().my_standing}</h2>
            <p class="big-number" data-testid="my-points">{me.points}" "<small>{move || t().points}</small></p>
            <p data-testid="my-rank">{line}</p>
            <dl class="figures compact">
                <div><dt>{move || t().shares}</dt><dd>{a.shares}</dd></div>
                <div><dt>{move || t().clicks}</dt><dd>{a.human_clicks}</dd></div>
                <div><dt>{move || t().visitors}</dt><dd>{a.unique_visitors}</dd></div>
            </dl>
            <h3>{move || t().badges}</h3>
            {if no_badges {
                view! { <p class="muted small">{move || t().no_badges}</p> }.into_any()
            } else {
                view! {
                    <ul class="chips" data-testid="my-badges">
                        {badges.into_iter().map(|b| view! { <li class="chip chip-badge">"★ "{move || (t().badge)(b)}</li> }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <ActionForm action=opt_out attr:class="opt-out">
                <input type="hidden" name="out" value=(!opted_out).to_string()/>
                <button type="submit" class="button button-small" data-testid="opt-out">
                    {move || if opted_out { t().opt_in } else { t().opt_out }}
                </button>
                <p class="muted small">{move || t().opt_out_hint}</p>
            </ActionForm>
            <p class="small"><a href="/my-data">{move || t().see_my_data}</a></p>
        </section>
    }
}

#[component]
fn Rules(rules: crate::model::leaderboard::PointsRules) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().boards;
    let line = move |n: i64, what: fn(&BoardTexts) -> &'static str| {
        view! { <li><strong>{move || (t().n_points)(n)}</strong>" "{move || what(t())}</li> }
    };
    view! {
        <details class="panel rules">
            <summary>{move || t().how_points}</summary>
            <ul>
                {line(rules.share, |t| t.per_share)}
                {line(rules.human_click, |t| t.per_click)}
                {line(rules.unique_visitor, |t| t.per_visitor)}
                {line(rules.course_completed, |t| t.per_course)}
                {line(rules.suggestion_approved, |t| t.per_suggestion)}
            </ul>
        </details>
    }
}
