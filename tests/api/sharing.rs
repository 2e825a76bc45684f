//! Tracked sharing over HTTP: share actions, the redirect and its UTM
//! parameters, bots apart from people, unique visitors, retraction and crisis,
//! the click queue drained on shutdown, and reach.

use crate::helpers::{error_of, Backend, TestApp};
use crate::on_both_backends;
use crate::posts::{live_post, post_json, step, team_id};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use std::time::Duration;

on_both_backends!(
    sharing_to_x_records_the_share_and_opens_the_intent_with_the_tracked_link,
    the_redirect_appends_utm_keeping_the_links_query_and_fragment,
    unknown_codes_get_a_friendly_404,
    retracted_posts_and_crisis_mode_send_visitors_to_the_safe_page,
    bots_head_requests_and_prefetches_are_counted_apart_from_people,
    clicks_still_queued_are_stored_on_graceful_shutdown,
    only_live_posts_targeted_at_the_person_can_be_shared,
    locked_captions_and_network_limits_are_enforced_when_sharing,
    followers_give_potential_reach_and_earned_value,
    sharing_settings_are_for_admins_and_checked,
    the_client_address_comes_from_a_proxy_header_only_when_configured,
);

pub const CHROME: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
pub const FIREFOX: &str =
    "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

/// Ventas' post, live, shared by Ana to `channel`; returns (post id, tracked URL).
async fn shared_post(app: &TestApp, channel: &str) -> (i64, String) {
    let ventas = team_id(app, "Ventas").await;
    let id = live_post(app, post_json("Oferta de primavera", &[ventas])).await;
    let ana = app.signed_in("ana@example.com").await;
    let res = share(app, &ana, id, channel, "¡Mirad esto!").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let kit = kit(app, &ana, id).await;
    let url = kit["links"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["channel"] == channel)
        .unwrap()["url"]
        .as_str()
        .unwrap()
        .to_string();
    (id, url)
}

pub async fn share(
    app: &TestApp,
    who: &Client,
    post: i64,
    channel: &str,
    text: &str,
) -> reqwest::Response {
    who.post(app.url("/share"))
        .form(&[
            ("post_id", post.to_string().as_str()),
            ("channel", channel),
            ("text", text),
        ])
        .send()
        .await
        .unwrap()
}

