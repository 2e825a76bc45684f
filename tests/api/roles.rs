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
        allowed: &[
            "admin",
            "editor",
            "approver",
            "trainer",
            "manager",
            "ambassador",
        ],
        body: |_, _| json!({}),
    },
];

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
    (
        "/",
        &[
            "admin",
            "editor",
            "approver",
            "trainer",
            "manager",
            "ambassador",
        ],
    ),
    (
        "/profile",
        &[
            "admin",
            "editor",
            "approver",
            "trainer",
            "manager",
            "ambassador",
        ],
    ),
    ("/team", &["manager"]),
    ("/admin/people", &["admin"]),
    ("/admin/teams", &["admin"]),
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
