//! Everything that runs only on the server.

pub mod auth;
pub mod bench;
pub mod cli;
pub mod config;
pub mod db;
pub mod http;
pub mod markdown;
pub mod services;
pub mod sharing;
pub mod startup;
pub mod state;
pub mod telemetry;
