//! Leaderboards over HTTP: who sees which board (server functions, direct
//! URLs and the CSV download alike), opting out, points rules, and counters
//! that always equal a recomputation from the recorded events.

use crate::helpers::{error_of, TestApp};
use crate::on_both_backends;
use crate::posts::{live_post, post_json, team_id};
use crate::sharing::{kit, share, visit, CHROME, FIREFOX};
use chrono::Datelike;
use portavoz::model::leaderboard::{period_key, BoardScope, Period, PeriodKey, PeriodKind};
use portavoz::server::db::board_totals;
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use std::time::Duration;

on_both_backends!(
    boards_follow_roles_and_the_admins_settings,
    opting_out_leaves_every_board_but_not_ones_own_numbers,
    a_points_rule_change_recomputes_every_total,
    counters_equal_a_recomputation_from_events,
    my_data_holds_everything_recorded_and_nothing_about_visitors,
    custom_ranges_sum_the_days_and_are_bounded,
    campaign_boards_count_a_topics_posts_between_their_dates,
);

async fn board(app: &TestApp, who: &Client, scope: Value, period: Value) -> reqwest::Response {
    app.call(
        who,
        "boards/board",
        json!({"scope": scope, "period": period}),
    )
    .await
}

async fn board_ok(app: &TestApp, who: &Client, scope: Value, period: Value) -> Value {
    let res = board(app, who, scope, period).await;
    let status = res.status();
    let body: Value = res.json().await.unwrap();
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

fn scopes(board: &Value) -> Vec<Value> {
    board["choices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["scope"].clone())
        .collect()
}

fn names(board: &Value) -> Vec<String> {
    board["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap().to_string())
        .collect()
}

async fn save_settings(app: &TestApp, who: &Client, settings: Value) -> reqwest::Response {
    app.call(who, "boards/settings/save", json!({ "settings": settings }))
        .await
}

async fn settings(app: &TestApp, admin: &Client) -> Value {
    let res = app.call(admin, "boards/settings", json!({})).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

async fn boards_follow_roles_and_the_admins_settings(app: TestApp) {
    let ventas = team_id(&app, "Ventas").await;
    let marketing = team_id(&app, "Marketing").await;
    let (ana, manager, admin) = (
        app.signed_in("ana@example.com").await,
        app.signed_in("manager@example.com").await,
        app.signed_in("admin@example.com").await,
    );
    let team = |id: i64| json!({"kind": "team", "id": id});
    let company = json!({"kind": "company"});

    // Defaults: an ambassador sees her own team's board, nothing else.
    let mine = board_ok(&app, &ana, Value::Null, json!("all_time")).await;
    assert_eq!(mine["scope"], team(ventas));
    assert_eq!(scopes(&mine), [team(ventas)]);
    assert!(!names(&mine).is_empty(), "the demo's sales team has points");
    for scope in [company.clone(), team(marketing)] {
        let res = board(&app, &ana, scope.clone(), json!("month")).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "ana, {scope}");
    }
    let res = ana
        .get(app.url("/leaderboard.csv?scope=company&period=all"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        StatusCode::FORBIDDEN,
        "the download follows the same rule"
    );
    let res = ana
        .get(app.url(&format!(
            "/leaderboard.csv?scope=team-{marketing}&period=all"
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    // A manager: the teams they manage, not another.
    let theirs = board_ok(&app, &manager, Value::Null, json!("month")).await;
    assert!(scopes(&theirs).contains(&team(ventas)));
    assert!(!scopes(&theirs).contains(&team(marketing)));
    assert_eq!(
        board(&app, &manager, team(marketing), json!("month"))
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    // Admins see every board; only they change the settings.
    let all = board_ok(&app, &admin, company.clone(), json!("quarter")).await;
    assert!(scopes(&all).contains(&team(marketing)));
    let mut s = settings(&app, &admin).await;
    assert_eq!(
        app.call(&manager, "boards/settings", json!({}))
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        save_settings(&app, &manager, s.clone()).await.status(),
        StatusCode::FORBIDDEN
    );

    // Team boards off: gone for members and managers, a server function
    // called directly included; one's own numbers stay.
    s["team"] = json!("off");
    assert_eq!(
        save_settings(&app, &admin, s.clone()).await.status(),
        StatusCode::OK
    );
    let none = board_ok(&app, &ana, Value::Null, json!("all_time")).await;
    assert!(scopes(&none).is_empty());
    assert!(names(&none).is_empty());
    assert!(
        none["me"]["points"].as_i64().unwrap() > 0,
        "her own points: {none}"
    );
    assert_eq!(
        board(&app, &ana, team(ventas), json!("month"))
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        board(&app, &manager, team(ventas), json!("month"))
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let off = board_ok(&app, &admin, team(ventas), json!("month")).await;
    let choice = off["choices"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["scope"] == team(ventas))
        .unwrap()
        .clone();
    assert_eq!(choice["off"], true, "admins see it marked off");

    // The company board opened to everyone.
    s["company"] = json!("everyone");
    assert_eq!(
        save_settings(&app, &admin, s.clone()).await.status(),
        StatusCode::OK
    );
    let open = board_ok(&app, &ana, company.clone(), json!("all_time")).await;
    assert!(open["entries"].as_array().unwrap().len() > 1);
    let csv = ana
        .get(app.url("/leaderboard.csv?scope=company&period=all"))
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), StatusCode::OK);
    let text = csv.text().await.unwrap();
    assert!(text.starts_with("rank,name,team,points,shares,human_clicks,unique_visitors\n"));
    assert_eq!(
        text.lines().count(),
        open["entries"].as_array().unwrap().len() + 1
    );
    let first = &open["entries"][0];
    assert!(
        text.lines()
            .nth(1)
            .unwrap()
            .starts_with(&format!("1,{},", first["name"].as_str().unwrap())),
        "{text}"
    );
}

async fn opting_out_leaves_every_board_but_not_ones_own_numbers(app: TestApp) {
    let admin = app.signed_in("admin@example.com").await;
    let ana = app.signed_in("ana@example.com").await;
    let company = json!({"kind": "company"});
    let before = board_ok(&app, &admin, company.clone(), json!("all_time")).await;
    assert!(
        names(&before).contains(&"Ana García".to_string()),
        "{before}"
    );
    let mine = board_ok(&app, &ana, Value::Null, json!("all_time")).await;
    let points = mine["me"]["points"].as_i64().unwrap();
    assert!(points > 0 && mine["me"]["rank"].as_u64().is_some());

    let res = app.form(&ana, "boards/opt-out", &[("out", "true")]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let after = board_ok(&app, &admin, company.clone(), json!("all_time")).await;
    assert!(
        !names(&after).contains(&"Ana García".to_string()),
        "off the company board"
    );
    assert_eq!(names(&after).len(), names(&before).len() - 1);
    let csv = admin
        .get(app.url("/leaderboard.csv?scope=company&period=all"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!csv.contains("Ana García"), "off the download too");
    let own = board_ok(&app, &ana, Value::Null, json!("all_time")).await;
    assert!(
        !names(&own).contains(&"Ana García".to_string()),
        "off her team's board"
    );
    assert_eq!(
        own["me"]["points"].as_i64().unwrap(),
        points,
        "she still sees her numbers"
    );
    assert!(own["me"]["rank"].is_null());
    assert_eq!(own["me"]["opted_out"], true);
    points_match(&app, "opted out").await;

    // Her later activity still counts for her, and she can come back.
    let post = live_post(&app, post_json("Nueva tienda", &[])).await;
    assert_eq!(
        share(&app, &ana, post, "x", "¡Mirad!").await.status(),
        StatusCode::SEE_OTHER
    );
    let res = app.form(&ana, "boards/opt-out", &[("out", "false")]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let back = board_ok(&app, &admin, company, json!("all_time")).await;
    let entry = back["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "Ana García")
        .expect("back on the board")
        .clone();
    assert_eq!(
        entry["points"].as_i64().unwrap(),
        points + 10,
        "a share is worth 10 by default"
    );
    points_match(&app, "back on the boards").await;
}

async fn a_points_rule_change_recomputes_every_total(app: TestApp) {
    let admin = app.signed_in("admin@example.com").await;
    let ana = app.signed_in("ana@example.com").await;
    let mut s = settings(&app, &admin).await;
    assert_eq!(
        s["rules"],
        json!({"share": 10, "human_click": 1, "unique_visitor": 2, "course_completed": 50, "suggestion_approved": 20})
    );
    let before = board_ok(&app, &ana, Value::Null, json!("all_time")).await;
    let a = &before["me"]["activity"];
    let shares = a["shares"].as_i64().unwrap();
    assert!(shares > 0);

    s["rules"] = json!({"share": 100, "human_click": 0, "unique_visitor": 0, "course_completed": 0, "suggestion_approved": 0});
    assert_eq!(
        save_settings(&app, &admin, s.clone()).await.status(),
        StatusCode::OK
    );
    let after = board_ok(&app, &ana, Value::Null, json!("all_time")).await;
    assert_eq!(after["me"]["points"].as_i64().unwrap(), shares * 100);
    points_match(&app, "after a rule change").await;
    for e in after["entries"].as_array().unwrap() {
        assert_eq!(
            e["points"].as_i64().unwrap(),
            e["shares"].as_i64().unwrap() * 100,
            "{e}"
        );
    }
    let ranked: Vec<i64> = after["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["points"].as_i64().unwrap())
        .collect();
    assert!(
        ranked.windows(2).all(|w| w[0] >= w[1]),
        "highest first: {ranked:?}"
    );

    s["rules"]["share"] = json!(-1);
    let res = save_settings(&app, &admin, s).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error_of(res).await["Invalid"][0]["field"], "rules");
    assert_eq!(
        settings(&app, &admin).await["rules"]["share"],
        100,
        "nothing saved"
    );
}

/// One step of a random history: who shares which post where, or a click
/// on one of the links shared so far, by a person (one of a few browsers)
/// or a crawler.
#[derive(Debug, Clone)]
enum Step {
    Share {
        who: usize,
        post: usize,
        channel: usize,
    },
    Click {
        link: usize,
        visitor: usize,
        bot: bool,
    },
}

fn history() -> impl Strategy<Value = Vec<Step>> {
    let step = proptest::prop_oneof![
        (0..3usize, 0..2usize, 0..3usize).prop_map(|(who, post, channel)| Step::Share {
            who,
            post,
            channel
        }),
        (0..20usize, 0..4usize, proptest::bool::weighted(0.2))
            .prop_map(|(link, visitor, bot)| Step::Click { link, visitor, bot }),
    ];
    proptest::collection::vec(step, 10..40)
}

async fn counters_equal_a_recomputation_from_events(app: TestApp) {
    let people = [
        "ana@example.com",
        "luis@example.com",
        "sofia.lopez@example.com",
    ];
    let mut clients = Vec::new();
    for p in people {
        clients.push(app.signed_in(p).await);
    }
    let posts = [
        live_post(&app, post_json("Primera", &[])).await,
        live_post(&app, post_json("Segunda", &[])).await,
    ];
    let channels = ["x", "linkedin", "whatsapp"];
    let agents = [
        CHROME.to_string(),
        FIREFOX.to_string(),
        format!("{CHROME} Edg/131.0"),
        format!("{FIREFOX} Thunderbird"),
    ];
    let mut runner = TestRunner::deterministic();
    for round in 0..3 {
        if round == 1 {
            // Someone changes team: their history moves with them.
            let admin = app.signed_in("admin@example.com").await;
            let luis = app.person_id("luis@example.com").await;
            let ventas = team_id(&app, "Ventas").await;
            let form = json!({"email": "luis@example.com", "name": "Luis Martín", "roles": ["ambassador"],
                "team_id": ventas, "location_id": null, "lang": "es", "managed_team_ids": []});
            let res = app
                .call(&admin, "people/update", json!({"id": luis, "form": form}))
                .await;
            assert_eq!(res.status(), StatusCode::OK);
        }
        let steps = history().new_tree(&mut runner).unwrap().current();
        let mut links: Vec<String> = Vec::new();
        let before = app.state.db.click_totals().await.unwrap().1;
        let mut sent = 0;
        for step in &steps {
            match *step {
                Step::Share { who, post, channel } => {
                    let res =
                        share(&app, &clients[who], posts[post], channels[channel], "Hola").await;
                    assert_eq!(res.status(), StatusCode::SEE_OTHER);
                    let k = kit(&app, &clients[who], posts[post]).await;
                    for l in k["links"].as_array().unwrap() {
                        if l["channel"] == channels[channel] {
                            links.push(l["url"].as_str().unwrap().to_string());
                        }
                    }
                }
                Step::Click { link, visitor, bot } if !links.is_empty() => {
                    let url = &links[link % links.len()];
                    let agent = if bot {
                        "LinkedInBot/1.0"
                    } else {
                        &agents[visitor]
                    };
                    assert_eq!(visit(url, agent).await.status(), StatusCode::FOUND);
                    sent += 1;
                }
                Step::Click { .. } => {}
            }
        }
        // The click writer stores in the background: wait until it has.
        for _ in 0..200 {
            let raw = app.state.db.click_totals().await.unwrap().1;
            if raw.human_clicks + raw.bot_hits == before.human_clicks + before.bot_hits + sent {
                break;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        let check = app.state.db.counters_check().await.unwrap();
        let (stored, recomputed) = check;
        assert_eq!(
            stored, recomputed,
            "round {round}: daily counters = events ({steps:?})"
        );
        // And every kept total is the sum of its days.
        kept_totals_match(&app, &recomputed, &format!("round {round}")).await;
        // Analytics per scope, channel and post: the same events, summed by team.
        let (stored, derived) = app.state.db.analytics_check().await.unwrap();
        assert_eq!(stored, derived, "round {round}: analytics counters");
        // People who shared per period (the company's participation).
        let (kept, recount) = app.state.db.sharers_check().await.unwrap();
        assert_eq!(kept, recount, "round {round}: people who shared");
        assert!(
            stored.len() > 10,
            "round {round}: {} analytics rows",
            stored.len()
        );
    }
    // Rebuilding everything from the events (as an upgrade does, in SQL)
    // gives the same counters and totals as keeping them up to date did.
    let (before, _) = app.state.db.counters_check().await.unwrap();
    app.state.db.rebuild_counters().await.unwrap();
    let (after, recomputed) = app.state.db.counters_check().await.unwrap();
    assert_eq!(after, before, "rebuilt daily counters");
    assert_eq!(after, recomputed);
    kept_totals_match(&app, &recomputed, "after a rebuild").await;
    let (analytics, derived) = app.state.db.analytics_check().await.unwrap();
    assert_eq!(analytics, derived, "rebuilt analytics counters");
    points_match(&app, "after a rebuild").await;
}

/// People per number of points (what a company rank sums) equal a recount
/// of the totals, and ranks from them equal counting the board itself.
async fn points_match(app: &TestApp, when: &str) {
    let (stored, recount) = app.state.db.points_check().await.unwrap();
    assert_eq!(stored, recount, "{when}: people per points");
    let (kept, recount) = app.state.db.sharers_check().await.unwrap();
    assert_eq!(kept, recount, "{when}: people who shared");
    assert!(!kept.is_empty(), "{when}: someone shared");
    assert!(!stored.is_empty(), "{when}");
    let now = chrono::Utc::now();
    let db = &app.state.db;
    let dir = db.directory().await.unwrap();
    let scopes: Vec<BoardScope> = std::iter::once(BoardScope::Company)
        .chain(dir.teams.iter().map(|t| BoardScope::Team(t.id)))
        .chain(dir.locations.iter().map(|l| BoardScope::Location(l.id)))
        .collect();
    let mut team_rows = 0;
    for period in [Period::Week, Period::Month, Period::AllTime] {
        let key = period_key(period, now).unwrap();
        for &scope in &scopes {
            let top = db.board_top(key, scope, 10_000).await.unwrap();
            if matches!(scope, BoardScope::Team(_)) {
                team_rows += top.len();
            }
            // Each listed score, and someone with none (everyone listed is above).
            let points = top.iter().map(|r| r.points).chain([0]);
            for p in points {
                let (above, of) = db.board_rank(key, scope, p).await.unwrap();
                let counted = top.iter().filter(|r| r.points > p).count() as i64;
                assert_eq!(
                    (above, of),
                    (counted, top.len() as i64),
                    "{when}: {period:?}, {scope:?}, {p} points"
                );
            }
        }
    }
    assert!(team_rows > 0, "{when}: team boards were checked");
}

async fn kept_totals_match(app: &TestApp, days: &[portavoz::server::db::PersonDayRow], when: &str) {
    let mut seen = 0;
    for ((kind, start_day, person), d) in board_totals(days) {
        if !d.scores() {
            continue;
        }
        let kind = match kind {
            1 => PeriodKind::Week,
            2 => PeriodKind::Month,
            3 => PeriodKind::Quarter,
            _ => PeriodKind::AllTime,
        };
        let row = app
            .state
            .db
            .score_of(PeriodKey { kind, start_day }, person)
            .await
            .unwrap()
            .expect("a kept total");
        assert_eq!(
            (
                row.shares,
                row.human_clicks,
                row.unique_visitors,
                row.courses_completed
            ),
            (
                d.shares,
                d.human_clicks,
                d.unique_visitors,
                d.courses_completed
            ),
            "{when}: {kind:?} total from day {start_day} of person {person}"
        );
        seen += 1;
    }
    assert!(
        seen > 20,
        "{when}: the demo and the history give many totals ({seen})"
    );
}

async fn my_data_holds_everything_recorded_and_nothing_about_visitors(app: TestApp) {
    let ana = app.signed_in("ana@example.com").await;
    let res = ana.get(app.url("/my-data.json")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    let data: Value = res.json().await.unwrap();
    assert_eq!(data["email"], "ana@example.com");
    assert_eq!(data["name"], "Ana García");
    assert_eq!(data["on_boards"], true);
    let posts = data["posts"].as_array().unwrap();
    let days = data["days"].as_array().unwrap();
    assert!(!posts.is_empty() && !days.is_empty(), "{data}");
    // The days and the posts are two views of the same clicks.
    let sum = |rows: &[Value], f: &dyn Fn(&Value) -> i64| rows.iter().map(f).sum::<i64>();
    assert_eq!(
        sum(days, &|d| d["human_clicks"].as_i64().unwrap()),
        sum(posts, &|p| p["figures"]["human_clicks"].as_i64().unwrap())
    );
    assert_eq!(
        sum(days, &|d| d["shares"].as_i64().unwrap()),
        sum(posts, &|p| p["figures"]["shares"].as_i64().unwrap())
    );
    // Per day only numbers: no visitor key, address or agent anywhere.
    let mut keys: Vec<&str> = days[0]
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "bot_hits",
            "courses_completed",
            "day",
            "human_clicks",
            "potential_reach",
            "shares",
            "suggestions_approved",
            "unique_visitors"
        ]
    );
    let text = data.to_string();
    assert!(!text.contains("127.0.0.1") && !text.contains("Mozilla"));
    // The same points as on her board.
    let board = board_ok(&app, &ana, Value::Null, json!("all_time")).await;
    assert_eq!(data["points"], board["me"]["points"]);
    assert!(
        !data["courses"].as_array().unwrap().is_empty(),
        "her assigned courses"
    );
    // Nobody else's, and not without signing in.
    let res = app
        .browser()
        .get(app.url("/my-data.json"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let res = app.call(&app.browser(), "me/data", json!({})).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}

async fn custom_ranges_sum_the_days_and_are_bounded(app: TestApp) {
    let admin = app.signed_in("admin@example.com").await;
    let ana = app.signed_in("ana@example.com").await;
    let company = json!({"kind": "company"});
    let today = chrono::Utc::now().date_naive();
    let first = today.with_day(1).unwrap();
    let custom = json!({"custom": {"from": first.to_string(), "to": today.to_string()}});
    // From the 1st to today is this month: the same board, summed from days.
    let month = board_ok(&app, &admin, company.clone(), json!("month")).await;
    let range = board_ok(&app, &admin, company.clone(), custom.clone()).await;
    assert!(!month["entries"].as_array().unwrap().is_empty());
    assert_eq!(range["entries"], month["entries"]);
    assert_eq!(range["me"]["of"], month["me"]["of"]);
    let mine = board_ok(&app, &ana, Value::Null, custom.clone()).await;
    let by_month = board_ok(&app, &ana, Value::Null, json!("month")).await;
    assert_eq!(mine["me"]["rank"], by_month["me"]["rank"]);
    assert_eq!(mine["me"]["points"], by_month["me"]["points"]);
    // Dates given backwards are put right; more than a year is refused.
    let backwards = json!({"custom": {"from": today.to_string(), "to": first.to_string()}});
    assert_eq!(
        board_ok(&app, &admin, company.clone(), backwards).await["entries"],
        month["entries"]
    );
    let long = json!({"custom": {"from": "2024-01-01", "to": today.to_string()}});
    let res = board(&app, &admin, company, long).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error_of(res).await["Invalid"][0]["field"], "period");
    let res = admin
        .get(app.url(&format!(
            "/leaderboard.csv?scope=company&period=custom&from={first}&to={today}"
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.text().await.unwrap().lines().count(),
        month["entries"].as_array().unwrap().len() + 1
    );
}

async fn campaign_boards_count_a_topics_posts_between_their_dates(app: TestApp) {
    let admin = app.signed_in("admin@example.com").await;
    let editor = app.signed_in("editor@example.com").await;
    let ana = app.signed_in("ana@example.com").await;
    let luis = app.signed_in("luis@example.com").await;
    let post = live_post(&app, post_json("Campaña de otoño", &[])).await; // topic "Pruebas"
    let mut elsewhere = post_json("Otra cosa", &[]);
    elsewhere["topics"] = json!(["Otro tema"]);
    let elsewhere = live_post(&app, elsewhere).await;

    // Only admins manage campaigns.
    for who in [&ana, &editor] {
        let res = app.call(who, "boards/campaigns", json!({})).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
    }
    let all: Value = app
        .call(&admin, "boards/campaigns", json!({}))
        .await
        .json()
        .await
        .unwrap();
    let topic = all["topics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t[1] == "Pruebas")
        .unwrap()[0]
        .as_i64()
        .unwrap();
    let today = chrono::Utc::now().date_naive();
    let day = |offset: i64| (today + chrono::Duration::days(offset)).to_string();
    let campaign = |name: &str, topic: i64, from: String, to: String| json!({"campaign": {"name": name, "topic_id": topic, "from": from, "to": to}});
    let create = |who: &Client, body: Value| {
        let (app, who) = (&app, who.clone());
        async move { app.call(&who, "boards/campaigns/create", body).await }
    };
    let res = create(&ana, campaign("Otoño", topic, day(-3), day(7))).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    for bad in [
        campaign("Al revés", topic, day(7), day(-3)),
        campaign(" ", topic, day(-3), day(7)),
        campaign("Sin tema", 999_999, day(-3), day(7)),
    ] {
        let res = create(&admin, bad.clone()).await;
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{bad}");
    }
    let res = create(&admin, campaign("Otoño", topic, day(-3), day(7))).await;
    assert_eq!(res.status(), StatusCode::OK);
    let id = res.json::<i64>().await.unwrap();
    let res = create(&admin, campaign("Primavera", topic, day(-60), day(-40))).await;
    let old = res.json::<i64>().await.unwrap();
    let res = create(&admin, campaign("Invierno", topic, day(10), day(20))).await;
    let future = json!({"kind": "campaign", "id": res.json::<i64>().await.unwrap()});
    assert_eq!(
        board(&app, &ana, future.clone(), json!("month"))
            .await
            .status(),
        StatusCode::NOT_FOUND,
        "not before it starts"
    );
    board_ok(&app, &admin, future, json!("month")).await;

    // Ana shares the topic's post and one of another topic; a person follows
    // her link. Luis shares the topic's post.
    let raw = app.state.db.click_totals().await.unwrap().1;
    for (who, post) in [(&ana, post), (&ana, elsewhere), (&luis, post)] {
        assert_eq!(
            share(&app, who, post, "x", "Hola").await.status(),
            StatusCode::SEE_OTHER
        );
    }
    let url = kit(&app, &ana, post).await["links"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["channel"] == "x")
        .unwrap()["url"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(visit(&url, CHROME).await.status(), StatusCode::FOUND);
    for _ in 0..200 {
        let now = app.state.db.click_totals().await.unwrap().1;
        if now.human_clicks > raw.human_clicks {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }

    // Everyone sees the running campaign, whatever their team.
    let scope = json!({"kind": "campaign", "id": id});
    let mine = board_ok(&app, &ana, Value::Null, json!("month")).await;
    assert!(scopes(&mine).contains(&scope), "offered to Ana");
    let b = board_ok(&app, &luis, scope.clone(), json!("week")).await;
    assert_eq!(b["campaign"]["topic"], "Pruebas");
    let entries = b["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 2, "{b}");
    assert_eq!(entries[0]["name"], "Ana García");
    // A share 10, a human click 1, a unique visitor 2; the other topic's share does not count.
    assert_eq!(
        (entries[0]["points"].as_i64(), entries[0]["shares"].as_i64()),
        (Some(13), Some(1))
    );
    assert_eq!(entries[1]["points"], 10);
    assert_eq!(b["me"]["rank"], 2);
    assert_eq!(b["me"]["of"], 2);
    let csv = app
        .get(&luis, &format!("/leaderboard.csv?scope=campaign-{id}"))
        .await;
    assert_eq!(csv.status(), StatusCode::OK);
    assert!(csv.text().await.unwrap().contains("1,Ana García,"));

    // A campaign long over counts nothing now, and is no longer offered.
    let ended = board_ok(
        &app,
        &ana,
        json!({"kind": "campaign", "id": old}),
        json!("month"),
    )
    .await;
    assert!(ended["entries"].as_array().unwrap().is_empty());
    assert!(!scopes(&mine).contains(&json!({"kind": "campaign", "id": old})));

    // Leaving the boards leaves campaigns too.
    let res = app.form(&luis, "boards/opt-out", &[("out", "true")]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let b = board_ok(&app, &ana, scope.clone(), json!("month")).await;
    assert_eq!(names(&b), ["Ana García"]);
    assert_eq!(b["me"]["rank"], 1);

    // Restricting campaign boards hides them from everyone but admins.
    let mut s = settings(&app, &admin).await;
    assert_eq!(
        s["company"], "leaders",
        "the company board stays the admins'"
    );
    assert_eq!(s["campaign"], "everyone");
    s["campaign"] = json!("leaders");
    assert_eq!(
        save_settings(&app, &admin, s).await.status(),
        StatusCode::OK
    );
    let res = board(&app, &ana, scope.clone(), json!("month")).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    let res = app
        .call(&admin, "boards/campaigns/delete", json!({"id": id}))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = board(&app, &admin, scope, json!("month")).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}
