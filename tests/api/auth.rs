use crate::helpers::{error_of, TestApp, DEMO_PASSWORD};
use crate::on_both_backends;
use reqwest::header::{ACCEPT, COOKIE, LOCATION, SET_COOKIE};
use reqwest::{Response, StatusCode};
use serde_json::{json, Value};

on_both_backends!(
    sign_in_succeeds_and_sets_a_safe_session_cookie,
    wrong_password_unknown_email_and_deactivated_get_the_same_answer,
    malformed_sign_in_input_gets_field_errors,
    repeated_failures_are_throttled_with_retry_after,
    the_session_id_changes_at_sign_in,
    sign_out_ends_the_session_for_good,
    a_plain_html_form_signs_in_with_redirects,
    cross_site_posts_are_refused,
    changing_the_password_ends_the_other_sessions,
    sessions_end_at_their_absolute_lifetime_and_after_inactivity,
);

fn session_cookie(res: &Response) -> Option<String> {
    res.headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("portavoz="))
        .map(str::to_string)
}

fn cookie_pair(set_cookie: &str) -> String {
    set_cookie.split(';').next().unwrap_or_default().to_string()
}

/// `/api/me` for a raw cookie, as an attacker replaying it would.
async fn me_with_cookie(app: &TestApp, cookie: &str) -> Value {
    reqwest::Client::new()
        .post(app.url("/api/me"))
        .header(COOKIE, cookie)
        .json(&json!({}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

async fn sign_in_succeeds_and_sets_a_safe_session_cookie(app: TestApp) {
    let browser = app.browser();
    assert_eq!(app.me(&browser).await, Value::Null);
    let res = app
        .sign_in(&browser, "Ana@Example.com ", DEMO_PASSWORD)
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let cookie = session_cookie(&res).expect("a session cookie");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(cookie.contains("Path=/"), "{cookie}");
    let langs: Vec<_> = res
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter(|c| c.starts_with("pv_lang="))
        .collect();
    assert_eq!(langs.len(), 1);
    assert!(
        langs[0].starts_with("pv_lang=es"),
        "Ana prefers Spanish: {}",
        langs[0]
    );
    assert_eq!(res.json::<String>().await.unwrap(), "/");

    let me = app.me(&browser).await;
    assert_eq!(me["email"], "ana@example.com");
    assert_eq!(me["name"], "Ana García");
    assert_eq!(me["team_name"], "Ventas");
    assert!(me.get("password_hash").is_none());
}

async fn wrong_password_unknown_email_and_deactivated_get_the_same_answer(app: TestApp) {
    let browser = app.browser();
    for (email, password) in [
        ("ana@example.com", "not-her-password"),
        ("nobody@example.com", DEMO_PASSWORD),
        ("ignacio.vega@example.com", DEMO_PASSWORD),
        ("nuria.ramos@example.com", DEMO_PASSWORD),
    ] {
        let res = app.sign_in(&browser, email, password).await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{email}");
        assert_eq!(error_of(res).await, json!("BadCredentials"), "{email}");
    }
    assert_eq!(app.me(&browser).await, Value::Null);
}

async fn malformed_sign_in_input_gets_field_errors(app: TestApp) {
    let browser = app.browser();
    let res = app.sign_in(&browser, "not-an-email", "whatever").await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        error_of(res).await,
        json!({"Invalid": [{"field": "email", "code": "InvalidEmail"}]})
    );

    let res = app.sign_in(&browser, "ana@example.com", "").await;
    assert_eq!(
        error_of(res).await,
        json!({"Invalid": [{"field": "password", "code": "Required"}]})
    );

    let res = app
        .form(&browser, "sign-in", &[("email", "ana@example.com")])
        .await;
    assert_eq!(
        res.status(),
        StatusCode::BAD_REQUEST,
        "a missing field is a bad request, not a crash"
    );
}

async fn repeated_failures_are_throttled_with_retry_after(app: TestApp) {
    let browser = app.browser();
    for _ in 0..5 {
        let res = app
            .sign_in(&browser, "luis@example.com", "wrong-password")
            .await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    }
    // Even the right password waits now: the account is backing off.
    let res = app
        .sign_in(&browser, "luis@example.com", DEMO_PASSWORD)
        .await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry: u64 = res.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=900).contains(&retry), "retry-after {retry}");
    assert_eq!(app.me(&browser).await, Value::Null);
    // Other accounts are not affected by Luis's counter.
    assert_eq!(
        app.sign_in(&browser, "ana@example.com", DEMO_PASSWORD)
            .await
            .status(),
        StatusCode::OK
    );
}

async fn the_session_id_changes_at_sign_in(app: TestApp) {
    let browser = app.browser();
    let first = session_cookie(
        &app.sign_in(&browser, "ana@example.com", DEMO_PASSWORD)
            .await,
    )
    .unwrap();
    assert_eq!(
        me_with_cookie(&app, &cookie_pair(&first)).await["email"],
        "ana@example.com"
    );

    let second = session_cookie(
        &app.sign_in(&browser, "ana@example.com", DEMO_PASSWORD)
            .await,
    )
    .unwrap();
    assert_ne!(cookie_pair(&first), cookie_pair(&second));
    assert_eq!(
        me_with_cookie(&app, &cookie_pair(&first)).await,
        Value::Null,
        "the old id is dead"
    );
    assert_eq!(
        me_with_cookie(&app, &cookie_pair(&second)).await["email"],
        "ana@example.com"
    );
}

