//! The `portavoz` command line. With no subcommand it serves.

use super::config::{self, Config};
use super::services::{bootstrap, demo};
use super::startup::{redact_url, Application};
use super::{auth::password::Hasher, db};
use anyhow::Context;
use clap::{Parser, Subcommand};

#[derive(Parser, Debug)]
#[command(
    name = "portavoz",
    version,
    about = "Portavoz: employee advocacy with training, tracked sharing and leaderboards."
)]
pub struct Cli {
    /// Fill an empty database with a demo organization (same as PORTAVOZ_DEMO=1).
    #[arg(long, global = true)]
    demo: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Serve the app (the default).
    Serve,
    /// Create an admin. The password is read from PORTAVOZ_ADMIN_PASSWORD or, if unset, from standard input.
    CreateAdmin {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "Admin")]
        name: String,
    },
    /// Apply pending database migrations and exit.
    Migrate,
    /// Print a commented sample configuration.
    ConfigSample,
    /// Fill an EMPTY database (DATABASE_URL) with a generated organization
    /// and time the leaderboard queries against a naive GROUP BY.
    BenchBoards {
        #[arg(long, default_value_t = 100_000)]
        people: i64,
        #[arg(long, default_value_t = 500)]
        teams: i64,
        #[arg(long, default_value_t = 2_000)]
        posts: i64,
        #[arg(long, default_value_t = 500_000)]
        links: i64,
        #[arg(long, default_value_t = 10_000_000)]
        clicks: i64,
        #[arg(long, default_value_t = 90)]
        days: i64,
        /// Runs of each counter query (p50/p95 over these).
        #[arg(long, default_value_t = 200)]
        iterations: usize,
        /// Runs of each naive query (they take seconds each).
        #[arg(long, default_value_t = 3)]
        naive_iterations: usize,
    },
}

pub async fn run() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let mut config = Config::from_env()?;
    config.demo |= cli.demo;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(config).await,
        Command::CreateAdmin { email, name } => {
            let password = match std::env::var("PORTAVOZ_ADMIN_PASSWORD") {
                Ok(p) if !p.is_empty() => p,
                _ => {
                    eprintln!("Password for {email} (at least 8 characters), then Enter:");
                    let mut line = String::new();
                    std::io::stdin().read_line(&mut line)?;
                    line.trim_end_matches(['\r', '\n']).to_string()
                }
            };
            let store = db::connect(&config.database_url, 2).await?;
            let hasher = Hasher::new(1);
            let id = bootstrap::create_admin(&store, &hasher, &email, &name, &password).await?;
            println!("Created admin {email} (id {id}).");
            store.close().await;
            Ok(())
        }
        Command::Migrate => {
            let store = db::connect(&config.database_url, 1).await?;
            println!(
                "Database {} is up to date.",
                redact_url(&config.database_url)
            );
            store.close().await;
            Ok(())
        }
        Command::BenchBoards {
            people,
            teams,
            posts,
            links,
            clicks,
            days,
            iterations,
            naive_iterations,
        } => {
            let spec = db::LoadSpec {
                people,
                teams,
                locations: 25,
                posts,
                links,
                clicks,
                days,
            };
            super::bench::run(
                &config.database_url,
                super::bench::BenchOptions {
                    spec,
                    iterations: iterations.max(1),
                    naive_iterations: naive_iterations.max(1),
                },
            )
            .await
        }
        Command::ConfigSample => {
            print!("{}", config::sample());
            Ok(())
        }
    }
}

async fn serve(config: Config) -> anyhow::Result<()> {
    let demo = config.demo;
    let public = config.public_url.clone();
    let app = Application::build(config)
        .await
        .context("starting Portavoz")?;
    let url = public
        .map(|u| u.to_string().trim_end_matches('/').to_string())
        .unwrap_or_else(|| format!("http://{}", app.state().leptos_options.site_addr));
    println!("Portavoz is running at {url}");
    if demo {
        println!("Demo accounts (password: {}):", demo::DEMO_PASSWORD);
        for (email, what) in demo::DEMO_ACCOUNTS {
            println!("  {email:<24} {what}");
        }
        if !app.demo_seeded() {
            println!("  (the database already had data, so no demo data was added)");
        }
    }
    app.run_until_stopped(shutdown_signal()).await
}

/// Completes on SIGINT (Ctrl-C) or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}
