//! The share panel of a live post: one card per network with the suggested
//! caption (a variant pre-selected per person, editable only if the post
//! allows it, the disclosure always added) and a share button, plus the
//! ambassador's own tracked link to copy. Each button is a plain form that
//! opens the network's share page in a new tab, so it works before the
//! WebAssembly has loaded; the server records the share on the way.

use crate::api::sharing::share_post;
use crate::components::copy_to_clipboard;
use crate::i18n::{error_text, use_i18n};
use crate::model::training::CourseGate;
use crate::model::{AppError, Channel, Network, PostView, ShareKit};
use leptos::prelude::*;

#[component]
pub fn SharePanel(post: PostView, kit: Result<ShareKit, AppError>) -> impl IntoView {
    let i18n = use_i18n();
    let shared = RwSignal::new(0_i64);
    let body = match kit {
        Ok(k) if k.paused => view! {
            <p class="notice notice-warn" data-testid="share-paused">{move || i18n.t().sharing.paused}</p>
        }
        .into_any(),
        Ok(ShareKit { gate: Some(gate), .. }) => view! { <CourseGateNotice gate/> }.into_any(),
        Ok(k) => view! { <ShareCards post kit=k shared/> }.into_any(),
        // Staff previewing a live post not targeted at them: the captions only.
        Err(AppError::NotFound) => view! { <CaptionList post=Some(post)/> }.into_any(),
        Err(e) => view! { <p class="notice notice-error">{error_text(i18n.lang(), &e)}</p> }.into_any(),
    };
    view! {
        <section class="panel share-panel" data-testid="share-panel">
            <h2>{move || i18n.t().sharing.share_title}</h2>
            {body}
        </section>
    }
}

/// Instead of the share buttons: the course that unlocks them.
#[component]
fn CourseGateNotice(gate: CourseGate) -> impl IntoView {
    let i18n = use_i18n();
    let title = gate.title.clone();
    view! {
        <div class="gate" data-testid="share-gate">
            <p>{move || (i18n.t().training.gate)(&title, gate.minutes)}</p>
            <a class="button button-primary" href=format!("/learn/{}", gate.course_id)>
                {move || i18n.t().training.gate_action}
            </a>
        </div>
    }
}

#[component]
fn ShareCards(post: PostView, kit: ShareKit, shared: RwSignal<i64>) -> impl IntoView {
    let i18n = use_i18n();
    let disclosure = post.disclosure.clone();
    let link_of = |c: Channel| {
        kit.links
            .iter()
            .find(|l| l.channel == c)
            .map(|l| l.url.clone())
            .unwrap_or_default()
    };
    let copy_url = link_of(Channel::Link);
    let base_shares = kit.my_shares;
    let cards = Network::ALL
        .into_iter()
        .map(|network| {
            let variants: Vec<String> = post
                .captions
                .iter()
                .filter(|c| c.network == network)
                .map(|c| c.text.clone())
                .collect();
            view! {
                <ShareCard
                    post_id=post.id
                    network
                    variants
                    offset=kit.variant_offset
                    editable=post.captions_editable
                    disclosure=disclosure.clone()
                    tracked=link_of(Channel::from(network))
                    shared
                />
            }
        })
        .collect_view();
    let post_id = post.id;
    let copied = RwSignal::new(false);
    let copy = {
        let url = copy_url.clone();
        move |_| {
            copy_to_clipboard(&url);
            copied.set(true);
            shared.update(|n| *n += 1);
            leptos::task::spawn_local(async move {
                let _ = share_post(post_id, Channel::Link, String::new()).await;
            });
        }
    };
    view! {
        <div class="share-grid">{cards}</div>
        <div class="field copy-link">
            <span>{move || i18n.t().sharing.your_link}</span>
            <div class="copy-row">
                <input type="text" readonly value=copy_url data-testid="tracked-link"/>
                <button type="button" class="button" on:click=copy data-testid="copy-link">{move || i18n.t().sharing.copy_link}</button>
            </div>
            <Show when=move || copied.get()>
                <p class="notice notice-ok small" role="status">{move || i18n.t().sharing.link_copied}</p>
            </Show>
        </div>
        <p class="muted small" data-testid="my-shares">{move || (i18n.t().sharing.shared_times)(base_shares + shared.get())}</p>
    }
}

