//! A course from the learner's side: its outline with what is done and what
//! is still locked, "Continue" where they left off, and the certificate.

use super::{day, id_param, item_href, ProgressBar, StatusBadge, Unavailable};
use crate::api::training::{get_learner_course, Recertify};
use crate::components::{action_error, ErrorNotice, Guard, Loading};
use crate::i18n::use_i18n;
use crate::model::training::{CertificateState, LearnerCourse};
use crate::model::Access;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn CoursePage() -> impl IntoView {
    view! {
        <Guard access=Access::SignedIn>
            <CourseScreen/>
        </Guard>
    }
}

#[component]
fn CourseScreen() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| id_param(p, "id"));
    let recertify = ServerAction::<Recertify>::new();
    let course = Resource::new(
        move || (id(), recertify.version().get()),
        |(id, _)| get_learner_course(id),
    );
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match course.await {
                    Ok(c) => view! { <CourseOutline course=c recertify/> }.into_any(),
                    Err(e) => view! { <Unavailable error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn CourseOutline(course: LearnerCourse, recertify: ServerAction<Recertify>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().training;
    let card = course.card.clone();
    let id = card.id;
    let next = course.next_item.and_then(|n| {
        course
            .modules
            .iter()
            .flat_map(|m| m.items.iter())
            .find(|i| i.id == n)
            .map(|i| item_href(id, i.id, i.is_quiz))
    });
    let started = card.done > 0;
    let error = action_error(recertify);
    let title = card.title.clone();
    view! {
        <Title text=title/>
        <header class="page-header course-header">
            <p class="breadcrumb"><a href="/learn">{move || t().my_courses}</a></p>
            <h1>{card.title.clone()}</h1>
            <p class="lead">{card.summary.clone()}</p>
            <div class="badges">
                <StatusBadge status=card.status/>
                {card.mandatory.then(|| view! { <span class="badge">{move || t().mandatory}</span> })}
                <span class="muted small">{move || (t().minutes)(card.minutes)}</span>
                {card.due.map(|d| { let d = day(d); view! { <span class="small">{move || (t().due)(&d)}</span> } })}
            </div>
            <ProgressBar done=card.done total=card.total/>
            <p class="muted small">{move || if course.sequential { t().sequential_hint } else { t().free_order_hint }}</p>
            {next.map(|href| view! {
                <a class="button button-primary" href=href data-testid="course-continue">
                    {move || if started { t().continue_course } else { t().start }}
                </a>
            })}
        </header>

        {card.certificate.clone().map(|cert| {
            let valid = cert.state == CertificateState::Valid;
            let until = cert.valid_until.map(day);
            view! {
                <section class=if valid { "panel certificate-brief" } else { "panel certificate-brief notice-warn" } data-testid="certificate-brief">
                    <h2>{move || t().certificate}</h2>
                    <p>{move || (t().cert_state)(cert.state)}" · "{move || match &until { Some(u) => (t().valid_until)(u), None => t().no_expiry.to_string() }}</p>
                    <a class="button" href=format!("/learn/certificates/{}", cert.code) data-testid="see-certificate">{move || t().see_certificate}</a>
                    {course.may_recertify.then(|| view! {
                        <p>{move || t().recertify_hint}</p>
                        <button class="button button-primary" data-testid="recertify"
                            on:click=move |_| { recertify.dispatch(Recertify { id }); }>
                            {move || t().recertify}
                        </button>
                        <ErrorNotice error/>
                    })}
                </section>
            }
        })}

        <ol class="course-outline">
            {course.modules.into_iter().map(|m| view! {
                <li class="module">
                    {(!m.title.is_empty()).then(|| view! { <h2>{m.title.clone()}</h2> })}
                    <ol class="items">
                        {m.items.into_iter().map(|i| {
                            let kind = move || if i.is_quiz { t().quiz } else { t().lesson };
                            let class = if i.done { "item item-done" } else if i.locked { "item item-locked" } else { "item" };
                            view! {
                                <li class=class data-testid="course-item">
                                    <span class="item-mark" aria-hidden="true">{if i.done { "✓" } else if i.locked { "–" } else if i.is_quiz { "?" } else { "•" }}</span>
                                    {if i.locked {
                                        view! {
                                            <span title=move || t().locked>{i.title.clone()}</span>
                                            <span class="sr-only">{move || format!(" ({})", t().locked)}</span>
                                        }.into_any()
                                    } else {
                                        view! { <a href=item_href(id, i.id, i.is_quiz)>{i.title.clone()}</a> }.into_any()
                                    }}
                                    <span class="muted small">{kind}{move || if i.done { format!(" · {}", t().done) } else { String::new() }}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                </li>
            }).collect_view()}
        </ol>
    }
}
