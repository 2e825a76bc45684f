//! Training: trainers write and publish courses, learners read lessons and
//! take quizzes (graded here, never in the browser), certificates are issued
//! on completion, and posts can ask for one before they are shared.
//!
//! Every rule about who may see or do what is checked in this module.

use super::csv_field;
use crate::model::training::{
    self, attempts_left, average, certificate_state, grade, may_attempt, number_new_ids,
    publish_problems, training_status, valid_until, validate_course, Answers, Certificate,
    CertificateBrief, CertificateState, CourseCard, CourseDetail, CourseGate, CourseId,
    CourseInput, CourseRow, CourseStatus, Graded, Item, ItemBrief, ItemId, LearnerCourse,
    LearnerFacts, LearnerLine, LessonView, ModuleBrief, QuestionView, QuizOutcome, QuizSubmission,
    QuizView, StatusCounts, TrainingReport, TrainingStatus, Verification, OPTIONS_MAX,
    QUESTIONS_MAX,
};
use crate::model::{AppError, CurrentUser, Lang, PersonId, Role, TeamId};
use crate::server::db::{
    AttemptRecord, AuditEntry, CertificateRecord, CourseRecord, NewAttempt, ProgressRecords,
    RosterRow, StoreError,
};
use crate::server::markdown;
use crate::server::services::posts::image_url;
use crate::server::state::AppState;
use chrono::{DateTime, Utc};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use std::collections::{HashMap, HashSet};

/// Trainers and admins write courses and see every report.
pub fn is_trainer(user: &CurrentUser) -> bool {
    user.has(Role::Trainer) || user.has(Role::Admin)
}

