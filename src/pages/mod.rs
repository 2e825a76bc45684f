//! One routed page per module.

pub mod home;
pub mod invite;
pub mod my_team;
pub mod people;
pub mod profile;
pub mod sign_in;
pub mod teams;
