//! Admin settings of tracked sharing: UTM medium, the safe page for retracted
//! posts and crisis mode, and what clicks and impressions are worth.

use crate::model::{
    parse_link, AppError, CurrentUser, ErrorCode, FieldError, Role, SharingSettings, ValueRate,
};
use crate::server::db::{AuditEntry, Db, StoreResult};
use crate::server::state::AppState;

const KEY: &str = "sharing";
const MAX_RATE: f64 = 1_000_000.0;

pub async fn load(db: &Db) -> StoreResult<SharingSettings> {
    Ok(db
        .setting(KEY)
        .await?
        .and_then(|v| serde_json::from_str(&v).ok())
        .unwrap_or_default())
}

fn utm_ok(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 60
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// Checks and normalizes settings from the form; every field error at once.
pub fn validate(s: &SharingSettings) -> Result<SharingSettings, AppError> {
    let mut errors = Vec::new();
    let utm_medium = s.utm_medium.trim().to_string();
    if !utm_ok(&utm_medium) {
        errors.push(FieldError::new("utm_medium", ErrorCode::UtmValue));
    }
    let safe_url = s.safe_url.trim().to_string();
    if !safe_url.is_empty() {
        if let Err(code) = parse_link(&safe_url) {
            errors.push(FieldError::new("safe_url", code));
        }
    }
    let currency = s.currency.trim().to_ascii_uppercase();
    if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
        errors.push(FieldError::new("currency", ErrorCode::Currency));
    }
    let mut rates: Vec<ValueRate> = Vec::new();
    for r in &s.rates {
        for (what, v) in [("per_click", r.per_click), ("per_mille", r.per_mille)] {
            if !v.is_finite() || !(0.0..=MAX_RATE).contains(&v) {
                errors.push(FieldError::new(
                    &format!("{}.{what}", r.channel.as_str()),
                    ErrorCode::OutOfRange {
                        min: 0,
                        max: MAX_RATE as i64,
                    },
                ));
            }
        }
        if !rates.iter().any(|x| x.channel == r.channel) {
            rates.push(*r);
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    Ok(SharingSettings {
        utm_medium,
        safe_url,
        currency,
        rates,
    })
}

pub async fn save(
    state: &AppState,
    admin: &CurrentUser,
    s: &SharingSettings,
) -> Result<SharingSettings, AppError> {
    if !admin.has(Role::Admin) {
        return Err(AppError::Forbidden);
    }
    let clean = validate(s)?;
    let value = serde_json::to_string(&clean).map_err(super::internal)?;
    let audit =
        AuditEntry::new(Some(admin.id), "settings.sharing", "setting").detail(value.clone());
    state.db.put_setting(KEY, &value, &audit).await?;
    state.redirects.refresh(&state.db).await?;
    Ok(clean)
}
