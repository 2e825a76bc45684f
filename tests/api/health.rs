use crate::helpers::TestApp;
use crate::on_both_backends;
use reqwest::StatusCode;

on_both_backends!(
    healthz_answers_200_when_the_database_is_up_and_503_when_not,
    graceful_shutdown_finishes_and_returns
);

async fn healthz_answers_200_when_the_database_is_up_and_503_when_not(app: TestApp) {
    let client = app.browser();
    let res = app.get(&client, "/healthz").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        res.headers().get("set-cookie").is_none(),
        "probes get no session"
    );

    app.state.db.close().await;
    let res = app.get(&client, "/healthz").await;
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
}

async fn graceful_shutdown_finishes_and_returns(app: TestApp) {
    let client = app.browser();
    let address = app.address.clone();
    assert_eq!(app.get(&client, "/healthz").await.status(), StatusCode::OK);
    app.stop().await.expect("server stops cleanly");
    assert!(
        client
            .get(format!("{address}/healthz"))
            .send()
            .await
            .is_err(),
        "no longer accepting"
    );
}
