//! The content library over HTTP: the workflow, targeting and visibility,
//! bad input, concurrent edits, suggestions, crisis mode, images, the audit trail.

use crate::helpers::{error_of, TestApp};
use crate::on_both_backends;
use chrono::{Duration, Utc};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

on_both_backends!(
    a_post_goes_from_draft_to_live_and_only_its_audience_sees_it,
    authors_cannot_approve_their_own_posts_unless_the_admin_allows,
    sending_back_needs_a_comment_and_lands_in_draft,
    editing_an_approved_post_sends_it_back_to_review,
    a_second_save_on_a_stale_version_is_refused,
    retracted_expired_and_scheduled_posts_are_not_in_the_feed,
    targeting_by_location_and_language,
    bad_posts_are_refused_field_by_field_and_save_nothing,
    editors_change_only_their_teams_posts,
    ambassadors_suggest_links_into_the_editors_queue,
    crisis_mode_pauses_sharing_and_shows_everywhere,
    the_audit_trail_records_every_transition_and_is_for_oversight_only,
    images_are_checked_stored_and_served_to_signed_in_people,
    post_text_is_rendered_safely,
    the_feed_filters_by_topic_and_search,
    the_studio_shows_phases_and_the_supply_indicator,
);

pub fn post_json(title: &str, teams: &[i64]) -> Value {
    json!({
        "version": 1,
        "title": title,
        "body": "Un **texto** de prueba.",
        "link_url": "https://example.com/noticia?id=7#top",
        "image_id": null,
        "topics": ["Pruebas"],
        "captions": [
            {"network": "linkedin", "text": "Orgullosa de mi equipo"},
            {"network": "x", "text": "¡Mirad esto!"},
            {"network": "x", "text": "Otra forma de decirlo"}
        ],
        "captions_editable": true,
        "disclosure": "#empleado",
        "targeting": {"teams": teams, "locations": [], "langs": []},
        "important": false,
        "publish_at": null,
        "expire_at": null
    })
}

pub async fn team_id(app: &TestApp, name: &str) -> i64 {
    let admin = app.signed_in("admin@example.com").await;
    let dir: Value = app
        .call(&admin, "directory", json!({}))
        .await
        .json()
        .await
        .unwrap();
    dir["teams"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == name)
        .unwrap()["id"]
        .as_i64()
        .unwrap()
}

async fn create(app: &TestApp, editor: &Client, input: Value) -> i64 {
    let res = app
        .call(editor, "posts/create", json!({"input": input}))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

pub async fn step(
    app: &TestApp,
    who: &Client,
    id: i64,
    step: &str,
    comment: &str,
) -> reqwest::Response {
    app.call(
        who,
        "posts/step",
        json!({"id": id, "step": step, "comment": comment}),
    )
    .await
}

async fn feed_titles(app: &TestApp, who: &Client) -> Vec<String> {
    let feed: Value = app
        .call(who, "feed", json!({"query": {"topic": null, "q": ""}}))
        .await
        .json()
        .await
        .unwrap();
    feed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["title"].as_str().unwrap().to_string())
        .collect()
}

async fn detail(app: &TestApp, who: &Client, id: i64) -> Value {
    app.call(who, "posts/detail", json!({"id": id}))
        .await
        .json()
        .await
        .unwrap()
}

/// Creates, submits and approves a post as the demo editor and approver.
pub async fn live_post(app: &TestApp, input: Value) -> i64 {
    let editor = app.signed_in("editor@example.com").await;
    let approver = app.signed_in("approver@example.com").await;
    let id = create(app, &editor, input).await;
    assert_eq!(
        step(app, &editor, id, "submit", "").await.status(),
        StatusCode::OK
    );
    assert_eq!(
        step(app, &approver, id, "approve", "").await.status(),
        StatusCode::OK
    );
    id
}

