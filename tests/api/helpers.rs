//! Starts the real server on a random port with a fresh database, and
//! drives it over HTTP like a browser (cookies, form posts, JSON calls).

use portavoz::server::config::Config;
use portavoz::server::startup::Application;
use portavoz::server::state::AppState;
use reqwest::{Client, Response, StatusCode};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub const DEMO_PASSWORD: &str = "portavoz-demo";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Runs an async test body once per backend: always on SQLite, and on
/// PostgreSQL whenever a server can be reached (see `postgres_admin_url`).
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test]
            async fn sqlite() {
                let app = $crate::helpers::TestApp::spawn($crate::helpers::Backend::Sqlite).await.expect("sqlite app");
                super::$name(app).await;
            }
            #[tokio::test]
            async fn postgres() {
                if let Some(app) = $crate::helpers::TestApp::spawn($crate::helpers::Backend::Postgres).await {
                    super::$name(app).await;
                }
            }
        }
    )*};
}

pub struct TestApp {
    pub address: String,
    pub state: AppState,
    pub backend: Backend,
    pub database_url: String,
    shutdown: Option<oneshot::Sender<()>>,
    server: Option<JoinHandle<anyhow::Result<()>>>,
    keep_database: bool,
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

fn unique_name() -> String {
    format!(
        "pvtest_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst),
        chrono::Utc::now().timestamp_micros() % 1_000_000
    )
}

/// The PostgreSQL server tests may create databases on, from
/// `PORTAVOZ_TEST_POSTGRES_URL` (default: the local role CI creates).
pub fn postgres_admin_url() -> String {
    std::env::var("PORTAVOZ_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://portavoz:portavoz@127.0.0.1:5432/portavoz".to_string())
}

/// A fresh, empty database URL for one test; `None` (with a message) if
/// PostgreSQL cannot be reached and the run does not require it.
pub async fn fresh_database(backend: Backend) -> Option<String> {
    match backend {
        Backend::Sqlite => {
            let dir = std::env::temp_dir().join("portavoz-tests");
            std::fs::create_dir_all(&dir).ok()?;
            Some(format!("sqlite://{}/{}.db", dir.display(), unique_name()))
        }
        Backend::Postgres => {
            use sqlx::Connection;
            let admin = postgres_admin_url();
            let mut conn = match sqlx::PgConnection::connect(&admin).await {
                Ok(c) => c,
                Err(e) => {
                    if std::env::var("PORTAVOZ_REQUIRE_POSTGRES").is_ok_and(|v| v == "1") {
                        panic!("PostgreSQL is required (PORTAVOZ_REQUIRE_POSTGRES=1) but {admin} is unreachable: {e}");
                    }
                    eprintln!("SKIPPED on PostgreSQL: no server at {admin} ({e}). Set PORTAVOZ_TEST_POSTGRES_URL to run these tests there.");
                    return None;
                }
            };
            drop_leftover_databases(&mut conn).await;
            let name = unique_name();
            sqlx::query(&format!("create database {name}"))
                .execute(&mut conn)
                .await
                .expect("create test database");
            let mut url = url::Url::parse(&admin).expect("postgres url");
            url.set_path(&name);
            Some(url.to_string())
        }
    }
}

/// Drops test databases of earlier, finished runs (other process ids), once per run.
async fn drop_leftover_databases(conn: &mut sqlx::PgConnection) {
    static CLEANED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if CLEANED.swap(true, Ordering::SeqCst) {
        return;
    }
    let ours = format!("pvtest\\_{}\\_%", std::process::id());
    let names: Vec<String> = sqlx::query_scalar(
        "select datname from pg_database where datname like 'pvtest\\_%' and datname not like $1",
    )
    .bind(ours)
    .fetch_all(&mut *conn)
    .await
    .unwrap_or_default();
    for name in names {
        let _ = sqlx::query(&format!("drop database if exists {name} with (force)"))
            .execute(&mut *conn)
            .await;
    }
}

pub fn base_config(database_url: &str) -> HashMap<String, String> {
    HashMap::from([
        ("DATABASE_URL".to_string(), database_url.to_string()),
        ("LEPTOS_SITE_ADDR".to_string(), "127.0.0.1:0".to_string()),
        ("PORTAVOZ_DEMO".to_string(), "1".to_string()),
        ("PORTAVOZ_DB_MAX_CONNECTIONS".to_string(), "4".to_string()),
        (
            "PORTAVOZ_SHUTDOWN_GRACE_SECONDS".to_string(),
            "5".to_string(),
        ),
    ])
}

impl TestApp {
    /// A server with the demo organization in a fresh database.
    pub async fn spawn(backend: Backend) -> Option<TestApp> {
        Self::spawn_with(backend, |_| {}).await
    }

