//! The `portavoz` binary only wires; the library builds the app.

#[tokio::main]
async fn main() -> std::process::ExitCode {
    portavoz::server::telemetry::init();
    match portavoz::server::cli::run().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("portavoz: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
