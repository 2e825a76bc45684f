//! Error and status messages in the reader's language.

use crate::i18n::{error_text, use_i18n};
use crate::model::AppError;
use leptos::prelude::*;

/// A whole-form error, announced to screen readers. Field errors for the
/// `fields` the form shows next to their inputs are left to those; any
/// other field error is said here, so nothing is silently dropped.
#[component]
pub fn ErrorNotice(
    #[prop(into)] error: Signal<Option<AppError>>,
    #[prop(optional)] fields: &'static [&'static str],
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let e = match error.get()? {
            AppError::Invalid(list) => {
                let rest: Vec<_> = list
                    .into_iter()
                    .filter(|f| !fields.contains(&f.field.as_str()))
                    .collect();
                if rest.is_empty() {
                    return None;
                }
                AppError::Invalid(rest)
            }
            other => other,
        };
        Some(
            view! { <p class="notice notice-error" role="alert">{error_text(i18n.lang(), &e)}</p> },
        )
    }
}

/// The message for one field, if the error names it.
#[component]
pub fn FieldError(
    #[prop(into)] error: Signal<Option<AppError>>,
    #[prop(into)] field: String,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        error.get().and_then(|e| e.for_field(&field)).map(|code| {
            view! {
                <span class="field-error" id=format!("{field}-error") role="alert">
                    {crate::i18n::code_text(i18n.lang(), &code)}
                </span>
            }
        })
    }
}

/// The error of an action's last result, if it failed.
pub fn action_error<S>(action: ServerAction<S>) -> Signal<Option<AppError>>
where
    S: leptos::server_fn::ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Send + Sync + 'static,
{
    Signal::derive(move || {
        action
            .value()
            .with(|v| v.as_ref().and_then(|r| r.as_ref().err().cloned()))
    })
}
