use crate::helpers::{TestApp, DEMO_PASSWORD};
use crate::on_both_backends;
use reqwest::header::{ACCEPT, ACCEPT_LANGUAGE, LOCATION, SET_COOKIE};
use reqwest::StatusCode;

on_both_backends!(
    the_browser_language_picks_the_page_language,
    a_language_choice_is_remembered_and_saved_to_the_profile
);

async fn page(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    accept_language: &str,
) -> String {
    client
        .get(app.url(path))
        .header(ACCEPT_LANGUAGE, accept_language)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

async fn the_browser_language_picks_the_page_language(app: TestApp) {
    let browser = app.browser();
    let es = page(&app, &browser, "/sign-in", "es-ES,es;q=0.9,en;q=0.5").await;
    assert!(
        es.contains(r#"<html lang="es""#),
        "{}",
        &es[..200.min(es.len())]
    );
    assert!(es.contains("Correo electrónico"));
    let en = page(&app, &browser, "/sign-in", "en-GB,en;q=0.9").await;
    assert!(en.contains(r#"<html lang="en""#));
    assert!(en.contains("E-mail"));
    let other = page(&app, &browser, "/sign-in", "fr-FR,de;q=0.5").await;
    assert!(other.contains(r#"<html lang="en""#), "the default");
}

async fn a_language_choice_is_remembered_and_saved_to_the_profile(app: TestApp) {
    let ana = app.signed_in("ana@example.com").await;
    assert!(
        page(&app, &ana, "/", "en")
            .await
            .contains(r#"<html lang="es""#),
        "her profile says Spanish"
    );

    let res = app.form(&ana, "language", &[("lang", "en")]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let cookie = res
        .headers()
        .get(SET_COOKIE)
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        cookie.starts_with("pv_lang=en") && cookie.contains("Max-Age=31536000"),
        "{cookie}"
    );
    let home = page(&app, &ana, "/", "es").await;
    assert!(home.contains(r#"<html lang="en""#) && home.contains("Hello, Ana"));

    // Saved to her profile: a new device starts in English after signing in.
    let other_device = app.browser();
    let res = app
        .sign_in(&other_device, "ana@example.com", DEMO_PASSWORD)
        .await;
    let langs: Vec<String> = res
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .filter(|c| c.starts_with("pv_lang"))
        .collect();
    assert!(langs[0].starts_with("pv_lang=en"), "{langs:?}");

    // Without WebAssembly the switch is a form post that comes back to the page.
    let res = app
        .browser()
        .post(app.url("/api/language"))
        .header(ACCEPT, "text/html")
        .header("referer", app.url("/sign-in"))
        .form(&[("lang", "es")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    let back = url::Url::parse(res.headers()[LOCATION].to_str().unwrap()).unwrap();
    assert_eq!(back.path(), "/sign-in", "back to the page it came from");
    let res = app
        .form(&app.browser(), "language", &[("lang", "fr")])
        .await;
    assert_eq!(
        res.status(),
        StatusCode::BAD_REQUEST,
        "unknown languages are refused"
    );
}
