//! Training: courses for learners and trainers, quizzes, certificates,
//! their public verification, and progress reports.

use crate::model::training::{
    Certificate, CourseCard, CourseDetail, CourseId, CourseInput, CourseRow, ItemId, LearnerCourse,
    LessonView, QuizOutcome, QuizSubmission, QuizView, TrainingReport, Verification,
};
use crate::model::{AppError, TeamId};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[cfg(feature = "ssr")]
use crate::server::{auth, services::training, state::app_state};

/// The signed-in person's courses: assigned ones first, with their progress.
#[server(prefix = "/api", endpoint = "learn/courses", input = Json)]
pub async fn my_courses() -> Result<Vec<CourseCard>, AppError> {
    let user = auth::require_user()?;
    training::my_courses(&app_state()?, &user).await
}

#[server(prefix = "/api", endpoint = "learn/course", input = Json)]
pub async fn get_learner_course(id: CourseId) -> Result<LearnerCourse, AppError> {
    let user = auth::require_user()?;
    training::learner_course(&app_state()?, &user, id).await
}

#[server(prefix = "/api", endpoint = "learn/lesson", input = Json)]
pub async fn open_lesson(course_id: CourseId, item_id: ItemId) -> Result<LessonView, AppError> {
    let user = auth::require_user()?;
    training::lesson(&app_state()?, &user, course_id, item_id).await
}

/// Marks a lesson read; answers with the certificate code when that completed the course.
#[server(prefix = "/api", endpoint = "learn/lesson/done", input = Json)]
pub async fn finish_lesson(
    course_id: CourseId,
    item_id: ItemId,
) -> Result<Option<String>, AppError> {
    let user = auth::require_user()?;
    training::finish_lesson(&app_state()?, &user, course_id, item_id).await
}

/// A quiz's questions, without their answers.
#[server(prefix = "/api", endpoint = "learn/quiz", input = Json)]
pub async fn open_quiz(course_id: CourseId, item_id: ItemId) -> Result<QuizView, AppError> {
    let user = auth::require_user()?;
    training::quiz(&app_state()?, &user, course_id, item_id).await
}

#[server(prefix = "/api", endpoint = "learn/quiz/submit", input = Json)]
pub async fn submit_quiz(submission: QuizSubmission) -> Result<QuizOutcome, AppError> {
    let user = auth::require_user()?;
    training::submit_quiz(&app_state()?, &user, &submission).await
}

/// Starts a course again after its certificate expired or became outdated.
#[server(prefix = "/api", endpoint = "learn/recertify", input = Json)]
pub async fn recertify(id: CourseId) -> Result<(), AppError> {
    let user = auth::require_user()?;
    training::recertify(&app_state()?, &user, id).await
}

#[server(prefix = "/api", endpoint = "learn/certificate", input = Json)]
pub async fn my_certificate(code: String) -> Result<Certificate, AppError> {
    let user = auth::require_user()?;
    training::certificate(&app_state()?, &user, &code).await
}

/// Public: anyone with the code can check a certificate, without signing in.
#[server(prefix = "/api", endpoint = "verify", input = Json)]
pub async fn verify_certificate(code: String) -> Result<Verification, AppError> {
    training::verify(&app_state()?, &code).await
}

#[server(prefix = "/api", endpoint = "training/courses", input = Json)]
pub async fn training_studio() -> Result<Vec<CourseRow>, AppError> {
    let user = auth::require_user()?;
    training::studio(&app_state()?, &user).await
}

#[server(prefix = "/api", endpoint = "training/course", input = Json)]
pub async fn get_course_detail(id: CourseId) -> Result<CourseDetail, AppError> {
    let user = auth::require_user()?;
    training::detail(&app_state()?, &user, id).await
}

#[server(prefix = "/api", endpoint = "training/blank", input = Json)]
pub async fn blank_course() -> Result<CourseInput, AppError> {
    let user = auth::require_user()?;
    if !training::is_trainer(&user) {
        return Err(AppError::Forbidden);
    }
    Ok(training::blank(user.lang))
}

#[server(prefix = "/api", endpoint = "training/create", input = Json)]
pub async fn create_course(input: CourseInput) -> Result<CourseId, AppError> {
    let user = auth::require_user()?;
    training::create(&app_state()?, &user, &input).await
}

/// Saves an edit; answers with the course as stored (its new version, new items numbered).
#[server(prefix = "/api", endpoint = "training/update", input = Json)]
pub async fn update_course(id: CourseId, input: CourseInput) -> Result<CourseInput, AppError> {
    let user = auth::require_user()?;
    training::update(&app_state()?, &user, id, &input).await
}

/// Publishes; with `new_edition`, certificates of earlier editions must be earned again.
#[server(prefix = "/api", endpoint = "training/publish", input = Json)]
pub async fn publish_course(id: CourseId, new_edition: bool) -> Result<(), AppError> {
    let user = auth::require_user()?;
    training::publish(&app_state()?, &user, id, new_edition).await
}

#[server(prefix = "/api", endpoint = "training/unpublish", input = Json)]
pub async fn unpublish_course(id: CourseId) -> Result<(), AppError> {
    let user = auth::require_user()?;
    training::unpublish(&app_state()?, &user, id).await
}

/// Courses a report can be asked for (trainers: all; managers: published).
#[server(prefix = "/api", endpoint = "training/report/courses", input = Json)]
pub async fn report_courses() -> Result<Vec<CourseRow>, AppError> {
    let user = auth::require_user()?;
    training::report_courses(&app_state()?, &user).await
}

/// Progress on a course; managers see only the teams they manage.
#[server(prefix = "/api", endpoint = "training/report", input = Json)]
pub async fn get_training_report(
    course_id: CourseId,
    team: Option<TeamId>,
) -> Result<TrainingReport, AppError> {
    let user = auth::require_user()?;
    training::report(&app_state()?, &user, course_id, team).await
}

/// Published courses a post can require, for the post editor.
#[server(prefix = "/api", endpoint = "training/choices", input = Json)]
pub async fn course_choices() -> Result<Vec<(CourseId, String)>, AppError> {
    let user = auth::require_user()?;
    if !crate::server::services::posts::is_staff(&user) && !training::is_trainer(&user) {
        return Err(AppError::Forbidden);
    }
    training::choices(&app_state()?).await
}

/// Teams and locations a course can be assigned to, and the courses it can translate.
#[server(prefix = "/api", endpoint = "training/targets", input = Json)]
pub async fn course_targets() -> Result<crate::model::Directory, AppError> {
    let user = auth::require_user()?;
    if !training::is_trainer(&user) {
        return Err(AppError::Forbidden);
    }
    Ok(app_state()?.db.directory().await?)
}