fn require_trainer(user: &CurrentUser) -> Result<(), AppError> {
    if is_trainer(user) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

// ---------------------------------------------------------------------------
// Trainers

pub async fn studio(state: &AppState, user: &CurrentUser) -> Result<Vec<CourseRow>, AppError> {
    require_trainer(user)?;
    studio_rows(state).await
}

/// A new course's starting point: one module with one lesson.
pub fn blank(lang: Lang) -> CourseInput {
    CourseInput {
        version: 0,
        title: String::new(),
        summary: String::new(),
        lang,
        minutes: 15,
        cover_image: None,
        sequential: true,
        validity_months: Some(12),
        audience: Default::default(),
        mandatory: false,
        due: None,
        translation_of: None,
        next_id: 0,
        modules: vec![training::Module {
            title: String::new(),
            items: vec![Item {
                id: 0,
                title: String::new(),
                body: String::new(),
                quiz: None,
            }],
        }],
    }
}

pub async fn detail(
    state: &AppState,
    user: &CurrentUser,
    id: CourseId,
) -> Result<CourseDetail, AppError> {
    require_trainer(user)?;
    let c = state.db.course(id).await?.ok_or(AppError::NotFound)?;
    let problems = publish_problems(&c.doc);
    let mut input = c.doc;
    input.version = c.version;
    Ok(CourseDetail {
        id: c.id,
        input,
        status: c.status,
        edition: c.edition,
        problems,
    })
}

/// Trims and checks what the trainer sent; numbers new items above every id
/// the course ever had.
async fn cleaned(
    state: &AppState,
    stored: Option<&CourseRecord>,
    input: &CourseInput,
) -> Result<CourseInput, AppError> {
    let id = stored.map(|c| c.id);
    let mut doc = input.clone();
    doc.next_id = doc.next_id.max(stored.map_or(0, |c| c.doc.next_id));
    doc.title = doc.title.trim().to_string();
    doc.summary = doc.summary.trim().to_string();
    if !doc.mandatory {
        doc.due = None;
    }
    for m in &mut doc.modules {
        m.title = m.title.trim().to_string();
        for item in &mut m.items {
            item.title = item.title.trim().to_string();
        }
    }
    let mut errors = validate_course(&doc);
    if let Some(image) = doc.cover_image {
        if state.db.image(image).await?.is_none() {
            errors.push(crate::model::FieldError::new(
                "cover_image",
                crate::model::ErrorCode::ImageType,
            ));
        }
    }
    if let Some(of) = doc.translation_of {
        // One level only: the original, and its translations.
        let courses = state.db.courses().await?;
        let target_is_original = courses
            .iter()
            .any(|c| c.id == of && c.doc.translation_of.is_none());
        let has_translations =
            id.is_some_and(|id| courses.iter().any(|c| c.doc.translation_of == Some(id)));
        let ok = Some(of) != id && target_is_original && !has_translations;
        if !ok {
            errors.push(crate::model::FieldError::new(
                "translation_of",
                crate::model::ErrorCode::Required,
            ));
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    number_new_ids(&mut doc);
    Ok(doc)
}

pub async fn create(
    state: &AppState,
    user: &CurrentUser,
    input: &CourseInput,
) -> Result<CourseId, AppError> {
    require_trainer(user)?;
    let doc = cleaned(state, None, input).await?;
    let audit = AuditEntry::new(Some(user.id), "course.create", "course").detail(&doc.title);
    Ok(state
        .db
        .create_course(&doc, user.id, Utc::now(), &audit)
        .await?)
}

/// Saves an edit and answers with the course as stored (new items numbered).
/// Learners keep their progress (item ids do not change); a published
/// course must stay publishable.
pub async fn update(
    state: &AppState,
    user: &CurrentUser,
    id: CourseId,
    input: &CourseInput,
) -> Result<CourseInput, AppError> {
    require_trainer(user)?;
    let current = state.db.course(id).await?.ok_or(AppError::NotFound)?;
    let mut doc = cleaned(state, Some(&current), input).await?;
    if current.status == CourseStatus::Published {
        let problems = publish_problems(&doc);
        if !problems.is_empty() {
            return Err(AppError::Invalid(problems));
        }
    }
    let audit = AuditEntry::new(Some(user.id), "course.update", "course").detail(&doc.title);
    doc.version = state
        .db
        .update_course(id, input.version, &doc, Utc::now(), &audit)
        .await?;
    Ok(doc)
}

/// Publishes a course; `new_edition` asks everyone certified to recertify.
pub async fn publish(
    state: &AppState,
    user: &CurrentUser,
    id: CourseId,
    new_edition: bool,
) -> Result<(), AppError> {
    require_trainer(user)?;
    let c = state.db.course(id).await?.ok_or(AppError::NotFound)?;
    let problems = publish_problems(&c.doc);
    if !problems.is_empty() {
        return Err(AppError::Invalid(problems));
    }
    let action = if new_edition {
        "course.new_edition"
    } else {
        "course.publish"
    };
    let audit = AuditEntry::new(Some(user.id), action, "course").detail(&c.doc.title);
    Ok(state
        .db
        .set_course_status(id, CourseStatus::Published, new_edition, Utc::now(), &audit)
        .await?)
}

pub async fn unpublish(state: &AppState, user: &CurrentUser, id: CourseId) -> Result<(), AppError> {
    require_trainer(user)?;
    let c = state.db.course(id).await?.ok_or(AppError::NotFound)?;
    let audit = AuditEntry::new(Some(user.id), "course.unpublish", "course").detail(&c.doc.title);
    Ok(state
        .db
        .set_course_status(id, CourseStatus::Draft, false, Utc::now(), &audit)
        .await?)
}

// ---------------------------------------------------------------------------
// Where a learner stands

/// One learner's records on one course, in its current round.
struct Standing<'a> {
    enrolled: bool,
    round: i32,
    last_item: Option<ItemId>,
    done: HashSet<ItemId>,
    attempts: HashMap<ItemId, Vec<&'a AttemptRecord>>,
    /// The latest certificate, of any round.
    certificate: Option<&'a CertificateRecord>,
    /// A valid certificate of a translation of this course, which counts too.
    family: Option<CertificateBrief>,
}

fn standing(p: &ProgressRecords, person: PersonId) -> Standing<'_> {
    let enrollment = p.enrollments.iter().find(|e| e.person_id == person);
    let round = enrollment.map(|e| e.round).unwrap_or(1);
    let mut attempts: HashMap<ItemId, Vec<&AttemptRecord>> = HashMap::new();
    for a in p
        .attempts
        .iter()
        .filter(|a| a.person_id == person && a.round == round)
    {
        attempts.entry(a.item_id).or_default().push(a);
    }
    Standing {
        enrolled: enrollment.is_some(),
        round,
        last_item: enrollment.and_then(|e| e.last_item),
        done: p
            .done
            .iter()
            .filter(|(who, r, _)| *who == person && *r == round)
            .map(|(_, _, item)| *item)
            .collect(),
        attempts,
        certificate: p
            .certificates
            .iter()
            .filter(|c| c.person_id == person)
            .max_by_key(|c| (c.issued_at, c.round)),
        family: None,
    }
}

/// Valid certificates of the translations of `course`, by holder.
fn family_certificates(
    courses: &[CourseRecord],
    course: CourseId,
    certs: &[CertificateRecord],
    now: DateTime<Utc>,
) -> HashMap<PersonId, CertificateBrief> {
    let fam = family(courses, course);
    let mut out = HashMap::new();
    for c in certs
        .iter()
        .filter(|c| c.course_id != course && fam.contains(&c.course_id))
    {
        let Some(k) = courses.iter().find(|k| k.id == c.course_id) else {
            continue;
        };
        let state = certificate_state(c.valid_until, c.edition.max(0) as u32, k.edition, now);
        if state == CertificateState::Valid {
            out.insert(
                c.person_id,
                CertificateBrief {
                    code: c.code.clone(),
                    issued_at: c.issued_at,
                    valid_until: c.valid_until,
                    state,
                },
            );
        }
    }
    out
}

impl Standing<'_> {
    fn certificate_state(
        &self,
        course: &CourseRecord,
        now: DateTime<Utc>,
    ) -> Option<CertificateState> {
        self.certificate
            .map(|c| certificate_state(c.valid_until, c.edition.max(0) as u32, course.edition, now))
    }

    fn certified(&self, course: &CourseRecord, now: DateTime<Utc>) -> bool {
        self.certificate_state(course, now) == Some(CertificateState::Valid)
            || self.family.is_some()
    }

    fn out_of_attempts(&self, course: &CourseRecord) -> bool {
        course.doc.items().any(|item| {
            item.quiz.as_ref().is_some_and(|q| {
                let submitted = self.attempts.get(&item.id).map_or(0, Vec::len) as u32;
                !self.done.contains(&item.id) && !may_attempt(submitted, false, q.rules)
            })
        })
    }

    fn status(&self, course: &CourseRecord, now: DateTime<Utc>) -> TrainingStatus {
        training_status(
            &LearnerFacts {
                started: self.enrolled || !self.done.is_empty(),
                completed: self.certified(course, now),
                out_of_attempts: self.out_of_attempts(course),
                due: course.doc.due.filter(|_| course.doc.mandatory),
            },
            now,
        )
    }

    fn done_count(&self, course: &CourseRecord) -> usize {
        course
            .doc
            .items()
            .filter(|i| self.done.contains(&i.id))
            .count()
    }

    /// Best score per quiz attempted this round, averaged.
    fn score(&self) -> Option<u8> {
        let best: Vec<u8> = self
            .attempts
            .values()
            .filter_map(|a| a.iter().map(|a| a.score.clamp(0, 100) as u8).max())
            .collect();
        average(&best)
    }

    fn locked(&self, course: &CourseRecord, item: ItemId) -> bool {
        course.doc.sequential
            && course
                .doc
                .items()
                .take_while(|i| i.id != item)
                .any(|i| !self.done.contains(&i.id))
    }

    fn next_item(&self, course: &CourseRecord) -> Option<ItemId> {
        course
            .doc
            .items()
            .find(|i| !self.done.contains(&i.id))
            .map(|i| i.id)
    }

    fn brief(&self, course: &CourseRecord, now: DateTime<Utc>) -> Option<CertificateBrief> {
        let own_valid = self.certificate_state(course, now) == Some(CertificateState::Valid);
        if !own_valid && self.family.is_some() {
            return self.family.clone();
        }
        let c = self.certificate?;
        Some(CertificateBrief {
            code: c.code.clone(),
            issued_at: c.issued_at,
            valid_until: c.valid_until,
            state: self.certificate_state(course, now)?,
        })
    }
}

