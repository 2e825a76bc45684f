//! Analytics over HTTP: who sees which scope (server function, page and CSV
//! alike), figures that count exactly what happened in scope, and CSV
//! content. Counters agreeing with a recomputation is part of the
//! leaderboards' property test.

use crate::helpers::TestApp;
use crate::on_both_backends;
use crate::posts::{live_post, post_json, team_id};
use crate::sharing::{kit, share, visit, CHROME, FIREFOX};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use std::time::Duration;

on_both_backends!(
    analytics_are_scoped_to_what_each_role_may_see,
    analytics_count_what_happened_in_scope,
    analytics_tables_download_as_csv,
);

async fn analytics(app: &TestApp, who: &Client, scope: Value, period: Value) -> reqwest::Response {
    app.call(who, "analytics", json!({"scope": scope, "period": period}))
        .await
}

async fn analytics_ok(app: &TestApp, who: &Client, scope: Value, period: Value) -> Value {
    let res = analytics(app, who, scope, period).await;
    let status = res.status();
    let body: Value = res.json().await.unwrap();
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

fn team(id: i64) -> Value {
    json!({"kind": "team", "id": id})
}

fn company() -> Value {
    json!({"kind": "company"})
}

async fn analytics_are_scoped_to_what_each_role_may_see(app: TestApp) {
    let ventas = team_id(&app, "Ventas").await;
    let atencion = team_id(&app, "Atención al cliente").await;
    let marketing = team_id(&app, "Marketing").await;
    let (ana, manager, editor, admin, approver) = (
        app.signed_in("ana@example.com").await,
        app.signed_in("manager@example.com").await,
        app.signed_in("editor@example.com").await,
        app.signed_in("admin@example.com").await,
        app.signed_in("approver@example.com").await,
    );

    // Ambassadors and approvers (who manage no team) see none, by any door.
    for who in [&ana, &approver] {
        for scope in [Value::Null, company(), team(ventas)] {
            let res = analytics(&app, who, scope.clone(), json!("month")).await;
            assert_eq!(res.status(), StatusCode::FORBIDDEN, "{scope}");
        }
        for q in ["", "?scope=company", &format!("?scope=team-{ventas}")] {
            let res = app.get(who, &format!("/analytics.csv{q}")).await;
            assert_eq!(res.status(), StatusCode::FORBIDDEN, "csv {q}");
        }
    }

    // A manager: their teams together by default, each of them, no other.
    let mine = analytics_ok(&app, &manager, Value::Null, json!("month")).await;
    assert_eq!(mine["scope"], json!({"kind": "my_teams"}));
    let offered: Vec<Value> = mine["choices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["scope"].clone())
        .collect();
    assert_eq!(offered.len(), 3, "{offered:?}");
    assert!(offered.contains(&team(ventas)) && offered.contains(&team(atencion)));
    assert!(!offered.contains(&company()) && !offered.contains(&team(marketing)));
    analytics_ok(&app, &manager, team(ventas), json!("quarter")).await;
    for scope in [company(), team(marketing)] {
        let res = analytics(&app, &manager, scope.clone(), json!("month")).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "manager, {scope}");
    }
    for q in ["scope=company", &format!("scope=team-{marketing}")] {
        let res = app
            .get(&manager, &format!("/analytics.csv?table=posts&{q}"))
            .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "manager csv {q}");
    }
    let res = app
        .get(&manager, &format!("/analytics.csv?scope=team-{ventas}"))
        .await;
    assert_eq!(res.status(), StatusCode::OK);

    // Editors and admins: the company by default, and any team.
    for who in [&editor, &admin] {
        let all = analytics_ok(&app, who, Value::Null, json!("month")).await;
        assert_eq!(all["scope"], company());
        analytics_ok(&app, who, team(marketing), json!("week")).await;
    }
    // Nonsense is refused with a clear error, not a 500.
    let res = app.get(&admin, "/analytics.csv?scope=planet-9").await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let res = app.get(&admin, "/analytics.csv?table=secrets").await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let res = analytics(
        &app,
        &admin,
        company(),
        json!({"custom": {"from": "2020-01-01", "to": "2026-01-01"}}),
    )
    .await;
    assert_eq!(
        res.status(),
        StatusCode::BAD_REQUEST,
        "ranges are bounded to a year"
    );
}

fn figures(a: &Value) -> [i64; 4] {
    let t = &a["totals"];
    [
        t["shares"].as_i64().unwrap(),
        t["human_clicks"].as_i64().unwrap(),
        t["unique_visitors"].as_i64().unwrap(),
        t["bot_hits"].as_i64().unwrap(),
    ]
}

fn diff(after: [i64; 4], before: [i64; 4]) -> [i64; 4] {
    std::array::from_fn(|i| after[i] - before[i])
}