pub async fn kit(app: &TestApp, who: &Client, post: i64) -> Value {
    let res = app.call(who, "share/kit", json!({"post_id": post})).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

/// A visitor: no cookies, no redirects followed.
pub fn visitor() -> Client {
    Client::builder()
        .timeout(Duration::from_secs(45))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

pub async fn visit(url: &str, agent: &str) -> reqwest::Response {
    visitor()
        .get(url)
        .header("user-agent", agent)
        .send()
        .await
        .unwrap()
}

/// One post's figures on the person's reach page (zeros if not there yet).
fn post_figures(reach: &Value, post: i64) -> Value {
    reach["posts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["post_id"] == post)
        .map(|p| p["figures"].clone())
        .unwrap_or(json!({"shares": 0, "human_clicks": 0, "unique_visitors": 0, "bot_hits": 0}))
}

/// Waits for the click writer (it stores in the background) until `done`.
async fn reach_when(app: &TestApp, who: &Client, done: impl Fn(&Value) -> bool) -> Value {
    let mut last = Value::Null;
    for _ in 0..100 {
        last = app
            .call(who, "reach/mine", json!({}))
            .await
            .json()
            .await
            .unwrap();
        if done(&last) {
            return last;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("reach never got there: {last}");
}

async fn sharing_to_x_records_the_share_and_opens_the_intent_with_the_tracked_link(app: TestApp) {
    let ventas = team_id(&app, "Ventas").await;
    let id = live_post(&app, post_json("Oferta de primavera", &[ventas])).await;
    let ana = app.signed_in("ana@example.com").await;
    let before = kit(&app, &ana, id).await;
    assert_eq!(before["my_shares"], 0);
    let links = before["links"].as_array().unwrap();
    assert_eq!(links.len(), 6, "one link per network and one to copy");
    let x_link = links.iter().find(|l| l["channel"] == "x").unwrap()["url"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        x_link.starts_with(&format!("{}/s/", app.address)),
        "{x_link}"
    );
    let again = kit(&app, &ana, id).await;
    assert_eq!(again["links"], before["links"], "the same links every time");

    let res = share(&app, &ana, id, "x", "¡Mirad esto!").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let to = res.headers()["location"].to_str().unwrap().to_string();
    let intent = url::Url::parse(&to).unwrap();
    assert_eq!(intent.host_str(), Some("x.com"));
    let q: std::collections::HashMap<String, String> = intent.query_pairs().into_owned().collect();
    assert_eq!(q["url"], x_link, "the intent carries Ana's tracked link");
    assert_eq!(
        q["text"], "¡Mirad esto! #empleado",
        "the disclosure is always added"
    );

    let res = share(&app, &ana, id, "linkedin", "ignored by LinkedIn").await;
    let to = res.headers()["location"].to_str().unwrap().to_string();
    assert!(
        to.starts_with("https://www.linkedin.com/sharing/share-offsite/?url="),
        "{to}"
    );
    assert!(!to.contains("ignored"), "LinkedIn takes only the URL");
    assert_eq!(kit(&app, &ana, id).await["my_shares"], 2);

    // Another ambassador of the team gets links of their own.
    let manager = app.signed_in("manager@example.com").await;
    let res = app
        .call(&manager, "share/kit", json!({"post_id": id}))
        .await;
    if res.status() == StatusCode::OK {
        let theirs: Value = res.json().await.unwrap();
        assert_ne!(theirs["links"], before["links"]);
    }

    // Not signed in: off to sign in, nothing recorded.
    let res = share(&app, &app.browser(), id, "x", "").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .starts_with("/sign-in"));
}

async fn the_redirect_appends_utm_keeping_the_links_query_and_fragment(app: TestApp) {
    let (id, url) = shared_post(&app, "x").await;
    let res = visit(&url, CHROME).await;
    assert_eq!(res.status(), StatusCode::FOUND);
    assert!(
        res.headers().get("set-cookie").is_none(),
        "no session on the redirect"
    );
    assert_eq!(res.headers()["cache-control"], "no-store");
    let target = url::Url::parse(res.headers()["location"].to_str().unwrap()).unwrap();
    assert_eq!(target.host_str(), Some("example.com"));
    assert_eq!(target.path(), "/noticia");
    assert_eq!(target.fragment(), Some("top"));
    let q: Vec<(String, String)> = target.query_pairs().into_owned().collect();
    let get = |k: &str| {
        q.iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    assert_eq!(get("id"), "7", "the link's own query stays");
    assert_eq!(get("utm_source"), "x");
    assert_eq!(get("utm_medium"), "employee_advocacy");
    assert_eq!(
        get("utm_campaign"),
        format!("post-{id}-oferta-de-primavera")
    );
    let content = get("utm_content");
    assert!(content.len() >= 8, "an opaque ambassador id: {content}");
    assert!(
        !content.to_lowercase().contains("ana") && !content.contains('@'),
        "never the name or e-mail: {content}"
    );

    // The same ambassador's link on another network: same utm_content, other source.
    let ana = app.signed_in("ana@example.com").await;
    let k = kit(&app, &ana, id).await;
    let li = k["links"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["channel"] == "linkedin")
        .unwrap()["url"]
        .as_str()
        .unwrap()
        .to_string();
    let res = visit(&li, CHROME).await;
    let t2 = res.headers()["location"].to_str().unwrap().to_string();
    assert!(
        t2.contains("utm_source=linkedin") && t2.contains(&format!("utm_content={content}")),
        "{t2}"
    );
}

async fn unknown_codes_get_a_friendly_404(app: TestApp) {
    let client = visitor();
    for path in ["/s/zzzzzzzz", "/s/short", "/s/%2e%2e%2fetc"] {
        let res = client.get(app.url(path)).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{path}");
        let html = res.text().await.unwrap();
        assert!(
            html.contains("Enlace no encontrado") && html.contains("Link not found"),
            "{path}: {html}"
        );
    }
}

async fn retracted_posts_and_crisis_mode_send_visitors_to_the_safe_page(app: TestApp) {
    let (id, url) = shared_post(&app, "linkedin").await;
    assert!(visit(&url, CHROME).await.headers()["location"]
        .to_str()
        .unwrap()
        .starts_with("https://example.com/"));

    // Crisis mode: every link goes to the safe page, and sharing is refused.
    let approver = app.signed_in("approver@example.com").await;
    let on = json!({"on": true, "message": "Pausa por una incidencia.", "procedure": ""});
    assert_eq!(
        app.call(&approver, "crisis/set", on).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        visit(&url, CHROME).await.headers()["location"],
        "/s/unavailable"
    );
    let page = visitor()
        .get(app.url("/s/unavailable"))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.unwrap().contains("no longer available"));
    let ana = app.signed_in("ana@example.com").await;
    let res = app
        .call(
            &ana,
            "share",
            json!({"post_id": id, "channel": "x", "text": ""}),
        )
        .await;
    assert_eq!(error_of(res).await, json!("SharingPaused"));
    assert_eq!(kit(&app, &ana, id).await["paused"], true);
    let off = json!({"on": false, "message": "", "procedure": ""});
    assert_eq!(
        app.call(&approver, "crisis/set", off).await.status(),
        StatusCode::OK
    );
    assert!(visit(&url, CHROME).await.headers()["location"]
        .to_str()
        .unwrap()
        .starts_with("https://example.com/"));

    // A retracted post: to the safe page comms chose.
    let admin = app.signed_in("admin@example.com").await;
    let mut settings: Value = app
        .call(&admin, "settings/sharing", json!({}))
        .await
        .json()
        .await
        .unwrap();
    settings["safe_url"] = json!("https://example.com/comunicado");
    assert_eq!(
        app.call(
            &admin,
            "settings/sharing/save",
            json!({"settings": settings})
        )
        .await
        .status(),
        StatusCode::OK
    );
    assert_eq!(
        step(&app, &approver, id, "retract", "Datos erróneos")
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        visit(&url, CHROME).await.headers()["location"],
        "https://example.com/comunicado"
    );
    assert_eq!(
        app.call(&ana, "share/kit", json!({"post_id": id}))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}

async fn bots_head_requests_and_prefetches_are_counted_apart_from_people(app: TestApp) {
    let (id, url) = shared_post(&app, "x").await;
    let ana = app.signed_in("ana@example.com").await;
    let (_, before) = app.state.db.click_totals().await.unwrap();
    // Crawlers still get the redirect, so previews work.
    for bot in [
        "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
        "Twitterbot/1.0",
        "WhatsApp/2.23.20.0 A",
    ] {
        assert_eq!(visit(&url, bot).await.status(), StatusCode::FOUND, "{bot}");
    }
    let head = visitor()
        .head(&url)
        .header("user-agent", CHROME)
        .send()
        .await
        .unwrap();
    assert_eq!(head.status(), StatusCode::FOUND);
    let prefetch = visitor()
        .get(&url)
        .header("user-agent", CHROME)
        .header("sec-purpose", "prefetch")
        .send()
        .await
        .unwrap();
    assert_eq!(prefetch.status(), StatusCode::FOUND);
    // Three clicks by two people.
    visit(&url, CHROME).await;
    visit(&url, CHROME).await;
    visit(&url, FIREFOX).await;

    let reach = reach_when(&app, &ana, |r| {
        let f = post_figures(r, id);
        f["human_clicks"] == 3 && f["bot_hits"] == 5
    })
    .await;
    let f = post_figures(&reach, id);
    assert_eq!(f["unique_visitors"], 2, "{f}");
    assert_eq!(f["shares"], 1);
    let (counters, raw) = app.state.db.click_totals().await.unwrap();
    assert_eq!(counters, raw, "counters match the raw clicks");
    assert_eq!(raw.human_clicks - before.human_clicks, 3);
    assert_eq!(raw.bot_hits - before.bot_hits, 5);
}

async fn clicks_still_queued_are_stored_on_graceful_shutdown(app: TestApp) {
    const N: usize = 300;
    let (_, url) = shared_post(&app, "whatsapp").await;
    let (_, before) = app.state.db.click_totals().await.unwrap();
    let client = visitor();
    let visits = (0..N).map(|i| {
        let (client, url) = (client.clone(), url.clone());
        async move {
            let res = client
                .get(&url)
                .header("user-agent", format!("{CHROME} visitor/{i}"))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), StatusCode::FOUND);
        }
    });
    futures::future::join_all(visits).await;
    let (database_url, backend) = (app.database_url.clone(), app.backend);
    app.stop_keeping_database().await.expect("graceful stop");

    // Read what landed on disk, with the server gone.
    let db = portavoz::server::db::connect(&database_url, 1)
        .await
        .unwrap();
    let (counters, raw) = db.click_totals().await.unwrap();
    assert_eq!(
        raw.human_clicks - before.human_clicks,
        N as i64,
        "every click stored ({backend:?})"
    );
    assert_eq!(raw.unique_visitors - before.unique_visitors, N as i64);
    assert_eq!(counters, raw, "counters match the raw clicks");
    db.close().await;
    if backend == Backend::Sqlite {
        let path = database_url.trim_start_matches("sqlite://");
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{path}{suffix}"));
        }
    }
}

async fn only_live_posts_targeted_at_the_person_can_be_shared(app: TestApp) {
    let ventas = team_id(&app, "Ventas").await;
    let id = live_post(&app, post_json("Solo para Ventas", &[ventas])).await;
    let luis = app.signed_in("luis@example.com").await;
    assert_eq!(
        app.call(&luis, "share/kit", json!({"post_id": id}))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let res = share(&app, &luis, id, "x", "").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = app
        .call(
            &luis,
            "share",
            json!({"post_id": id, "channel": "x", "text": ""}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    // A draft cannot be shared by anyone, not even its editor.
    let editor = app.signed_in("editor@example.com").await;
    let res = app
        .call(
            &editor,
            "posts/create",
            json!({"input": post_json("Borrador", &[])}),
        )
        .await;
    let draft: i64 = res.json().await.unwrap();
    let ana = app.signed_in("ana@example.com").await;
    for who in [&ana, &editor] {
        assert_eq!(
            app.call(who, "share/kit", json!({"post_id": draft}))
                .await
                .status(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            share(&app, who, draft, "x", "").await.status(),
            StatusCode::NOT_FOUND
        );
    }
    let res = share(&app, &ana, id, "myspace", "").await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
}

async fn locked_captions_and_network_limits_are_enforced_when_sharing(app: TestApp) {
    let mut input = post_json("Comunicado oficial", &[]);
    input["captions_editable"] = json!(false);
    let id = live_post(&app, input).await;
    let ana = app.signed_in("ana@example.com").await;
    let own = app
        .call(
            &ana,
            "share",
            json!({"post_id": id, "channel": "x", "text": "Mi versión"}),
        )
        .await;
    assert_eq!(own.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        error_of(own).await,
        json!({"Invalid": [{"field": "text", "code": "CaptionLocked"}]})
    );
    let ok = app
        .call(
            &ana,
            "share",
            json!({"post_id": id, "channel": "x", "text": "Otra forma de decirlo"}),
        )
        .await;
    assert_eq!(ok.status(), StatusCode::OK);
    let shared: Value = ok.json().await.unwrap();
    assert_eq!(shared["text"], "Otra forma de decirlo #empleado");
    assert!(shared["open_url"]
        .as_str()
        .unwrap()
        .starts_with("https://x.com/intent/tweet?"));

    let free = live_post(&app, post_json("Libre", &[])).await;
    let long = "a".repeat(260);
    let res = app
        .call(
            &ana,
            "share",
            json!({"post_id": free, "channel": "x", "text": long}),
        )
        .await;
    assert_eq!(
        error_of(res).await,
        json!({"Invalid": [{"field": "text", "code": {"OverNetworkLimit": {"max": 280}}}]})
    );
    // The form path answers in the person's language and records nothing.
    let res = share(&app, &ana, free, "x", &"a".repeat(260)).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("No se ha podido compartir"));
    assert_eq!(kit(&app, &ana, free).await["my_shares"], 0);
}

async fn followers_give_potential_reach_and_earned_value(app: TestApp) {
    let ana = app.signed_in("ana@example.com").await;
    let bad = app
        .call(
            &ana,
            "followers/save",
            json!({"followers": {"counts": [["linkedin", -5]]}}),
        )
        .await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    let res = app
        .call(
            &ana,
            "followers/save",
            json!({"followers": {"counts": [["linkedin", 500], ["x", 120]]}}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let mine: Value = app
        .call(&ana, "followers", json!({}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(mine["counts"], json!([["linkedin", 500], ["x", 120]]));
    let reach: Value = app
        .call(&ana, "reach/mine", json!({}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(reach["missing_followers"], json!(["facebook"]));
    let today_before = reach["days"][29].clone();

    let (id, url) = shared_post(&app, "linkedin").await;
    visit(&url, CHROME).await;
    let reach = reach_when(&app, &ana, |r| post_figures(r, id)["human_clicks"] == 1).await;
    let f = post_figures(&reach, id);
    assert_eq!(f["potential_reach"], 500);
    // Default LinkedIn values: 5.00 per click, 30.00 per 1,000 impressions.
    assert_eq!(f["earned_value"], 5.0 + 500.0 * 30.0 / 1000.0);
    assert_eq!(reach["posts"][0]["post_id"], id, "the latest share first");
    let days = reach["days"].as_array().unwrap();
    assert_eq!(days.len(), 30);
    let delta = |k: &str| days[29][k].as_i64().unwrap() - today_before[k].as_i64().unwrap();
    assert_eq!(
        (delta("shares"), delta("human_clicks")),
        (1, 1),
        "today is the last day"
    );

    // Luis sees only his own reach.
    let luis = app.signed_in("luis@example.com").await;
    let his: Value = app
        .call(&luis, "reach/mine", json!({}))
        .await
        .json()
        .await
        .unwrap();
    assert!(his["posts"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["post_id"] != id));
    let page = app.get(&ana, "/reach").await.text().await.unwrap();
    assert!(
        page.contains("Oferta de primavera") && page.contains("<svg"),
        "the page and its chart render on the server"
    );
}

async fn sharing_settings_are_for_admins_and_checked(app: TestApp) {
    let editor = app.signed_in("editor@example.com").await;
    assert_eq!(
        app.call(&editor, "settings/sharing", json!({}))
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let admin = app.signed_in("admin@example.com").await;
    let mut s: Value = app
        .call(&admin, "settings/sharing", json!({}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(s["utm_medium"], "employee_advocacy");
    assert_eq!(s["currency"], "EUR");
    s["utm_medium"] = json!("Bad Medium!");
    s["currency"] = json!("euros");
    s["safe_url"] = json!("javascript:alert(1)");
    let res = app
        .call(
            &admin,
            "settings/sharing/save",
            json!({"settings": s.clone()}),
        )
        .await;
    let fields: Vec<String> = error_of(res).await["Invalid"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(fields, vec!["utm_medium", "safe_url", "currency"]);
    let unchanged: Value = app
        .call(&admin, "settings/sharing", json!({}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        unchanged["utm_medium"], "employee_advocacy",
        "nothing saved"
    );

    s["utm_medium"] = json!("embajadores");
    s["currency"] = json!("usd");
    s["safe_url"] = json!("");
    let res = app
        .call(&admin, "settings/sharing/save", json!({"settings": s}))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let (_, url) = shared_post(&app, "facebook").await;
    let to = visit(&url, CHROME).await.headers()["location"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        to.contains("utm_medium=embajadores") && to.contains("utm_source=facebook"),
        "{to}"
    );
}

async fn the_client_address_comes_from_a_proxy_header_only_when_configured(app: TestApp) {
    // Without configuration a forged header changes nothing: one visitor.
    let (id, url) = shared_post(&app, "x").await;
    for ip in ["203.0.113.1", "203.0.113.2"] {
        visitor()
            .get(&url)
            .header("user-agent", CHROME)
            .header("x-real-ip", ip)
            .send()
            .await
            .unwrap();
    }
    let ana = app.signed_in("ana@example.com").await;
    let reach = reach_when(&app, &ana, |r| post_figures(r, id)["human_clicks"] == 2).await;
    assert_eq!(post_figures(&reach, id)["unique_visitors"], 1);

    // Behind a trusted proxy that sets X-Real-IP: two visitors.
    let behind = TestApp::spawn_with(app.backend, |c| {
        c.insert("PORTAVOZ_CLIENT_IP_HEADER".into(), "X-Real-IP".into());
    })
    .await
    .expect("a second app");
    let (id, url) = shared_post(&behind, "x").await;
    for ip in ["203.0.113.1", "203.0.113.2", "203.0.113.2"] {
        visitor()
            .get(&url)
            .header("user-agent", CHROME)
            .header("x-real-ip", ip)
            .send()
            .await
            .unwrap();
    }
    let ana = behind.signed_in("ana@example.com").await;
    let reach = reach_when(&behind, &ana, |r| post_figures(r, id)["human_clicks"] == 3).await;
    assert_eq!(post_figures(&reach, id)["unique_visitors"], 2);
}