fn for_learner(course: &CourseRecord, user: &CurrentUser) -> bool {
    course.status == CourseStatus::Published
        && course
            .doc
            .audience
            .includes(user.team_id, user.location_id, user.lang)
}

/// A published course assigned to the learner, or `NotFound` (whether it
/// exists is not theirs to know).
async fn learner_course_record(
    state: &AppState,
    user: &CurrentUser,
    id: CourseId,
) -> Result<CourseRecord, AppError> {
    match state.db.course(id).await? {
        Some(c) if for_learner(&c, user) => Ok(c),
        _ => Err(AppError::NotFound),
    }
}

fn card(course: &CourseRecord, s: &Standing, now: DateTime<Utc>) -> CourseCard {
    CourseCard {
        id: course.id,
        title: course.doc.title.clone(),
        summary: course.doc.summary.clone(),
        lang: course.doc.lang,
        minutes: course.doc.minutes,
        cover_url: image_url(course.doc.cover_image),
        mandatory: course.doc.mandatory,
        due: course.doc.due.filter(|_| course.doc.mandatory),
        done: s.done_count(course),
        total: course.doc.items().count(),
        status: s.status(course, now),
        certificate: s.brief(course, now),
    }
}

/// A course and its translations: a certificate of one counts for all.
fn family(courses: &[CourseRecord], id: CourseId) -> HashSet<CourseId> {
    let root = courses
        .iter()
        .find(|c| c.id == id)
        .and_then(|c| c.doc.translation_of)
        .unwrap_or(id);
    courses
        .iter()
        .filter(|c| c.id == root || c.doc.translation_of == Some(root))
        .map(|c| c.id)
        .chain([id])
        .collect()
}

/// Which version of a course (it or a translation) a person is given: the
/// one in their language among those assigned to them.
fn shown_version(
    courses: &[CourseRecord],
    id: CourseId,
    team: Option<TeamId>,
    location: Option<crate::model::LocationId>,
    lang: Lang,
) -> Option<CourseId> {
    let fam = family(courses, id);
    courses
        .iter()
        .filter(|c| {
            fam.contains(&c.id)
                && c.status == CourseStatus::Published
                && c.doc.audience.includes(team, location, lang)
        })
        .max_by_key(|c| (c.doc.lang == lang, std::cmp::Reverse(c.id)))
        .map(|c| c.id)
}

