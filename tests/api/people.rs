use crate::helpers::{error_of, TestApp, DEMO_PASSWORD};
use crate::on_both_backends;
use reqwest::StatusCode;
use serde_json::{json, Value};

on_both_backends!(
    an_invitation_link_works_once,
    an_invitation_link_expires,
    a_new_invitation_link_voids_the_old_one,
    bad_invitations_are_refused_and_save_nothing,
    deactivation_ends_every_session_at_once,
    admins_cannot_lock_themselves_out,
    role_changes_apply_at_once,
    team_and_location_names_are_checked,
    managers_see_their_own_teams_only,
    the_people_list_filters_and_pages_on_the_server,
    first_admin_comes_from_the_environment_and_demo_leaves_data_alone,
);

fn form(email: &str, roles: &[&str]) -> Value {
    json!({"email": email, "name": "Nueva Persona", "roles": roles, "team_id": null, "location_id": null, "lang": "es", "managed_team_ids": []})
}

async fn list(app: &TestApp, admin: &reqwest::Client, query: Value) -> Value {
    let mut q = json!({"q": "", "role": null, "team_id": null, "status": null, "page": 1});
    for (k, v) in query.as_object().unwrap() {
        q[k] = v.clone();
    }
    let res = app.call(admin, "people/list", json!({"query": q})).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

async fn invite(app: &TestApp, admin: &reqwest::Client, email: &str) -> String {
    let res = app
        .call(
            admin,
            "people/invite",
            json!({"form": form(email, &["ambassador", "editor"])}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let link: Value = res.json().await.unwrap();
    assert_eq!(link["email"], email);
    let url = link["url"].as_str().unwrap().to_string();
    assert!(
        url.starts_with(&app.address),
        "absolute link to this server: {url}"
    );
    url.rsplit('/').next().unwrap().to_string()
}

async fn accept(app: &TestApp, browser: &reqwest::Client, token: &str) -> reqwest::Response {
    app.form(
        browser,
        "invitation/accept",
        &[
            ("token", token),
            ("name", "Nueva Persona"),
            ("password", "una frase bien larga"),
            ("confirm", "una frase bien larga"),
        ],
    )
    .await
}

async fn an_invitation_link_works_once(app: TestApp) {
    let admin = app.signed_in("admin@example.com").await;
    let token = invite(&app, &admin, "nueva@example.com").await;

    let listed = list(&app, &admin, json!({"q": "nueva@"})).await;
    assert_eq!(listed["people"][0]["status"], "invited");

    let newcomer = app.browser();
    let page = app.get(&newcomer, &format!("/invite/{token}")).await;
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.unwrap().contains("nueva@example.com"));
    assert_eq!(
        app.sign_in(&newcomer, "nueva@example.com", "una frase bien larga")
            .await
            .status(),
        StatusCode::UNAUTHORIZED,
        "not before accepting"
    );

    let res = accept(&app, &newcomer, &token).await;
    assert_eq!(res.status(), StatusCode::OK);
    let me = app.me(&newcomer).await;
    assert_eq!(me["email"], "nueva@example.com");
    assert_eq!(me["roles"], json!(["ambassador", "editor"]));

    let someone_else = app.browser();
    let res = accept(&app, &someone_else, &token).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        error_of(res).await,
        json!({"Invalid": [{"field": "token", "code": "InvitationInvalid"}]})
    );
    assert_eq!(app.me(&someone_else).await, Value::Null);

    let listed = list(&app, &admin, json!({"q": "nueva@"})).await;
    assert_eq!(listed["people"][0]["status"], "active");
    assert_eq!(
        app.sign_in(&app.browser(), "nueva@example.com", "una frase bien larga")
            .await
            .status(),
        StatusCode::OK
    );
}

async fn an_invitation_link_expires(app: TestApp) {
    let admin = app.signed_in("admin@example.com").await;
    let token = invite(&app, &admin, "tarde@example.com").await;
    app.sql(
        "update invitation set expires_at = 1000",
        "update invitation set expires_at = now() - interval '1 second'",
    )
    .await;
    let newcomer = app.browser();
    let preview = app
        .call(&newcomer, "invitation", json!({"token": token}))
        .await;
    assert_eq!(preview.json::<Value>().await.unwrap(), Value::Null);
    let res = accept(&app, &newcomer, &token).await;
    assert_eq!(
        error_of(res).await,
        json!({"Invalid": [{"field": "token", "code": "InvitationInvalid"}]})
    );
}

async fn a_new_invitation_link_voids_the_old_one(app: TestApp) {
    let admin = app.signed_in("admin@example.com").await;
    let old = invite(&app, &admin, "doble@example.com").await;
    let id = list(&app, &admin, json!({"q": "doble@"})).await["people"][0]["id"]
        .as_i64()
        .unwrap();
    let res = app.call(&admin, "people/reinvite", json!({"id": id})).await;
    assert_eq!(res.status(), StatusCode::OK);
    let new = res.json::<Value>().await.unwrap()["url"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_string();
    assert_ne!(old, new);
    assert_eq!(
        accept(&app, &app.browser(), &old).await.status(),
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        accept(&app, &app.browser(), &new).await.status(),
        StatusCode::OK
    );
    // Active people get no new links.
    let res = app.call(&admin, "people/reinvite", json!({"id": id})).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
}

async fn bad_invitations_are_refused_and_save_nothing(app: TestApp) {
    let admin = app.signed_in("admin@example.com").await;
    let before = list(&app, &admin, json!({})).await["total"].clone();
    let cases = [
        (
            form("not an email", &["ambassador"]),
            json!([{"field": "email", "code": "InvalidEmail"}]),
        ),
        (
            form("ANA@example.com", &["ambassador"]),
            json!([{"field": "email", "code": "EmailTaken"}]),
        ),
        (
            form("x@example.com", &[]),
            json!([{"field": "roles", "code": "Required"}]),
        ),
        (
            form("x@example.com", &["manager"]),
            json!([{"field": "managed_team_ids", "code": "ManagerNeedsTeam"}]),
        ),
        (
            json!({"email": "x@example.com", "name": " ", "roles": ["ambassador"], "team_id": 999999, "location_id": 999999, "lang": "en", "managed_team_ids": []}),
            json!([{"field": "name", "code": "Required"}, {"field": "team_id", "code": "UnknownTeam"}, {"field": "location_id", "code": "UnknownLocation"}]),
        ),
    ];
    for (body, expected) in cases {
        let res = app
            .call(&admin, "people/invite", json!({"form": body}))
            .await;
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(error_of(res).await, json!({"Invalid": expected}), "{body}");
    }
    let res = app
        .call(
            &admin,
            "people/invite",
            json!({"form": {"email": "x@example.com"}}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST, "missing fields");
    assert_eq!(list(&app, &admin, json!({})).await["total"], before);
}

async fn deactivation_ends_every_session_at_once(app: TestApp) {
    let laptop = app.signed_in("ana@example.com").await;
    let phone = app.signed_in("ana@example.com").await;
    let ana = app.person_id("ana@example.com").await;
    assert_eq!(app.state.db.count_sessions(ana).await.unwrap(), 2);

    let admin = app.signed_in("admin@example.com").await;
    let res = app
        .call(&admin, "people/active", json!({"id": ana, "active": false}))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.json::<Value>().await.unwrap(), "deactivated");

    assert_eq!(app.me(&laptop).await, Value::Null);
    assert_eq!(app.me(&phone).await, Value::Null);
    assert_eq!(app.state.db.count_sessions(ana).await.unwrap(), 0);
    assert_eq!(
        app.sign_in(&app.browser(), "ana@example.com", DEMO_PASSWORD)
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );

    let res = app
        .call(&admin, "people/active", json!({"id": ana, "active": true}))
        .await;
    assert_eq!(res.json::<Value>().await.unwrap(), "active");
    assert_eq!(
        app.sign_in(&app.browser(), "ana@example.com", DEMO_PASSWORD)
            .await
            .status(),
        StatusCode::OK
    );
}

async fn admins_cannot_lock_themselves_out(app: TestApp) {
    let admin = app.signed_in("admin@example.com").await;
    let me = app.me(&admin).await["id"].as_i64().unwrap();
    let res = app
        .call(&admin, "people/active", json!({"id": me, "active": false}))
        .await;
    assert_eq!(
        error_of(res).await,
        json!({"Invalid": [{"field": "status", "code": "CannotDeactivateSelf"}]})
    );
    let res = app
        .call(
            &admin,
            "people/update",
            json!({"id": me, "form": form("admin@example.com", &["ambassador"])}),
        )
        .await;
    assert_eq!(
        error_of(res).await,
        json!({"Invalid": [{"field": "roles", "code": "LastAdmin"}]})
    );
    assert_eq!(
        app.call(&admin, "directory", json!({})).await.status(),
        StatusCode::OK,
        "still admin"
    );
}

async fn role_changes_apply_at_once(app: TestApp) {
    let ana_browser = app.signed_in("ana@example.com").await;
    assert_eq!(
        app.call(&ana_browser, "directory", json!({}))
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let admin = app.signed_in("admin@example.com").await;
    let ana = app.person_id("ana@example.com").await;
    let res = app
        .call(
            &admin,
            "people/update",
            json!({"id": ana, "form": form("ana@example.com", &["ambassador", "admin"])}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        app.call(&ana_browser, "directory", json!({}))
            .await
            .status(),
        StatusCode::OK,
        "no new sign-in needed"
    );
    let res = app
        .call(
            &admin,
            "people/update",
            json!({"id": ana, "form": form("ana@example.com", &["ambassador"])}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        app.call(&ana_browser, "directory", json!({}))
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
}

async fn team_and_location_names_are_checked(app: TestApp) {
    let admin = app.signed_in("admin@example.com").await;
    let res = app
        .call(&admin, "teams/create", json!({"name": "  Legal  "}))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = app
        .call(&admin, "teams/create", json!({"name": "LEGAL"}))
        .await;
    assert_eq!(
        error_of(res).await,
        json!({"Invalid": [{"field": "name", "code": "NameTaken"}]})
    );
    let res = app
        .call(&admin, "locations/create", json!({"name": ""}))
        .await;
    assert_eq!(
        error_of(res).await,
        json!({"Invalid": [{"field": "name", "code": "Required"}]})
    );
    let res = app
        .call(&admin, "locations/create", json!({"name": "x".repeat(81)}))
        .await;
    assert_eq!(
        error_of(res).await,
        json!({"Invalid": [{"field": "name", "code": {"TooLong": {"max": 80}}}]})
    );
    let dir: Value = app
        .call(&admin, "directory", json!({}))
        .await
        .json()
        .await
        .unwrap();
    let teams: Vec<&str> = dir["teams"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert!(teams.contains(&"Legal"));
    assert_eq!(
        teams
            .iter()
            .filter(|t| t.eq_ignore_ascii_case("legal"))
            .count(),
        1
    );
}

async fn managers_see_their_own_teams_only(app: TestApp) {
    let names = |v: Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|m| m["name"].as_str().unwrap().to_string())
            .collect()
    };
    let miguel = app.signed_in("manager@example.com").await;
    let members = names(
        app.call(&miguel, "team/members", json!({}))
            .await
            .json()
            .await
            .unwrap(),
    );
    assert!(members.contains(&"Ana García".to_string()));
    assert!(
        members.contains(&"Lucía Romero".to_string()),
        "Atención al cliente too"
    );
    assert!(
        !members.contains(&"Luis Fernández".to_string()),
        "Ingeniería is not his"
    );

    let fernando = app.signed_in("fernando.diaz@example.com").await;
    let members = names(
        app.call(&fernando, "team/members", json!({}))
            .await
            .json()
            .await
            .unwrap(),
    );
    assert!(members.contains(&"Luis Fernández".to_string()));
    assert!(!members.contains(&"Ana García".to_string()));
}

async fn the_people_list_filters_and_pages_on_the_server(app: TestApp) {
    let admin = app.signed_in("admin@example.com").await;
    let all = list(&app, &admin, json!({})).await;
    assert_eq!(all["total"], 27);
    assert_eq!(
        list(&app, &admin, json!({"q": "garcía"})).await["people"][0]["email"],
        "ana@example.com"
    );
    assert_eq!(
        list(&app, &admin, json!({"q": "100%"})).await["total"],
        0,
        "wildcards are literal"
    );
    assert_eq!(
        list(&app, &admin, json!({"role": "editor"})).await["total"],
        2
    );
    assert_eq!(
        list(&app, &admin, json!({"status": "invited"})).await["total"],
        2
    );
    assert_eq!(
        list(&app, &admin, json!({"status": "deactivated"})).await["total"],
        1
    );
    let dir: Value = app
        .call(&admin, "directory", json!({}))
        .await
        .json()
        .await
        .unwrap();
    let ventas = dir["teams"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "Ventas")
        .unwrap()["id"]
        .clone();
    let in_ventas = list(&app, &admin, json!({"team_id": ventas})).await;
    assert!(in_ventas["people"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["team_name"] == "Ventas"));

    // Paging: 60 more people make two pages.
    for i in 0..60 {
        let res = app
            .call(
                &admin,
                "people/invite",
                json!({"form": form(&format!("bulk{i:02}@example.com"), &["ambassador"])}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
    }
    let first = list(&app, &admin, json!({"q": "bulk"})).await;
    let second = list(&app, &admin, json!({"q": "bulk", "page": 2})).await;
    assert_eq!(first["total"], 60);
    assert_eq!(first["people"].as_array().unwrap().len(), 50);
    assert_eq!(second["people"].as_array().unwrap().len(), 10);
}

async fn first_admin_comes_from_the_environment_and_demo_leaves_data_alone(app: TestApp) {
    // A second server on the same database, with demo mode and an admin
    // configured: the database has data, so neither may touch it.
    let backend = app.backend;
    let url = app.database_url.clone();
    let people_before = app.state.db.count_people().await.unwrap();
    let second = TestApp::run(
        portavoz::server::startup::Application::build(
            portavoz::server::config::Config::from_map(&{
                let mut v = crate::helpers::base_config(&url);
                v.insert("PORTAVOZ_ADMIN_EMAIL".into(), "boss@example.com".into());
                v.insert(
                    "PORTAVOZ_ADMIN_PASSWORD".into(),
                    "a long admin secret".into(),
                );
                v
            })
            .unwrap(),
        )
        .await
        .unwrap(),
        backend,
        url,
    );
    assert_eq!(second.state.db.count_people().await.unwrap(), people_before);
    assert_eq!(
        second
            .sign_in(&second.browser(), "boss@example.com", "a long admin secret")
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );

    // On an empty database the configured admin is created, and can work.
    let fresh = TestApp::spawn_with(backend, |v| {
        v.remove("PORTAVOZ_DEMO");
        v.insert("PORTAVOZ_ADMIN_EMAIL".into(), "boss@example.com".into());
        v.insert(
            "PORTAVOZ_ADMIN_PASSWORD".into(),
            "a long admin secret".into(),
        );
    })
    .await
    .expect("fresh app");
    assert_eq!(fresh.state.db.count_people().await.unwrap(), 1);
    let boss = fresh.browser();
    assert_eq!(
        fresh
            .sign_in(&boss, "boss@example.com", "a long admin secret")
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        fresh.call(&boss, "directory", json!({})).await.status(),
        StatusCode::OK
    );
}