async fn a_post_goes_from_draft_to_live_and_only_its_audience_sees_it(app: TestApp) {
    let ventas = team_id(&app, "Ventas").await;
    let editor = app.signed_in("editor@example.com").await;
    let approver = app.signed_in("approver@example.com").await;
    let ana = app.signed_in("ana@example.com").await; // Ventas
    let luis = app.signed_in("luis@example.com").await; // Ingeniería

    let id = create(&app, &editor, post_json("Oferta para Ventas", &[ventas])).await;
    assert_eq!(detail(&app, &editor, id).await["status"], "draft");
    let res = app.call(&ana, "posts/view", json!({"id": id})).await;
    assert_eq!(
        res.status(),
        StatusCode::NOT_FOUND,
        "drafts are invisible to ambassadors"
    );

    assert_eq!(
        step(&app, &editor, id, "submit", "")
            .await
            .json::<Value>()
            .await
            .unwrap(),
        "in_review"
    );
    let res = step(&app, &editor, id, "approve", "").await;
    assert_eq!(
        res.status(),
        StatusCode::FORBIDDEN,
        "editors do not approve"
    );
    assert_eq!(error_of(res).await, json!({"Workflow": "RoleMissing"}));
    assert!(
        !feed_titles(&app, &ana)
            .await
            .contains(&"Oferta para Ventas".to_string()),
        "in review: not yet"
    );

    assert_eq!(
        step(&app, &approver, id, "approve", "")
            .await
            .json::<Value>()
            .await
            .unwrap(),
        "approved"
    );
    assert!(
        feed_titles(&app, &ana)
            .await
            .contains(&"Oferta para Ventas".to_string()),
        "live for Ventas"
    );
    assert!(
        !feed_titles(&app, &luis)
            .await
            .contains(&"Oferta para Ventas".to_string()),
        "not for Ingeniería"
    );

    let view: Value = app
        .call(&ana, "posts/view", json!({"id": id}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(view["phase"], "live");
    assert_eq!(view["captions"].as_array().unwrap().len(), 3);
    assert_eq!(view["disclosure"], "#empleado");
    let res = app.call(&luis, "posts/view", json!({"id": id})).await;
    assert_eq!(
        res.status(),
        StatusCode::NOT_FOUND,
        "not by server function either"
    );
    let page = app.get(&luis, &format!("/posts/{id}")).await;
    assert_eq!(page.status(), StatusCode::NOT_FOUND, "nor by direct URL");
    assert!(!page.text().await.unwrap().contains("Oferta para Ventas"));
    let page = app.get(&ana, &format!("/posts/{id}")).await;
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.unwrap().contains("Oferta para Ventas"));

    // Twice the same step: the second finds the post already moved on.
    let res = step(&app, &approver, id, "approve", "").await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
}

async fn authors_cannot_approve_their_own_posts_unless_the_admin_allows(app: TestApp) {
    let admin = app.signed_in("admin@example.com").await;
    let pablo = app.person_id("approver@example.com").await;
    let res = app
        .call(&admin, "people/update", json!({"id": pablo, "form": {"email": "approver@example.com", "name": "Pablo Herrera", "roles": ["approver", "editor", "ambassador"], "team_id": null, "location_id": null, "lang": "es", "managed_team_ids": []}}))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let pablo = app.signed_in("approver@example.com").await;
    let id = create(&app, &pablo, post_json("Mía", &[])).await;
    assert_eq!(
        step(&app, &pablo, id, "submit", "").await.status(),
        StatusCode::OK
    );
    let res = step(&app, &pablo, id, "approve", "").await;
    assert_eq!(error_of(res).await, json!({"Workflow": "OwnPost"}));

    let res = app
        .call(
            &admin,
            "settings/content/save",
            json!({"settings": {"self_approval": true, "disclosure": "#empleado"}}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        step(&app, &pablo, id, "approve", "").await.status(),
        StatusCode::OK
    );
}

async fn sending_back_needs_a_comment_and_lands_in_draft(app: TestApp) {
    let editor = app.signed_in("editor@example.com").await;
    let approver = app.signed_in("approver@example.com").await;
    let id = create(&app, &editor, post_json("Por revisar", &[])).await;
    step(&app, &editor, id, "submit", "").await;
    let res = step(&app, &approver, id, "reject", "   ").await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error_of(res).await, json!({"Workflow": "CommentRequired"}));
    let res = step(&app, &approver, id, "reject", "Falta la cifra de ventas").await;
    assert_eq!(res.json::<Value>().await.unwrap(), "draft");
    let d = detail(&app, &editor, id).await;
    assert_eq!(d["status"], "draft");
    assert_eq!(d["last_comment"], "Falta la cifra de ventas");
    let history = d["history"].as_array().unwrap();
    assert_eq!(history[0]["action"], "post.rejected");
    assert_eq!(history[0]["from"], "in_review");
    assert_eq!(history[0]["to"], "draft");
    assert_eq!(history[0]["comment"], "Falta la cifra de ventas");
    assert_eq!(history[0]["actor_name"], "Pablo Herrera");
}

async fn editing_an_approved_post_sends_it_back_to_review(app: TestApp) {
    let id = live_post(&app, post_json("Aprobada", &[])).await;
    let editor = app.signed_in("editor@example.com").await;
    let ana = app.signed_in("ana@example.com").await;
    assert!(feed_titles(&app, &ana)
        .await
        .contains(&"Aprobada".to_string()));
    let version = detail(&app, &editor, id).await["input"]["version"]
        .as_i64()
        .unwrap();
    let mut input = post_json("Aprobada y corregida", &[]);
    input["version"] = json!(version);
    let res = app
        .call(&editor, "posts/update", json!({"id": id, "input": input}))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let d = detail(&app, &editor, id).await;
    assert_eq!(d["status"], "in_review");
    assert_eq!(d["history"][0]["from"], "approved");
    assert_eq!(d["history"][0]["to"], "in_review");
    let titles = feed_titles(&app, &ana).await;
    assert!(
        !titles.contains(&"Aprobada".to_string())
            && !titles.contains(&"Aprobada y corregida".to_string()),
        "out of the feed until re-approved"
    );
}

async fn a_second_save_on_a_stale_version_is_refused(app: TestApp) {
    let elena = app.signed_in("editor@example.com").await;
    let id = create(&app, &elena, post_json("Compartida", &[])).await;
    let version = detail(&app, &elena, id).await["input"]["version"]
        .as_i64()
        .unwrap();
    let mut first = post_json("Versión de Elena", &[]);
    first["version"] = json!(version);
    let mut second = post_json("Versión de otra pestaña", &[]);
    second["version"] = json!(version);
    assert_eq!(
        app.call(&elena, "posts/update", json!({"id": id, "input": first}))
            .await
            .status(),
        StatusCode::OK
    );
    let res = app
        .call(&elena, "posts/update", json!({"id": id, "input": second}))
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert_eq!(error_of(res).await, json!("Conflict"));
    assert_eq!(
        detail(&app, &elena, id).await["input"]["title"],
        "Versión de Elena",
        "nothing overwritten"
    );
}

async fn retracted_expired_and_scheduled_posts_are_not_in_the_feed(app: TestApp) {
    let approver = app.signed_in("approver@example.com").await;
    let ana = app.signed_in("ana@example.com").await;

    let retracted = live_post(&app, post_json("Para retirar", &[])).await;
    let res = step(&app, &approver, retracted, "retract", "").await;
    assert_eq!(error_of(res).await, json!({"Workflow": "CommentRequired"}));
    assert_eq!(
        step(&app, &approver, retracted, "retract", "Datos erróneos")
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        app.call(&ana, "posts/view", json!({"id": retracted}))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let res = step(&app, &approver, retracted, "approve", "").await;
    assert_eq!(res.status(), StatusCode::CONFLICT, "retracted is final");

    let now = Utc::now();
    let mut expired = post_json("Ya caducada", &[]);
    expired["publish_at"] = json!(now - Duration::hours(3));
    expired["expire_at"] = json!(now - Duration::hours(1));
    let expired = live_post(&app, expired).await;

    let mut scheduled = post_json("Programada", &[]);
    scheduled["publish_at"] = json!(now + Duration::days(2));
    let scheduled = live_post(&app, scheduled).await;

    let mut soon_expired = post_json("Caduca enseguida", &[]);
    soon_expired["expire_at"] = json!(now + Duration::hours(1));
    let soon = live_post(&app, soon_expired).await;
    assert!(feed_titles(&app, &ana)
        .await
        .contains(&"Caduca enseguida".to_string()));
    // Time passes: the post leaves the feed by itself.
    app.sql(
        &format!(
            "update post set expire_at = {} where post_id = {soon}",
            (now - Duration::minutes(1)).timestamp()
        ),
        &format!("update post set expire_at = now() - interval '1 minute' where post_id = {soon}"),
    )
    .await;

    let titles = feed_titles(&app, &ana).await;
    for gone in [
        "Para retirar",
        "Ya caducada",
        "Programada",
        "Caduca enseguida",
    ] {
        assert!(
            !titles.contains(&gone.to_string()),
            "{gone} must not be in the feed"
        );
    }
    let editor = app.signed_in("editor@example.com").await;
    assert_eq!(detail(&app, &editor, expired).await["phase"], "expired");
    assert_eq!(detail(&app, &editor, scheduled).await["phase"], "scheduled");
    assert_eq!(detail(&app, &editor, retracted).await["phase"], "retracted");
    assert_eq!(detail(&app, &editor, soon).await["phase"], "expired");
}

async fn targeting_by_location_and_language(app: TestApp) {
    let admin = app.signed_in("admin@example.com").await;
    let dir: Value = app
        .call(&admin, "directory", json!({}))
        .await
        .json()
        .await
        .unwrap();
    let madrid = dir["locations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["name"] == "Madrid")
        .unwrap()["id"]
        .clone();
    let mut only_madrid = post_json("Solo Madrid", &[]);
    only_madrid["targeting"]["locations"] = json!([madrid]);
    live_post(&app, only_madrid).await;
    let mut only_english = post_json("English only", &[]);
    only_english["targeting"]["langs"] = json!(["en"]);
    live_post(&app, only_english).await;

    let ana = app.signed_in("ana@example.com").await; // Madrid, Spanish
    let luis = app.signed_in("luis@example.com").await; // Barcelona, English
    let ana_sees = feed_titles(&app, &ana).await;
    let luis_sees = feed_titles(&app, &luis).await;
    assert!(
        ana_sees.contains(&"Solo Madrid".to_string())
            && !ana_sees.contains(&"English only".to_string())
    );
    assert!(
        luis_sees.contains(&"English only".to_string())
            && !luis_sees.contains(&"Solo Madrid".to_string())
    );
}

async fn bad_posts_are_refused_field_by_field_and_save_nothing(app: TestApp) {
    let editor = app.signed_in("editor@example.com").await;
    let before = app
        .call(&editor, "studio", json!({}))
        .await
        .json::<Value>()
        .await
        .unwrap()["posts"]
        .as_array()
        .unwrap()
        .len();
    let now = Utc::now();
    type Breaks = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(Breaks, Value)> = vec![
        (
            Box::new(|p| p["link_url"] = json!("javascript:alert(1)")),
            json!([{"field": "link_url", "code": "LinkScheme"}]),
        ),
        (
            Box::new(|p| {
                p["link_url"] = json!(format!("https://example.com/{}", "a".repeat(2100)))
            }),
            json!([{"field": "link_url", "code": {"TooLong": {"max": 2048}}}]),
        ),
        (
            Box::new(|p| p["title"] = json!("  ")),
            json!([{"field": "title", "code": "Required"}]),
        ),
        (
            Box::new(|p| p["captions"][1]["text"] = json!("x".repeat(250))),
            json!([{"field": "caption.x.0", "code": {"OverNetworkLimit": {"max": 280}}}]),
        ),
        (
            Box::new(move |p| {
                p["publish_at"] = json!(now + Duration::days(2));
                p["expire_at"] = json!(now + Duration::days(1));
            }),
            json!([{"field": "expire_at", "code": "ExpiresBeforePublish"}]),
        ),
        (
            Box::new(|p| p["targeting"]["teams"] = json!([999999])),
            json!([{"field": "targeting", "code": "UnknownTeam"}]),
        ),
        (
            Box::new(|p| p["image_id"] = json!(424242)),
            json!([{"field": "image_id", "code": "ImageType"}]),
        ),
    ];
    for (change, expected) in cases {
        let mut input = post_json("Mala", &[]);
        change(&mut input);
        let res = app
            .call(&editor, "posts/create", json!({"input": input}))
            .await;
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{expected}");
        assert_eq!(error_of(res).await, json!({"Invalid": expected}));
    }
    let after = app
        .call(&editor, "studio", json!({}))
        .await
        .json::<Value>()
        .await
        .unwrap()["posts"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(before, after, "nothing saved");
}

async fn editors_change_only_their_teams_posts(app: TestApp) {
    let elena = app.signed_in("editor@example.com").await; // Comunicación
    let isabel = app.signed_in("isabel.castro@example.com").await; // Marketing, editor
    let id = create(&app, &elena, post_json("De Comunicación", &[])).await;
    let mut input = post_json("Cambiada por Marketing", &[]);
    input["version"] = detail(&app, &isabel, id).await["input"]["version"].clone();
    let res = app
        .call(&isabel, "posts/update", json!({"id": id, "input": input}))
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        step(&app, &isabel, id, "submit", "").await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        detail(&app, &elena, id).await["input"]["title"],
        "De Comunicación"
    );
}

async fn ambassadors_suggest_links_into_the_editors_queue(app: TestApp) {
    let ana = app.signed_in("ana@example.com").await;
    let res = app
        .call(
            &ana,
            "posts/suggest",
            json!({"suggestion": {"link_url": "ftp://example.com/x", "note": ""}}),
        )
        .await;
    assert_eq!(
        error_of(res).await,
        json!({"Invalid": [{"field": "link_url", "code": "LinkScheme"}]})
    );
    let res = app.call(&ana, "posts/suggest", json!({"suggestion": {"link_url": "https://news.example.org/a", "note": "¡Salimos en prensa!"}})).await;
    assert_eq!(res.status(), StatusCode::OK);
    let id: i64 = res.json().await.unwrap();
    assert_eq!(
        app.call(&ana, "studio", json!({})).await.status(),
        StatusCode::FORBIDDEN,
        "the queue is for staff"
    );

    let isabel = app.signed_in("isabel.castro@example.com").await;
    let d = detail(&app, &isabel, id).await;
    assert_eq!(d["status"], "draft");
    assert_eq!(d["suggested_by_name"], "Ana García");
    assert_eq!(d["suggestion_note"], "¡Salimos en prensa!");
    assert_eq!(d["author_id"], Value::Null);
    // Any editor may take it over; it keeps who suggested it.
    let mut input = post_json("Salimos en prensa", &[]);
    input["version"] = d["input"]["version"].clone();
    assert_eq!(
        app.call(&isabel, "posts/update", json!({"id": id, "input": input}))
            .await
            .status(),
        StatusCode::OK
    );
    let d = detail(&app, &isabel, id).await;
    assert_eq!(d["author_name"], "Isabel Castro");
    assert_eq!(d["suggested_by_name"], "Ana García");
}

async fn crisis_mode_pauses_sharing_and_shows_everywhere(app: TestApp) {
    let ana = app.signed_in("ana@example.com").await;
    let approver = app.signed_in("approver@example.com").await;
    let res = app
        .call(
            &ana,
            "crisis/set",
            json!({"on": true, "message": "x", "procedure": ""}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = app
        .call(
            &approver,
            "crisis/set",
            json!({"on": true, "message": "", "procedure": ""}),
        )
        .await;
    assert_eq!(
        error_of(res).await,
        json!({"Invalid": [{"field": "message", "code": "Required"}]})
    );

    let res = app.call(&approver, "crisis/set", json!({"on": true, "message": "Incidencia en curso: no publiquéis nada.", "procedure": "1. No respondáis.\n2. Derivad a prensa@example.com."})).await;
    assert_eq!(res.status(), StatusCode::OK);
    let crisis: Value = app
        .call(&ana, "crisis", json!({}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        crisis["message"],
        "Incidencia en curso: no publiquéis nada."
    );
    let feed: Value = app
        .call(&ana, "feed", json!({"query": {"topic": null, "q": ""}}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        feed["crisis"]["message"],
        "Incidencia en curso: no publiquéis nada."
    );
    for path in ["/", "/profile"] {
        let html = app.get(&ana, path).await.text().await.unwrap();
        assert!(html.contains("Incidencia en curso"), "banner on {path}");
    }

    let admin = app.signed_in("admin@example.com").await;
    assert_eq!(
        app.call(
            &admin,
            "crisis/set",
            json!({"on": false, "message": "", "procedure": ""})
        )
        .await
        .status(),
        StatusCode::OK
    );
    assert_eq!(
        app.call(&ana, "crisis", json!({}))
            .await
            .json::<Value>()
            .await
            .unwrap(),
        Value::Null
    );
    assert!(!app
        .get(&ana, "/")
        .await
        .text()
        .await
        .unwrap()
        .contains("Incidencia en curso"));

    let log: Vec<Value> = app
        .call(
            &admin,
            "audit",
            json!({"query": {"subject_type": null, "subject_id": null, "action": "crisis."}}),
        )
        .await
        .json()
        .await
        .unwrap();
    let actions: Vec<&str> = log.iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions, vec!["crisis.off", "crisis.on"]);
    assert_eq!(log[1]["actor_name"], "Pablo Herrera");
}

async fn the_audit_trail_records_every_transition_and_is_for_oversight_only(app: TestApp) {
    let id = live_post(&app, post_json("Con historial", &[])).await;
    let admin = app.signed_in("admin@example.com").await;
    let log: Vec<Value> = app
        .call(
            &admin,
            "audit",
            json!({"query": {"subject_type": "post", "subject_id": id, "action": null}}),
        )
        .await
        .json()
        .await
        .unwrap();
    let actions: Vec<&str> = log.iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(
        actions,
        vec!["post.approved", "post.submitted", "post.created"]
    );
    let approved: Value = serde_json::from_str(log[0]["detail"].as_str().unwrap()).unwrap();
    assert_eq!(approved["from"], "in_review");
    assert_eq!(approved["to"], "approved");
    for who in [
        "editor@example.com",
        "ana@example.com",
        "manager@example.com",
    ] {
        let c = app.signed_in(who).await;
        assert_eq!(
            app.call(
                &c,
                "audit",
                json!({"query": {"subject_type": null, "subject_id": null, "action": null}})
            )
            .await
            .status(),
            StatusCode::FORBIDDEN,
            "{who}"
        );
    }
    let approver = app.signed_in("approver@example.com").await;
    assert_eq!(
        app.call(
            &approver,
            "audit",
            json!({"query": {"subject_type": null, "subject_id": null, "action": null}})
        )
        .await
        .status(),
        StatusCode::OK
    );
}

pub const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82";

pub async fn upload(app: &TestApp, who: &Client, bytes: Vec<u8>) -> reqwest::Response {
    let part = reqwest::multipart::Part::bytes(bytes)
        .file_name("pic.png")
        .mime_str("image/png")
        .unwrap();
    let form = reqwest::multipart::Form::new().part("image", part);
    who.post(app.url("/api/images/upload"))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

async fn images_are_checked_stored_and_served_to_signed_in_people(app: TestApp) {
    let editor = app.signed_in("editor@example.com").await;
    let res = upload(&app, &editor, PNG.to_vec()).await;
    assert_eq!(res.status(), StatusCode::OK);
    let image: i64 = res.json().await.unwrap();

    let res = upload(&app, &editor, b"<svg onload=alert(1)></svg>".to_vec()).await;
    assert_eq!(
        error_of(res).await,
        json!({"Invalid": [{"field": "image", "code": "ImageType"}]})
    );
    let mut huge = PNG.to_vec();
    huge.resize(6 * 1024 * 1024, 0);
    let res = upload(&app, &editor, huge).await;
    assert_eq!(
        error_of(res).await,
        json!({"Invalid": [{"field": "image", "code": {"ImageTooLarge": {"max_mb": 5}}}]})
    );
    let ana = app.signed_in("ana@example.com").await;
    assert_eq!(
        upload(&app, &ana, PNG.to_vec()).await.status(),
        StatusCode::FORBIDDEN,
        "only editors (and trainers) upload"
    );

    let mut input = post_json("Con imagen", &[]);
    input["image_id"] = json!(image);
    let id = live_post(&app, input).await;
    let feed: Value = app
        .call(&ana, "feed", json!({"query": {"topic": null, "q": ""}}))
        .await
        .json()
        .await
        .unwrap();
    let card = feed["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .unwrap()
        .clone();
    let src = card["image_url"].as_str().unwrap().to_string();
    let res = app.get(&ana, &src).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "image/png");
    assert_eq!(res.bytes().await.unwrap().as_ref(), PNG);
    assert_eq!(
        app.get(&app.browser(), &src).await.status(),
        StatusCode::UNAUTHORIZED
    );
}

async fn post_text_is_rendered_safely(app: TestApp) {
    let mut input = post_json("Con trampa", &[]);
    input["body"] = json!(
        "Hola <script>alert('x')</script> [clic](javascript:alert(1)) <img src=x onerror=alert(1)>"
    );
    let id = live_post(&app, input).await;
    let ana = app.signed_in("ana@example.com").await;
    let view: Value = app
        .call(&ana, "posts/view", json!({"id": id}))
        .await
        .json()
        .await
        .unwrap();
    let html = view["body_html"].as_str().unwrap();
    assert!(
        !html.contains("<script") && !html.contains("javascript:") && !html.contains("onerror"),
        "{html}"
    );
    let page = app
        .get(&ana, &format!("/posts/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(!page.contains("alert('x')</script>"));
}

async fn the_feed_filters_by_topic_and_search(app: TestApp) {
    let mut a = post_json("Nueva oficina en Sevilla", &[]);
    a["topics"] = json!(["Oficinas"]);
    live_post(&app, a).await;
    let mut b = post_json("Premio de diseño", &[]);
    b["topics"] = json!(["Diseño", "Premios"]);
    b["important"] = json!(true);
    live_post(&app, b).await;
    let ana = app.signed_in("ana@example.com").await;
    let feed: Value = app
        .call(&ana, "feed", json!({"query": {"topic": null, "q": ""}}))
        .await
        .json()
        .await
        .unwrap();
    let topics: Vec<&str> = feed["topics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    assert!(topics.contains(&"Oficinas") && topics.contains(&"Premios"));
    assert!(
        feed["items"][0]["important"].as_bool().unwrap(),
        "important first"
    );

    let by_topic: Value = app
        .call(
            &ana,
            "feed",
            json!({"query": {"topic": "oficinas", "q": ""}}),
        )
        .await
        .json()
        .await
        .unwrap();
    let titles: Vec<&str> = by_topic["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, vec!["Nueva oficina en Sevilla"]);
    let by_word: Value = app
        .call(
            &ana,
            "feed",
            json!({"query": {"topic": null, "q": "DISEÑO"}}),
        )
        .await
        .json()
        .await
        .unwrap();
    let titles: Vec<&str> = by_word["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["title"].as_str().unwrap())
        .collect();
    assert!(titles.contains(&"Premio de diseño"), "{titles:?}");
    let unaccented: Value = app
        .call(
            &ana,
            "feed",
            json!({"query": {"topic": null, "q": "diseno"}}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        unaccented["items"].as_array().unwrap().len(),
        1,
        "accents do not matter: {unaccented}"
    );
}

async fn the_studio_shows_phases_and_the_supply_indicator(app: TestApp) {
    let editor = app.signed_in("editor@example.com").await;
    let studio: Value = app
        .call(&editor, "studio", json!({}))
        .await
        .json()
        .await
        .unwrap();
    let phases: Vec<&str> = studio["posts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["phase"].as_str().unwrap())
        .collect();
    for phase in [
        "draft",
        "in_review",
        "scheduled",
        "live",
        "expired",
        "retracted",
    ] {
        assert!(phases.contains(&phase), "the demo has a {phase} post");
    }
    let supply = &studio["supply"];
    let live = supply["live_last_7_days"].as_i64().unwrap();
    let ambassadors = supply["active_ambassadors"].as_i64().unwrap();
    assert_eq!(ambassadors, 24);
    assert!(live >= 5, "{live}");
    let per_100 = supply["per_100"].as_f64().unwrap();
    assert!((per_100 - live as f64 * 100.0 / ambassadors as f64).abs() < 1e-9);
    assert_eq!(supply["target_per_100"], 3.5);
    let html = app.get(&editor, "/studio").await.text().await.unwrap();
    assert!(
        html.contains("<svg") && html.contains("data-testid=\"supply\""),
        "the gauge is drawn on the server"
    );
}
