//! Builds the whole application from a `Config`: database, router, listener.
//! Tests use the same path with port 0 and a fresh database.

use super::auth::password::Hasher;
use super::auth::session::DbSessionStore;
use super::config::Config;
use super::http::{
    api_status, boards as board_downloads, csrf, headers, healthz, images, pages, redirect, share,
    training_csv,
};
use super::services::{bootstrap, demo};
use super::sharing::cache::RedirectCache;
use super::sharing::clicks::ClickWriter;
use super::state::AppState;
use super::{auth, db};
use crate::app::{shell, App};
use anyhow::Context;
use axum::http::{header, HeaderValue};
use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::{get, post};
use axum::Router;
use leptos::prelude::LeptosOptions;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use std::future::Future;
use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use tokio::net::TcpListener;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

pub struct Application {
    listener: TcpListener,
    router: Router,
    state: AppState,
    click_writer: ClickWriter,
    demo_seeded: bool,
}

impl Application {
    pub async fn build(config: Config) -> anyhow::Result<Application> {
        let db = db::connect(&config.database_url, config.db_max_connections)
            .await
            .with_context(|| {
                format!(
                    "opening the database ({})",
                    redact_url(&config.database_url)
                )
            })?;
        let hasher = Hasher::new(config.hash_concurrency);

        if let Some(admin) = &config.first_admin {
            if let Some(id) = bootstrap::ensure_first_admin(&db, &hasher, admin).await? {
                tracing::info!(person = id, email = %admin.email, "created the first admin");
            }
        }
        crate::server::services::boards::ensure_counters(&db)
            .await
            .context("building the leaderboard counters")?;
        let demo_seeded = if config.demo {
            demo::seed(&db, &hasher).await?
        } else {
            false
        };
        hasher.warm_up().await;

        let listener = TcpListener::bind(config.site_addr)
            .await
            .with_context(|| format!("listening on {}", config.site_addr))?;
        let addr = listener.local_addr()?;
        let leptos_options = LeptosOptions::builder()
            .output_name("portavoz")
            .site_root(config.site_root.clone())
            .site_pkg_dir("pkg")
            .site_addr(addr)
            .build();
        let (clicks, click_writer) = ClickWriter::start(db.clone(), config.click_queue);
        let redirects = RedirectCache::default();
        redirects
            .refresh(&db)
            .await
            .context("reading crisis mode and the sharing settings")?;
        redirects.spawn_refresher(db.clone());
        let state = AppState {
            leptos_options,
            config: Arc::new(config),
            db,
            hasher,
            clicks,
            redirects,
        };
        let router = router(state.clone());
        spawn_session_cleanup(state.clone());
        Ok(Application {
            listener,
            router,
            state,
            click_writer,
            demo_seeded,
        })
    }

    pub fn port(&self) -> u16 {
        self.listener.local_addr().map(|a| a.port()).unwrap_or(0)
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    pub fn demo_seeded(&self) -> bool {
        self.demo_seeded
    }

    /// Serves until `shutdown` completes, then stops accepting, lets in-flight
    /// requests finish (up to the configured grace period), stores every
    /// click still queued, and closes the database cleanly.
    pub async fn run_until_stopped(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        let grace = self.state.config.shutdown_grace;
        let stopping = Arc::new(tokio::sync::Notify::new());
        let signal = {
            let stopping = stopping.clone();
            async move {
                shutdown.await;
                tracing::info!("shutting down: no new connections, finishing requests in flight");
                stopping.notify_one();
            }
        };
        let server = axum::serve(
            self.listener,
            self.router
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(signal);
        tokio::select! {
            served = server => served?,
            _ = async { stopping.notified().await; tokio::time::sleep(grace).await } => {
                tracing::warn!(seconds = grace.as_secs(), "requests still running after the grace period; stopping anyway");
            }
        }
        // No request can queue a click any more: drain what is left.
        self.click_writer.drain().await;
        self.state.db.close().await;
        tracing::info!("stopped");
        Ok(())
    }
}

fn router(state: AppState) -> Router {
    let config = &state.config;
    let secure = config.secure_cookies();
    let sessions = SessionManagerLayer::new(DbSessionStore::new(state.db.clone()))
        .with_name(if secure {
            "__Host-portavoz"
        } else {
            "portavoz"
        })
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(secure)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(time::Duration::seconds(
            config.session_idle.as_secs() as i64,
        )));

    let routes = route_list();
    let app = Router::new()
        .route("/images/{id}", get(images::serve))
        .route("/share", post(share::share))
        .route("/training/report.csv", get(training_csv::report_csv))
        .route("/leaderboard.csv", get(board_downloads::board_csv))
        .route("/my-data.json", get(board_downloads::my_data_json))
        .route("/analytics.csv", get(board_downloads::analytics_csv))
        .leptos_routes(&state, routes, {
            let options = state.leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(from_fn(pages::guard))
        // No page or server function may hold a connection forever: a stuck
        // render answers 408 and frees its resources.
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(30),
        ))
        .layer(from_fn_with_state(state.clone(), auth::current::resolve))
        .layer(sessions)
        .layer(from_fn_with_state(state.clone(), csrf::reject_cross_site))
        .layer(from_fn(api_status::set_error_status))
        .with_state(state.clone());

    // Static assets and probes skip sessions and page rendering entirely.
    let pkg_dir = format!(
        "{}/{}",
        state.leptos_options.site_root, state.leptos_options.site_pkg_dir
    );
    let assets = Router::new()
        .nest_service(
            "/pkg",
            ServeDir::new(pkg_dir)
                .precompressed_br()
                .precompressed_gzip(),
        )
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-cache"),
        ));

    // The tracked-link redirect skips sessions, cookies and page rendering,
    // and takes the state behind an `Arc`: one count per request, not a copy.
    let mut redirects = Router::new()
        .route("/s/unavailable", get(redirect::unavailable_page))
        .route("/s/{code}", get(redirect::follow));
    if config.bench_routes {
        redirects = redirects.route("/bench/bare", get(redirect::bare));
    }
    let redirects = redirects.with_state(Arc::new(state.clone()));

    Router::new()
        .route("/healthz", get(healthz::healthz))
        .with_state(state)
        .merge(redirects)
        .merge(assets)
        .merge(app)
        .layer(from_fn(headers::security_headers))
        .layer(TraceLayer::new_for_http())
}

/// The app's routes, generated once per process. Generating them runs the
/// app with resource loading suppressed by a process-wide flag, so a page
/// rendering at that moment in another server of the same process (tests
/// start many) would wait forever (leptos-rs/leptos#4773).
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// Deletes expired sessions every hour so the table does not grow forever.
fn spawn_session_cleanup(state: AppState) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(3600));
        loop {
            tick.tick().await;
            match state.db.delete_expired_sessions(chrono::Utc::now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(deleted = n, "expired sessions removed"),
                Err(e) => tracing::warn!(error = %e, "could not remove expired sessions"),
            }
        }
    });
}

/// The database URL without its password, for logs and error messages.
pub fn redact_url(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) if u.password().is_some() => {
            let _ = u.set_password(Some("***"));
            u.to_string()
        }
        _ => url.to_string(),
    }
}
