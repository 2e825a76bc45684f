//! The authorization matrix: every role × every protected action and page,
//! allowed and denied, checked on the server.

use crate::helpers::TestApp;
use crate::on_both_backends;
use reqwest::header::LOCATION;
use reqwest::StatusCode;
use serde_json::{json, Value};

on_both_backends!(
    every_role_can_do_exactly_its_actions,
    every_role_opens_exactly_its_pages
);

const ACCOUNTS: &[(&str, &str)] = &[
    ("admin", "admin@example.com"),
    ("editor", "editor@example.com"),
    ("approver", "approver@example.com"),
    ("trainer", "trainer@example.com"),
    ("manager", "manager@example.com"),
    ("ambassador", "ana@example.com"),
];

struct Action {
    endpoint: &'static str,
    /// Who may: account labels from `ACCOUNTS`.
    allowed: &'static [&'static str],
    body: fn(&Ctx, &str) -> Value,
}

struct Ctx {
    luis: i64,
    invited: i64,
    carmen: i64,
}

const ACTIONS: &[Action] = &[
    Action {
        endpoint: "people/list",
        allowed: &["admin"],
        body: |_, _| json!({"query": {"q": "", "role": null, "team_id": null, "status": null, "page": 1}}),
    },
    Action {
        endpoint: "directory",
        allowed: &["admin"],
        body: |_, _| json!({}),
    },
    Action {
        endpoint: "people/invite",
        allowed: &["admin"],
        body: |_, who| json!({"form": {"email": format!("matrix-{who}@example.com"), "name": "Matrix", "roles": ["ambassador"], "team_id": null, "location_id": null, "lang": "es", "managed_team_ids": []}}),
    },
    Action {
        endpoint: "people/update",
        allowed: &["admin"],
        body: |c, _| json!({"id": c.luis, "form": {"email": "luis@example.com", "name": "Luis Fernández", "roles": ["ambassador"], "team_id": null, "location_id": null, "lang": "en", "managed_team_ids": []}}),
    },
    Action {
        endpoint: "people/active",
        allowed: &["admin"],
        body: |c, _| json!({"id": c.carmen, "active": true}),
    },
    Action {
        endpoint: "people/reinvite",
        allowed: &["admin"],
        body: |c, _| json!({"id": c.invited}),
    },
    Action {
        endpoint: "teams/create",
        allowed: &["admin"],
        body: |_, who| json!({"name": format!("Team of {who}")}),
    },
    Action {
        endpoint: "locations/create",
        allowed: &["admin"],
        body: |_, who| json!({"name": format!("Office of {who}")}),
    },
    Action {
        endpoint: "team/members",
        allowed: &["manager"],
        body: |_, _| json!({}),
    },
    Action {
        endpoint: "profile",
        allowed: EVERYONE,
        body: |_, _| json!({}),
    },
    Action {
        endpoint: "feed",
        allowed: EVERYONE,
        body: |_, _| json!({"query": {"topic": null, "q": ""}}),
    },
    Action {
        endpoint: "posts/suggest",
        allowed: EVERYONE,
        body: |_, _| json!({"suggestion": {"link_url": "https://example.com/s", "note": ""}}),
    },
    Action {
        endpoint: "studio",
        allowed: STAFF,
        body: |_, _| json!({}),
    },
    Action {
        endpoint: "posts/targets",
        allowed: STAFF,
        body: |_, _| json!({}),
    },
    Action {
        endpoint: "markdown",
        allowed: STAFF,
        body: |_, _| json!({"body": "**hola**"}),
    },
    Action {
        endpoint: "settings/content",
        allowed: STAFF,
        body: |_, _| json!({}),
    },
    Action {
        endpoint: "posts/blank",
        allowed: &["editor"],
        body: |_, _| json!({}),
    },
    Action {
        endpoint: "posts/create",
        allowed: &["editor"],
        body: |_, who| json!({"input": crate::posts::post_json(&format!("Matrix {who}"), &[])}),
    },
    Action {
        endpoint: "audit",
        allowed: OVERSIGHT,
        body: |_, _| json!({"query": {"subject_type": null, "subject_id": null, "action": null}}),
    },
    Action {
        endpoint: "crisis/set",
        allowed: OVERSIGHT,
        body: |_, _| json!({"on": false, "message": "", "procedure": ""}),
    },
    Action {
        endpoint: "settings/content/save",
        allowed: &["admin"],
        body: |_, _| json!({"settings": {"self_approval": false, "disclosure": "#empleado"}}),
    },
    Action {
        endpoint: "reach/mine",
        allowed: EVERYONE,
        body: |_, _| json!({}),
    },
    Action {
        endpoint: "followers",
        allowed: EVERYONE,
        body: |_, _| json!({}),
    },
    Action {
        endpoint: "followers/save",
        allowed: EVERYONE,
        body: |_, _| json!({"followers": {"counts": [["linkedin", 10]]}}),
    },
    Action {
        endpoint: "settings/sharing",
        allowed: &["admin"],
        body: |_, _| json!({}),
    },
    Action {
        endpoint: "settings/sharing/save",
        allowed: &["admin"],
        body: |_, _| json!({"settings": {"utm_medium": "employee_advocacy", "safe_url": "", "currency": "EUR", "rates": []}}),
    },
];

