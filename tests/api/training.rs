//! Training over HTTP: who sees which course, quizzes graded on the server
//! without leaking answers, attempts and their limit, certificates and their
//! public verification, editions, sharing gated by a course, and reports
//! scoped to a manager's teams.

use crate::helpers::{error_of, TestApp};
use crate::on_both_backends;
use crate::posts::{live_post, post_json, team_id, upload, PNG};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

on_both_backends!(
    learners_see_only_the_courses_assigned_to_them,
    quizzes_are_graded_on_the_server_and_never_leak_answers,
    attempts_are_limited_and_a_repeated_submission_counts_once,
    sequential_courses_open_items_in_order,
    completing_a_course_issues_a_certificate_anyone_can_verify,
    gated_posts_are_shared_only_with_a_valid_certificate,
    quizzes_without_a_correct_option_cannot_be_published,
    a_typo_fix_keeps_progress_and_a_new_edition_asks_to_recertify,
    managers_see_their_teams_training_and_nothing_else,
);

async fn json_of(res: reqwest::Response) -> Value {
    let status = res.status();
    let body: Value = res.json().await.expect("json body");
    assert!(status.is_success(), "{status}: {body}");
    body
}

async fn my_courses(app: &TestApp, who: &Client) -> Vec<Value> {
    json_of(app.call(who, "learn/courses", json!({})).await)
        .await
        .as_array()
        .unwrap()
        .clone()
}

/// The demo's Spanish "Social media policy" course, as its trainer sees it.
async fn policy_course(app: &TestApp, trainer: &Client) -> (i64, Value) {
    let list = json_of(app.call(trainer, "training/courses", json!({})).await).await;
    let id = list
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["title"] == "Política de redes sociales")
        .expect("demo course")["id"]
        .as_i64()
        .unwrap();
    (id, detail(app, trainer, id).await)
}

async fn detail(app: &TestApp, trainer: &Client, id: i64) -> Value {
    json_of(
        app.call(trainer, "training/course", json!({"id": id}))
            .await,
    )
    .await
}

fn items(doc: &Value) -> Vec<Value> {
    doc["input"]["modules"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|m| m["items"].as_array().unwrap().clone())
        .collect()
}

/// Answers to a quiz item: the correct options, or the first option of each question.
fn answers(item: &Value, right: bool) -> Value {
    let questions = item["quiz"]["questions"].as_array().unwrap();
    Value::Array(
        questions
            .iter()
            .map(|q| {
                let options = q["options"].as_array().unwrap();
                let chosen: Vec<Value> = if right {
                    options
                        .iter()
                        .filter(|o| o["correct"] == true)
                        .map(|o| o["id"].clone())
                        .collect()
                } else {
                    vec![options[0]["id"].clone()]
                };
                json!([q["id"], chosen])
            })
            .collect(),
    )
}

async fn submit(
    app: &TestApp,
    who: &Client,
    course: i64,
    item: &Value,
    attempt: u32,
    right: bool,
) -> reqwest::Response {
    let submission = json!({
        "course_id": course,
        "item_id": item["id"],
        "attempt": attempt,
        "answers": answers(item, right),
    });
    app.call(who, "learn/quiz/submit", json!({"submission": submission}))
        .await
}

/// Takes the whole course right; returns the certificate code.
async fn complete(app: &TestApp, who: &Client, course: i64, doc: &Value) -> String {
    let mut code = None;
    for item in items(doc) {
        let ids = json!({"course_id": course, "item_id": item["id"]});
        if item["quiz"].is_null() {
            json_of(app.call(who, "learn/lesson", ids.clone()).await).await;
            code = json_of(app.call(who, "learn/lesson/done", ids).await)
                .await
                .as_str()
                .map(str::to_string);
        } else {
            let quiz = json_of(app.call(who, "learn/quiz", ids).await).await;
            let attempt = quiz["attempt"].as_u64().unwrap() as u32;
            let outcome = json_of(submit(app, who, course, &item, attempt, true).await).await;
            assert_eq!(outcome["graded"]["passed"], true, "{outcome}");
            code = outcome["certificate"].as_str().map(str::to_string);
        }
    }
    code.expect("the last item completes the course")
}