/// The learner's courses: mandatory and due first. Of a course and its
/// translation, the one in the learner's language.
pub async fn my_courses(state: &AppState, user: &CurrentUser) -> Result<Vec<CourseCard>, AppError> {
    let now = Utc::now();
    let courses = state.db.courses().await?;
    let shown: Vec<&CourseRecord> = courses
        .iter()
        .filter(|c| {
            shown_version(&courses, c.id, user.team_id, user.location_id, user.lang) == Some(c.id)
        })
        .collect();
    let certs = state.db.certificates_of(user.id).await?;
    let mut cards = Vec::with_capacity(shown.len());
    for c in shown {
        let progress = state.db.progress(c.id, Some(user.id)).await?;
        let mut s = standing(&progress, user.id);
        s.family = family_certificates(&courses, c.id, &certs, now).remove(&user.id);
        cards.push(card(c, &s, now));
    }
    cards.sort_by_key(|c| {
        (
            c.status == TrainingStatus::Completed,
            !c.mandatory,
            c.due.unwrap_or(DateTime::<Utc>::MAX_UTC),
            c.title.to_lowercase(),
        )
    });
    Ok(cards)
}

pub async fn learner_course(
    state: &AppState,
    user: &CurrentUser,
    id: CourseId,
) -> Result<LearnerCourse, AppError> {
    let now = Utc::now();
    let course = learner_course_record(state, user, id).await?;
    let progress = state.db.progress(id, Some(user.id)).await?;
    let mut s = standing(&progress, user.id);
    let courses = state.db.courses().await?;
    let certs = state.db.certificates_of(user.id).await?;
    s.family = family_certificates(&courses, id, &certs, now).remove(&user.id);
    let modules = course
        .doc
        .modules
        .iter()
        .map(|m| ModuleBrief {
            title: m.title.clone(),
            items: m
                .items
                .iter()
                .map(|i| ItemBrief {
                    id: i.id,
                    title: i.title.clone(),
                    is_quiz: i.quiz.is_some(),
                    done: s.done.contains(&i.id),
                    locked: s.locked(&course, i.id),
                })
                .collect(),
        })
        .collect();
    let state_now = s.certificate_state(&course, now);
    let round_complete = s.certificate.is_some_and(|c| c.round == s.round);
    Ok(LearnerCourse {
        card: card(&course, &s, now),
        sequential: course.doc.sequential,
        validity_months: course.doc.validity_months,
        modules,
        // Resume where the learner left off, else the first item not done.
        next_item: s
            .last_item
            .filter(|i| !s.done.contains(i) && course.doc.item(*i).is_some())
            .or_else(|| s.next_item(&course)),
        may_recertify: round_complete
            && matches!(
                state_now,
                Some(CertificateState::Expired | CertificateState::Outdated)
            ),
    })
}

/// Position of an item in the course (1-based), the item before and after it.
fn neighbours(course: &CourseRecord, item: ItemId) -> (usize, Option<ItemId>, Option<ItemId>) {
    let ids: Vec<ItemId> = course.doc.items().map(|i| i.id).collect();
    let at = ids.iter().position(|&i| i == item).unwrap_or(0);
    (
        at + 1,
        at.checked_sub(1).map(|p| ids[p]),
        ids.get(at + 1).copied(),
    )
}

fn is_quiz(course: &CourseRecord, item: Option<ItemId>) -> bool {
    item.and_then(|i| course.doc.item(i))
        .is_some_and(|i| i.quiz.is_some())
}

/// Opens an item: enrolls the learner on first use and remembers where they are.
async fn open_item<'c>(
    state: &AppState,
    user: &CurrentUser,
    course: &'c CourseRecord,
    item: ItemId,
) -> Result<(&'c Item, ProgressRecords), AppError> {
    let it = course.doc.item(item).ok_or(AppError::NotFound)?;
    state.db.enroll(course.id, user.id, Utc::now()).await?;
    let progress = state.db.progress(course.id, Some(user.id)).await?;
    if standing(&progress, user.id).locked(course, item) {
        return Err(AppError::ItemLocked);
    }
    state.db.set_last_item(course.id, user.id, item).await?;
    Ok((it, progress))
}

pub async fn lesson(
    state: &AppState,
    user: &CurrentUser,
    course_id: CourseId,
    item: ItemId,
) -> Result<LessonView, AppError> {
    let course = learner_course_record(state, user, course_id).await?;
    let (it, progress) = open_item(state, user, &course, item).await?;
    if it.quiz.is_some() {
        return Err(AppError::NotFound);
    }
    let s = standing(&progress, user.id);
    let (position, prev_item, next_item) = neighbours(&course, item);
    Ok(LessonView {
        course_id,
        course_title: course.doc.title.clone(),
        id: item,
        title: it.title.clone(),
        body_html: markdown::to_safe_html(&it.body),
        done: s.done.contains(&item),
        next_item,
        next_is_quiz: is_quiz(&course, next_item),
        prev_item,
        position,
        total: course.doc.items().count(),
    })
}