const EVERYONE: &[&str] = &[
    "admin",
    "editor",
    "approver",
    "trainer",
    "manager",
    "ambassador",
];
const STAFF: &[&str] = &["admin", "editor", "approver"];
const OVERSIGHT: &[&str] = &["admin", "approver"];

async fn every_role_can_do_exactly_its_actions(app: TestApp) {
    let ctx = Ctx {
        luis: app.person_id("luis@example.com").await,
        invited: app.person_id("tomas.blanco@example.com").await,
        carmen: app.person_id("carmen.ortiz@example.com").await,
    };
    let anonymous = app.browser();
    for action in ACTIONS {
        let res = app
            .call(
                &anonymous,
                action.endpoint,
                (action.body)(&ctx, "anonymous"),
            )
            .await;
        assert_eq!(
            res.status(),
            StatusCode::UNAUTHORIZED,
            "anonymous → {}",
            action.endpoint
        );
        assert_eq!(res.json::<Value>().await.unwrap(), json!("Unauthenticated"));
    }
    for (who, email) in ACCOUNTS {
        let browser = app.signed_in(email).await;
        for action in ACTIONS {
            let res = app
                .call(&browser, action.endpoint, (action.body)(&ctx, who))
                .await;
            let status = res.status();
            let body: Value = res.json().await.unwrap_or(Value::Null);
            if action.allowed.contains(who) {
                assert_eq!(
                    status,
                    StatusCode::OK,
                    "{who} → {} should be allowed: {body}",
                    action.endpoint
                );
            } else {
                assert_eq!(
                    status,
                    StatusCode::FORBIDDEN,
                    "{who} → {} should be denied: {body}",
                    action.endpoint
                );
                assert_eq!(body, json!("Forbidden"));
            }
        }
    }
    // The denied attempts changed nothing: only the admin's invitation exists.
    let admin = app.signed_in("admin@example.com").await;
    let page: Value = app
        .call(&admin, "people/list", json!({"query": {"q": "matrix-", "role": null, "team_id": null, "status": null, "page": 1}}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(page["total"], 1);
    assert_eq!(page["people"][0]["email"], "matrix-admin@example.com");
}

const PAGES: &[(&str, &[&str])] = &[
    ("/", EVERYONE),
    ("/profile", EVERYONE),
    ("/suggest", EVERYONE),
    ("/reach", EVERYONE),
    ("/team", &["manager"]),
    ("/studio", STAFF),
    ("/studio/new", &["editor"]),
    ("/audit", OVERSIGHT),
    ("/analytics", &["admin", "editor", "manager"]),
    ("/crisis", OVERSIGHT),
    ("/admin/people", &["admin"]),
    ("/admin/teams", &["admin"]),
    ("/admin/settings", &["admin"]),
];

async fn every_role_opens_exactly_its_pages(app: TestApp) {
    let anonymous = app.browser();
    for (path, _) in PAGES {
        let res = app.get(&anonymous, path).await;
        assert!(
            res.status().is_redirection(),
            "anonymous {path}: {}",
            res.status()
        );
        let location = res.headers()[LOCATION].to_str().unwrap();
        assert!(location.starts_with("/sign-in"), "{path} → {location}");
    }
    for (who, email) in ACCOUNTS {
        let browser = app.signed_in(email).await;
        for (path, allowed) in PAGES {
            let res = app.get(&browser, path).await;
            let expected = if allowed.contains(who) {
                StatusCode::OK
            } else {
                StatusCode::FORBIDDEN
            };
            assert_eq!(res.status(), expected, "{who} opening {path}");
            assert_eq!(res.headers()["cache-control"], "no-store", "{path}");
        }
    }
}
