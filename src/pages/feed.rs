//! The ambassador's feed: live posts targeted at them, important first.
//! Topic and search live in the URL, so a filtered feed can be shared.

use crate::api::posts::get_feed;
use crate::components::Loading;
use crate::i18n::{error_text, use_i18n};
use crate::model::{FeedItem, FeedQuery};
use leptos::prelude::*;
use leptos_router::components::{Form, A};
use leptos_router::hooks::use_query_map;

#[component]
pub fn Feed() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let filters = Memo::new(move |_| FeedQuery {
        topic: query.read().get("topic").filter(|t| !t.is_empty()),
        q: query.read().get("q").unwrap_or_default(),
    });
    let feed = Resource::new(move || filters.get(), get_feed);
    view! {
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                let f = filters.get_untracked();
                match feed.await {
                    Err(e) => view! { <p class="notice notice-error">{error_text(i18n.lang(), &e)}</p> }.into_any(),
                    Ok(feed) => {
                        let paused = feed.crisis.is_some();
                        let has_filters = f.topic.is_some() || !f.q.is_empty();
                        let topics = feed.topics.clone();
                        view! {
                            {paused.then(|| view! {
                                <p class="notice notice-warn" data-testid="feed-paused">{move || i18n.t().feed_paused}</p>
                            })}
                            <div class="feed-tools">
                                <nav class="topic-chips" aria-label=move || i18n.t().topics>
                                    <A href="/" attr:class=if f.topic.is_none() { "chip chip-on" } else { "chip" }>{move || i18n.t().all}</A>
                                    {topics.into_iter().map(|t| {
                                        let on = f.topic.as_deref().is_some_and(|x| x.eq_ignore_ascii_case(&t));
                                        let href = format!("/?topic={}", form_urlencoded::byte_serialize(t.as_bytes()).collect::<String>());
                                        view! { <A href=href attr:class=if on { "chip chip-on" } else { "chip" }>{t}</A> }
                                    }).collect_view()}
                                </nav>
                                <Form method="GET" action="" attr:class="feed-search" attr:role="search">
                                    {f.topic.clone().map(|t| view! { <input type="hidden" name="topic" value=t/> })}
                                    <input type="search" name="q" value=f.q.clone() placeholder=move || i18n.t().search_posts aria-label=move || i18n.t().search_posts/>
                                </Form>
                            </div>
                            {if feed.items.is_empty() {
                                view! {
                                    <section class="empty-state" data-testid="feed-empty">
                                        <p>{move || if has_filters { i18n.t().feed_no_match } else { i18n.t().feed_empty }}</p>
                                        <a class="button" href="/suggest">{move || i18n.t().suggest_link}</a>
                                    </section>
                                }.into_any()
                            } else {
                                view! {
                                    <ul class="feed" data-testid="feed">
                                        {feed.items.into_iter().map(|item| view! { <FeedCard item/> }).collect_view()}
                                    </ul>
                                }.into_any()
                            }}
                        }.into_any()
                    }
                }
            })}
        </Transition>
    }
}

#[component]
pub fn FeedCard(item: FeedItem) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/posts/{}", item.id);
    let title = item.title.clone();
    let data_title = item.title.clone();
    let class = if item.important {
        "card post-card post-card-important"
    } else {
        "card post-card"
    };
    view! {
        <li class=class data-testid="feed-card" data-title=data_title>
            {item.image_url.clone().map(|src| view! { <img class="post-card-image" src=src alt="" loading="lazy"/> })}
            <div class="post-card-body">
                {item.important.then(|| view! { <span class="badge badge-important">{move || i18n.t().important}</span> })}
                <h3><A href=href.clone()>{title}</A></h3>
                <p class="muted">{item.summary.clone()}</p>
                <div class="post-card-meta">
                    <span class="link-host">{item.link_host.clone()}</span>
                    <ul class="chips">{item.topics.iter().map(|t| view! { <li class="chip">{t.clone()}</li> }).collect_view()}</ul>
                </div>
                <A href=href attr:class="button button-primary post-card-cta">{move || i18n.t().open_to_share}</A>
            </div>
        </li>
    }
}