/// Marks a lesson read; answers with the certificate code if that completed the course.
pub async fn finish_lesson(
    state: &AppState,
    user: &CurrentUser,
    course_id: CourseId,
    item: ItemId,
) -> Result<Option<String>, AppError> {
    let course = learner_course_record(state, user, course_id).await?;
    let (it, progress) = open_item(state, user, &course, item).await?;
    if it.quiz.is_some() {
        return Err(AppError::BadRequest);
    }
    let s = standing(&progress, user.id);
    if s.done.contains(&item) {
        // Re-reading a lesson completes nothing.
        return Ok(None);
    }
    state
        .db
        .mark_done(course_id, user.id, s.round, item, Utc::now())
        .await?;
    complete_if_done(state, user, &course, s.round).await
}

/// Issues the round's certificate once every item is done.
async fn complete_if_done(
    state: &AppState,
    user: &CurrentUser,
    course: &CourseRecord,
    round: i32,
) -> Result<Option<String>, AppError> {
    let progress = state.db.progress(course.id, Some(user.id)).await?;
    let s = standing(&progress, user.id);
    if s.round != round || course.doc.items().any(|i| !s.done.contains(&i.id)) {
        return Ok(None);
    }
    if let Some(c) = s.certificate.filter(|c| c.round == round) {
        return Ok(Some(c.code.clone()));
    }
    let now = Utc::now();
    let issued = state
        .db
        .issue_certificate(&CertificateRecord {
            code: certificate_code(),
            course_id: course.id,
            person_id: user.id,
            round,
            edition: course.edition as i32,
            issued_at: now,
            valid_until: valid_until(now, course.doc.validity_months),
        })
        .await?;
    Ok(Some(issued.code))
}

/// Twelve characters a person can read out without confusion (no 0/O, 1/I).
fn certificate_code() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::rngs::OsRng;
    let chars: Vec<char> = (0..12)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
        .collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// Questions without their answers, in an order that is stable for one
