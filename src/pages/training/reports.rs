//! Training reports: for a course, how many are not started, in progress,
//! completed, failed or overdue (a stacked bar), per team, and person by
//! person; with a CSV download. Managers see only their own teams.

use crate::api::training::{get_training_report, report_courses};
use crate::components::{Guard, Loading};
use crate::i18n::{error_text, use_i18n};
use crate::model::training::{StatusCounts, TrainingReport, TrainingStatus};
use crate::model::{Access, AppError, TRAINING_REPORTS};
use crate::pages::learn::{day, StatusBadge};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_query_map};
use std::collections::BTreeMap;

#[component]
pub fn ReportsPage() -> impl IntoView {
    view! {
        <Guard access=Access::AnyRole(TRAINING_REPORTS)>
            <ReportsScreen/>
        </Guard>
    }
}

#[component]
fn ReportsScreen() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().training;
    let query = use_query_map();
    let chosen = move || query.with(|q| q.get("course").and_then(|c| c.parse::<i64>().ok()));
    // The courses and the chosen one's report in one go (one Suspense: no
    // nested ones to hydrate); without a choice, the first course.
    let data = Resource::new(chosen, |chosen| async move {
        let list = report_courses().await?;
        let report = match chosen.or_else(|| list.first().map(|c| c.id)) {
            Some(id) => Some(get_training_report(id, None).await?),
            None => None,
        };
        Ok::<_, AppError>((list, report))
    });
    let navigate = use_navigate();
    view! {
        <Title text=move || t().reports_title/>
        <header class="page-header">
            <h1>{move || t().reports_title}</h1>
            <p class="lead">{move || t().reports_intro}</p>
        </header>
        <Suspense fallback=Loading>
            {move || {
                let navigate = navigate.clone();
                Suspend::new(async move {
                    let (list, report) = match data.await {
                        Ok(d) => d,
                        Err(e) => return view! { <p class="notice notice-error">{error_text(i18n.lang(), &e)}</p> }.into_any(),
                    };
                    let course = report.as_ref().map(|r| r.course_id);
                    view! {
                        <label class="field inline">
                            <span>{move || t().course}</span>
                            <select data-testid="report-course" on:change=move |ev| {
                                navigate(&format!("/training/reports?course={}", event_target_value(&ev)), Default::default());
                            }>
                                {list.into_iter().map(|c| view! {
                                    <option value=c.id.to_string() selected=Some(c.id) == course>
                                        {format!("{} ({})", c.title, c.lang.code().to_uppercase())}
                                    </option>
                                }).collect_view()}
                            </select>
                        </label>
                        {match report {
                            Some(r) => view! { <ReportBody report=r/> }.into_any(),
                            None => view! { <section class="empty-state"><p>{move || t().no_courses_studio}</p></section> }.into_any(),
                        }}
                    }.into_any()
                })
            }}
        </Suspense>
    }
}

const ORDER: [TrainingStatus; 5] = [
    TrainingStatus::Completed,
    TrainingStatus::InProgress,
    TrainingStatus::NotStarted,
    TrainingStatus::Overdue,
    TrainingStatus::Failed,
];

fn count(c: &StatusCounts, s: TrainingStatus) -> usize {
    match s {
        TrainingStatus::NotStarted => c.not_started,
        TrainingStatus::InProgress => c.in_progress,
        TrainingStatus::Completed => c.completed,
        TrainingStatus::Failed => c.failed,
        TrainingStatus::Overdue => c.overdue,
    }
}

/// One horizontal bar split by status, each part as wide as its share.
#[component]
fn StatusBar(counts: StatusCounts) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().training;
    let total = counts.total().max(1);
    view! {
        <div class="status-bar" role="img" aria-label=move || {
            ORDER.iter().map(|s| format!("{}: {}", (t().status)(*s), count(&counts, *s))).collect::<Vec<_>>().join(", ")
        }>
            {ORDER.iter().filter(|s| count(&counts, **s) > 0).map(|s| {
                let n = count(&counts, *s);
                view! {
                    <span class=format!("status-part status-{s:?}") style=format!("flex-grow:{}", n * 1000 / total)
                        title=move || format!("{}: {n}", (t().status)(*s))>{n}</span>
                }
            }).collect_view()}
        </div>
        <ul class="legend">
            {ORDER.iter().map(|s| view! {
                <li><span class=format!("swatch status-{s:?}")></span>{move || (t().status)(*s)}": "{count(&counts, *s)}</li>
            }).collect_view()}
        </ul>
    }
}

fn until(at: Option<DateTime<Utc>>, no_expiry: &'static str) -> String {
    match at {
        Some(t) if t == DateTime::<Utc>::MAX_UTC => no_expiry.to_string(),
        Some(t) => day(t),
        None => String::new(),
    }
}

#[component]
fn ReportBody(report: TrainingReport) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().training;
    if report.learners.is_empty() {
        return view! { <section class="empty-state"><p>{move || t().nobody_assigned}</p></section> }.into_any();
    }
    let mut by_team: BTreeMap<String, StatusCounts> = BTreeMap::new();
    for l in &report.learners {
        by_team
            .entry(l.team.clone().unwrap_or_else(|| "—".to_string()))
            .or_default()
            .add(l.status);
    }
    let rate = report.counts.completion_rate();
    let avg = report.average_score;
    let csv = format!("/training/report.csv?course={}", report.course_id);
    view! {
        <section class="panel" data-testid="training-report">
            <div class="figures">
                <div class="figure"><span class="figure-value" data-testid="completion-rate">{format!("{rate} %")}</span><span class="figure-label">{move || t().completion_rate}</span></div>
                <div class="figure"><span class="figure-value">{avg.map(|a| format!("{a} %")).unwrap_or_else(|| "—".into())}</span><span class="figure-label">{move || t().average_score}</span></div>
                <div class="figure"><span class="figure-value">{report.counts.total()}</span><span class="figure-label">{move || t().people}</span></div>
            </div>
            <StatusBar counts=report.counts/>
            <p><a class="button" href=csv download="" data-testid="report-csv">{move || t().export_csv}</a></p>
        </section>
        <h2>{move || t().team}</h2>
        <div class="table-wrap">
            <table class="table">
                <thead><tr>
                    <th>{move || t().team}</th>
                    {ORDER.iter().map(|s| view! { <th>{move || (t().status)(*s)}</th> }).collect_view()}
                    <th>{move || t().completion_rate}</th>
                </tr></thead>
                <tbody>
                    {by_team.into_iter().map(|(team, c)| view! {
                        <tr>
                            <td>{team}</td>
                            {ORDER.iter().map(|s| view! { <td>{count(&c, *s)}</td> }).collect_view()}
                            <td>{format!("{} %", c.completion_rate())}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <h2>{move || t().people}</h2>
        <div class="table-wrap">
            <table class="table" data-testid="report-learners">
                <thead><tr>
                    <th>{move || t().learner}</th><th>{move || t().team}</th><th>{move || t().status_label}</th>
                    <th>{move || t().progress_label}</th><th>{move || t().score}</th><th>{move || t().certified_until}</th>
                </tr></thead>
                <tbody>
                    {report.learners.into_iter().map(|l| view! {
                        <tr>
                            <td>{l.name.clone()}</td>
                            <td>{l.team.clone().unwrap_or_default()}</td>
                            <td><StatusBadge status=l.status/></td>
                            <td>{format!("{}/{}", l.done, l.total)}</td>
                            <td>{l.score.map(|s| format!("{s} %")).unwrap_or_default()}</td>
                            <td>{move || until(l.certified_until, t().no_expiry)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }.into_any()
}
