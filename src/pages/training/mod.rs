//! The trainers' side: their courses, the course editor, and progress reports.

mod editor;
mod reports;

pub use editor::{EditCoursePage, NewCoursePage};
pub use reports::ReportsPage;

use crate::api::training::training_studio;
use crate::components::{Guard, Loading};
use crate::i18n::{error_text, use_i18n};
use crate::model::training::CourseStatus;
use crate::model::{Access, TRAINERS};
use crate::pages::learn::day;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn TrainingPage() -> impl IntoView {
    view! {
        <Guard access=Access::AnyRole(TRAINERS)>
            <TrainingScreen/>
        </Guard>
    }
}

#[component]
fn TrainingScreen() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().training;
    let courses = Resource::new(|| (), |_| training_studio());
    view! {
        <Title text=move || t().studio_title/>
        <header class="page-header">
            <h1>{move || t().studio_title}</h1>
            <p class="lead">{move || t().studio_intro}</p>
            <p>
                <a class="button button-primary" href="/training/new" data-testid="new-course">{move || t().new_course}</a>
                " "<a class="button" href="/training/reports">{move || t().nav_reports}</a>
            </p>
        </header>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match courses.await {
                    Ok(list) if list.is_empty() => view! {
                        <section class="empty-state"><p>{move || t().no_courses_studio}</p></section>
                    }.into_any(),
                    Ok(list) => view! {
                        <div class="table-wrap">
                            <table class="table" data-testid="course-table">
                                <thead><tr>
                                    <th>{move || t().title}</th>
                                    <th>{move || t().language}</th>
                                    <th>{move || t().status_label}</th>
                                    <th>{move || t().due_date}</th>
                                    <th></th>
                                </tr></thead>
                                <tbody>
                                    {list.into_iter().map(|c| view! {
                                        <tr>
                                            <td>
                                                <a href=format!("/training/courses/{}", c.id)>{c.title.clone()}</a>
                                                <br/><small class="muted">{move || (t().items_count)(c.items)}" · "{move || (t().edition)(c.edition)}</small>
                                            </td>
                                            <td>{c.lang.code().to_uppercase()}</td>
                                            <td><span class=if c.status == CourseStatus::Published { "badge badge-ok" } else { "badge" }>{move || (t().course_status)(c.status)}</span></td>
                                            <td>{c.due.filter(|_| c.mandatory).map(day).unwrap_or_default()}</td>
                                            <td class="actions">
                                                <a class="button button-small" href=format!("/training/courses/{}", c.id)>{move || t().edit}</a>
                                                " "<a class="button button-small" href=format!("/training/reports?course={}", c.id)>{move || t().report}</a>
                                            </td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }.into_any(),
                    Err(e) => view! { <p class="notice notice-error">{error_text(i18n.lang(), &e)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}
