//! The start page: a greeting and, per role, what the person can do here.

use crate::components::{use_user, Guard};
use crate::i18n::use_i18n;
use crate::model::{Access, Role};
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

/// Where each role's work starts.
fn role_link(role: Role) -> Option<&'static str> {
    match role {
        Role::Admin => Some("/admin/people"),
        Role::Manager => Some("/team"),
        _ => None,
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
                    let cards = u
                        .roles
                        .iter()
                        .map(|role| {
                            let link = role_link(role);
                            view! {
                                <li class="card role-card" data-role=role.as_str()>
                                    <h3>{move || (i18n.t().role_name)(role)}</h3>
                                    <p>{move || (i18n.t().role_blurb)(role)}</p>
                                    {link.map(|href| view! { <a class="card-link" href=href>"→"</a> })}
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <header class="page-header">
                            <h1 data-testid="greeting">{move || (i18n.t().hello)(&first_name)}</h1>
                            <p class="lead">{move || i18n.t().home_intro}</p>
                        </header>
                        <h2 class="section-title">{move || i18n.t().your_roles}</h2>
                        <ul class="card-grid">{cards}</ul>
                        <p class="muted">{move || i18n.t().coming_next}</p>
                    }
                })
            })}
        </Suspense>
    }
}
