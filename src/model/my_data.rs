//! Everything recorded about one person, as they see it on "My data" and
//! download it: profile, sharing per post, daily counters (clicks on their
//! links without any visitor detail), points and badges, courses.

use crate::model::leaderboard::{Activity, Badge};
use crate::model::training::CourseCard;
use crate::model::{Followers, Lang, PostReach, Role};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MyDay {
    pub day: NaiveDate,
    pub shares: i64,
    pub potential_reach: i64,
    pub human_clicks: i64,
    pub unique_visitors: i64,
    pub bot_hits: i64,
    pub courses_completed: i64,
    pub suggestions_approved: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MyData {
    pub exported_at: DateTime<Utc>,
    pub name: String,
    pub email: String,
    pub roles: Vec<Role>,
    pub team: Option<String>,
    pub lang: Lang,
    pub followers: Followers,
    /// Whether the person appears on leaderboards.
    pub on_boards: bool,
    pub points: i64,
    pub all_time: Activity,
    pub badges: Vec<Badge>,
    pub posts: Vec<PostReach>,
    /// Days with any activity, newest first.
    pub days: Vec<MyDay>,
    pub courses: Vec<CourseCard>,
}