    pub async fn spawn_with(
        backend: Backend,
        tweak: impl FnOnce(&mut HashMap<String, String>),
    ) -> Option<TestApp> {
        let database_url = fresh_database(backend).await?;
        let mut values = base_config(&database_url);
        tweak(&mut values);
        let config = Config::from_map(&values).expect("test config");
        let app = Application::build(config)
            .await
            .expect("application builds");
        Some(Self::run(app, backend, database_url))
    }

    pub fn run(app: Application, backend: Backend, database_url: String) -> TestApp {
        let address = format!("http://127.0.0.1:{}", app.port());
        let state = app.state().clone();
        let (tx, rx) = oneshot::channel::<()>();
        let server = tokio::spawn(app.run_until_stopped(async move {
            let _ = rx.await;
        }));
        TestApp {
            address,
            state,
            backend,
            database_url,
            shutdown: Some(tx),
            server: Some(server),
            keep_database: false,
        }
    }

    /// Stops gracefully but leaves the database in place, to read what the
    /// server stored before it exited (the caller removes it).
    pub async fn stop_keeping_database(mut self) -> anyhow::Result<()> {
        self.keep_database = true;
        self.stop().await
    }

    /// Stops the server gracefully and waits until it has.
    pub async fn stop(mut self) -> anyhow::Result<()> {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        match self.server.take() {
            Some(handle) => handle.await?,
            None => Ok(()),
        }
    }

    /// A browser: its own cookie jar, no automatic redirects.
    pub fn browser(&self) -> Client {
        Client::builder()
            // A stuck request fails the test where it happened instead of hanging the run.
            .timeout(std::time::Duration::from_secs(45))
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("http client")
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub async fn get(&self, client: &Client, path: &str) -> Response {
        client.get(self.url(path)).send().await.expect("GET")
    }

    /// Calls a server function that takes form fields (as a browser form would).
    pub async fn form(&self, client: &Client, endpoint: &str, fields: &[(&str, &str)]) -> Response {
        client
            .post(self.url(&format!("/api/{endpoint}")))
            .form(fields)
            .send()
            .await
            .expect("POST form")
    }

    /// Calls a server function that takes JSON.
    pub async fn call(&self, client: &Client, endpoint: &str, body: Value) -> Response {
        client
            .post(self.url(&format!("/api/{endpoint}")))
            .json(&body)
            .send()
            .await
            .expect("POST json")
    }

    pub async fn sign_in(&self, client: &Client, email: &str, password: &str) -> Response {
        self.form(
            client,
            "sign-in",
            &[("email", email), ("password", password)],
        )
        .await
    }

    /// A browser signed in as one of the demo accounts.
    pub async fn signed_in(&self, email: &str) -> Client {
        let client = self.browser();
        let res = self.sign_in(&client, email, DEMO_PASSWORD).await;
        assert_eq!(res.status(), StatusCode::OK, "demo sign-in of {email}");
        client
    }

    /// Who the server thinks `client` is (`Value::Null` when signed out).
    pub async fn me(&self, client: &Client) -> Value {
        let res = self.call(client, "me", json!({})).await;
        assert_eq!(res.status(), StatusCode::OK);
        res.json().await.expect("me json")
    }

    pub async fn person_id(&self, email: &str) -> i64 {
        let admin = self.signed_in("admin@example.com").await;
        let page: Value = self
            .call(&admin, "people/list", json!({"query": {"q": email, "role": null, "team_id": null, "status": null, "page": 1}}))
            .await
            .json()
            .await
            .expect("people json");
        page["people"][0]["id"].as_i64().expect("person id")
    }

    /// Runs a raw SQL statement against this test's database (for what no
    /// HTTP action can do, like making time pass).
    pub async fn sql(&self, sqlite: &str, postgres: &str) {
        use sqlx::Connection;
        match self.backend {
            Backend::Sqlite => {
                let mut c = sqlx::SqliteConnection::connect(&self.database_url)
                    .await
                    .expect("sqlite");
                sqlx::query(sqlite)
                    .execute(&mut c)
                    .await
                    .expect("sqlite statement");
            }
            Backend::Postgres => {
                let mut c = sqlx::PgConnection::connect(&self.database_url)
                    .await
                    .expect("postgres");
                sqlx::query(postgres)
                    .execute(&mut c)
                    .await
                    .expect("postgres statement");
            }
        }
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if self.backend == Backend::Sqlite && !self.keep_database {
            if let Some(path) = self.database_url.strip_prefix("sqlite://") {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{path}{suffix}"));
                }
            }
        }
    }
}

/// The JSON error a server function answered with.
pub async fn error_of(res: Response) -> Value {
    res.json().await.expect("error json")
}
