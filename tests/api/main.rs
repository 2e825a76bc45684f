//! Integration tests: the real server over HTTP, a fresh database per test,
//! every test on SQLite and (when reachable) on PostgreSQL.

mod helpers;

mod analytics;
mod auth;
mod boards;
mod health;
mod i18n;
mod pages;
mod people;
mod posts;
mod roles;
mod sharing;
mod store;
mod training;
