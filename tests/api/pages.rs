use crate::helpers::TestApp;
use crate::on_both_backends;
use reqwest::header::ACCEPT_LANGUAGE;
use reqwest::StatusCode;

on_both_backends!(
    pages_render_on_the_server_ready_to_hydrate,
    the_sign_in_form_works_without_javascript,
    unknown_pages_get_a_friendly_404,
    admin_pages_render_their_data_on_the_server
);

async fn pages_render_on_the_server_ready_to_hydrate(app: TestApp) {
    let res = app.get(&app.browser(), "/sign-in").await;
    assert_eq!(res.status(), StatusCode::OK);
    let h = res.headers().clone();
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["x-frame-options"], "DENY");
    assert!(h["content-security-policy"]
        .to_str()
        .unwrap()
        .contains("frame-ancestors 'none'"));
    let html = res.text().await.unwrap();
    assert!(
        html.contains("/pkg/portavoz.js"),
        "loads the hydration bundle"
    );
    assert!(html.contains("/pkg/portavoz.css"));
    assert!(html.contains(r#"name="viewport""#));
}

async fn the_sign_in_form_works_without_javascript(app: TestApp) {
    let html = app
        .get(&app.browser(), "/sign-in?next=%2Fprofile")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains(r#"action="/api/sign-in""#),
        "a real form target"
    );
    assert!(html.contains(r#"method="post""#));
    assert!(html.contains(r#"type="email""#));
    assert!(html.contains(r#"type="password""#));
    assert!(html.contains(r#"type="submit""#));
    assert!(
        html.contains(r#"name="next" value="/profile""#),
        "comes back where it was going"
    );
}

async fn unknown_pages_get_a_friendly_404(app: TestApp) {
    let res = app
        .browser()
        .get(app.url("/no/such/page"))
        .header(ACCEPT_LANGUAGE, "es")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert!(res.text().await.unwrap().contains("Página no encontrada"));
}

async fn admin_pages_render_their_data_on_the_server(app: TestApp) {
    let admin = app.signed_in("admin@example.com").await;
    let html = app
        .get(&admin, "/admin/people?q=garc")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("Ana García"),
        "rows are in the first response"
    );
    assert!(!html.contains("Luis Fernández"), "filtered on the server");
    let html = app.get(&admin, "/admin/teams").await.text().await.unwrap();
    assert!(html.contains("Atención al cliente"));
    let ana = app.signed_in("ana@example.com").await;
    let html = app.get(&ana, "/").await.text().await.unwrap();
    assert!(html.contains("Hola, Ana"));
    assert!(
        !html.contains(r#"href="/admin/people""#),
        "the navigation shows only her pages"
    );
    let html = app.get(&admin, "/").await.text().await.unwrap();
    assert!(html.contains(r#"href="/admin/people""#));
}
