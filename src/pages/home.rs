//! The start page: a greeting and the feed of posts to share.

use super::feed::Feed;
use crate::components::{use_user, Guard};
use crate::i18n::use_i18n;
use crate::model::Access;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <Guard access=Access::SignedIn>
            <Home/>
        </Guard>
    }
}

#[component]
fn Home() -> impl IntoView {
    let i18n = use_i18n();
    let user = use_user();
    view! {
        <Title text=move || i18n.t().nav_home/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                user.get().await.map(|u| {
                    let first_name = u.name.split_whitespace().next().unwrap_or("").to_string();
                    view! {
                        <header class="page-header page-header-row">
                            <div>
                                <h1 data-testid="greeting">{move || (i18n.t().hello)(&first_name)}</h1>
                                <p class="lead">{move || i18n.t().feed_intro}</p>
                            </div>
                            <a class="button" href="/suggest">{move || i18n.t().suggest_link}</a>
                        </header>
                    }
                })
            })}
        </Suspense>
        <Feed/>
    }
}
