//! Spanish and English. Every text is a field of `Texts`, so a missing
//! translation is a compile error, not a blank on screen.
//!
//! The language is a signal in context: switching it re-renders the texts in
//! place, without a reload. On the server it comes from the request (cookie,
//! then `Accept-Language`); in the browser from `<html lang>`, which the
//! server wrote, so hydration starts in the same language.

mod analytics;
mod boards;
mod en;
mod errors;
mod es;
pub mod numbers;
mod sharing;
mod training;

pub use analytics::AnalyticsTexts;
pub use boards::BoardTexts;
pub use errors::{code_text, error_text};
pub use sharing::SharingTexts;
pub use training::TrainingTexts;

use crate::model::{Lang, PersonStatus, Role};
use leptos::prelude::*;

pub struct Texts {
    pub analytics: &'static AnalyticsTexts,
    pub boards: &'static BoardTexts,
    pub sharing: &'static SharingTexts,
    pub training: &'static TrainingTexts,
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

    pub nav_studio: &'static str,
    pub nav_audit: &'static str,
    pub nav_crisis: &'static str,
    pub nav_settings: &'static str,
    pub crisis_banner_title: &'static str,
    pub crisis_procedure: &'static str,
    pub feed_intro: &'static str,
    pub feed_paused: &'static str,
    pub topics: &'static str,
    pub search_posts: &'static str,
    pub feed_no_match: &'static str,
    pub feed_empty: &'static str,
    pub suggest_link: &'static str,
    pub important: &'static str,
    pub open_to_share: &'static str,
    pub post_unavailable: &'static str,
    pub preview_phase: fn(&str) -> String,
    pub phase_name: fn(crate::model::Phase) -> &'static str,
    pub suggested_captions: &'static str,
    pub disclosure_note: fn(&str) -> String,
    pub suggest_title: &'static str,
    pub suggest_intro: &'static str,
    pub link_to_share: &'static str,
    pub note_for_editors: &'static str,
    pub suggestion_sent: &'static str,
    pub send_suggestion: &'static str,
    pub studio_title: &'static str,
    pub studio_intro: &'static str,
    pub new_post: &'static str,
    pub edit_post: &'static str,
    pub studio_tab: fn(&str) -> &'static str,
    pub studio_empty: &'static str,
    pub title: &'static str,
    pub author: &'static str,
    pub publish_at: &'static str,
    pub expire_at: &'static str,
    pub suggested_by: fn(&str) -> String,
    pub supply_title: &'static str,
    pub supply_unit: &'static str,
    pub supply_aria: fn(f64, f64) -> String,
    pub supply_detail: fn(i64, i64, f64) -> String,
    pub supply_low: &'static str,
    pub schedule_title: &'static str,
    pub schedule_empty: &'static str,
    pub goes_live: &'static str,
    pub expires: &'static str,
    pub network_limit: fn(usize) -> String,
    pub add_variant: &'static str,
    pub caption: &'static str,
    pub chars_left: fn(i64) -> String,
    pub linkedin_fold: &'static str,
    pub remove: &'static str,
    pub approval: &'static str,
    pub last_comment: &'static str,
    pub comment_label: &'static str,
    pub step_name: fn(crate::model::Step) -> &'static str,
    pub history: &'static str,
    pub action_name: fn(&str) -> String,
    pub status_name_post: fn(crate::model::PostStatus) -> &'static str,
    pub body: &'static str,
    pub markdown_hint: &'static str,
    pub image: &'static str,
    pub image_hint: &'static str,
    pub topics_placeholder: &'static str,
    pub disclosure: &'static str,
    pub disclosure_hint: &'static str,
    pub captions_editable: &'static str,
    pub audience: &'static str,
    pub audience_everyone: &'static str,
    pub audience_some: &'static str,
    pub mark_important: &'static str,
    pub sharing_window: &'static str,
    pub publish_at_hint: &'static str,
    pub saved_back_to_review: &'static str,
    pub edit_sends_to_review: &'static str,
    pub as_ambassadors_see_it: &'static str,
    pub preview_text: &'static str,
    pub audit_title: &'static str,
    pub audit_intro: &'static str,
    pub audit_subject: &'static str,
    pub subject_name: fn(&str) -> &'static str,
    pub audit_action: &'static str,
    pub audit_empty: &'static str,
    pub when: &'static str,
    pub who: &'static str,
    pub details: &'static str,
    pub crisis_title: &'static str,
    pub crisis_intro: &'static str,
    pub crisis_is_on: &'static str,
    pub crisis_is_off: &'static str,
    pub since: &'static str,
    pub crisis_message: &'static str,
    pub crisis_switch_on: &'static str,
    pub crisis_switch_off: &'static str,
    pub settings_title: &'static str,
    pub default_disclosure: &'static str,
    pub allow_self_approval: &'static str,

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
