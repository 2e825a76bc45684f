//! A post's page: what to share and the suggested words for each network.
//! Ambassadors reach only live posts targeted at them; staff see any post
//! as a preview.

use super::share::{CaptionList, SharePanel};
use crate::api::posts::view_post;
use crate::api::sharing::get_share_kit;
use crate::components::{Guard, Loading};
use crate::i18n::{error_text, use_i18n};
use crate::model::{Access, AppError, Phase, PostView, ShareKit};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn PostPage() -> impl IntoView {
    view! {
        <Guard access=Access::SignedIn>
            <PostScreen/>
        </Guard>
    }
}

#[component]
fn PostScreen() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|s| s.parse::<i64>().ok())
            .unwrap_or(0)
    };
    // Both loaded here, side by side: a second Suspense nested inside this
    // one's resolved view does not hydrate (the markers differ).
    let post = Resource::new(id, view_post);
    let kit = Resource::new(id, get_share_kit);
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let (post, kit) = (post.await, kit.await);
                match post {
                    Ok(p) => view! { <PostBody post=p kit/> }.into_any(),
                    Err(e) => {
                        #[cfg(feature = "ssr")]
                        if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
                            res.set_status(axum::http::StatusCode::from_u16(e.status()).unwrap_or(axum::http::StatusCode::NOT_FOUND));
                        }
                        view! {
                            <section class="empty-state">
                                <h1>{move || i18n.t().post_unavailable}</h1>
                                <p>{error_text(i18n.lang(), &e)}</p>
                                <a class="button" href="/">{move || i18n.t().back_home}</a>
                            </section>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn PostBody(post: PostView, kit: Result<ShareKit, AppError>) -> impl IntoView {
    let i18n = use_i18n();
    let title = post.title.clone();
    let preview = post.phase != Phase::Live;
    let phase = post.phase;
    view! {
        <Title text=title/>
        <article class="post-page" data-testid="post-page">
            {preview.then(|| view! {
                <p class="notice notice-warn">{move || (i18n.t().preview_phase)((i18n.t().phase_name)(phase))}</p>
            })}
            {post.image_url.clone().map(|src| view! { <img class="post-image" src=src alt=""/> })}
            <header>
                {post.important.then(|| view! { <span class="badge badge-important">{move || i18n.t().important}</span> })}
                <h1>{post.title.clone()}</h1>
                <a class="link-out" href=post.link_url.clone() target="_blank" rel="noopener noreferrer">{post.link_host.clone()}" ↗"</a>
                <ul class="chips">{post.topics.iter().map(|t| view! { <li class="chip">{t.clone()}</li> }).collect_view()}</ul>
            </header>
            <div class="prose" inner_html=post.body_html.clone()></div>
            {if phase == Phase::Live {
                view! { <SharePanel post=post.clone() kit/> }.into_any()
            } else {
                view! { <section class="panel share-panel"><CaptionList post=Some(post.clone())/></section> }.into_any()
            }}
        </article>
    }
}