#[component]
fn ShareCard(
    post_id: i64,
    network: Network,
    variants: Vec<String>,
    offset: usize,
    editable: bool,
    disclosure: String,
    tracked: String,
    shared: RwSignal<i64>,
) -> impl IntoView {
    let i18n = use_i18n();
    let channel = Channel::from(network);
    // Spread the variants over people, so a hundred colleagues do not post the same words.
    let start = if variants.is_empty() {
        0
    } else {
        offset % variants.len()
    };
    let text = RwSignal::new(variants.get(start).cloned().unwrap_or_default());
    let remaining = {
        let (disclosure, tracked) = (disclosure.clone(), tracked.clone());
        Memo::new(move |_| network.remaining(&text.get(), &disclosure, &tracked))
    };
    let copied = RwSignal::new(false);
    let on_submit = {
        let disclosure = disclosure.clone();
        move |ev: leptos::ev::SubmitEvent| {
            if remaining.get_untracked() < 0 {
                ev.prevent_default();
                return;
            }
            if channel.caption_via_clipboard() {
                let t = text.get_untracked();
                let full = if t.trim().is_empty() {
                    disclosure.clone()
                } else {
                    format!("{} {}", t.trim(), disclosure)
                };
                copy_to_clipboard(&full);
                copied.set(true);
            }
            shared.update(|n| *n += 1);
        }
    };
    let choices = (variants.len() > 1).then(|| {
        let radios = variants
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let v = v.clone();
                view! {
                    <label class="check">
                        <input type="radio" name=format!("variant-{}", network.as_str()) checked=i == start
                            on:change=move |_| text.set(v.clone())/>
                        <span>{move || (i18n.t().sharing.variant)(i)}</span>
                    </label>
                }
            })
            .collect_view();
        view! { <div class="checks variants">{radios}</div> }
    });
    let label = network.label();
    view! {
        <form method="post" action="/share" target="_blank" class="share-card" data-network=network.as_str() on:submit=on_submit>
            <input type="hidden" name="post_id" value=post_id.to_string()/>
            <input type="hidden" name="channel" value=channel.as_str()/>
            <h3>{label}</h3>
            {choices}
            <textarea name="text" rows="4" readonly=!editable bind:value=text
                aria-label=move || format!("{} — {}", label, i18n.t().caption)
                data-testid=format!("share-text-{}", network.as_str())></textarea>
            <div class="caption-meta">
                <span class="muted">{move || i18n.t().sharing.always_added}" "<strong>{disclosure.clone()}</strong></span>
                <span class=move || if remaining.get() < 0 { "counter counter-over" } else { "counter" } aria-live="polite">
                    {move || (i18n.t().chars_left)(remaining.get())}
                </span>
            </div>
            {(!editable).then(|| view! { <p class="hint">{move || i18n.t().sharing.caption_locked}</p> })}
            <button type="submit" class="button button-primary" data-testid=format!("share-{}", network.as_str())
                disabled=move || remaining.get() < 0>
                {move || (i18n.t().sharing.share_on)(label)}
            </button>
            <Show when=move || copied.get()>
                <p class="notice notice-ok small" role="status">{move || (i18n.t().sharing.caption_copied)(label)}</p>
            </Show>
        </form>
    }
}

/// The suggested captions, read-only (previews, and posts one cannot share).
#[component]
pub fn CaptionList(post: Option<PostView>) -> impl IntoView {
    let i18n = use_i18n();
    post.map(|post| {
        let disclosure = post.disclosure.clone();
        view! {
            <h3>{move || i18n.t().suggested_captions}</h3>
            <p class="muted small">{move || (i18n.t().disclosure_note)(&disclosure)}</p>
            {Network::ALL.into_iter().filter_map(|n| {
                let variants: Vec<String> = post.captions.iter().filter(|c| c.network == n).map(|c| c.text.clone()).collect();
                (!variants.is_empty()).then(|| view! {
                    <div class="caption-group">
                        <h3>{n.label()}</h3>
                        <ul>{variants.into_iter().map(|v| view! { <li class="caption-text">{v}</li> }).collect_view()}</ul>
                    </div>
                })
            }).collect_view()}
        }
    })
}
