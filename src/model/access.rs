//! Who may open which page. One table for both sides: the server uses it to
//! redirect signed-out visitors and to answer 403 before rendering, the
//! browser to show the same answer after client-side navigation. Data is
//! protected separately: every server function checks on its own.

use super::{CurrentUser, Role};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not.
    Public,
    /// Any signed-in person.
    SignedIn,
    /// Signed in and holding this role.
    Role(Role),
    /// Signed in and holding any of these roles.
    AnyRole(&'static [Role]),
}

/// Who works on posts in any state.
pub const STAFF: &[Role] = &[Role::Editor, Role::Approver, Role::Admin];
/// Who reads the audit trail and runs crisis mode.
pub const OVERSIGHT: &[Role] = &[Role::Admin, Role::Approver];
/// Who writes courses.
pub const TRAINERS: &[Role] = &[Role::Trainer, Role::Admin];
/// Who opens analytics (managers: of their own teams).
pub const ANALYTICS: &[Role] = &[Role::Admin, Role::Editor, Role::Manager];
/// Who reads training reports (managers: of their own teams).
pub const TRAINING_REPORTS: &[Role] = &[Role::Trainer, Role::Admin, Role::Manager];

pub fn page_access(path: &str) -> Access {
    let path = path.trim_end_matches('/');
    let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
    match first {
        "sign-in" | "invite" | "healthz" | "verify" => Access::Public,
        "training" if path.starts_with("/training/report") => Access::AnyRole(TRAINING_REPORTS),
        "training" => Access::AnyRole(TRAINERS),
        "admin" => Access::Role(Role::Admin),
        "team" => Access::Role(Role::Manager),
        "studio" if path == "/studio/new" => Access::Role(Role::Editor),
        "studio" => Access::AnyRole(STAFF),
        "audit" | "crisis" => Access::AnyRole(OVERSIGHT),
        "analytics" => Access::AnyRole(ANALYTICS),
        "suggest" => Access::Role(Role::Ambassador),
        _ if KNOWN_PAGES.contains(&first) => Access::SignedIn,
        // Unknown paths render the 404 page to anyone.
        _ => Access::Public,
    }
}

/// First path segments of pages that need a signed-in person.
const KNOWN_PAGES: &[&str] = &[
    "",
    "profile",
    "posts",
    "reach",
    "leaderboard",
    "my-data",
    "learn",
];

impl Access {
    pub fn allows(self, user: Option<&CurrentUser>) -> bool {
        match self {
            Access::Public => true,
            Access::SignedIn => user.is_some(),
            Access::Role(role) => user.is_some_and(|u| u.has(role)),
            Access::AnyRole(roles) => user.is_some_and(|u| roles.iter().any(|r| u.has(*r))),
        }
    }
}

/// A `next` target for after sign-in: only a path on this site, never
/// `//evil.example` or `https://…`, so the sign-in form is no open redirect.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n)
            if n.starts_with('/')
                && !n.starts_with("//")
                && !n.contains('\\')
                && !n.starts_with("/sign-in") =>
        {
            n.to_string()
        }
        _ => "/".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_map_to_their_access() {
        assert_eq!(page_access("/"), Access::SignedIn);
        assert_eq!(page_access("/sign-in"), Access::Public);
        assert_eq!(page_access("/invite/abc"), Access::Public);
        assert_eq!(page_access("/verify/ABCD-EFGH-JKLM"), Access::Public);
        assert_eq!(page_access("/learn/3/7"), Access::SignedIn);
        assert_eq!(
            page_access("/training/courses/3"),
            Access::AnyRole(TRAINERS)
        );
        assert_eq!(
            page_access("/training/reports"),
            Access::AnyRole(TRAINING_REPORTS)
        );
        assert_eq!(page_access("/admin/people"), Access::Role(Role::Admin));
        assert_eq!(page_access("/team"), Access::Role(Role::Manager));
        assert_eq!(page_access("/profile/"), Access::SignedIn);
        assert_eq!(page_access("/no-such-page"), Access::Public);
        assert_eq!(page_access("/studio/posts/3"), Access::AnyRole(STAFF));
        assert_eq!(page_access("/posts/3"), Access::SignedIn);
        assert_eq!(page_access("/audit"), Access::AnyRole(OVERSIGHT));
    }

    #[test]
    fn next_targets_stay_on_this_site() {
        assert_eq!(
            safe_next(Some("/admin/people?q=ana")),
            "/admin/people?q=ana"
        );
        assert_eq!(safe_next(Some("//evil.example")), "/");
        assert_eq!(safe_next(Some("https://evil.example")), "/");
        assert_eq!(safe_next(Some("/\\evil.example")), "/");
        assert_eq!(safe_next(Some("/sign-in")), "/");
        assert_eq!(safe_next(None), "/");
    }
}