/// attempt (a reload does not reshuffle) and differs between attempts.
fn question_views(
    quiz: &training::Quiz,
    person: PersonId,
    item: ItemId,
    attempt: u32,
) -> Vec<QuestionView> {
    let mut rng = rand::rngs::StdRng::seed_from_u64(
        (person as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
            ^ ((item as u64) << 20)
            ^ attempt as u64,
    );
    let mut questions: Vec<QuestionView> = quiz
        .questions
        .iter()
        .map(|q| {
            let mut options: Vec<(i64, String)> =
                q.options.iter().map(|o| (o.id, o.text.clone())).collect();
            if quiz.rules.shuffle && q.kind != training::QuestionKind::TrueFalse {
                options.shuffle(&mut rng);
            }
            QuestionView {
                id: q.id,
                kind: q.kind,
                text: q.text.clone(),
                options,
            }
        })
        .collect();
    if quiz.rules.shuffle {
        questions.shuffle(&mut rng);
    }
    questions
}

pub async fn quiz(
    state: &AppState,
    user: &CurrentUser,
    course_id: CourseId,
    item: ItemId,
) -> Result<QuizView, AppError> {
    let course = learner_course_record(state, user, course_id).await?;
    let (it, progress) = open_item(state, user, &course, item).await?;
    let Some(quiz) = &it.quiz else {
        return Err(AppError::NotFound);
    };
    let s = standing(&progress, user.id);
    let attempts = s.attempts.get(&item).map(Vec::as_slice).unwrap_or(&[]);
    let submitted = attempts.len() as u32;
    let passed = s.done.contains(&item);
    let (position, _, next_item) = neighbours(&course, item);
    Ok(QuizView {
        course_id,
        course_title: course.doc.title.clone(),
        id: item,
        title: it.title.clone(),
        intro_html: markdown::to_safe_html(&it.body),
        pass_mark: quiz.rules.pass_mark,
        attempt: submitted + 1,
        attempts_left: attempts_left(submitted, quiz.rules),
        passed,
        may_attempt: may_attempt(submitted, passed, quiz.rules),
        best_score: attempts.iter().map(|a| a.score.clamp(0, 100) as u8).max(),
        questions: question_views(quiz, user.id, item, submitted + 1),
        next_item,
        next_is_quiz: is_quiz(&course, next_item),
        position,
        total: course.doc.items().count(),
    })
}

/// The answer to an attempt already stored (a repeated or concurrent submission).
fn stored_outcome(
    a: &AttemptRecord,
    rules: training::QuizRules,
    submitted: u32,
    passed: bool,
) -> Result<QuizOutcome, AppError> {
    let graded: Graded =
        serde_json::from_str(&a.result).map_err(crate::server::services::internal)?;
    let may_retry = may_attempt(submitted, passed, rules);
    Ok(QuizOutcome {
        graded: for_learner_eyes(graded, may_retry),
        attempts_left: attempts_left(submitted, rules),
        may_retry,
        certificate: None,
    })
}

/// Right or wrong, and why, after every attempt; which options were the
/// correct ones only once no retry is left (or the quiz is passed), or a
/// second attempt would be copying.
fn for_learner_eyes(mut graded: Graded, may_retry: bool) -> Graded {
    if may_retry {
        for r in &mut graded.results {
            r.correct_options.clear();
        }
    }
    graded
}

/// Grades an attempt. The same attempt number submitted twice (a double
/// click, two tabs) is stored and counted once, and answered the same.
pub async fn submit_quiz(
    state: &AppState,
    user: &CurrentUser,
    sub: &QuizSubmission,
) -> Result<QuizOutcome, AppError> {
    if sub.answers.len() > QUESTIONS_MAX || sub.answers.iter().any(|(_, o)| o.len() > OPTIONS_MAX) {
        return Err(AppError::BadRequest);
    }
    let course = learner_course_record(state, user, sub.course_id).await?;
    let (it, progress) = open_item(state, user, &course, sub.item_id).await?;
    let Some(quiz) = &it.quiz else {
        return Err(AppError::NotFound);
    };
    let s = standing(&progress, user.id);
    let attempts = s.attempts.get(&sub.item_id).cloned().unwrap_or_default();
    let submitted = attempts.len() as u32;
    let passed = s.done.contains(&sub.item_id);
    if let Some(earlier) = attempts.iter().find(|a| a.attempt as u32 == sub.attempt) {
        return stored_outcome(earlier, quiz.rules, submitted, passed);
    }
    if !may_attempt(submitted, passed, quiz.rules) {
        return Err(AppError::NoAttemptsLeft);
    }
    if sub.attempt != submitted + 1 {
        return Err(AppError::Conflict);
    }
    let answers: Answers = sub.answers.iter().cloned().collect();
    let graded = grade(&quiz.questions, &answers, quiz.rules);
    let record = NewAttempt {
        course_id: course.id,
        person_id: user.id,
        round: s.round,
        item_id: sub.item_id,
        attempt: sub.attempt as i32,
        score: graded.score as i32,
        passed: graded.passed,
        result: serde_json::to_string(&graded).map_err(crate::server::services::internal)?,
        at: Utc::now(),
    };
    match state.db.record_attempt(&record).await {
        Ok(()) => {}
        Err(StoreError::Duplicate) => {
            // Another request stored this attempt first: answer with its result.
            let progress = state.db.progress(course.id, Some(user.id)).await?;
            let s = standing(&progress, user.id);
            let attempts = s.attempts.get(&sub.item_id).cloned().unwrap_or_default();
            let earlier = attempts
                .iter()
                .find(|a| a.attempt as u32 == sub.attempt)
                .ok_or(AppError::Conflict)?;
            return stored_outcome(
                earlier,
                quiz.rules,
                attempts.len() as u32,
                s.done.contains(&sub.item_id),
            );
        }
        Err(e) => return Err(e.into()),
    }
    let certificate = if graded.passed {
        complete_if_done(state, user, &course, s.round).await?
    } else {
        None
    };
    let may_retry = may_attempt(submitted + 1, graded.passed, quiz.rules);
    Ok(QuizOutcome {
        attempts_left: attempts_left(submitted + 1, quiz.rules),
        may_retry,
        graded: for_learner_eyes(graded, may_retry),
        certificate,
    })
}

/// Starts over a course whose certificate expired or is outdated.
pub async fn recertify(state: &AppState, user: &CurrentUser, id: CourseId) -> Result<(), AppError> {
    let course = learner_course_record(state, user, id).await?;
    let progress = state.db.progress(id, Some(user.id)).await?;
    let s = standing(&progress, user.id);
    let done_round = s.certificate.is_some_and(|c| c.round == s.round);
    if !done_round || s.certified(&course, Utc::now()) {
        return Err(AppError::Conflict);
    }
    Ok(state.db.start_round(id, user.id, s.round).await?)
}

fn normalized_code(code: &str) -> Option<String> {
    let code = code.trim().to_ascii_uppercase();
    (code.len() == 14 && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        .then_some(code)
}

/// A certificate, for its holder (and trainers).
pub async fn certificate(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
) -> Result<Certificate, AppError> {
    let code = normalized_code(code).ok_or(AppError::NotFound)?;
    let (cert, holder) = state
        .db
        .certificate(&code)
        .await?
        .ok_or(AppError::NotFound)?;
    if cert.person_id != user.id && !is_trainer(user) {
        return Err(AppError::NotFound);
    }
    let course = state
        .db
        .course(cert.course_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Certificate {
        state: certificate_state(
            cert.valid_until,
            cert.edition.max(0) as u32,
            course.edition,
            Utc::now(),
        ),
        code: cert.code,
        holder,
        course_id: course.id,
        course_title: course.doc.title,
        issued_at: cert.issued_at,
        valid_until: cert.valid_until,
    })
}

/// The public check of a certificate code: who, which course, when, and
/// whether it is still valid. Nothing else about the person.
pub async fn verify(state: &AppState, code: &str) -> Result<Verification, AppError> {
    let code = normalized_code(code).ok_or(AppError::NotFound)?;
    let (cert, holder) = state
        .db
        .certificate(&code)
        .await?
        .ok_or(AppError::NotFound)?;
    let course = state
        .db
        .course(cert.course_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Verification {
        holder,
        course_title: course.doc.title,
        issued_at: cert.issued_at,
        valid_until: cert.valid_until,
        state: certificate_state(
            cert.valid_until,
            cert.edition.max(0) as u32,
            course.edition,
            Utc::now(),
        ),
    })
}

// ---------------------------------------------------------------------------
// Certification unlocks sharing

/// What stands between the person and sharing a post that asks for
/// `required`: `None` when they hold a valid certificate of that course or of
/// a translation of it.
pub async fn gate(
    state: &AppState,
    user: &CurrentUser,
    required: Option<CourseId>,
) -> Result<Option<CourseGate>, AppError> {
    let Some(required) = required else {
        return Ok(None);
    };
    let courses = state.db.courses().await?;
    if !courses.iter().any(|c| c.id == required) {
        return Ok(None);
    }
    let fam = family(&courses, required);
    let now = Utc::now();
    let certified = state
        .db
        .certificates_of(user.id)
        .await?
        .iter()
        .filter(|c| fam.contains(&c.course_id))
        .any(|c| {
            courses
                .iter()
                .find(|k| k.id == c.course_id)
                .is_some_and(|k| {
                    certificate_state(c.valid_until, c.edition.max(0) as u32, k.edition, now)
                        == CertificateState::Valid
                })
        });
    if certified {
        return Ok(None);
    }
    // Point at the version the person can take, in their language if there
    // is one. A course nobody can take now (unpublished, or not assigned to
    // this person) cannot be asked of them: it would block sharing for good.
    let Some(take) = courses
        .iter()
        .filter(|c| fam.contains(&c.id) && for_learner(c, user))
        .max_by_key(|c| (c.doc.lang == user.lang, c.id == required))
    else {
        return Ok(None);
    };
    Ok(Some(CourseGate {
        course_id: take.id,
        title: take.doc.title.clone(),
        minutes: take.doc.minutes,
    }))
}

/// Refuses a share until the person holds the certificate the post asks for.
pub async fn require_certificate(
    state: &AppState,
    user: &CurrentUser,
    required: Option<CourseId>,
) -> Result<(), AppError> {
    match gate(state, user, required).await? {
        None => Ok(()),
        Some(g) => Err(AppError::TrainingRequired {
            course_id: g.course_id,
            title: g.title,
        }),
    }
}

// ---------------------------------------------------------------------------
// Reports

/// Whose progress the person may see: `None` for everyone (trainers and
/// admins), else the teams a manager manages.
async fn report_scope(
    state: &AppState,
    user: &CurrentUser,
) -> Result<Option<Vec<TeamId>>, AppError> {
    if is_trainer(user) {
        Ok(None)
    } else if user.has(Role::Manager) {
        Ok(Some(state.db.managed_teams(user.id).await?))
    } else {
        Err(AppError::Forbidden)
    }
}

/// Courses a report can be asked for: every course for trainers, published ones for managers.
pub async fn report_courses(
    state: &AppState,
    user: &CurrentUser,
) -> Result<Vec<CourseRow>, AppError> {
    report_scope(state, user).await?;
    let rows = studio_rows(state).await?;
    Ok(if is_trainer(user) {
        rows
    } else {
        rows.into_iter()
            .filter(|r| r.status == CourseStatus::Published)
            .collect()
    })
}

/// Published courses, as (id, "title (lang)"), for a post's requirement.
pub async fn choices(state: &AppState) -> Result<Vec<(CourseId, String)>, AppError> {
    Ok(state
        .db
        .courses()
        .await?
        .into_iter()
        .filter(|c| c.status == CourseStatus::Published)
        .map(|c| (c.id, format!("{} ({})", c.doc.title, c.doc.lang.code())))
        .collect())
}

async fn studio_rows(state: &AppState) -> Result<Vec<CourseRow>, AppError> {
    Ok(state
        .db
        .courses()
        .await?
        .into_iter()
        .map(|c| CourseRow {
            id: c.id,
            title: c.doc.title.clone(),
            lang: c.doc.lang,
            status: c.status,
            edition: c.edition,
            items: c.doc.items().count(),
            mandatory: c.doc.mandatory,
            due: c.doc.due,
            updated_at: c.updated_at,
        })
        .collect())
}

/// Whether a person is counted in this course's report: it is assigned to
/// them, and it is the version (of it and its translations) they are given.
fn assigned(courses: &[CourseRecord], course: &CourseRecord, p: &RosterRow) -> bool {
    let lang = p.lang.parse().unwrap_or_default();
    if course.status == CourseStatus::Draft {
        return course.doc.audience.includes(p.team_id, p.location_id, lang);
    }
    shown_version(courses, course.id, p.team_id, p.location_id, lang) == Some(course.id)
}

/// Progress of everyone assigned a course, of one team or of all the teams
/// the person may see.
pub async fn report(
    state: &AppState,
    user: &CurrentUser,
    course_id: CourseId,
    team: Option<TeamId>,
) -> Result<TrainingReport, AppError> {
    let scope = report_scope(state, user).await?;
    if let (Some(t), Some(teams)) = (team, &scope) {
        if !teams.contains(&t) {
            return Err(AppError::Forbidden);
        }
    }
    let course = state
        .db
        .course(course_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if scope.is_some() && course.status != CourseStatus::Published {
        return Err(AppError::NotFound);
    }
    let roster = state.db.roster().await?;
    let progress = state.db.progress(course_id, None).await?;
    let courses = state.db.courses().await?;
    let now = Utc::now();
    let mut sibling_certs = Vec::new();
    for sibling in family(&courses, course_id) {
        if sibling != course_id {
            sibling_certs.extend(state.db.progress(sibling, None).await?.certificates);
        }
    }
    let mut by_family = family_certificates(&courses, course_id, &sibling_certs, now);
    let mut counts = StatusCounts::default();
    let mut learners = Vec::new();
    let mut scores = Vec::new();
    for p in roster.iter().filter(|p| assigned(&courses, &course, p)) {
        let in_scope = scope
            .as_ref()
            .is_none_or(|teams| p.team_id.is_some_and(|t| teams.contains(&t)));
        if !in_scope || team.is_some_and(|t| p.team_id != Some(t)) {
            continue;
        }
        let mut s = standing(&progress, p.person_id);
        s.family = by_family.remove(&p.person_id);
        let status = s.status(&course, now);
        counts.add(status);
        let score = s.score();
        scores.extend(score);
        learners.push(LearnerLine {
            person_id: p.person_id,
            name: p.name.clone(),
            team: p.team_name.clone(),
            status,
            done: s.done_count(&course),
            total: course.doc.items().count(),
            score,
            certified_until: s
                .brief(&course, now)
                .filter(|_| status == TrainingStatus::Completed)
                .map(|c| c.valid_until.unwrap_or(DateTime::<Utc>::MAX_UTC)),
        });
    }
    // Who needs attention first.
    learners.sort_by_key(|l| {
        let rank = match l.status {
            TrainingStatus::Overdue => 0,
            TrainingStatus::Failed => 1,
            TrainingStatus::NotStarted => 2,
            TrainingStatus::InProgress => 3,
            TrainingStatus::Completed => 4,
        };
        (rank, l.name.to_lowercase())
    });
    Ok(TrainingReport {
        course_id,
        course_title: course.doc.title,
        team,
        counts,
        average_score: average(&scores),
        learners,
    })
}

pub fn status_code(s: TrainingStatus) -> &'static str {
    match s {
        TrainingStatus::NotStarted => "not_started",
        TrainingStatus::InProgress => "in_progress",
        TrainingStatus::Completed => "completed",
        TrainingStatus::Failed => "failed",
        TrainingStatus::Overdue => "overdue",
    }
}

/// The report as CSV, one learner per line.
pub fn report_csv(r: &TrainingReport) -> String {
    let mut out = String::from("name,team,status,done,total,score,certified_until\n");
    for l in &r.learners {
        let until = match l.certified_until {
            Some(t) if t == DateTime::<Utc>::MAX_UTC => "no expiry".to_string(),
            Some(t) => t.format("%Y-%m-%d").to_string(),
            None => String::new(),
        };
        out.push_str(&format!(
            "{},{},{},{},{},{},{}\n",
            csv_field(&l.name),
            csv_field(l.team.as_deref().unwrap_or("")),
            status_code(l.status),
            l.done,
            l.total,
            l.score.map(|s| s.to_string()).unwrap_or_default(),
            until
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn certificate_codes_are_readable_and_random() {
        let a = certificate_code();
        assert_eq!(a.len(), 14);
        assert_eq!(a.matches('-').count(), 2);
        assert!(!a.contains(['0', 'O', '1', 'I']));
        assert_ne!(a, certificate_code());
        assert_eq!(normalized_code(&a.to_lowercase()), Some(a));
        assert_eq!(normalized_code("ABCD"), None);
    }

    #[test]
    fn csv_cells_are_quoted_and_never_formulas() {
        assert_eq!(csv_field("Pérez, Ana"), "\"Pérez, Ana\"");
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("Ventas"), "Ventas");
    }
}