fn course_json(title: &str, quiz_correct: bool) -> Value {
    json!({
        "version": 0,
        "title": title,
        "summary": "Un curso corto.",
        "lang": "es",
        "minutes": 5,
        "cover_image": null,
        "sequential": true,
        "validity_months": 12,
        "audience": {"teams": [], "locations": [], "langs": []},
        "mandatory": false,
        "due": null,
        "translation_of": null,
        "modules": [{
            "title": "Único",
            "items": [
                {"id": 0, "title": "Lee esto", "body": "### Hola\n\n<script>alert(1)</script>Texto.", "quiz": null},
                {"id": 0, "title": "Comprueba", "body": "", "quiz": {
                    "rules": {"pass_mark": 100, "max_attempts": 2, "shuffle": true},
                    "questions": [{
                        "id": 0, "kind": "single", "text": "¿Dos más dos?", "explanation": "Son cuatro.",
                        "options": [
                            {"id": 0, "text": "Tres", "correct": false},
                            {"id": 0, "text": "Cuatro", "correct": quiz_correct}
                        ]
                    }]
                }}
            ]
        }]
    })
}

/// A course created and published by the demo trainer; returns (id, detail).
async fn published_course(app: &TestApp, input: Value) -> (i64, Value) {
    let trainer = app.signed_in("trainer@example.com").await;
    let id = json_of(
        app.call(&trainer, "training/create", json!({"input": input}))
            .await,
    )
    .await
    .as_i64()
    .unwrap();
    json_of(
        app.call(
            &trainer,
            "training/publish",
            json!({"id": id, "new_edition": false}),
        )
        .await,
    )
    .await;
    (id, detail(app, &trainer, id).await)
}