fn network(a: &Value, channel: &str) -> [i64; 4] {
    a["networks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["channel"] == channel)
        .map(|n| figures(&json!({"totals": n["figures"]})))
        .unwrap_or_default()
}

async fn tracked_url(app: &TestApp, who: &Client, post: i64, channel: &str) -> String {
    kit(app, who, post).await["links"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["channel"] == channel)
        .unwrap()["url"]
        .as_str()
        .unwrap()
        .to_string()
}

/// Waits until the click writer has stored `n` more clicks than `before`.
async fn stored_clicks(app: &TestApp, before: i64, n: i64) {
    for _ in 0..200 {
        let raw = app.state.db.click_totals().await.unwrap().1;
        if raw.human_clicks + raw.bot_hits >= before + n {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("the click writer did not store {n} clicks");
}

async fn analytics_count_what_happened_in_scope(app: TestApp) {
    let ventas = team_id(&app, "Ventas").await;
    let admin = app.signed_in("admin@example.com").await;
    let manager = app.signed_in("manager@example.com").await;
    let ana = app.signed_in("ana@example.com").await; // Ventas
    let luis = app.signed_in("luis@example.com").await; // Ingeniería
    let before_company = analytics_ok(&app, &admin, company(), json!("week")).await;
    let before_ventas = analytics_ok(&app, &manager, team(ventas), json!("week")).await;
    let raw = app.state.db.click_totals().await.unwrap().1;

    let post = live_post(&app, post_json("Informe anual", &[])).await;
    for (who, channel) in [(&ana, "x"), (&ana, "linkedin"), (&luis, "x")] {
        let res = share(&app, who, post, channel, "Hola").await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let ana_x = tracked_url(&app, &ana, post, "x").await;
    let luis_x = tracked_url(&app, &luis, post, "x").await;
    // Ana's link: two people, one of them twice, and a crawler; Luis's: one person.
    for (url, agent) in [
        (&ana_x, CHROME),
        (&ana_x, CHROME),
        (&ana_x, FIREFOX),
        (&ana_x, "LinkedInBot/1.0"),
        (&luis_x, CHROME),
    ] {
        assert_eq!(visit(url, agent).await.status(), StatusCode::FOUND);
    }
    stored_clicks(&app, raw.human_clicks + raw.bot_hits, 5).await;

    let after_company = analytics_ok(&app, &admin, company(), json!("week")).await;
    let after_ventas = analytics_ok(&app, &manager, team(ventas), json!("week")).await;
    // [shares, human clicks, unique visitors, bot hits]
    assert_eq!(
        diff(figures(&after_company), figures(&before_company)),
        [3, 4, 3, 1]
    );
    assert_eq!(
        diff(figures(&after_ventas), figures(&before_ventas)),
        [2, 3, 2, 1],
        "the team counts its own people only"
    );
    assert_eq!(
        diff(network(&after_company, "x"), network(&before_company, "x")),
        [2, 4, 3, 1]
    );
    assert_eq!(
        diff(
            network(&after_company, "linkedin"),
            network(&before_company, "linkedin")
        ),
        [1, 0, 0, 0]
    );
    assert!(
        after_company["totals"]["earned_value"].as_f64().unwrap()
            > before_company["totals"]["earned_value"].as_f64().unwrap()
    );
    // Every day of the week is on the chart, and the days add up to the totals.
    let days = after_company["days"].as_array().unwrap();
    assert!((1..=7).contains(&days.len()), "{}", days.len());
    let summed: i64 = days
        .iter()
        .map(|d| d["figures"]["human_clicks"].as_i64().unwrap())
        .sum();
    assert_eq!(summed, after_company["totals"]["human_clicks"]);
    // The new post tops the posts (no demo post has 4 clicks this week) and
    // its topic the topics, with exact figures.
    let top = &after_company["posts"][0];
    let fresh = after_company["posts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == post)
        .expect("the shared post is listed");
    assert_eq!(
        figures(&json!({"totals": fresh["figures"]})),
        [3, 4, 3, 1],
        "{top}"
    );
    let topic = after_company["topics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "Pruebas")
        .expect("the post's topic is listed");
    assert_eq!(topic["posts"], 1);
    assert_eq!(figures(&json!({"totals": topic["figures"]})), [3, 4, 3, 1]);
    let ventas_post = after_ventas["posts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == post)
        .unwrap();
    assert_eq!(
        figures(&json!({"totals": ventas_post["figures"]})),
        [2, 3, 2, 1]
    );
    // Participation: Ana shared this week, so Ventas has at least one sharer,
    // never more sharers than people.
    let p = &after_ventas["participation"];
    assert!(p["sharers"].as_i64().unwrap() >= 1);
    assert!(p["sharers"].as_i64().unwrap() <= p["employees"].as_i64().unwrap());
    assert!(p["certified_sharers"].as_i64().unwrap() <= p["certified"].as_i64().unwrap());

    // Participation read from the week's totals equals the same dates summed
    // day by day, also once someone who shared this week has left.
    let same_dates = |a: &Value| json!({"custom": {"from": a["from"], "to": a["to"]}});
    let by_days = analytics_ok(&app, &admin, company(), same_dates(&after_company)).await;
    assert_eq!(after_company["participation"], by_days["participation"]);
    // So are top posts and topics, read from the week's running totals.
    assert_eq!(after_company["posts"], by_days["posts"]);
    assert_eq!(after_company["topics"], by_days["topics"]);
    let ventas_by_days =
        analytics_ok(&app, &manager, team(ventas), same_dates(&after_ventas)).await;
    assert_eq!(after_ventas["posts"], ventas_by_days["posts"]);
    assert_eq!(
        after_ventas["participation"],
        ventas_by_days["participation"]
    );
    assert_eq!(after_ventas["topics"], ventas_by_days["topics"]);
    let luis_id = app.person_id("luis@example.com").await;
    let res = app
        .call(
            &admin,
            "people/active",
            json!({"id": luis_id, "active": false}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let kept = analytics_ok(&app, &admin, company(), json!("week")).await;
    let by_days = analytics_ok(&app, &admin, company(), same_dates(&kept)).await;
    assert_eq!(kept["participation"], by_days["participation"]);
    let (p, q) = (&after_company["participation"], &kept["participation"]);
    assert_eq!(
        q["employees"].as_i64(),
        p["employees"].as_i64().map(|n| n - 1)
    );
    assert_eq!(q["sharers"].as_i64(), p["sharers"].as_i64().map(|n| n - 1));

    // Long ago nothing happened: every figure zero, every day present.
    let old = analytics_ok(
        &app,
        &admin,
        company(),
        json!({"custom": {"from": "2020-03-01", "to": "2020-03-31"}}),
    )
    .await;
    assert_eq!(figures(&old), [0, 0, 0, 0]);
    assert_eq!(old["days"].as_array().unwrap().len(), 31);
    assert_eq!(old["participation"]["sharers"], 0);
    assert_eq!(
        old["participation"]["employees"],
        kept["participation"]["employees"]
    );
    assert!(old["posts"].as_array().unwrap().is_empty());
}

/// One table of this week's company analytics, checked to be a CSV download.
async fn csv(app: &TestApp, who: &Client, table: &str) -> String {
    let url = format!("/analytics.csv?table={table}&scope=company&period=week");
    let res = app.get(who, &url).await;
    assert_eq!(res.status(), StatusCode::OK, "{url}");
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let disposition = res.headers()["content-disposition"].to_str().unwrap();
    assert!(
        disposition.contains(&format!("analytics-{table}-company-")),
        "{disposition}"
    );
    res.text().await.unwrap()
}

async fn analytics_tables_download_as_csv(app: TestApp) {
    let admin = app.signed_in("admin@example.com").await;
    let ana = app.signed_in("ana@example.com").await;
    let post = live_post(&app, post_json("=HYPERLINK(\"evil\"), y más", &[])).await;
    assert_eq!(
        share(&app, &ana, post, "whatsapp", "Hola").await.status(),
        StatusCode::SEE_OTHER
    );
    let page = analytics_ok(&app, &admin, company(), json!("week")).await;

    let days = csv(&app, &admin, "days").await;
    let lines: Vec<&str> = days.lines().collect();
    assert_eq!(
        lines[0],
        "day,shares,human_clicks,unique_visitors,bot_hits,potential_reach,earned_value,courses_completed"
    );
    assert_eq!(lines.len(), 1 + page["days"].as_array().unwrap().len());
    let shares: i64 = lines[1..]
        .iter()
        .map(|l| l.split(',').nth(1).unwrap().parse::<i64>().unwrap())
        .sum();
    assert_eq!(shares, page["totals"]["shares"]);

    let posts = csv(&app, &admin, "posts").await;
    assert!(posts.starts_with("post,shares,human_clicks"));
    // A title that would run as a formula is quoted, commas kept in one cell.
    assert!(
        posts.contains("\"'=HYPERLINK(\"\"evil\"\"), y más\",1,0,0,0,"),
        "{posts}"
    );

    let networks = csv(&app, &admin, "networks").await;
    assert!(networks.starts_with("network,shares"));
    assert!(networks.lines().any(|l| l.starts_with("whatsapp,")));

    let topics = csv(&app, &admin, "topics").await;
    assert!(
        topics.lines().any(|l| l.starts_with("Pruebas,1,1,")),
        "{topics}"
    );

    let participation = csv(&app, &admin, "participation").await;
    let p = &page["participation"];
    assert_eq!(
        participation.lines().nth(1).unwrap(),
        format!(
            "everyone,{},{},{:.1}",
            p["employees"],
            p["sharers"],
            p["sharers"].as_f64().unwrap() * 100.0 / p["employees"].as_f64().unwrap()
        )
    );
}
