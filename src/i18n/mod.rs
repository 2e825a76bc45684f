//! Spanish and English. Every text is a field of `Texts`, so a missing
//! translation is a compile error, not a blank on screen.
//!
//! The language is a signal in context: switching it re-renders the texts in
//! place, without a reload. On the server it comes from the request (cookie,
//! then `Accept-Language`); in the browser from `<html lang>`, which the
//! server wrote, so hydration starts in the same language.

mod en;
mod errors;
mod es;

pub use errors::{code_text, error_text};

use crate::model::{Lang, PersonStatus, Role};
use leptos::prelude::*;

pub struct Texts {
    pub app_name: &'static str,
    pub tagline: &'static str,
    pub skip_to_content: &'static str,
    pub nav_home: &'static str,
    pub nav_profile: &'static str,
    pub nav_people: &'static str,
    pub nav_teams: &'static str,
    pub nav_my_team: &'static str,
    pub nav_menu: &'static str,
    pub sign_out: &'static str,
    pub language: &'static str,
    pub loading: &'static str,
    pub save: &'static str,
    pub saving: &'static str,
    pub saved: &'static str,
    pub cancel: &'static str,
    pub close: &'static str,
    pub edit: &'static str,
    pub never: &'static str,
    pub none: &'static str,
    pub search: &'static str,
    pub all: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,

    pub sign_in_title: &'static str,
    pub sign_in_intro: &'static str,
    pub email: &'static str,
    pub password: &'static str,
    pub sign_in: &'static str,
    pub signing_in: &'static str,
    pub demo_hint: &'static str,

    pub hello: fn(&str) -> String,
    pub home_intro: &'static str,
    pub your_roles: &'static str,
    pub coming_next: &'static str,

    pub invite_title: &'static str,
    pub invite_intro: fn(&str) -> String,
    pub invite_invalid: &'static str,
    pub your_name: &'static str,
    pub new_password: &'static str,
    pub confirm_password: &'static str,
    pub password_hint: &'static str,
    pub create_account: &'static str,

    pub profile_title: &'static str,
    pub profile_details: &'static str,
    pub team: &'static str,
    pub location: &'static str,
    pub roles: &'static str,
    pub change_password: &'static str,
    pub current_password: &'static str,
    pub password_changed: &'static str,

    pub people_title: &'static str,
    pub people_intro: &'static str,
    pub invite_someone: &'static str,
    pub send_invitation: &'static str,
    pub invitation_ready: fn(&str) -> String,
    pub invitation_valid_until: fn(&str) -> String,
    pub name: &'static str,
    pub status: &'static str,
    pub last_sign_in: &'static str,
    pub actions: &'static str,
    pub deactivate: &'static str,
    pub reactivate: &'static str,
    pub new_link: &'static str,
    pub confirm_deactivate: fn(&str) -> String,
    pub no_one_matches: &'static str,
    pub people_count: fn(usize) -> String,
    pub preferred_language: &'static str,
    pub manages_teams: &'static str,
    pub edit_person: fn(&str) -> String,
    pub no_team: &'static str,
    pub no_location: &'static str,

    pub teams_title: &'static str,
    pub teams_intro: &'static str,
    pub teams: &'static str,
    pub locations: &'static str,
    pub new_team: &'static str,
    pub new_location: &'static str,
    pub add: &'static str,
    pub members: &'static str,
    pub managers: &'static str,
    pub no_teams_yet: &'static str,
    pub no_locations_yet: &'static str,

    pub my_team_title: &'static str,
    pub my_team_intro: &'static str,
    pub my_team_empty: &'static str,

    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub forbidden_title: &'static str,
    pub forbidden_body: &'static str,
    pub back_home: &'static str,

    pub role_name: fn(Role) -> &'static str,
    pub role_blurb: fn(Role) -> &'static str,
    pub status_name: fn(PersonStatus) -> &'static str,
    pub date: fn(&chrono::DateTime<chrono::Utc>) -> String,
}

pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::En => &en::EN,
        Lang::Es => &es::ES,
    }
}

/// The current language, in context for every component.
#[derive(Clone, Copy)]
pub struct I18n(RwSignal<Lang>);

impl I18n {
    pub fn provide(lang: Lang) -> I18n {
        let i18n = I18n(RwSignal::new(lang));
        provide_context(i18n);
        i18n
    }

    pub fn lang(&self) -> Lang {
        self.0.get()
    }

    /// The texts in the current language (tracked: views re-render on a switch).
    pub fn t(&self) -> &'static Texts {
        texts(self.0.get())
    }

    pub fn set(&self, lang: Lang) {
        self.0.set(lang);
        #[cfg(feature = "hydrate")]
        if let Some(root) = leptos::prelude::document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// The language this page starts in.
pub fn initial_lang() -> Lang {
    #[cfg(feature = "ssr")]
    {
        let default = use_context::<crate::server::state::AppState>()
            .map(|s| s.config.default_lang)
            .unwrap_or_default();
        use_context::<axum::http::request::Parts>()
            .map(|parts| crate::server::http::lang::request_lang(&parts.headers, default))
            .unwrap_or(default)
    }
    #[cfg(not(feature = "ssr"))]
    {
        document()
            .document_element()
            .and_then(|el| el.get_attribute("lang"))
            .and_then(|code| code.parse().ok())
            .unwrap_or_default()
    }
}
