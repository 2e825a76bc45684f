//! Writing and editing a post: content, image, captions per network,
//! targeting, the sharing window, a preview as ambassadors will see it, and
//! the approval steps.

use super::captions::{CaptionEditor, Captions};
use super::workflow::WorkflowPanel;
use crate::api::posts::{
    blank_post, get_post_detail, render_markdown, targeting_options, CreatePost, UpdatePost,
};
use crate::api::training::course_choices;
use crate::components::image_upload::ImageUpload;
use crate::components::time::{from_local_input, to_local_input};
use crate::components::{action_error, use_user, ErrorNotice, FieldError, Guard, Loading};
use crate::i18n::{error_text, use_i18n};
use crate::model::{
    link_host, Access, Directory, Lang, Network, PostDetail, PostId, PostInput, PostStatus, Role,
    Targeting, STAFF,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map};

#[component]
pub fn NewPostPage() -> impl IntoView {
    view! {
        <Guard access=Access::Role(Role::Editor)>
            <NewPost/>
        </Guard>
    }
}

#[component]
fn NewPost() -> impl IntoView {
    let i18n = use_i18n();
    let blank = Resource::new(|| (), |_| blank_post());
    let options = Resource::new(|| (), |_| targeting_options());
    let courses = Resource::new(|| (), |_| course_choices());
    view! {
        <Title text=move || i18n.t().new_post/>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match (blank.await, options.await) {
                    (Ok(input), Ok(dir)) => {
                        let courses = courses.await.unwrap_or_default();
                        view! { <PostEditor input dir courses detail=None on_change=|| {}/> }.into_any()
                    }
                    (Err(e), _) | (_, Err(e)) => view! { <p class="notice notice-error">{error_text(i18n.lang(), &e)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn EditPostPage() -> impl IntoView {
    view! {
        <Guard access=Access::AnyRole(STAFF)>
            <EditPost/>
        </Guard>
    }
}

#[component]
fn EditPost() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|s| s.parse::<PostId>().ok())
            .unwrap_or(0)
    };
    let reloads = RwSignal::new(0u32);
    let detail = Resource::new(move || (id(), reloads.get()), |(id, _)| get_post_detail(id));
    let options = Resource::new(|| (), |_| targeting_options());
    let courses = Resource::new(|| (), |_| course_choices());
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match (detail.await, options.await) {
                    (Ok(d), Ok(dir)) => {
                        let courses = courses.await.unwrap_or_default();
                        view! {
                            <Title text=d.input.title.clone()/>
                            <PostEditor input=d.input.clone() dir courses detail=Some(d) on_change=move || reloads.update(|n| *n += 1)/>
                        }.into_any()
                    }
                    (Err(e), _) | (_, Err(e)) => view! { <p class="notice notice-error">{error_text(i18n.lang(), &e)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn PostEditor(
    input: PostInput,
    dir: Directory,
    /// Published courses a post can require.
    courses: Vec<(i64, String)>,
    detail: Option<PostDetail>,
    on_change: impl Fn() + Send + Sync + Copy + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let user = use_user();
    let id = detail.as_ref().map(|d| d.id);
    let status = detail
        .as_ref()
        .map(|d| d.status)
        .unwrap_or(PostStatus::Draft);

    let version = RwSignal::new(input.version);
    let title = RwSignal::new(input.title.clone());
    let body = RwSignal::new(input.body.clone());
    let link = RwSignal::new(input.link_url.clone());
    let image_id = RwSignal::new(input.image_id);
    let image_url = RwSignal::new(detail.as_ref().and_then(|d| d.image_url.clone()));
    let topics = RwSignal::new(input.topics.join(", "));
    let captions = Captions::new(&input.captions);
    let captions_editable = RwSignal::new(input.captions_editable);
    let disclosure = RwSignal::new(input.disclosure.clone());
    let teams = RwSignal::new(input.targeting.teams.clone());
    let locations = RwSignal::new(input.targeting.locations.clone());
    let langs = RwSignal::new(input.targeting.langs.clone());
    let important = RwSignal::new(input.important);
    let publish_at = RwSignal::new(input.publish_at.map(to_local_input).unwrap_or_default());
    let expire_at = RwSignal::new(input.expire_at.map(to_local_input).unwrap_or_default());
    let required_course = RwSignal::new(input.required_course);
    // The server rendered UTC; in the browser show the reader's own zone.
    Effect::new(move || {
        publish_at.set(input.publish_at.map(to_local_input).unwrap_or_default());
        expire_at.set(input.expire_at.map(to_local_input).unwrap_or_default());
    });

    let readonly = RwSignal::new(status == PostStatus::Retracted);
    Effect::new(move || {
        let is_editor = user
            .0
            .get()
            .and_then(|r| r.ok())
            .flatten()
            .is_some_and(|u| u.has(Role::Editor));
        readonly.set(status == PostStatus::Retracted || !is_editor);
    });

    let create = ServerAction::<CreatePost>::new();
    let update = ServerAction::<UpdatePost>::new();
    let create_error = action_error(create);
    let update_error = action_error(update);
    let error = Signal::derive(move || update_error.get().or(create_error.get()));
    let saved = RwSignal::new(false);
    let navigate = use_navigate();
    Effect::new(move || {
        if let Some(Ok(new_id)) = create.value().get() {
            navigate(&format!("/studio/posts/{new_id}"), Default::default());
        }
    });
    Effect::new(move || {
        if let Some(Ok(v)) = update.value().get() {
            version.set(v);
            saved.set(true);
            on_change();
        }
    });

    let collect = move || PostInput {
        version: version.get_untracked(),
        title: title.get_untracked(),
        body: body.get_untracked(),
        link_url: link.get_untracked(),
        image_id: image_id.get_untracked(),
        topics: topics
            .get_untracked()
            .split(',')
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect(),
        captions: captions.values(),
        captions_editable: captions_editable.get_untracked(),
        disclosure: disclosure.get_untracked(),
        targeting: Targeting {
            teams: teams.get_untracked(),
            locations: locations.get_untracked(),
            langs: langs.get_untracked(),
        },
        important: important.get_untracked(),
        publish_at: from_local_input(&publish_at.get_untracked()),
        expire_at: from_local_input(&expire_at.get_untracked()),
        required_course: required_course.get_untracked(),
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        match id {
            Some(id) => {
                update.dispatch(UpdatePost {
                    id,
                    input: collect(),
                });
            }
            None => {
                create.dispatch(CreatePost { input: collect() });
            }
        }
    };
    let pending = Signal::derive(move || create.pending().get() || update.pending().get());

    let preview_html = RwSignal::new(None::<String>);
    let show_preview = move |_| {
        leptos::task::spawn_local(async move {
            if let Ok(html) = render_markdown(body.get_untracked()).await {
                preview_html.set(Some(html));
            }
        });
    };

    let suggestion = detail.as_ref().and_then(|d| {
        d.suggested_by_name
            .clone()
            .map(|n| (n, d.suggestion_note.clone()))
    });
    let team_options = dir.teams.clone();
    let location_options = dir.locations.clone();
    let everyone = move || {
        teams.with(Vec::is_empty) && locations.with(Vec::is_empty) && langs.with(Vec::is_empty)
    };

    view! {
        <header class="page-header">
            <p class="muted"><a href="/studio">{move || i18n.t().studio_title}</a>" / "</p>
            <h1>{move || if id.is_some() { i18n.t().edit_post } else { i18n.t().new_post }}</h1>
            {suggestion.map(|(name, note)| view! {
                <p class="notice notice-ok">{move || (i18n.t().suggested_by)(&name)}{(!note.is_empty()).then(|| view! { <br/><em>{note.clone()}</em> })}</p>
            })}
        </header>
        <div class="editor-layout">
            <form class="stack panel" on:submit=submit data-testid="post-form">
                <fieldset class="stack" disabled=readonly>
                    <label class="field">
                        <span>{move || i18n.t().title}</span>
                        <input type="text" required maxlength="150" bind:value=title data-testid="post-title"/>
                        <FieldError error field="title"/>
                    </label>
                    <label class="field">
                        <span>{move || i18n.t().link_to_share}</span>
                        <input type="url" required maxlength="2048" placeholder="https://" bind:value=link data-testid="post-link"/>
                        <FieldError error field="link_url"/>
                    </label>
                    <label class="field">
                        <span>{move || i18n.t().body}</span>
                        <textarea rows="6" bind:value=body data-testid="post-body"></textarea>
                        <small class="hint">{move || i18n.t().markdown_hint}</small>
                        <FieldError error field="body"/>
                    </label>
                    <ImageUpload label=Signal::derive(move || i18n.t().image) image_id image_url testid="post-image"/>
                    <label class="field">
                        <span>{move || i18n.t().topics}</span>
                        <input type="text" bind:value=topics placeholder=move || i18n.t().topics_placeholder data-testid="post-topics"/>
                        <FieldError error field="topics"/>
                    </label>

                    <h2>{move || i18n.t().suggested_captions}</h2>
                    <label class="field">
                        <span>{move || i18n.t().disclosure}</span>
                        <input type="text" required maxlength="60" bind:value=disclosure data-testid="post-disclosure"/>
                        <small class="hint">{move || i18n.t().disclosure_hint}</small>
                        <FieldError error field="disclosure"/>
                    </label>
                    <label class="check">
                        <input type="checkbox" bind:checked=captions_editable/>
                        <span>{move || i18n.t().captions_editable}</span>
                    </label>
                    <CaptionEditor captions disclosure link readonly/>

                    <label class="field">
                        <span>{move || i18n.t().training.required_course}</span>
                        <select data-testid="post-required-course"
                            on:change=move |ev| required_course.set(event_target_value(&ev).parse().ok())>
                            <option value="" selected=move || required_course.get().is_none()>{move || i18n.t().training.none}</option>
                            {courses.into_iter().map(|(cid, name)| view! {
                                <option value=cid.to_string() selected=move || required_course.get() == Some(cid)>{name}</option>
                            }).collect_view()}
                        </select>
                        <small class="hint">{move || i18n.t().training.required_course_hint}</small>
                        <FieldError error field="required_course"/>
                    </label>

                    <h2>{move || i18n.t().audience}</h2>
                    <p class="muted small">{move || if everyone() { i18n.t().audience_everyone } else { i18n.t().audience_some }}</p>
                    <fieldset class="field">
                        <legend>{move || i18n.t().teams}</legend>
                        <div class="checks">
                            {team_options.into_iter().map(|t| {
                                let tid = t.id;
                                view! {
                                    <label class="check">
                                        <input type="checkbox" data-testid=format!("target-team-{}", t.name)
                                            prop:checked=move || teams.with(|v| v.contains(&tid))
                                            on:change=move |ev| toggle(teams, tid, event_target_checked(&ev))/>
                                        <span>{t.name.clone()}</span>
                                    </label>
                                }
                            }).collect_view()}
                        </div>
                    </fieldset>
                    <fieldset class="field">
                        <legend>{move || i18n.t().locations}</legend>
                        <div class="checks">
                            {location_options.into_iter().map(|l| {
                                let lid = l.id;
                                view! {
                                    <label class="check">
                                        <input type="checkbox"
                                            prop:checked=move || locations.with(|v| v.contains(&lid))
                                            on:change=move |ev| toggle(locations, lid, event_target_checked(&ev))/>
                                        <span>{l.name.clone()}</span>
                                    </label>
                                }
                            }).collect_view()}
                        </div>
                    </fieldset>
                    <fieldset class="field">
                        <legend>{move || i18n.t().language}</legend>
                        <div class="checks">
                            {Lang::ALL.into_iter().map(|l| view! {
                                <label class="check">
                                    <input type="checkbox"
                                        prop:checked=move || langs.with(|v| v.contains(&l))
                                        on:change=move |ev| toggle(langs, l, event_target_checked(&ev))/>
                                    <span>{l.native_name()}</span>
                                </label>
                            }).collect_view()}
                        </div>
                        <FieldError error field="targeting"/>
                    </fieldset>
                    <label class="check">
                        <input type="checkbox" bind:checked=important data-testid="post-important"/>
                        <span>{move || i18n.t().mark_important}</span>
                    </label>

                    <h2>{move || i18n.t().sharing_window}</h2>
                    <div class="field-row">
                        <label class="field">
                            <span>{move || i18n.t().publish_at}</span>
                            <input type="datetime-local" bind:value=publish_at/>
                            <small class="hint">{move || i18n.t().publish_at_hint}</small>
                        </label>
                        <label class="field">
                            <span>{move || i18n.t().expire_at}</span>
                            <input type="datetime-local" bind:value=expire_at/>
                            <FieldError error field="expire_at"/>
                        </label>
                    </div>
                </fieldset>
                <ErrorNotice error fields=&["title", "link_url", "body", "topics", "disclosure", "targeting", "expire_at"]/>
                <Show when=move || saved.get()>
                    <p class="notice notice-ok" role="status">{move || if status == PostStatus::Approved { i18n.t().saved_back_to_review } else { i18n.t().saved }}</p>
                </Show>
                <Show when=move || !readonly.get()>
                    <div class="actions">
                        <button type="submit" class="button button-primary" disabled=pending data-testid="post-save">
                            {move || if pending.get() { i18n.t().saving } else { i18n.t().save }}
                        </button>
                        {(status == PostStatus::Approved).then(|| view! { <span class="hint">{move || i18n.t().edit_sends_to_review}</span> })}
                    </div>
                </Show>
            </form>
            <aside class="editor-side">
                <section class="panel preview" data-testid="ambassador-preview">
                    <h2>{move || i18n.t().as_ambassadors_see_it}</h2>
                    <div class="card post-card">
                        {move || image_url.get().map(|src| view! { <img class="post-card-image" src=src alt=""/> })}
                        <div class="post-card-body">
                            <h3>{move || title.get()}</h3>
                            <span class="link-host">{move || link_host(&link.get())}</span>
                        </div>
                    </div>
                    <button type="button" class="button button-small" on:click=show_preview>{move || i18n.t().preview_text}</button>
                    {move || preview_html.get().map(|html| view! { <div class="prose" inner_html=html></div> })}
                    {move || captions.values().into_iter().next().map(|c| view! {
                        <p class="caption-text small">{format!("{} {} {}", c.text, disclosure.get(), if c.network == Network::X { link.get() } else { String::new() })}</p>
                    })}
                </section>
                {detail.clone().map(|d| view! {
                    <Suspense fallback=|| ()>
                        {move || {
                            let d = d.clone();
                            Suspend::new(async move {
                                user.get().await.map(|u| view! { <WorkflowPanel detail=d user=u on_change/> })
                            })
                        }}
                    </Suspense>
                })}
            </aside>
        </div>
    }
}

fn toggle<T: PartialEq + Clone + Send + Sync + 'static>(
    list: RwSignal<Vec<T>>,
    value: T,
    on: bool,
) {
    list.update(|v| {
        v.retain(|x| *x != value);
        if on {
            v.push(value);
        }
    });
}
