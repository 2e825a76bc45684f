//! The learner's side of training: "My courses", a course's outline, its
//! lessons and quizzes, and certificates.

mod certificate;
mod course;
mod lesson;
mod quiz;

pub use certificate::{CertificatePage, VerifyPage};
pub use course::CoursePage;
pub use lesson::LessonPage;
pub use quiz::QuizPage;

use crate::api::training::my_courses;
use crate::components::{Guard, Loading};
use crate::i18n::{error_text, use_i18n};
use crate::model::training::{CourseCard, ItemId, TrainingStatus};
use crate::model::{Access, AppError};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos_meta::Title;

pub(crate) fn day(at: DateTime<Utc>) -> String {
    at.format("%d/%m/%Y").to_string()
}

/// A numeric id from the route (0, which matches nothing, if it is not a number).
pub(crate) fn id_param(params: &leptos_router::params::ParamsMap, key: &str) -> i64 {
    params.get(key).and_then(|s| s.parse().ok()).unwrap_or(0)
}

pub(crate) fn item_href(course: i64, item: ItemId, is_quiz: bool) -> String {
    let kind = if is_quiz { "quiz" } else { "lesson" };
    format!("/learn/{course}/{kind}/{item}")
}

/// A page whose data is not the reader's to see: the right status, and a way back.
#[component]
pub(crate) fn Unavailable(error: AppError) -> impl IntoView {
    let i18n = use_i18n();
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(
            axum::http::StatusCode::from_u16(error.status())
                .unwrap_or(axum::http::StatusCode::NOT_FOUND),
        );
    }
    view! {
        <section class="empty-state">
            <p>{error_text(i18n.lang(), &error)}</p>
            <a class="button" href="/learn">{move || i18n.t().training.my_courses}</a>
        </section>
    }
}

/// Done of total, as a bar with its numbers said out loud.
#[component]
pub(crate) fn ProgressBar(done: usize, total: usize) -> impl IntoView {
    let i18n = use_i18n();
    let pct = (done * 100).checked_div(total).unwrap_or(0);
    view! {
        <div class="progress" role="progressbar" aria-valuemin="0" aria-valuemax=total.to_string()
            aria-valuenow=done.to_string() data-testid="course-progress">
            <span class="progress-fill" style=format!("width:{pct}%")></span>
        </div>
        <small class="muted">{move || (i18n.t().training.progress)(done, total)}</small>
    }
}

#[component]
pub(crate) fn StatusBadge(status: TrainingStatus) -> impl IntoView {
    let i18n = use_i18n();
    let class = match status {
        TrainingStatus::Completed => "badge badge-ok",
        TrainingStatus::Overdue | TrainingStatus::Failed => "badge badge-important",
        TrainingStatus::InProgress => "badge badge-info",
        TrainingStatus::NotStarted => "badge badge-muted",
    };
    view! { <span class=class data-status=format!("{status:?}")>{move || (i18n.t().training.status)(status)}</span> }
}

#[component]
pub fn LearnPage() -> impl IntoView {
    view! {
        <Guard access=Access::SignedIn>
            <LearnScreen/>
        </Guard>
    }
}

#[component]
fn LearnScreen() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().training;
    let courses = Resource::new(|| (), |_| my_courses());
    view! {
        <Title text=move || t().my_courses/>
        <header class="page-header">
            <h1>{move || t().my_courses}</h1>
            <p class="lead">{move || t().my_courses_intro}</p>
        </header>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match courses.await {
                    Ok(list) if list.is_empty() => view! {
                        <section class="empty-state" data-testid="no-courses"><p>{move || t().no_courses}</p></section>
                    }.into_any(),
                    Ok(list) => view! {
                        <ul class="course-grid">
                            {list.into_iter().map(|c| view! { <CourseCardView card=c/> }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(e) => view! { <p class="notice notice-error">{error_text(i18n.lang(), &e)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn CourseCardView(card: CourseCard) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().training;
    let action = move || match card.status {
        TrainingStatus::Completed => t().review,
        _ if card.done == 0 => t().start,
        _ => t().continue_course,
    };
    let due = card.due.map(day);
    view! {
        <li class="course-card" data-testid="course-card">
            {card.cover_url.clone().map(|src| view! { <img class="course-cover" src=src alt=""/> })}
            <div class="course-card-body">
                <div class="badges">
                    <StatusBadge status=card.status/>
                    {card.mandatory.then(|| view! { <span class="badge">{move || t().mandatory}</span> })}
                    <span class="muted small">{move || (t().minutes)(card.minutes)}</span>
                </div>
                <h2><a href=format!("/learn/{}", card.id)>{card.title.clone()}</a></h2>
                <p class="muted">{card.summary.clone()}</p>
                <ProgressBar done=card.done total=card.total/>
                {due.map(|d| view! { <p class="small">{move || (t().due)(&d)}</p> })}
                <a class="button button-primary" href=format!("/learn/{}", card.id) data-testid="course-open">{action}</a>
            </div>
        </li>
    }
}