async fn learners_see_only_the_courses_assigned_to_them(app: TestApp) {
    let ana = app.signed_in("ana@example.com").await;
    let luis = app.signed_in("luis@example.com").await;
    // The demo course exists in Spanish and English: each sees their own language.
    let titles = |cards: &[Value]| -> Vec<String> {
        cards
            .iter()
            .map(|c| c["title"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        titles(&my_courses(&app, &ana).await),
        ["Política de redes sociales"]
    );
    assert_eq!(
        titles(&my_courses(&app, &luis).await),
        ["Social media policy"]
    );

    let engineering = team_id(&app, "Ingeniería").await;
    let mut input = course_json("Solo para Ingeniería", true);
    input["audience"]["teams"] = json!([engineering]);
    // Trainers upload covers; a cover that is not an uploaded image is refused.
    let trainer = app.signed_in("trainer@example.com").await;
    let res = upload(&app, &trainer, PNG.to_vec()).await;
    assert_eq!(res.status(), StatusCode::OK);
    let cover: i64 = res.json().await.unwrap();
    input["cover_image"] = json!(cover + 1000);
    let res = app
        .call(&trainer, "training/create", json!({"input": input.clone()}))
        .await;
    assert_eq!(
        error_of(res).await,
        json!({"Invalid": [{"field": "cover_image", "code": "ImageType"}]})
    );
    input["cover_image"] = json!(cover);
    let (id, _) = published_course(&app, input).await;
    let card = my_courses(&app, &luis)
        .await
        .into_iter()
        .find(|c| c["id"] == id)
        .expect("Luis's new course");
    assert_eq!(card["cover_url"], format!("/images/{cover}"));
    assert!(titles(&my_courses(&app, &luis).await).contains(&"Solo para Ingeniería".to_string()));
    assert!(!titles(&my_courses(&app, &ana).await).contains(&"Solo para Ingeniería".to_string()));
    // Not assigned: as if it did not exist, by direct request too.
    let res = app.call(&ana, "learn/course", json!({"id": id})).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let first = json!({"course_id": id, "item_id": 1});
    let res = app.call(&ana, "learn/lesson", first).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    // A draft is nobody's to take.
    json_of(
        app.call(&trainer, "training/unpublish", json!({"id": id}))
            .await,
    )
    .await;
    let res = app.call(&luis, "learn/course", json!({"id": id})).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    // Ambassadors do not write courses.
    let res = app
        .call(
            &ana,
            "training/create",
            json!({"input": course_json("Mío", true)}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = app.call(&ana, "training/courses", json!({})).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

async fn quizzes_are_graded_on_the_server_and_never_leak_answers(app: TestApp) {
    let (id, doc) = published_course(&app, course_json("Aritmética", true)).await;
    let [lesson, quiz] = items(&doc).try_into().unwrap();
    let ana = app.signed_in("ana@example.com").await;
    let ids = json!({"course_id": id, "item_id": lesson["id"]});
    let view = json_of(app.call(&ana, "learn/lesson", ids.clone()).await).await;
    assert!(
        !view["body_html"].as_str().unwrap().contains("<script"),
        "lesson Markdown is sanitized: {}",
        view["body_html"]
    );
    json_of(app.call(&ana, "learn/lesson/done", ids).await).await;

    let raw = app
        .call(
            &ana,
            "learn/quiz",
            json!({"course_id": id, "item_id": quiz["id"]}),
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(
        raw.contains("¿Dos más dos?") && raw.contains("Cuatro"),
        "{raw}"
    );
    for leak in ["correct", "Son cuatro", "explanation"] {
        assert!(
            !raw.contains(leak),
            "the quiz leaks {leak:?} before answering: {raw}"
        );
    }

    let outcome = json_of(submit(&app, &ana, id, &quiz, 1, false).await).await;
    assert_eq!(outcome["graded"]["passed"], false);
    assert_eq!(outcome["graded"]["score"], 0);
    let result = &outcome["graded"]["results"][0];
    assert_eq!(result["correct"], false);
    assert_eq!(result["explanation"], "Son cuatro.");
    assert_eq!(
        result["correct_options"],
        json!([]),
        "which option was right stays hidden while a retry is left"
    );
    assert_eq!(outcome["attempts_left"], 1);
    assert_eq!(outcome["may_retry"], true);

    // Options of another question, or made up, count for nothing.
    let bogus = json!({"submission": {"course_id": id, "item_id": quiz["id"], "attempt": 2,
        "answers": [[quiz["quiz"]["questions"][0]["id"], [99999]]]}});
    let outcome = json_of(app.call(&ana, "learn/quiz/submit", bogus).await).await;
    assert_eq!(outcome["graded"]["passed"], false);
    // No retry left: now the right option is shown.
    let right = quiz["quiz"]["questions"][0]["options"][1]["id"].clone();
    assert_eq!(outcome["may_retry"], false);
    assert_eq!(
        outcome["graded"]["results"][0]["correct_options"],
        json!([right])
    );
}

async fn attempts_are_limited_and_a_repeated_submission_counts_once(app: TestApp) {
    let (id, doc) = published_course(&app, course_json("Intentos", true)).await;
    let [lesson, quiz] = items(&doc).try_into().unwrap();
    let ana = app.signed_in("ana@example.com").await;
    let ids = json!({"course_id": id, "item_id": lesson["id"]});
    json_of(app.call(&ana, "learn/lesson/done", ids).await).await;

    // A double click: the same attempt twice at once is stored once, answered alike.
    let (a, b) = tokio::join!(
        submit(&app, &ana, id, &quiz, 1, false),
        submit(&app, &ana, id, &quiz, 1, false)
    );
    let (a, b) = (json_of(a).await, json_of(b).await);
    assert_eq!(a["graded"], b["graded"]);
    let view = json_of(
        app.call(
            &ana,
            "learn/quiz",
            json!({"course_id": id, "item_id": quiz["id"]}),
        )
        .await,
    )
    .await;
    assert_eq!(view["attempt"], 2, "one attempt used, not two");
    assert_eq!(view["attempts_left"], 1);

    // Skipping ahead is refused; the last attempt fails; then no more.
    let res = submit(&app, &ana, id, &quiz, 5, true).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    json_of(submit(&app, &ana, id, &quiz, 2, false).await).await;
    let res = submit(&app, &ana, id, &quiz, 3, true).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(error_of(res).await, json!("NoAttemptsLeft"));
    let card = json_of(app.call(&ana, "learn/course", json!({"id": id})).await).await;
    assert_eq!(card["card"]["status"], "failed");
}

async fn sequential_courses_open_items_in_order(app: TestApp) {
    let (id, doc) = published_course(&app, course_json("En orden", true)).await;
    let [lesson, quiz] = items(&doc).try_into().unwrap();
    let ana = app.signed_in("ana@example.com").await;
    let res = app
        .call(
            &ana,
            "learn/quiz",
            json!({"course_id": id, "item_id": quiz["id"]}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert_eq!(error_of(res).await, json!("ItemLocked"));
    let res = submit(&app, &ana, id, &quiz, 1, true).await;
    assert_eq!(
        res.status(),
        StatusCode::CONFLICT,
        "locked for submissions too"
    );

    let course = json_of(app.call(&ana, "learn/course", json!({"id": id})).await).await;
    let briefs = course["modules"][0]["items"].as_array().unwrap();
    assert_eq!(briefs[0]["locked"], false);
    assert_eq!(briefs[1]["locked"], true);
    assert_eq!(course["next_item"], lesson["id"]);

    // Resume: opening the lesson is remembered, reading it moves on.
    json_of(
        app.call(
            &ana,
            "learn/lesson/done",
            json!({"course_id": id, "item_id": lesson["id"]}),
        )
        .await,
    )
    .await;
    let course = json_of(app.call(&ana, "learn/course", json!({"id": id})).await).await;
    assert_eq!(course["next_item"], quiz["id"]);
    assert_eq!(course["card"]["done"], 1);
    assert_eq!(course["card"]["status"], "in_progress");
}

async fn completing_a_course_issues_a_certificate_anyone_can_verify(app: TestApp) {
    let trainer = app.signed_in("trainer@example.com").await;
    let (id, doc) = policy_course(&app, &trainer).await;
    let ana = app.signed_in("ana@example.com").await;
    let code = complete(&app, &ana, id, &doc).await;

    let cert = json_of(
        app.call(&ana, "learn/certificate", json!({"code": code}))
            .await,
    )
    .await;
    assert_eq!(cert["holder"], "Ana García");
    assert_eq!(cert["course_title"], "Política de redes sociales");
    assert_eq!(cert["state"], "valid");
    assert!(cert["valid_until"].is_string(), "valid for 12 months");
    let card = json_of(app.call(&ana, "learn/course", json!({"id": id})).await).await;
    assert_eq!(card["card"]["status"], "completed");
    assert_eq!(card["card"]["certificate"]["code"], code);

    // Public verification: no session, only what is needed to verify.
    let anyone = app.browser();
    let raw = app
        .call(&anyone, "verify", json!({"code": code.to_lowercase()}))
        .await
        .text()
        .await
        .unwrap();
    let v: Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(v["holder"], "Ana García");
    assert_eq!(v["course_title"], "Política de redes sociales");
    assert_eq!(v["state"], "valid");
    assert!(
        !raw.contains("ana@example.com") && !raw.contains("person"),
        "{raw}"
    );
    let page = app.get(&anyone, &format!("/verify/{code}")).await;
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.unwrap().contains("Ana García"));
    let res = app
        .call(&anyone, "verify", json!({"code": "ABCD-EFGH-JKLM"}))
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    // Someone else's certificate page is not theirs to open.
    let luis = app.signed_in("luis@example.com").await;
    let res = app
        .call(&luis, "learn/certificate", json!({"code": code}))
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

async fn gated_posts_are_shared_only_with_a_valid_certificate(app: TestApp) {
    let trainer = app.signed_in("trainer@example.com").await;
    let (course, doc) = policy_course(&app, &trainer).await;
    let mut input = post_json("Oferta solo para formados", &[]);
    input["required_course"] = json!(course);
    let post = live_post(&app, input).await;

    let ana = app.signed_in("ana@example.com").await;
    let kit = json_of(app.call(&ana, "share/kit", json!({"post_id": post})).await).await;
    assert_eq!(kit["links"], json!([]), "no links before the course");
    assert_eq!(kit["gate"]["course_id"], course);
    assert_eq!(kit["gate"]["title"], "Política de redes sociales");
    assert_eq!(kit["gate"]["minutes"], 15);
    // Every share path refuses: the server function and the plain form.
    let res = app
        .call(
            &ana,
            "share",
            json!({"post_id": post, "channel": "x", "text": ""}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        error_of(res).await,
        json!({"TrainingRequired": {"course_id": course, "title": "Política de redes sociales"}})
    );
    let res = ana
        .post(app.url("/share"))
        .form(&[("post_id", post.to_string().as_str()), ("channel", "x")])
        .header("Accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    complete(&app, &ana, course, &doc).await;
    let kit = json_of(app.call(&ana, "share/kit", json!({"post_id": post})).await).await;
    assert!(kit["gate"].is_null());
    assert_eq!(kit["links"].as_array().unwrap().len(), 6);
    let res = app
        .call(
            &ana,
            "share",
            json!({"post_id": post, "channel": "x", "text": ""}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);

    // Luis is certified in the English translation: that counts too, for
    // sharing and on his courses even when he switches to Spanish.
    let luis = app.signed_in("luis@example.com").await;
    let kit = json_of(app.call(&luis, "share/kit", json!({"post_id": post})).await).await;
    assert!(kit["gate"].is_null(), "{kit}");
    let res = app.form(&luis, "language", &[("lang", "es")]).await;
    assert!(res.status().is_success() || res.status().is_redirection());
    let cards = my_courses(&app, &luis).await;
    assert_eq!(cards.len(), 1, "{cards:?}");
    assert_eq!(cards[0]["title"], "Política de redes sociales");
    assert_eq!(cards[0]["status"], "completed", "{}", cards[0]);
    // Ana's colleague without the course sees the way to it, in her language.
    let paula = app.signed_in("paula.jimenez@example.com").await;
    let kit = json_of(
        app.call(&paula, "share/kit", json!({"post_id": post}))
            .await,
    )
    .await;
    assert!(kit["gate"]["course_id"].is_i64(), "{kit}");
}

async fn quizzes_without_a_correct_option_cannot_be_published(app: TestApp) {
    let trainer = app.signed_in("trainer@example.com").await;
    let id = json_of(
        app.call(
            &trainer,
            "training/create",
            json!({"input": course_json("Sin respuesta", false)}),
        )
        .await,
    )
    .await
    .as_i64()
    .unwrap();
    let res = app
        .call(
            &trainer,
            "training/publish",
            json!({"id": id, "new_edition": false}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        error_of(res).await,
        json!({"Invalid": [{"field": "item-1", "code": "NoCorrectOption"}]})
    );
    let d = detail(&app, &trainer, id).await;
    assert_eq!(d["status"], "draft");
    assert_eq!(
        d["problems"],
        json!([{"field": "item-1", "code": "NoCorrectOption"}])
    );
    // A title is required, and a stale version is refused.
    let mut input = d["input"].clone();
    input["title"] = json!("  ");
    let res = app
        .call(
            &trainer,
            "training/update",
            json!({"id": id, "input": input}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let mut input = d["input"].clone();
    input["version"] = json!(0);
    let res = app
        .call(
            &trainer,
            "training/update",
            json!({"id": id, "input": input}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
}

async fn a_typo_fix_keeps_progress_and_a_new_edition_asks_to_recertify(app: TestApp) {
    let (id, doc) = published_course(&app, course_json("Ediciones", true)).await;
    let ana = app.signed_in("ana@example.com").await;
    let code = complete(&app, &ana, id, &doc).await;

    // A typo fix: same items, progress and certificate kept.
    let trainer = app.signed_in("trainer@example.com").await;
    let mut input = doc["input"].clone();
    input["modules"][0]["items"][0]["title"] = json!("Lee esto, por favor");
    json_of(
        app.call(
            &trainer,
            "training/update",
            json!({"id": id, "input": input}),
        )
        .await,
    )
    .await;
    let course = json_of(app.call(&ana, "learn/course", json!({"id": id})).await).await;
    assert_eq!(course["card"]["status"], "completed");
    assert_eq!(course["card"]["done"], 2);
    assert_eq!(
        course["modules"][0]["items"][0]["title"],
        "Lee esto, por favor"
    );

    // A new edition: the certificate is outdated and the course can be taken again.
    json_of(
        app.call(
            &trainer,
            "training/publish",
            json!({"id": id, "new_edition": true}),
        )
        .await,
    )
    .await;
    let v = json_of(
        app.call(&app.browser(), "verify", json!({"code": code}))
            .await,
    )
    .await;
    assert_eq!(v["state"], "outdated");
    let course = json_of(app.call(&ana, "learn/course", json!({"id": id})).await).await;
    assert_eq!(course["may_recertify"], true);
    assert_ne!(course["card"]["status"], "completed");
    json_of(app.call(&ana, "learn/recertify", json!({"id": id})).await).await;
    let course = json_of(app.call(&ana, "learn/course", json!({"id": id})).await).await;
    assert_eq!(
        course["card"]["done"], 0,
        "a new round starts from the beginning"
    );
    let again = complete(&app, &ana, id, &doc).await;
    assert_ne!(again, code);
    let course = json_of(app.call(&ana, "learn/course", json!({"id": id})).await).await;
    assert_eq!(course["card"]["status"], "completed");
}

async fn managers_see_their_teams_training_and_nothing_else(app: TestApp) {
    let trainer = app.signed_in("trainer@example.com").await;
    let (course, _) = policy_course(&app, &trainer).await;
    let manager = app.signed_in("manager@example.com").await;
    let report = json_of(
        app.call(
            &manager,
            "training/report",
            json!({"course_id": course, "team": null}),
        )
        .await,
    )
    .await;
    let names: Vec<&str> = report["learners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"Sofía López") && names.contains(&"Ana García"),
        "{names:?}"
    );
    assert!(
        !names.contains(&"Luis Fernández"),
        "Ingeniería is not his team: {names:?}"
    );
    let counts = &report["counts"];
    assert!(counts["completed"].as_u64().unwrap() >= 2, "{counts}");
    assert_eq!(
        counts["failed"], 1,
        "Valentina used every attempt: {counts}"
    );

    let engineering = team_id(&app, "Ingeniería").await;
    let res = app
        .call(
            &manager,
            "training/report",
            json!({"course_id": course, "team": engineering}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let csv = app
        .get(
            &manager,
            &format!("/training/report.csv?course={course}&team={engineering}"),
        )
        .await;
    assert_eq!(csv.status(), StatusCode::FORBIDDEN);
    let ana = app.signed_in("ana@example.com").await;
    let res = app
        .call(
            &ana,
            "training/report",
            json!({"course_id": course, "team": null}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    // The CSV has the same people as the page.
    let csv = app
        .get(&manager, &format!("/training/report.csv?course={course}"))
        .await;
    assert_eq!(csv.status(), StatusCode::OK);
    assert!(csv.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let text = csv.text().await.unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("name,team,status,done,total,score,certified_until")
    );
    assert_eq!(lines.count(), names.len());
    assert!(
        text.contains("Sofía López,Ventas,completed,9,9,100,"),
        "{text}"
    );
    assert!(text.contains("Valentina Rojas,"), "{text}");

    // Trainers see every team. Luis took the English version: he is counted there.
    let report_of = |id: i64| {
        let (app, trainer) = (&app, &trainer);
        async move {
            json_of(
                app.call(
                    trainer,
                    "training/report",
                    json!({"course_id": id, "team": null}),
                )
                .await,
            )
            .await
        }
    };
    let names_in = |r: &Value| -> Vec<String> {
        r["learners"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["name"].as_str().unwrap().to_string())
            .collect()
    };
    let spanish = names_in(&report_of(course).await);
    assert!(spanish.contains(&"Lucía Romero".to_string()));
    assert!(
        !spanish.contains(&"Luis Fernández".to_string()),
        "{spanish:?}"
    );
    let list = json_of(app.call(&trainer, "training/courses", json!({})).await).await;
    let english = list
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["title"] == "Social media policy")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let english = report_of(english).await;
    let luis = english["learners"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["name"] == "Luis Fernández")
        .expect("Luis in the English report")
        .clone();
    assert_eq!(luis["status"], "completed");
}
