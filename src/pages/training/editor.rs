//! The course editor: the course's details and assignment, then its
//! modules of lessons (Markdown) and quizzes (questions, options, which are
//! correct, explanations, pass mark, attempts). Saving keeps every item's id,
//! so learners keep their progress; publishing checks every quiz.
//!
//! The course lives in one signal. Typing updates it without re-rendering;
//! adding, removing or moving a piece re-renders the outline (`shape`).

use crate::api::training::{
    blank_course, course_targets, get_course_detail, CreateCourse, PublishCourse, UnpublishCourse,
    UpdateCourse,
};
use crate::components::image_upload::ImageUpload;
use crate::components::time::{from_local_input, to_local_input};
use crate::components::{action_error, ErrorNotice, FieldError, Guard, Loading};
use crate::i18n::{code_text, error_text, use_i18n};
use crate::model::training::{
    CourseDetail, CourseInput, CourseStatus, Item, Module, Question, QuestionKind, Quiz,
    QuizOption, QuizRules,
};
use crate::model::FieldError as Problem;
use crate::model::{Access, AppError, Directory, Lang, TRAINERS};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map};

#[component]
pub fn NewCoursePage() -> impl IntoView {
    view! {
        <Guard access=Access::AnyRole(TRAINERS)>
            <NewCourse/>
        </Guard>
    }
}

