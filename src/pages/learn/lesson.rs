//! One lesson: its text, and "mark as read" which moves on to the next item
//! (or to the certificate when it was the last one).

use super::{id_param, item_href, Unavailable};
use crate::api::training::{open_lesson, FinishLesson};
use crate::components::{action_error, ErrorNotice, Guard, Loading};
use crate::i18n::use_i18n;
use crate::model::training::LessonView;
use crate::model::Access;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map};

#[component]
pub fn LessonPage() -> impl IntoView {
    view! {
        <Guard access=Access::SignedIn>
            <LessonScreen/>
        </Guard>
    }
}

#[component]
fn LessonScreen() -> impl IntoView {
    let params = use_params_map();
    let ids = move || params.with(|p| (id_param(p, "id"), id_param(p, "item")));
    let lesson = Resource::new(ids, |(course, item)| open_lesson(course, item));
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match lesson.await {
                    Ok(l) => view! { <Lesson lesson=l/> }.into_any(),
                    Err(e) => view! { <Unavailable error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Lesson(lesson: LessonView) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().training;
    let course = lesson.course_id;
    let finish = ServerAction::<FinishLesson>::new();
    let error = action_error(finish);
    let navigate = use_navigate();
    let (next, next_is_quiz) = (lesson.next_item, lesson.next_is_quiz);
    // On to the next item; to the certificate when this completed the course.
    Effect::new(move || {
        if let Some(Ok(certificate)) = finish.value().get() {
            let to = match (certificate, next) {
                (Some(code), _) => format!("/learn/certificates/{code}?new=1"),
                (None, Some(n)) => item_href(course, n, next_is_quiz),
                (None, None) => format!("/learn/{course}"),
            };
            navigate(&to, Default::default());
        }
    });
    let title = lesson.title.clone();
    view! {
        <Title text=title/>
        <article class="lesson" data-testid="lesson">
            <p class="breadcrumb">
                <a href=format!("/learn/{course}")>{lesson.course_title.clone()}</a>
                " · "{move || (t().item_of)(lesson.position, lesson.total)}
            </p>
            <h1>{lesson.title.clone()}</h1>
            <div class="prose" inner_html=lesson.body_html.clone()></div>
            <ErrorNotice error/>
            <nav class="lesson-nav">
                <a class="button" href=format!("/learn/{course}")>{move || t().back_to_course}</a>
                <button class="button button-primary" data-testid="lesson-done"
                    disabled=move || finish.pending().get()
                    on:click=move |_| { finish.dispatch(FinishLesson { course_id: course, item_id: lesson.id }); }>
                    {move || if lesson.done { t().next } else { t().mark_done }}
                </button>
            </nav>
        </article>
    }
}
