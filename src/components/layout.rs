//! The frame of every page: skip link, top bar with navigation by role,
//! language switch and sign-out, then the page.

use super::crisis::CrisisBanner;
use super::user::use_user;
use crate::api::auth::{SetLanguage, SignOut};
use crate::i18n::use_i18n;
use crate::model::{CurrentUser, Lang, Role, ANALYTICS, OVERSIGHT, STAFF, TRAINERS};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let user = use_user();
    view! {
        <a class="skip-link" href="#main">{move || i18n.t().skip_to_content}</a>
        <header class="topbar">
            <a class="brand" href="/">
                <span class="brand-mark" aria-hidden="true">"◗"</span>
                <span>"Portavoz"</span>
            </a>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    user.get().await.map(|u| view! { <Nav user=u/> })
                })}
            </Suspense>
            <LangSwitch/>
        </header>
        <CrisisBanner/>
        <main id="main" class="page">{children()}</main>
    }
}

struct NavItem {
    href: &'static str,
    label: fn(&crate::i18n::Texts) -> &'static str,
    /// Shown to holders of any of these roles; everyone when empty.
    roles: &'static [Role],
}

const NAV: &[NavItem] = &[
    NavItem {
        href: "/",
        label: |t| t.nav_home,
        roles: &[],
    },
    NavItem {
        href: "/reach",
        label: |t| t.sharing.nav_reach,
        roles: &[],
    },
    NavItem {
        href: "/leaderboard",
        label: |t| t.boards.nav,
        roles: &[],
    },
    NavItem {
        href: "/analytics",
        label: |t| t.analytics.nav,
        roles: ANALYTICS,
    },
    NavItem {
        href: "/learn",
        label: |t| t.training.nav_learn,
        roles: &[],
    },
    NavItem {
        href: "/training",
        label: |t| t.training.nav_training,
        roles: TRAINERS,
    },
    NavItem {
        href: "/training/reports",
        label: |t| t.training.nav_reports,
        roles: &[Role::Manager],
    },
    NavItem {
        href: "/studio",
        label: |t| t.nav_studio,
        roles: STAFF,
    },
    NavItem {
        href: "/team",
        label: |t| t.nav_my_team,
        roles: &[Role::Manager],
    },
    NavItem {
        href: "/audit",
        label: |t| t.nav_audit,
        roles: OVERSIGHT,
    },
    NavItem {
        href: "/crisis",
        label: |t| t.nav_crisis,
        roles: OVERSIGHT,
    },
    NavItem {
        href: "/admin/people",
        label: |t| t.nav_people,
        roles: &[Role::Admin],
    },
    NavItem {
        href: "/admin/teams",
        label: |t| t.nav_teams,
        roles: &[Role::Admin],
    },
    NavItem {
        href: "/admin/settings",
        label: |t| t.nav_settings,
        roles: &[Role::Admin],
    },
    NavItem {
        href: "/profile",
        label: |t| t.nav_profile,
        roles: &[],
    },
];

/// Only the pages this person's roles open. The server enforces the same.
#[component]
fn Nav(user: CurrentUser) -> impl IntoView {
    let i18n = use_i18n();
    let links = NAV
        .iter()
        .filter(|item| item.roles.is_empty() || item.roles.iter().any(|r| user.has(*r)))
        .map(|item| {
            let label = item.label;
            view! { <li><A href=item.href exact=true>{move || label(i18n.t())}</A></li> }
        })
        .collect_view();
    // On phones a checkbox folds the menu: it works before the WebAssembly
    // loads and in every browser, unlike <details> on wide screens.
    view! {
        <div class="nav-menu">
            <input type="checkbox" id="nav-toggle" class="nav-toggle"/>
            <label for="nav-toggle" class="nav-toggle-label">{move || i18n.t().nav_menu}</label>
            <nav aria-label="main">
                <ul class="nav-links">{links}</ul>
                <div class="nav-user">
                    <span class="nav-user-name">{user.name.clone()}</span>
                    <SignOutButton/>
                </div>
            </nav>
        </div>
    }
}

#[component]
fn SignOutButton() -> impl IntoView {
    let i18n = use_i18n();
    let sign_out = ServerAction::<SignOut>::new();
    // With WebAssembly running, reload from scratch so no signed-in state lingers.
    Effect::new(move || {
        if let Some(Ok(())) = sign_out.value().get() {
            let _ = window().location().assign("/sign-in");
        }
    });
    view! {
        <ActionForm action=sign_out attr:class="inline-form">
            <button type="submit" class="button button-quiet" data-testid="sign-out">
                {move || i18n.t().sign_out}
            </button>
        </ActionForm>
    }
}

/// Two buttons, one per language; works as a plain form before hydration.
#[component]
fn LangSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let set_language = ServerAction::<SetLanguage>::new();
    Effect::new(move || {
        if let Some(Ok(lang)) = set_language.value().get() {
            i18n.set(lang);
        }
    });
    let button = move |lang: Lang| {
        view! {
            <button
                type="submit"
                name="lang"
                value=lang.code()
                class="lang-button"
                lang=lang.code()
                aria-pressed=move || (i18n.lang() == lang).to_string()
                data-testid=format!("lang-{}", lang.code())
            >
                {lang.code().to_uppercase()}
            </button>
        }
    };
    view! {
        <ActionForm action=set_language attr:class="lang-switch">
            <span class="visually-hidden">{move || i18n.t().language}</span>
            {button(Lang::Es)}
            {button(Lang::En)}
        </ActionForm>
    }
}
