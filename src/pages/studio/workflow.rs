//! The approval steps available on a post, and its trail.

use crate::api::posts::PostStep;
use crate::components::time::When;
use crate::components::{action_error, ErrorNotice};
use crate::i18n::use_i18n;
use crate::model::{CurrentUser, HistoryItem, PostDetail, PostStatus, Role, Step};
use leptos::prelude::*;

/// The steps this person may try from this status; the server decides.
fn offered(status: PostStatus, user: &CurrentUser) -> Vec<Step> {
    let mut steps = Vec::new();
    let editor = user.has(Role::Editor);
    let approver = user.has(Role::Approver);
    match status {
        PostStatus::Draft if editor => steps.push(Step::Submit),
        PostStatus::InReview => {
            if approver {
                steps.extend([Step::Approve, Step::Reject]);
            }
            if editor {
                steps.push(Step::Withdraw);
            }
        }
        PostStatus::Approved if approver || user.has(Role::Admin) => steps.push(Step::Retract),
        _ => {}
    }
    steps
}

#[component]
pub fn WorkflowPanel(
    detail: PostDetail,
    user: CurrentUser,
    on_change: impl Fn() + Send + Sync + Copy + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let step = ServerAction::<PostStep>::new();
    let error = action_error(step);
    let comment = RwSignal::new(String::new());
    let id = detail.id;
    Effect::new(move || {
        if let Some(Ok(_)) = step.value().get() {
            comment.set(String::new());
            on_change();
        }
    });
    let steps = offered(detail.status, &user);
    let needs_comment = steps
        .iter()
        .any(|s| matches!(s, Step::Reject | Step::Retract));
    view! {
        <section class="panel workflow" data-testid="workflow">
            <h2>{move || i18n.t().approval}</h2>
            <p>
                <span class=format!("badge badge-phase-{}", detail.phase.as_str()) data-testid="post-phase">
                    {move || (i18n.t().phase_name)(detail.phase)}
                </span>
            </p>
            {detail.last_comment.clone().map(|c| view! {
                <blockquote class="last-comment"><span class="muted small">{move || i18n.t().last_comment}</span><p>{c}</p></blockquote>
            })}
            {(!steps.is_empty()).then(|| view! {
                {needs_comment.then(|| view! {
                    <label class="field">
                        <span>{move || i18n.t().comment_label}</span>
                        <textarea rows="2" maxlength="1000" bind:value=comment data-testid="workflow-comment"></textarea>
                    </label>
                })}
                <div class="actions">
                    {steps.into_iter().map(|s| view! {
                        <button type="button"
                            class=if matches!(s, Step::Reject | Step::Retract) { "button button-danger" } else { "button button-primary" }
                            data-testid=format!("step-{}", s.as_str())
                            disabled=step.pending()
                            on:click=move |_| { step.dispatch(PostStep { id, step: s, comment: comment.get_untracked() }); }>
                            {move || (i18n.t().step_name)(s)}
                        </button>
                    }).collect_view()}
                </div>
            })}
            <ErrorNotice error/>
            <History items=detail.history/>
        </section>
    }
}

#[component]
fn History(items: Vec<HistoryItem>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <details class="history" open=true>
            <summary>{move || i18n.t().history}</summary>
            <ol class="timeline" data-testid="history">
                {items.into_iter().map(|h| {
                    let to = h.to;
                    let action = h.action.clone();
                    view! {
                        <li>
                            <When at=h.at/>
                            " · "<strong>{h.actor_name.clone().unwrap_or_else(|| "—".into())}</strong>" · "
                            {move || (i18n.t().action_name)(&action)}
                            {to.map(|t| view! { " → " <span class="muted">{move || (i18n.t().status_name_post)(t)}</span> })}
                            {(!h.comment.is_empty()).then(|| view! { <p class="history-comment">{h.comment.clone()}</p> })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </details>
    }
}