#[component]
fn NewCourse() -> impl IntoView {
    let i18n = use_i18n();
    let blank = Resource::new(|| (), |_| blank_course());
    let targets = Resource::new(|| (), |_| course_targets());
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match (blank.await, targets.await) {
                    (Ok(input), Ok(dir)) => view! { <CourseEditor input dir detail=None/> }.into_any(),
                    (Err(e), _) | (_, Err(e)) => view! { <p class="notice notice-error">{error_text(i18n.lang(), &e)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn EditCoursePage() -> impl IntoView {
    view! {
        <Guard access=Access::AnyRole(TRAINERS)>
            <EditCourse/>
        </Guard>
    }
}

#[component]
fn EditCourse() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|s| s.parse::<i64>().ok())
            .unwrap_or(0)
    };
    let reload = RwSignal::new(0_u32);
    let detail = Resource::new(
        move || (id(), reload.get()),
        |(id, _)| get_course_detail(id),
    );
    let targets = Resource::new(|| (), |_| course_targets());
    provide_context(reload);
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match (detail.await, targets.await) {
                    (Ok(d), Ok(dir)) => view! { <CourseEditor input=d.input.clone() dir detail=Some(d)/> }.into_any(),
                    (Err(e), _) | (_, Err(e)) => {
                        #[cfg(feature = "ssr")]
                        if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
                            res.set_status(axum::http::StatusCode::from_u16(e.status()).unwrap_or(axum::http::StatusCode::NOT_FOUND));
                        }
                        view! { <p class="notice notice-error">{error_text(i18n.lang(), &e)}</p> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

fn new_lesson() -> Item {
    Item {
        id: 0,
        title: String::new(),
        body: String::new(),
        quiz: None,
    }
}

fn new_question(kind: QuestionKind) -> Question {
    let option = |text: &str| QuizOption {
        id: 0,
        text: text.to_string(),
        correct: false,
    };
    Question {
        id: 0,
        kind,
        text: String::new(),
        options: match kind {
            QuestionKind::TrueFalse => vec![option("Verdadero"), option("Falso")],
            _ => vec![option(""), option("")],
        },
        explanation: String::new(),
    }
}

fn new_quiz() -> Item {
    Item {
        id: 0,
        title: String::new(),
        body: String::new(),
        quiz: Some(Quiz {
            rules: QuizRules {
                pass_mark: 80,
                max_attempts: Some(3),
                shuffle: false,
            },
            questions: vec![new_question(QuestionKind::Single)],
        }),
    }
}

/// The editor's state: the course, and a counter that re-renders the outline.
#[derive(Clone, Copy)]
struct Doc {
    doc: RwSignal<CourseInput>,
    shape: RwSignal<u32>,
}

impl Doc {
    /// A change of text: stored, nothing re-rendered.
    fn edit(self, f: impl FnOnce(&mut CourseInput)) {
        self.doc.update_untracked(f);
    }

    /// A change of structure: the outline is drawn again.
    fn restructure(self, f: impl FnOnce(&mut CourseInput)) {
        self.doc.update_untracked(f);
        self.shape.update(|s| *s += 1);
    }

    fn item(self, m: usize, i: usize, f: impl FnOnce(&mut Item)) {
        self.edit(|d| {
            if let Some(item) = d.modules.get_mut(m).and_then(|m| m.items.get_mut(i)) {
                f(item)
            }
        })
    }

    fn quiz(self, m: usize, i: usize, f: impl FnOnce(&mut Quiz)) {
        self.item(m, i, |item| {
            if let Some(q) = item.quiz.as_mut() {
                f(q)
            }
        })
    }

    fn question(self, m: usize, i: usize, q: usize, f: impl FnOnce(&mut Question)) {
        self.quiz(m, i, |quiz| {
            if let Some(question) = quiz.questions.get_mut(q) {
                f(question)
            }
        })
    }
}

#[component]
fn CourseEditor(input: CourseInput, dir: Directory, detail: Option<CourseDetail>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().training;
    let id = detail.as_ref().map(|d| d.id);
    let status = detail.as_ref().map(|d| d.status);
    let edition = detail.as_ref().map(|d| d.edition).unwrap_or(1);
    let problems = detail
        .as_ref()
        .map(|d| d.problems.clone())
        .unwrap_or_default();
    let reload = use_context::<RwSignal<u32>>();

    let doc = Doc {
        doc: RwSignal::new(input.clone()),
        shape: RwSignal::new(0),
    };
    let due = RwSignal::new(input.due.map(to_local_input).unwrap_or_default());
    let cover = RwSignal::new(input.cover_image);
    let cover_url = RwSignal::new(input.cover_image.map(|id| format!("/images/{id}")));
    let create = ServerAction::<CreateCourse>::new();
    let update = ServerAction::<UpdateCourse>::new();
    let publish = ServerAction::<PublishCourse>::new();
    let unpublish = ServerAction::<UnpublishCourse>::new();
    let create_error = action_error(create);
    let update_error = action_error(update);
    let publish_error = action_error(publish);
    let error: Signal<Option<AppError>> = Signal::derive(move || {
        update_error
            .get()
            .or(create_error.get())
            .or(publish_error.get())
    });
    provide_context(ItemErrors(error));
    let saved = RwSignal::new(false);
    // Publishing saves first, then publishes what was saved.
    let publish_after = RwSignal::new(None::<bool>);

    let navigate = use_navigate();
    Effect::new(move || {
        if let Some(Ok(new_id)) = create.value().get() {
            navigate(&format!("/training/courses/{new_id}"), Default::default());
        }
    });
    Effect::new(move || {
        if let Some(Ok(stored)) = update.value().get() {
            // New items now have their ids: the next save must carry them.
            doc.restructure(|d| *d = stored);
            saved.set(true);
            if let (Some(id), Some(new_edition)) = (id, publish_after.get_untracked()) {
                publish_after.set(None);
                publish.dispatch(PublishCourse { id, new_edition });
            }
        }
    });
    Effect::new(move || {
        let done = matches!(publish.value().get(), Some(Ok(())))
            || matches!(unpublish.value().get(), Some(Ok(())));
        if done {
            if let Some(r) = reload {
                r.update(|n| *n += 1);
            }
        }
    });

    let collect = move || {
        let mut d = doc.doc.get_untracked();
        d.due = from_local_input(&due.get_untracked());
        d.cover_image = cover.get_untracked();
        d
    };
    let save = move |then_publish: Option<bool>| {
        saved.set(false);
        publish_after.set(then_publish);
        match id {
            Some(id) => {
                update.dispatch(UpdateCourse {
                    id,
                    input: collect(),
                });
            }
            None => {
                create.dispatch(CreateCourse { input: collect() });
            }
        }
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save(None);
    };

    let title = input.title.clone();
    let busy = move || create.pending().get() || update.pending().get() || publish.pending().get();
    let teams = dir.teams.clone();
    let locations = dir.locations.clone();
    let check = move |list: fn(&mut CourseInput) -> &mut Vec<i64>, id: i64, on: bool| {
        doc.edit(|d| {
            let v = list(d);
            v.retain(|x| *x != id);
            if on {
                v.push(id);
            }
        })
    };
    view! {
        <Title text=move || if title.is_empty() { t().new_course.to_string() } else { title.clone() }/>
        <header class="page-header">
            <p class="breadcrumb"><a href="/training">{move || t().studio_title}</a></p>
            <h1>{move || if id.is_none() { t().new_course.to_string() } else { doc.doc.with_untracked(|d| d.title.clone()) }}</h1>
            {status.map(|s| view! {
                <p>
                    <span class=if s == CourseStatus::Published { "badge badge-ok" } else { "badge" } data-testid="course-status">{move || (t().course_status)(s)}</span>
                    " "<span class="muted small">{move || (t().edition)(edition)}</span>
                </p>
            })}
            {(status == Some(CourseStatus::Published)).then(|| view! { <p class="muted small">{move || t().published_note}</p> })}
        </header>
        {(!problems.is_empty()).then(|| view! {
            <div class="notice notice-warn" data-testid="course-problems">
                <p>{move || t().problems}</p>
                <ul>{problems.iter().map(|p| view! { <li>{problem_text(i18n.lang(), p)}</li> }).collect_view()}</ul>
            </div>
        })}
        <form class="editor course-editor" on:submit=on_submit>
            <section class="panel">
                <label class="field">
                    <span>{move || t().title}</span>
                    <input type="text" required maxlength="120" data-testid="course-title"
                        prop:value=input.title.clone()
                        on:input=move |ev| doc.edit(|d| d.title = event_target_value(&ev))/>
                    <FieldError error field="title"/>
                </label>
                <label class="field">
                    <span>{move || t().summary}</span>
                    <textarea rows="2" maxlength="600" prop:value=input.summary.clone()
                        on:input=move |ev| doc.edit(|d| d.summary = event_target_value(&ev))></textarea>
                </label>
                <div class="field-row">
                    <label class="field">
                        <span>{move || t().language}</span>
                        <select on:change=move |ev| doc.edit(|d| d.lang = event_target_value(&ev).parse().unwrap_or(Lang::Es))>
                            {Lang::ALL.into_iter().map(|l| view! {
                                <option value=l.code() selected=input.lang == l>{l.code().to_uppercase()}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <label class="field">
                        <span>{move || t().estimated_minutes}</span>
                        <input type="number" min="1" max="600" prop:value=input.minutes.to_string()
                            on:input=move |ev| doc.edit(|d| d.minutes = event_target_value(&ev).parse().unwrap_or(0))/>
                        <FieldError error field="minutes"/>
                    </label>
                    <label class="field">
                        <span>{move || t().validity}</span>
                        <input type="number" min="1" max="120" prop:value=input.validity_months.map(|m| m.to_string()).unwrap_or_default()
                            on:input=move |ev| doc.edit(|d| d.validity_months = event_target_value(&ev).parse().ok())/>
                        <small class="hint">{move || t().validity_hint}</small>
                        <FieldError error field="validity_months"/>
                    </label>
                </div>
                <ImageUpload label=Signal::derive(move || t().cover_image) image_id=cover image_url=cover_url testid="course-cover"/>
                <label class="check">
                    <input type="checkbox" prop:checked=input.sequential
                        on:change=move |ev| doc.edit(|d| d.sequential = event_target_checked(&ev))/>
                    <span>{move || t().sequential}</span>
                </label>
            </section>

            <section class="panel">
                <h2>{move || t().audience}</h2>
                <p class="muted small">{move || t().audience_hint}</p>
                <fieldset class="field">
                    <legend>{move || i18n.t().teams}</legend>
                    <div class="checks">
                        {teams.into_iter().map(|team| {
                            let tid = team.id;
                            view! {
                                <label class="check">
                                    <input type="checkbox" prop:checked=input.audience.teams.contains(&tid)
                                        on:change=move |ev| check(|d| &mut d.audience.teams, tid, event_target_checked(&ev))/>
                                    <span>{team.name.clone()}</span>
                                </label>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
                <fieldset class="field">
                    <legend>{move || i18n.t().locations}</legend>
                    <div class="checks">
                        {locations.into_iter().map(|l| {
                            let lid = l.id;
                            view! {
                                <label class="check">
                                    <input type="checkbox" prop:checked=input.audience.locations.contains(&lid)
                                        on:change=move |ev| check(|d| &mut d.audience.locations, lid, event_target_checked(&ev))/>
                                    <span>{l.name.clone()}</span>
                                </label>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
                <div class="field-row">
                    <label class="check">
                        <input type="checkbox" prop:checked=input.mandatory data-testid="course-mandatory"
                            on:change=move |ev| doc.edit(|d| d.mandatory = event_target_checked(&ev))/>
                        <span>{move || t().mandatory}</span>
                    </label>
                    <label class="field">
                        <span>{move || t().due_date}</span>
                        <input type="datetime-local" bind:value=due/>
                    </label>
                </div>
            </section>

            <Outline doc/>

            <ErrorNotice error fields=&["title", "minutes", "validity_months"]/>
            {move || saved.get().then(|| view! { <p class="notice notice-ok" role="status" data-testid="course-saved">{move || t().saved}</p> })}
            <div class="actions sticky-actions">
                <button type="submit" class="button button-primary" disabled=busy data-testid="course-save">{move || t().save}</button>
                {id.map(|id| {
                    let published = status == Some(CourseStatus::Published);
                    view! {
                        {(!published).then(|| view! {
                            <button type="button" class="button" disabled=busy data-testid="course-publish"
                                on:click=move |_| save(Some(false))>{move || t().publish}</button>
                        })}
                        {published.then(|| view! {
                            <button type="button" class="button" disabled=busy title=move || t().publish_new_edition_hint
                                on:click=move |_| save(Some(true))>{move || t().publish_new_edition}</button>
                            <button type="button" class="button button-danger" disabled=busy
                                on:click=move |_| { unpublish.dispatch(UnpublishCourse { id }); }>{move || t().unpublish}</button>
                        })}
                    }
                })}
            </div>
        </form>
    }
}

/// Modules with their lessons and quizzes.
#[component]
fn Outline(doc: Doc) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().training;
    move || {
        doc.shape.track();
        let modules = doc.doc.with_untracked(|d| d.modules.clone());
        let count = modules.len();
        view! {
            <div class="outline">
                {modules.into_iter().enumerate().map(|(m, module)| view! {
                    <ModuleEditor doc m module last=count - 1/>
                }).collect_view()}
                <button type="button" class="button" data-testid="add-module"
                    on:click=move |_| doc.restructure(|d| d.modules.push(Module { title: String::new(), items: vec![new_lesson()] }))>
                    {move || t().add_module}
                </button>
            </div>
        }
    }
}

#[component]
fn ModuleEditor(doc: Doc, m: usize, module: Module, last: usize) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().training;
    // Items are numbered across modules, as the server names them in errors.
    let first = doc.doc.with_untracked(|d| {
        d.modules
            .iter()
            .take(m)
            .map(|m| m.items.len())
            .sum::<usize>()
    });
    let n_items = module.items.len();
    view! {
        <section class="panel module-editor" data-testid="module-editor">
            <div class="field-row">
                <label class="field grow">
                    <span>{move || format!("{} {}", t().module, m + 1)}</span>
                    <input type="text" maxlength="120" placeholder=move || t().module_title prop:value=module.title.clone()
                        on:input=move |ev| doc.edit(|d| d.modules[m].title = event_target_value(&ev))/>
                </label>
                <div class="actions">
                    {(m > 0).then(|| view! { <button type="button" class="button button-small" on:click=move |_| doc.restructure(|d| d.modules.swap(m, m - 1))>{move || t().move_up}</button> })}
                    {(m < last).then(|| view! { <button type="button" class="button button-small" on:click=move |_| doc.restructure(|d| d.modules.swap(m, m + 1))>{move || t().move_down}</button> })}
                    {(last > 0).then(|| view! { <button type="button" class="button button-small button-danger" on:click=move |_| doc.restructure(|d| { d.modules.remove(m); })>{move || t().remove}</button> })}
                </div>
            </div>
            <ol class="items">
                {module.items.into_iter().enumerate().map(|(i, item)| view! {
                    <ItemEditor doc m i item number=first + i last=n_items - 1/>
                }).collect_view()}
            </ol>
            <div class="actions">
                <button type="button" class="button button-small" data-testid="add-lesson"
                    on:click=move |_| doc.restructure(|d| d.modules[m].items.push(new_lesson()))>{move || t().add_lesson}</button>
                <button type="button" class="button button-small" data-testid="add-quiz"
                    on:click=move |_| doc.restructure(|d| d.modules[m].items.push(new_quiz()))>{move || t().add_quiz}</button>
            </div>
        </section>
    }
}

#[component]
fn ItemEditor(
    doc: Doc,
    m: usize,
    i: usize,
    item: Item,
    number: usize,
    last: usize,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().training;
    let is_quiz = item.quiz.is_some();
    let field = format!("item-{number}");
    let error = use_context::<ItemErrors>()
        .map(|e| e.0)
        .unwrap_or_else(|| Signal::derive(|| None));
    view! {
        <li class="item-editor" data-testid=if is_quiz { "quiz-editor" } else { "lesson-editor" }>
            <div class="field-row">
                <span class="badge">{move || if is_quiz { t().quiz } else { t().lesson }}</span>
                <label class="field grow">
                    <span class="sr-only">{move || t().item_title}</span>
                    <input type="text" required maxlength="120" placeholder=move || t().item_title prop:value=item.title.clone()
                        data-testid="item-title"
                        on:input=move |ev| doc.item(m, i, |it| it.title = event_target_value(&ev))/>
                </label>
                <div class="actions">
                    {(i > 0).then(|| view! { <button type="button" class="button button-small" on:click=move |_| doc.restructure(|d| d.modules[m].items.swap(i, i - 1))>"↑"</button> })}
                    {(i < last).then(|| view! { <button type="button" class="button button-small" on:click=move |_| doc.restructure(|d| d.modules[m].items.swap(i, i + 1))>"↓"</button> })}
                    <button type="button" class="button button-small button-danger"
                        on:click=move |_| doc.restructure(|d| { d.modules[m].items.remove(i); })>{move || t().remove}</button>
                </div>
            </div>
            <FieldError error field=field/>
            <label class="field">
                <span>{move || if is_quiz { t().quiz_intro } else { t().lesson_body }}</span>
                <textarea rows=if is_quiz { "2" } else { "8" } data-testid="item-body" prop:value=item.body.clone()
                    on:input=move |ev| doc.item(m, i, |it| it.body = event_target_value(&ev))></textarea>
                {(!is_quiz).then(|| view! { <small class="hint">{move || t().lesson_body_hint}</small> })}
            </label>
            {item.quiz.map(|quiz| view! { <QuizEditor doc m i quiz/> })}
        </li>
    }
}

/// Errors for items, shared down the outline (they name items by number).
#[derive(Clone, Copy)]
struct ItemErrors(Signal<Option<AppError>>);

#[component]
fn QuizEditor(doc: Doc, m: usize, i: usize, quiz: Quiz) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().training;
    let rules = quiz.rules;
    let last_q = quiz.questions.len().saturating_sub(1);
    view! {
        <div class="quiz-editor">
            <div class="field-row">
                <label class="field">
                    <span>{move || (t().pass_mark)(rules.pass_mark)}</span>
                    <input type="number" min="1" max="100" prop:value=rules.pass_mark.to_string()
                        on:input=move |ev| doc.quiz(m, i, |q| q.rules.pass_mark = event_target_value(&ev).parse().unwrap_or(0))/>
                </label>
                <label class="field">
                    <span>{move || t().max_attempts}</span>
                    <input type="number" min="1" max="100" placeholder=move || t().unlimited
                        prop:value=rules.max_attempts.map(|a| a.to_string()).unwrap_or_default()
                        on:input=move |ev| doc.quiz(m, i, |q| q.rules.max_attempts = event_target_value(&ev).parse().ok())/>
                </label>
                <label class="check">
                    <input type="checkbox" prop:checked=rules.shuffle
                        on:change=move |ev| doc.quiz(m, i, |q| q.rules.shuffle = event_target_checked(&ev))/>
                    <span>{move || t().shuffle}</span>
                </label>
            </div>
            <ol class="questions">
                {quiz.questions.into_iter().enumerate().map(|(q, question)| {
                    let kind = question.kind;
                    let n_options = question.options.len();
                    view! {
                        <li class="question-editor" data-testid="question-editor">
                            <div class="field-row">
                                <label class="field grow">
                                    <span>{move || format!("{} {}", t().question, q + 1)}</span>
                                    <input type="text" required prop:value=question.text.clone() data-testid="question-text"
                                        on:input=move |ev| doc.question(m, i, q, |x| x.text = event_target_value(&ev))/>
                                </label>
                                <label class="field">
                                    <span class="sr-only">{move || t().question}</span>
                                    <select on:change=move |ev| {
                                        let kind = match event_target_value(&ev).as_str() {
                                            "multiple" => QuestionKind::Multiple,
                                            "true_false" => QuestionKind::TrueFalse,
                                            _ => QuestionKind::Single,
                                        };
                                        doc.restructure(|d| {
                                            if let Some(x) = d.modules[m].items[i].quiz.as_mut().and_then(|z| z.questions.get_mut(q)) {
                                                let text = std::mem::take(&mut x.text);
                                                let explanation = std::mem::take(&mut x.explanation);
                                                let id = x.id;
                                                if kind == QuestionKind::TrueFalse || x.kind == QuestionKind::TrueFalse {
                                                    *x = new_question(kind);
                                                    x.id = id;
                                                }
                                                x.kind = kind;
                                                x.text = text;
                                                x.explanation = explanation;
                                            }
                                        });
                                    }>
                                        {[QuestionKind::Single, QuestionKind::Multiple, QuestionKind::TrueFalse].into_iter().map(|k| {
                                            let value = match k { QuestionKind::Single => "single", QuestionKind::Multiple => "multiple", QuestionKind::TrueFalse => "true_false" };
                                            view! { <option value=value selected=k == kind>{move || (t().question_kind)(k)}</option> }
                                        }).collect_view()}
                                    </select>
                                </label>
                                {(last_q > 0).then(|| view! {
                                    <button type="button" class="button button-small button-danger"
                                        on:click=move |_| doc.restructure(|d| { if let Some(z) = d.modules[m].items[i].quiz.as_mut() { z.questions.remove(q); } })>
                                        {move || t().remove}
                                    </button>
                                })}
                            </div>
                            <ul class="options">
                                {question.options.into_iter().enumerate().map(|(o, option)| view! {
                                    <li class="option-editor">
                                        <label class="check">
                                            <input type=if kind == QuestionKind::Multiple { "checkbox" } else { "radio" }
                                                name=format!("correct-{m}-{i}-{q}") prop:checked=option.correct data-testid="option-correct"
                                                on:change=move |ev| {
                                                    let on = event_target_checked(&ev);
                                                    doc.question(m, i, q, |x| {
                                                        if kind != QuestionKind::Multiple {
                                                            for other in x.options.iter_mut() { other.correct = false; }
                                                        }
                                                        if let Some(opt) = x.options.get_mut(o) { opt.correct = on; }
                                                    });
                                                }/>
                                            <span class="sr-only">{move || t().correct}</span>
                                        </label>
                                        <input type="text" required placeholder=move || format!("{} {}", t().option, o + 1)
                                            prop:value=option.text.clone() data-testid="option-text"
                                            on:input=move |ev| doc.question(m, i, q, |x| if let Some(opt) = x.options.get_mut(o) { opt.text = event_target_value(&ev) })/>
                                        {(kind != QuestionKind::TrueFalse && n_options > 2).then(|| view! {
                                            <button type="button" class="button button-small" aria-label=move || t().remove
                                                on:click=move |_| doc.restructure(|d| { if let Some(x) = d.modules[m].items[i].quiz.as_mut().and_then(|z| z.questions.get_mut(q)) { x.options.remove(o); } })>"×"</button>
                                        })}
                                    </li>
                                }).collect_view()}
                            </ul>
                            {(kind != QuestionKind::TrueFalse).then(|| view! {
                                <button type="button" class="button button-small"
                                    on:click=move |_| doc.restructure(|d| { if let Some(x) = d.modules[m].items[i].quiz.as_mut().and_then(|z| z.questions.get_mut(q)) { x.options.push(QuizOption { id: 0, text: String::new(), correct: false }); } })>
                                    {move || t().add_option}
                                </button>
                            })}
                            <label class="field">
                                <span>{move || t().explanation}</span>
                                <input type="text" prop:value=question.explanation.clone()
                                    on:input=move |ev| doc.question(m, i, q, |x| x.explanation = event_target_value(&ev))/>
                            </label>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <button type="button" class="button button-small" data-testid="add-question"
                on:click=move |_| doc.restructure(|d| { if let Some(z) = d.modules[m].items[i].quiz.as_mut() { z.questions.push(new_question(QuestionKind::Single)); } })>
                {move || t().add_question}
            </button>
        </div>
    }
}

/// "Item 3: Mark the correct option of every question."
fn problem_text(lang: Lang, p: &Problem) -> String {
    let text = code_text(lang, &p.code);
    match p
        .field
        .strip_prefix("item-")
        .and_then(|n| n.parse::<usize>().ok())
    {
        Some(n) => format!("#{}: {text}", n + 1),
        None => text,
    }
}