async fn sign_out_ends_the_session_for_good(app: TestApp) {
    let browser = app.browser();
    let cookie = session_cookie(
        &app.sign_in(&browser, "ana@example.com", DEMO_PASSWORD)
            .await,
    )
    .unwrap();
    let res = app.form(&browser, "sign-out", &[]).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(app.me(&browser).await, Value::Null);
    assert_eq!(
        me_with_cookie(&app, &cookie_pair(&cookie)).await,
        Value::Null,
        "a replayed cookie is worthless"
    );
}

async fn a_plain_html_form_signs_in_with_redirects(app: TestApp) {
    let browser = app.browser();
    let post = |email: &'static str, password: &'static str| {
        browser
            .post(app.url("/api/sign-in"))
            .header(ACCEPT, "text/html,application/xhtml+xml")
            .header("referer", app.url("/sign-in?next=%2Fprofile"))
            .form(&[
                ("email", email),
                ("password", password),
                ("next", "/profile"),
            ])
            .send()
    };
    let res = post("ana@example.com", "wrong-password").await.unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    let location = res.headers()[LOCATION].to_str().unwrap().to_string();
    assert!(
        location.contains("/sign-in") && location.contains("__err="),
        "{location}"
    );

    let res = post("ana@example.com", DEMO_PASSWORD).await.unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    assert_eq!(res.headers()[LOCATION], "/profile");
    assert_eq!(app.me(&browser).await["email"], "ana@example.com");

    // `next` can only point into this site.
    let res = browser
        .post(app.url("/api/sign-in"))
        .header(ACCEPT, "text/html")
        .form(&[
            ("email", "ana@example.com"),
            ("password", DEMO_PASSWORD),
            ("next", "//evil.example/"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()[LOCATION], "/");
}

async fn cross_site_posts_are_refused(app: TestApp) {
    let browser = app.browser();
    let attempt = |headers: Vec<(&'static str, String)>| {
        let mut req = browser
            .post(app.url("/api/sign-in"))
            .form(&[("email", "ana@example.com"), ("password", DEMO_PASSWORD)]);
        for (k, v) in headers {
            req = req.header(k, v);
        }
        req.send()
    };
    let res = attempt(vec![("origin", "https://evil.example".into())])
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = attempt(vec![("sec-fetch-site", "cross-site".into())])
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.me(&browser).await, Value::Null, "nothing happened");

    let res = attempt(vec![
        ("origin", app.address.clone()),
        ("sec-fetch-site", "same-origin".into()),
    ])
    .await
    .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
}

async fn changing_the_password_ends_the_other_sessions(app: TestApp) {
    let laptop = app.signed_in("ana@example.com").await;
    let phone = app.signed_in("ana@example.com").await;

    let res = app
        .form(
            &laptop,
            "password",
            &[
                ("current", "wrong"),
                ("password", "a new long passphrase"),
                ("confirm", "a new long passphrase"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        error_of(res).await,
        json!({"Invalid": [{"field": "current", "code": "WrongPassword"}]})
    );
    let res = app
        .form(
            &laptop,
            "password",
            &[
                ("current", DEMO_PASSWORD),
                ("password", "password1"),
                ("confirm", "password1"),
            ],
        )
        .await;
    assert_eq!(
        error_of(res).await,
        json!({"Invalid": [{"field": "password", "code": "CommonPassword"}]})
    );
    assert_eq!(
        app.me(&phone).await["email"],
        "ana@example.com",
        "failed attempts change nothing"
    );

    let res = app
        .form(
            &laptop,
            "password",
            &[
                ("current", DEMO_PASSWORD),
                ("password", "a new long passphrase"),
                ("confirm", "a new long passphrase"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        app.me(&laptop).await["email"],
        "ana@example.com",
        "this session stays"
    );
    assert_eq!(app.me(&phone).await, Value::Null, "the other one ended");

    let fresh = app.browser();
    assert_eq!(
        app.sign_in(&fresh, "ana@example.com", DEMO_PASSWORD)
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.sign_in(&fresh, "ana@example.com", "a new long passphrase")
            .await
            .status(),
        StatusCode::OK
    );
}

async fn sessions_end_at_their_absolute_lifetime_and_after_inactivity(app: TestApp) {
    let browser = app.signed_in("ana@example.com").await;
    // Signed in long ago: past the absolute lifetime even though still active.
    app.sql(
        "update session set data = json_set(data, '$.since', 1000000) where person_id is not null",
        "update session set data = jsonb_set(data::jsonb, '{since}', '1000000')::text where person_id is not null",
    )
    .await;
    assert_eq!(app.me(&browser).await, Value::Null);

    let browser = app.signed_in("luis@example.com").await;
    app.sql(
        "update session set expires_at = 1000000",
        "update session set expires_at = now() - interval '1 minute'",
    )
    .await;
    assert_eq!(app.me(&browser).await, Value::Null, "idle too long");
}
