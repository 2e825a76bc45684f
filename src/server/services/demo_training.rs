//! Demo training: the "Social media policy" course in Spanish and English,
//! published by the trainer, with some people certified, one halfway, one
//! out of attempts, and Ana not started (she takes it in the browser test).

use super::demo_course::social_media_policy;
use crate::model::training::{grade, number_new_ids, Answers, CourseInput, CourseStatus, Quiz};
use crate::model::Lang;
use crate::server::db::{AuditEntry, CertificateRecord, Db, NewAttempt, StoreError};
use chrono::{DateTime, Duration, Utc};
use std::collections::HashMap;

/// Creates and publishes both versions; returns the Spanish course's id.
pub async fn seed(db: &Db, people: &HashMap<&'static str, i64>) -> Result<i64, StoreError> {
    let trainer = people["trainer@example.com"];
    let now = Utc::now();
    let created = now - Duration::days(30);
    let due = Some(now + Duration::days(14));
    let publish = |db: Db, id: i64, title: String| async move {
        let entry = AuditEntry::new(Some(trainer), "course.publish", "course").detail(title);
        db.set_course_status(id, CourseStatus::Published, false, created, &entry)
            .await
    };

    let mut es = social_media_policy(Lang::Es);
    es.due = due;
    number_new_ids(&mut es);
    let entry = AuditEntry::new(Some(trainer), "course.create", "course").detail(&es.title);
    let es_id = db.create_course(&es, trainer, created, &entry).await?;
    publish(db.clone(), es_id, es.title.clone()).await?;

    let mut en = social_media_policy(Lang::En);
    en.due = due;
    en.translation_of = Some(es_id);
    number_new_ids(&mut en);
    let entry = AuditEntry::new(Some(trainer), "course.create", "course").detail(&en.title);
    let en_id = db.create_course(&en, trainer, created, &entry).await?;
    publish(db.clone(), en_id, en.title.clone()).await?;

    for (email, days_ago) in [
        ("sofia.lopez@example.com", 12),
        ("carlos.mendoza@example.com", 9),
        ("lucia.romero@example.com", 5),
        ("manager@example.com", 20),
    ] {
        let at = now - Duration::days(days_ago);
        complete(db, es_id, &es, people[email], at).await?;
    }
    complete(
        db,
        en_id,
        &en,
        people["luis@example.com"],
        now - Duration::days(7),
    )
    .await?;
    // Javier is halfway: the lessons of the first module read.
    let javier = people["javier.navarro@example.com"];
    db.enroll(es_id, javier, now - Duration::days(2)).await?;
    for item in es.modules[0].items.iter() {
        db.mark_done(es_id, javier, 1, item.id, now - Duration::days(2))
            .await?;
    }
    // Valentina read everything up to the first quiz and failed it three times.
    let valentina = people["valentina.rojas@example.com"];
    db.enroll(es_id, valentina, now - Duration::days(4)).await?;
    for item in es.items().take_while(|i| i.quiz.is_none()) {
        db.mark_done(es_id, valentina, 1, item.id, now - Duration::days(4))
            .await?;
    }
    if let Some((item, quiz)) = es.items().find_map(|i| i.quiz.as_ref().map(|q| (i.id, q))) {
        for attempt in 1..=3 {
            attempt_quiz(
                db,
                es_id,
                valentina,
                item,
                quiz,
                attempt,
                false,
                now - Duration::days(4),
            )
            .await?;
        }
    }
    Ok(es_id)
}

/// Everything done, every quiz passed at the first attempt, certificate issued.
async fn complete(
    db: &Db,
    course: i64,
    doc: &CourseInput,
    person: i64,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    db.enroll(course, person, at).await?;
    for item in doc.items() {
        match &item.quiz {
            None => db.mark_done(course, person, 1, item.id, at).await?,
            Some(quiz) => attempt_quiz(db, course, person, item.id, quiz, 1, true, at).await?,
        }
    }
    db.issue_certificate(&CertificateRecord {
        code: format!("DEMO-{:04}-{:04}", course % 10_000, person % 10_000),
        course_id: course,
        person_id: person,
        round: 1,
        edition: 1,
        issued_at: at,
        valid_until: crate::model::training::valid_until(at, doc.validity_months),
    })
    .await?;
    Ok(())
}

#[allow(clippy::too_many_arguments)]
async fn attempt_quiz(
    db: &Db,
    course: i64,
    person: i64,
    item: i64,
    quiz: &Quiz,
    attempt: i32,
    right: bool,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    // Right: the correct options; wrong: always the first option (never correct in the demo).
    let answers: Answers = quiz
        .questions
        .iter()
        .map(|q| {
            let chosen = if right {
                q.options
                    .iter()
                    .filter(|o| o.correct)
                    .map(|o| o.id)
                    .collect()
            } else {
                q.options.iter().take(1).map(|o| o.id).collect()
            };
            (q.id, chosen)
        })
        .collect();
    let graded = grade(&quiz.questions, &answers, quiz.rules);
    db.record_attempt(&NewAttempt {
        course_id: course,
        person_id: person,
        round: 1,
        item_id: item,
        attempt,
        score: graded.score as i32,
        passed: graded.passed,
        result: serde_json::to_string(&graded).map_err(|e| StoreError::Corrupt(e.to_string()))?,
        at,
    })
    .await
}
