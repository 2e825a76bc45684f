//! A quiz: the questions (without their answers), graded on the server,
//! then each question marked right or wrong with its explanation. Another
//! attempt within the limit starts from a fresh set.

use super::{id_param, item_href, Unavailable};
use crate::api::training::{open_quiz, SubmitQuiz};
use crate::components::{action_error, ErrorNotice, Guard, Loading};
use crate::i18n::use_i18n;
use crate::model::training::{
    OptionId, QuestionId, QuestionKind, QuestionView, QuizOutcome, QuizSubmission, QuizView,
};
use crate::model::Access;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use std::collections::HashMap;

#[component]
pub fn QuizPage() -> impl IntoView {
    view! {
        <Guard access=Access::SignedIn>
            <QuizScreen/>
        </Guard>
    }
}

#[component]
fn QuizScreen() -> impl IntoView {
    let params = use_params_map();
    // Bumped by "Try again": a fresh attempt with a fresh view.
    let round = RwSignal::new(0_u32);
    let ids = move || params.with(|p| (id_param(p, "id"), id_param(p, "item"), round.get()));
    let quiz = Resource::new(ids, |(course, item, _)| open_quiz(course, item));
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match quiz.await {
                    Ok(q) => view! { <Quiz quiz=q round/> }.into_any(),
                    Err(e) => view! { <Unavailable error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Quiz(quiz: QuizView, round: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().training;
    let answers: RwSignal<HashMap<QuestionId, Vec<OptionId>>> = RwSignal::new(HashMap::new());
    let submit = ServerAction::<SubmitQuiz>::new();
    let error = action_error(submit);
    let outcome = Signal::derive(move || submit.value().get().and_then(Result::ok));
    let incomplete = RwSignal::new(false);
    let total = quiz.questions.len();
    let (course, item, attempt) = (quiz.course_id, quiz.id, quiz.attempt);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = answers.get_untracked();
        if chosen.values().filter(|v| !v.is_empty()).count() < total {
            incomplete.set(true);
            return;
        }
        incomplete.set(false);
        submit.dispatch(SubmitQuiz {
            submission: QuizSubmission {
                course_id: course,
                item_id: item,
                attempt,
                answers: chosen.into_iter().collect(),
            },
        });
    };
    let next_href = quiz
        .next_item
        .map(|n| item_href(course, n, quiz.next_is_quiz))
        .unwrap_or_else(|| format!("/learn/{course}"));
    let locked_form = move || outcome.get().is_some() || !quiz.may_attempt;
    let title = quiz.title.clone();
    let questions = quiz.questions.clone();
    view! {
        <Title text=title/>
        <article class="quiz" data-testid="quiz">
            <p class="breadcrumb">
                <a href=format!("/learn/{course}")>{quiz.course_title.clone()}</a>
                " · "{move || (t().item_of)(quiz.position, quiz.total)}
            </p>
            <h1>{quiz.title.clone()}</h1>
            <div class="prose" inner_html=quiz.intro_html.clone()></div>
            <p class="muted">
                {move || (t().pass_mark)(quiz.pass_mark)}" · "
                <span data-testid="attempts-left">{move || (t().attempts_left)(quiz.attempts_left)}</span>
            </p>
            {quiz.passed.then(|| view! {
                <p class="notice notice-ok" data-testid="quiz-passed-before">{move || (t().quiz_passed_before)(quiz.best_score.unwrap_or(100))}</p>
            })}
            <form on:submit=on_submit>
                <ol class="questions">
                    {questions.into_iter().map(|q| view! {
                        <QuestionField question=q answers outcome locked=Signal::derive(locked_form)/>
                    }).collect_view()}
                </ol>
                {move || incomplete.get().then(|| view! { <p class="notice notice-warn" role="alert">{move || t().answer_all}</p> })}
                <ErrorNotice error/>
                {move || (outcome.get().is_none() && quiz.may_attempt).then(|| view! {
                    <button type="submit" class="button button-primary" data-testid="quiz-submit"
                        disabled=move || submit.pending().get()>{move || t().submit_answers}</button>
                })}
            </form>
            {move || outcome.get().map(|o| view! { <Outcome outcome=o round next_href=next_href.clone()/> })}
            {quiz.passed.then(|| {
                let href = quiz.next_item.map(|n| item_href(course, n, quiz.next_is_quiz)).unwrap_or_else(|| format!("/learn/{course}"));
                view! { <a class="button" href=href>{move || t().next}</a> }
            })}
        </article>
    }
}

#[component]
fn Outcome(outcome: QuizOutcome, round: RwSignal<u32>, next_href: String) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().training;
    let g = outcome.graded.clone();
    let passed = g.passed;
    view! {
        <section class=if passed { "panel quiz-outcome notice-ok" } else { "panel quiz-outcome notice-warn" }
            data-testid="quiz-outcome" data-passed=passed.to_string() role="status">
            <h2>{move || if passed { t().passed } else { t().not_passed }}</h2>
            <p>{move || (t().you_scored)(g.score, g.right, g.total)}</p>
            {outcome.certificate.clone().map(|code| view! {
                <p><strong>{move || t().course_complete}</strong></p>
                <a class="button button-primary" href=format!("/learn/certificates/{code}?new=1") data-testid="quiz-certificate">{move || t().see_certificate}</a>
            })}
            {(!passed).then(|| view! { <p class="muted">{move || (t().attempts_left)(outcome.attempts_left)}</p> })}
            {(!passed && outcome.may_retry).then(|| view! {
                <button class="button button-primary" data-testid="quiz-retry"
                    on:click=move |_| round.update(|r| *r += 1)>{move || t().try_again}</button>
            })}
            {(passed && outcome.certificate.is_none()).then(|| view! {
                <a class="button button-primary" href=next_href.clone() data-testid="quiz-next">{move || t().next}</a>
            })}
        </section>
    }
}

#[component]
fn QuestionField(
    question: QuestionView,
    answers: RwSignal<HashMap<QuestionId, Vec<OptionId>>>,
    outcome: Signal<Option<QuizOutcome>>,
    locked: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().training;
    let qid = question.id;
    let multiple = question.kind == QuestionKind::Multiple;
    let result = move || {
        outcome.with(|o| {
            o.as_ref()
                .and_then(|o| o.graded.results.iter().find(|r| r.question == qid).cloned())
        })
    };
    let kind = question.kind;
    view! {
        <li class="question" data-testid="question">
            <fieldset disabled=move || locked.get()>
                <legend>{question.text.clone()}</legend>
                <small class="muted">{move || (t().kind_hint)(kind)}</small>
                {question.options.into_iter().map(|(oid, text)| {
                    let mark = move || result().map(|r| r.correct_options.contains(&oid));
                    view! {
                        <label class="check option" class:option-correct=move || mark() == Some(true)>
                            <input type=if multiple { "checkbox" } else { "radio" } name=format!("q{qid}") value=oid.to_string()
                                prop:checked=move || answers.with(|a| a.get(&qid).is_some_and(|v| v.contains(&oid)))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    answers.update(|a| {
                                        let chosen = a.entry(qid).or_default();
                                        if multiple {
                                            chosen.retain(|o| *o != oid);
                                            if on { chosen.push(oid); }
                                        } else if on {
                                            *chosen = vec![oid];
                                        }
                                    });
                                }/>
                            <span>{text}</span>
                            {move || (mark() == Some(true)).then(|| view! { <span class="sr-only">" ("{move || t().correct}")"</span> })}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            {move || result().map(|r| view! {
                <p class=if r.correct { "answer answer-right" } else { "answer answer-wrong" } data-testid="answer-feedback">
                    <strong>{move || if r.correct { t().right } else { t().wrong }}</strong>" "{r.explanation.clone()}
                </p>
            })}
        </li>
    }
}
