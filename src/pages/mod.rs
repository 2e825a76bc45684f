//! One routed page per module.

pub mod analytics;
pub mod audit;
pub mod crisis;
pub mod feed;
pub mod home;
pub mod invite;
pub mod leaderboard;
pub mod learn;
pub mod my_data;
pub mod my_team;
pub mod people;
pub mod post;
pub mod profile;
pub mod reach;
pub mod settings;
pub mod share;
pub mod sign_in;
pub mod studio;
pub mod suggest;
pub mod teams;
pub mod training;
