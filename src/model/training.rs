//! Training rules, shared by server and browser: how a quiz is graded, when
//! another attempt is allowed, when a quiz may be published, whether a
//! certificate is still valid, and where a learner stands on a course.
//! Grading runs on the server only; the browser gets questions without
//! their answers until it has answered.

use chrono::{DateTime, Months, Utc};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};

pub type QuestionId = i64;
pub type OptionId = i64;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// Exactly one correct option.
    Single,
    /// One or more correct options; all of them, and only them, must be chosen.
    Multiple,
    /// Two options, true and false, one of them correct.
    TrueFalse,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuizOption {
    pub id: OptionId,
    pub text: String,
    pub correct: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub id: QuestionId,
    pub kind: QuestionKind,
    pub text: String,
    pub options: Vec<QuizOption>,
    /// Shown after answering, right or wrong.
    pub explanation: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizRules {
    /// Percentage of questions answered right needed to pass, 1–100.
    pub pass_mark: u8,
    /// `None`: as many attempts as wanted.
    pub max_attempts: Option<u32>,
    pub shuffle: bool,
}

/// What a learner chose: option ids per question.
pub type Answers = HashMap<QuestionId, Vec<OptionId>>;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionResult {
    pub question: QuestionId,
    pub correct: bool,
    pub correct_options: Vec<OptionId>,
    pub explanation: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Graded {
    /// Whole percent, rounded down: 2 of 3 is 66, not 67, so a pass mark
    /// of 67 % really needs more than two thirds.
    pub score: u8,
    pub right: usize,
    pub total: usize,
    pub passed: bool,
    pub results: Vec<QuestionResult>,
}

fn correct_set(q: &Question) -> BTreeSet<OptionId> {
    q.options
        .iter()
        .filter(|o| o.correct)
        .map(|o| o.id)
        .collect()
}

/// Grades answers against the quiz. A question is right when the chosen
/// options are exactly its correct ones; unanswered questions are wrong, and
/// options of other questions are ignored.
pub fn grade(questions: &[Question], answers: &Answers, rules: QuizRules) -> Graded {
    let results: Vec<QuestionResult> = questions
        .iter()
        .map(|q| {
            let valid: BTreeSet<OptionId> = q.options.iter().map(|o| o.id).collect();
            let chosen: BTreeSet<OptionId> = answers
                .get(&q.id)
                .map(|ids| {
                    ids.iter()
                        .copied()
                        .filter(|id| valid.contains(id))
                        .collect()
                })
                .unwrap_or_default();
            let correct = correct_set(q);
            QuestionResult {
                question: q.id,
                correct: !chosen.is_empty() && chosen == correct,
                correct_options: correct.into_iter().collect(),
                explanation: q.explanation.clone(),
            }
        })
        .collect();
    let total = results.len();
    let right = results.iter().filter(|r| r.correct).count();
    let score = (right * 100).checked_div(total).unwrap_or(0) as u8;
    Graded {
        score,
        right,
        total,
        passed: total > 0 && score >= rules.pass_mark,
        results,
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum QuizProblem {
    NoQuestions,
    PassMark,
    TooFewOptions { question: QuestionId },
    NoCorrectOption { question: QuestionId },
    OneCorrectOnly { question: QuestionId },
    EmptyText { question: QuestionId },
}

/// Whether a quiz can be published: every question answerable, with the
/// right number of correct options for its kind.
pub fn check_quiz(questions: &[Question], rules: QuizRules) -> Result<(), Vec<QuizProblem>> {
    let mut problems = Vec::new();
    if questions.is_empty() {
        problems.push(QuizProblem::NoQuestions);
    }
    if !(1..=100).contains(&rules.pass_mark) {
        problems.push(QuizProblem::PassMark);
    }
    for q in questions {
        if q.text.trim().is_empty() || q.options.iter().any(|o| o.text.trim().is_empty()) {
            problems.push(QuizProblem::EmptyText { question: q.id });
        }
        let correct = q.options.iter().filter(|o| o.correct).count();
        if q.options.len() < 2 || (q.kind == QuestionKind::TrueFalse && q.options.len() != 2) {
            problems.push(QuizProblem::TooFewOptions { question: q.id });
        }
        if correct == 0 {
            problems.push(QuizProblem::NoCorrectOption { question: q.id });
        } else if correct > 1 && q.kind != QuestionKind::Multiple {
            problems.push(QuizProblem::OneCorrectOnly { question: q.id });
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// Whether another attempt may start, given how many were submitted and
/// whether one of them passed (a passed quiz is not retaken).
pub fn may_attempt(submitted: u32, passed: bool, rules: QuizRules) -> bool {
    !passed && rules.max_attempts.is_none_or(|max| submitted < max)
}

/// Attempts left, for the learner's screen; `None` means unlimited.
pub fn attempts_left(submitted: u32, rules: QuizRules) -> Option<u32> {
    rules.max_attempts.map(|max| max.saturating_sub(submitted))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CertificateState {
    Valid,
    /// Past its validity: recertify.
    Expired,
    /// Earned on a version the trainer has since marked as needing recertification.
    Outdated,
}

/// When a certificate issued at `issued` stops being valid, if it ever does.
pub fn valid_until(issued: DateTime<Utc>, validity_months: Option<u32>) -> Option<DateTime<Utc>> {
    validity_months.and_then(|m| issued.checked_add_months(Months::new(m)))
}

pub fn certificate_state(
    valid_until: Option<DateTime<Utc>>,
    earned_on_version: u32,
    recertify_from_version: u32,
    now: DateTime<Utc>,
) -> CertificateState {
    if earned_on_version < recertify_from_version {
        CertificateState::Outdated
    } else if valid_until.is_some_and(|u| u <= now) {
        CertificateState::Expired
    } else {
        CertificateState::Valid
    }
}

/// Where a learner stands on an assigned course, as reports and managers see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrainingStatus {
    NotStarted,
    InProgress,
    Completed,
    /// Used every attempt of a quiz without passing.
    Failed,
    /// Mandatory, past its due date, and not completed.
    Overdue,
}

pub struct LearnerFacts {
    pub started: bool,
    pub completed: bool,
    pub out_of_attempts: bool,
    pub due: Option<DateTime<Utc>>,
}

pub fn training_status(f: &LearnerFacts, now: DateTime<Utc>) -> TrainingStatus {
    if f.completed {
        TrainingStatus::Completed
    } else if f.out_of_attempts {
        TrainingStatus::Failed
    } else if f.due.is_some_and(|d| d < now) {
        TrainingStatus::Overdue
    } else if f.started {
        TrainingStatus::InProgress
    } else {
        TrainingStatus::NotStarted
    }
}

// ---------------------------------------------------------------------------
// Courses as trainers write them and learners see them.

pub type CourseId = i64;
/// A lesson or a quiz, unique within its course and stable across edits, so
/// progress survives a trainer's typo fix.
pub type ItemId = i64;

pub const COURSE_TITLE_MAX: usize = 120;
pub const COURSE_SUMMARY_MAX: usize = 600;
pub const LESSON_MAX: usize = 40_000;
pub const QUESTIONS_MAX: usize = 50;
pub const OPTIONS_MAX: usize = 8;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CourseStatus {
    Draft,
    Published,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quiz {
    pub rules: QuizRules,
    pub questions: Vec<Question>,
}

/// A lesson (Markdown) or, with `quiz`, a quiz (the body is its introduction).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// 0 for an item the trainer has just added; the server numbers it.
    pub id: ItemId,
    pub title: String,
    pub body: String,
    pub quiz: Option<Quiz>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Module {
    pub title: String,
    pub items: Vec<Item>,
}

/// The whole course as the trainer edits it and the server stores it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CourseInput {
    /// The version the edit started from (0 for a new course).
    pub version: i64,
    pub title: String,
    pub summary: String,
    pub lang: crate::model::Lang,
    /// Estimated minutes to complete.
    pub minutes: u32,
    pub cover_image: Option<crate::model::ImageId>,
    /// Items must be completed in order; otherwise learners move freely.
    pub sequential: bool,
    /// How long a certificate stays valid; `None`: it does not expire.
    pub validity_months: Option<u32>,
    /// Who the course is assigned to; everyone when empty.
    pub audience: crate::model::Targeting,
    pub mandatory: bool,
    pub due: Option<DateTime<Utc>>,
    /// The course this one translates: a certificate of either counts for both.
    pub translation_of: Option<CourseId>,
    pub modules: Vec<Module>,
    /// The next id to give (kept by the server; ids are never reused).
    #[serde(default)]
    pub next_id: i64,
}

impl CourseInput {
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.modules.iter().flat_map(|m| m.items.iter())
    }

    pub fn item(&self, id: ItemId) -> Option<&Item> {
        self.items().find(|i| i.id == id)
    }
}

/// A question as the learner sees it before answering: no correct flags.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionView {
    pub id: QuestionId,
    pub kind: QuestionKind,
    pub text: String,
    pub options: Vec<(OptionId, String)>,
}

/// Where a learner is on one course (the "My courses" card).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CourseCard {
    pub id: CourseId,
    pub title: String,
    pub summary: String,
    pub lang: crate::model::Lang,
    pub minutes: u32,
    pub cover_url: Option<String>,
    pub mandatory: bool,
    pub due: Option<DateTime<Utc>>,
    pub done: usize,
    pub total: usize,
    pub status: TrainingStatus,
    pub certificate: Option<CertificateBrief>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CertificateBrief {
    pub code: String,
    pub issued_at: DateTime<Utc>,
    pub valid_until: Option<DateTime<Utc>>,
    pub state: CertificateState,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemBrief {
    pub id: ItemId,
    pub title: String,
    pub is_quiz: bool,
    pub done: bool,
    /// Sequential courses open an item once the ones before it are done.
    pub locked: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModuleBrief {
    pub title: String,
    pub items: Vec<ItemBrief>,
}

/// A course from the learner's side.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LearnerCourse {
    pub card: CourseCard,
    pub sequential: bool,
    pub validity_months: Option<u32>,
    pub modules: Vec<ModuleBrief>,
    /// Where "Continue" goes: the first item not done.
    pub next_item: Option<ItemId>,
    /// The certificate expired or is outdated: the learner may start over.
    pub may_recertify: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LessonView {
    pub course_id: CourseId,
    pub course_title: String,
    pub id: ItemId,
    pub title: String,
    pub body_html: String,
    pub done: bool,
    pub next_item: Option<ItemId>,
    pub next_is_quiz: bool,
    pub prev_item: Option<ItemId>,
    pub position: usize,
    pub total: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuizView {
    pub course_id: CourseId,
    pub course_title: String,
    pub id: ItemId,
    pub title: String,
    pub intro_html: String,
    pub pass_mark: u8,
    /// The number the next submission must carry; submitting it twice counts once.
    pub attempt: u32,
    pub attempts_left: Option<u32>,
    pub passed: bool,
    pub may_attempt: bool,
    pub best_score: Option<u8>,
    pub questions: Vec<QuestionView>,
    pub next_item: Option<ItemId>,
    pub next_is_quiz: bool,
    pub position: usize,
    pub total: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuizSubmission {
    pub course_id: CourseId,
    pub item_id: ItemId,
    pub attempt: u32,
    pub answers: Vec<(QuestionId, Vec<OptionId>)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuizOutcome {
    pub graded: Graded,
    pub attempts_left: Option<u32>,
    pub may_retry: bool,
    /// Set when this submission completed the course.
    pub certificate: Option<String>,
}

/// A certificate as its holder sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Certificate {
    pub code: String,
    pub holder: String,
    pub course_id: CourseId,
    pub course_title: String,
    pub issued_at: DateTime<Utc>,
    pub valid_until: Option<DateTime<Utc>>,
    pub state: CertificateState,
}

/// What the public verification page shows: enough to verify, nothing more.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Verification {
    pub holder: String,
    pub course_title: String,
    pub issued_at: DateTime<Utc>,
    pub valid_until: Option<DateTime<Utc>>,
    pub state: CertificateState,
}

/// The course a post asks for before it can be shared.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CourseGate {
    pub course_id: CourseId,
    pub title: String,
    pub minutes: u32,
}

/// A course in the trainers' list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CourseRow {
    pub id: CourseId,
    pub title: String,
    pub lang: crate::model::Lang,
    pub status: CourseStatus,
    pub edition: u32,
    pub items: usize,
    pub mandatory: bool,
    pub due: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CourseDetail {
    pub id: CourseId,
    pub input: CourseInput,
    pub status: CourseStatus,
    pub edition: u32,
    /// Problems that keep the course from being published, if any.
    pub problems: Vec<crate::model::FieldError>,
}

/// One learner's line in a progress report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LearnerLine {
    pub person_id: crate::model::PersonId,
    pub name: String,
    pub team: Option<String>,
    pub status: TrainingStatus,
    pub done: usize,
    pub total: usize,
    /// Best score per quiz, averaged; `None` before any attempt.
    pub score: Option<u8>,
    pub certified_until: Option<DateTime<Utc>>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StatusCounts {
    pub not_started: usize,
    pub in_progress: usize,
    pub completed: usize,
    pub failed: usize,
    pub overdue: usize,
}

impl StatusCounts {
    pub fn add(&mut self, s: TrainingStatus) {
        match s {
            TrainingStatus::NotStarted => self.not_started += 1,
            TrainingStatus::InProgress => self.in_progress += 1,
            TrainingStatus::Completed => self.completed += 1,
            TrainingStatus::Failed => self.failed += 1,
            TrainingStatus::Overdue => self.overdue += 1,
        }
    }

    pub fn total(&self) -> usize {
        self.not_started + self.in_progress + self.completed + self.failed + self.overdue
    }

    /// Completed learners, in whole percent of everyone assigned.
    pub fn completion_rate(&self) -> u8 {
        (self.completed * 100)
            .checked_div(self.total())
            .unwrap_or(0) as u8
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrainingReport {
    pub course_id: CourseId,
    pub course_title: String,
    pub team: Option<crate::model::TeamId>,
    pub counts: StatusCounts,
    pub average_score: Option<u8>,
    pub learners: Vec<LearnerLine>,
}

/// Average of scores, rounded down; `None` for none.
pub fn average(scores: &[u8]) -> Option<u8> {
    if scores.is_empty() {
        None
    } else {
        Some((scores.iter().map(|&s| s as usize).sum::<usize>() / scores.len()) as u8)
    }
}

/// Gives every item, question and option with id 0 a fresh id. Ids are
/// never reused, not even those of deleted items (`next_id` remembers the
/// highest ever given), so progress never points at the wrong item.
pub fn number_new_ids(course: &mut CourseInput) {
    let highest = course
        .modules
        .iter()
        .flat_map(|m| m.items.iter())
        .flat_map(|i| {
            std::iter::once(i.id).chain(i.quiz.iter().flat_map(|q| {
                q.questions
                    .iter()
                    .flat_map(|q| std::iter::once(q.id).chain(q.options.iter().map(|o| o.id)))
            }))
        })
        .max()
        .unwrap_or(0);
    let mut next = course.next_id.max(highest + 1).max(1);
    let mut fresh = |id: &mut i64| {
        if *id <= 0 {
            *id = next;
            next += 1;
        }
    };
    for item in course.modules.iter_mut().flat_map(|m| m.items.iter_mut()) {
        fresh(&mut item.id);
        if let Some(quiz) = item.quiz.as_mut() {
            for q in quiz.questions.iter_mut() {
                fresh(&mut q.id);
                for o in q.options.iter_mut() {
                    fresh(&mut o.id);
                }
            }
        }
    }
    course.next_id = next;
}

/// What a course must satisfy to be saved (drafts included).
pub fn validate_course(c: &CourseInput) -> Vec<crate::model::FieldError> {
    use crate::model::validate::short_text;
    use crate::model::{ErrorCode, FieldError};
    let mut errors = Vec::new();
    if let Err(code) = short_text(&c.title, COURSE_TITLE_MAX) {
        errors.push(FieldError::new("title", code));
    }
    if c.summary.chars().count() > COURSE_SUMMARY_MAX {
        errors.push(FieldError::new(
            "summary",
            ErrorCode::TooLong {
                max: COURSE_SUMMARY_MAX as u32,
            },
        ));
    }
    if !(1..=600).contains(&c.minutes) {
        errors.push(FieldError::new(
            "minutes",
            ErrorCode::OutOfRange { min: 1, max: 600 },
        ));
    }
    if c.validity_months.is_some_and(|m| !(1..=120).contains(&m)) {
        errors.push(FieldError::new(
            "validity_months",
            ErrorCode::OutOfRange { min: 1, max: 120 },
        ));
    }
    let items: Vec<&Item> = c.items().collect();
    if items.len() > 200 {
        errors.push(FieldError::new("items", ErrorCode::TooMany { max: 200 }));
    }
    for (m, module) in c.modules.iter().enumerate() {
        if module.title.chars().count() > COURSE_TITLE_MAX {
            errors.push(FieldError::new(
                &format!("module-{m}"),
                ErrorCode::TooLong {
                    max: COURSE_TITLE_MAX as u32,
                },
            ));
        }
    }
    for (n, item) in items.iter().enumerate() {
        let field = format!("item-{n}");
        if let Err(code) = short_text(&item.title, COURSE_TITLE_MAX) {
            errors.push(FieldError::new(&field, code));
        }
        if item.body.chars().count() > LESSON_MAX {
            errors.push(FieldError::new(
                &field,
                ErrorCode::TooLong {
                    max: LESSON_MAX as u32,
                },
            ));
        }
        if let Some(quiz) = &item.quiz {
            if quiz.questions.len() > QUESTIONS_MAX {
                errors.push(FieldError::new(
                    &field,
                    ErrorCode::TooMany {
                        max: QUESTIONS_MAX as u32,
                    },
                ));
            }
            if quiz.questions.iter().any(|q| q.options.len() > OPTIONS_MAX) {
                errors.push(FieldError::new(
                    &field,
                    ErrorCode::TooMany {
                        max: OPTIONS_MAX as u32,
                    },
                ));
            }
            if quiz.rules.max_attempts == Some(0) {
                errors.push(FieldError::new(
                    &field,
                    ErrorCode::OutOfRange { min: 1, max: 100 },
                ));
            }
        }
    }
    errors
}

/// What keeps a course from being published (or a published course from
/// being saved): no items, or a quiz that cannot be answered right.
pub fn publish_problems(c: &CourseInput) -> Vec<crate::model::FieldError> {
    use crate::model::{ErrorCode, FieldError};
    let mut errors = Vec::new();
    if c.items().next().is_none() {
        errors.push(FieldError::new("items", ErrorCode::EmptyCourse));
    }
    for (n, item) in c.items().enumerate() {
        let Some(quiz) = &item.quiz else { continue };
        if let Err(problems) = check_quiz(&quiz.questions, quiz.rules) {
            for p in problems {
                let code = match p {
                    QuizProblem::NoQuestions => ErrorCode::QuizNeedsQuestions,
                    QuizProblem::PassMark => ErrorCode::PassMark,
                    QuizProblem::TooFewOptions { .. } => ErrorCode::TooFewOptions,
                    QuizProblem::NoCorrectOption { .. } => ErrorCode::NoCorrectOption,
                    QuizProblem::OneCorrectOnly { .. } => ErrorCode::OneCorrectOnly,
                    QuizProblem::EmptyText { .. } => ErrorCode::EmptyQuestion,
                };
                let e = FieldError::new(&format!("item-{n}"), code);
                if !errors.contains(&e) {
                    errors.push(e);
                }
            }
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn lesson(id: ItemId) -> Item {
        Item {
            id,
            title: "L".into(),
            body: String::new(),
            quiz: None,
        }
    }

    #[test]
    fn ids_of_deleted_items_are_never_given_again() {
        let mut c = CourseInput {
            version: 0,
            title: "C".into(),
            summary: String::new(),
            lang: crate::model::Lang::Es,
            minutes: 5,
            cover_image: None,
            sequential: true,
            validity_months: None,
            audience: Default::default(),
            mandatory: false,
            due: None,
            translation_of: None,
            modules: vec![Module {
                title: String::new(),
                items: vec![lesson(0), lesson(0), lesson(0)],
            }],
            next_id: 0,
        };
        number_new_ids(&mut c);
        let ids: Vec<ItemId> = c.items().map(|i| i.id).collect();
        assert_eq!(ids, [1, 2, 3]);
        // The last one deleted, a new one added: it gets 4, not 3 again.
        c.modules[0].items.pop();
        c.modules[0].items.push(lesson(0));
        number_new_ids(&mut c);
        assert_eq!(c.items().map(|i| i.id).collect::<Vec<_>>(), [1, 2, 4]);
        // Numbering again changes nothing.
        let before = c.clone();
        number_new_ids(&mut c);
        assert_eq!(c, before);
    }

    fn q(
        id: QuestionId,
        kind: QuestionKind,
        correct: &[OptionId],
        options: &[OptionId],
    ) -> Question {
        Question {
            id,
            kind,
            text: format!("Question {id}"),
            options: options
                .iter()
                .map(|o| QuizOption {
                    id: *o,
                    text: format!("Option {o}"),
                    correct: correct.contains(o),
                })
                .collect(),
            explanation: format!("Because {id}"),
        }
    }

    const RULES: QuizRules = QuizRules {
        pass_mark: 67,
        max_attempts: Some(3),
        shuffle: false,
    };

    fn quiz() -> Vec<Question> {
        vec![
            q(1, QuestionKind::Single, &[11], &[10, 11, 12]),
            q(2, QuestionKind::Multiple, &[20, 22], &[20, 21, 22]),
            q(3, QuestionKind::TrueFalse, &[31], &[30, 31]),
        ]
    }

    fn answers(a: &[(QuestionId, &[OptionId])]) -> Answers {
        a.iter().map(|(q, o)| (*q, o.to_vec())).collect()
    }

    #[test]
    fn all_right_passes_with_full_marks() {
        let g = grade(
            &quiz(),
            &answers(&[(1, &[11]), (2, &[22, 20]), (3, &[31])]),
            RULES,
        );
        assert_eq!((g.score, g.right, g.total, g.passed), (100, 3, 3, true));
        assert!(g.results.iter().all(|r| r.correct));
        assert_eq!(g.results[1].correct_options, vec![20, 22]);
        assert_eq!(g.results[2].explanation, "Because 3");
    }

    #[test]
    fn multiple_choice_needs_exactly_the_correct_set() {
        for chosen in [&[20][..], &[20, 21, 22], &[21]] {
            let g = grade(&quiz(), &answers(&[(2, chosen)]), RULES);
            assert!(!g.results[1].correct, "{chosen:?}");
        }
    }

    #[test]
    fn two_of_three_is_below_a_two_thirds_pass_mark() {
        let g = grade(
            &quiz(),
            &answers(&[(1, &[11]), (2, &[20, 22]), (3, &[30])]),
            RULES,
        );
        assert_eq!((g.score, g.passed), (66, false));
        let lenient = QuizRules {
            pass_mark: 66,
            ..RULES
        };
        assert!(grade(&quiz(), &answers(&[(1, &[11]), (2, &[20, 22])]), lenient).passed);
    }

    #[test]
    fn unanswered_and_foreign_options_count_as_wrong() {
        let g = grade(&quiz(), &answers(&[(1, &[20]), (3, &[])]), RULES);
        assert_eq!(g.right, 0);
        // An option id of another question does not make a single answer right.
        let g = grade(&quiz(), &answers(&[(1, &[11, 20])]), RULES);
        assert!(g.results[0].correct, "the foreign option is ignored");
        assert!(
            !grade(&[], &Answers::new(), RULES).passed,
            "an empty quiz passes no one"
        );
    }

    #[test]
    fn quizzes_without_a_correct_option_cannot_be_published() {
        assert_eq!(check_quiz(&quiz(), RULES), Ok(()));
        let bad = vec![
            q(1, QuestionKind::Single, &[], &[10, 11]),
            q(2, QuestionKind::Single, &[20, 21], &[20, 21]),
            q(3, QuestionKind::TrueFalse, &[30], &[30, 31, 32]),
            q(4, QuestionKind::Multiple, &[40], &[40]),
        ];
        assert_eq!(
            check_quiz(
                &bad,
                QuizRules {
                    pass_mark: 0,
                    ..RULES
                }
            ),
            Err(vec![
                QuizProblem::PassMark,
                QuizProblem::NoCorrectOption { question: 1 },
                QuizProblem::OneCorrectOnly { question: 2 },
                QuizProblem::TooFewOptions { question: 3 },
                QuizProblem::TooFewOptions { question: 4 },
            ])
        );
        assert_eq!(check_quiz(&[], RULES), Err(vec![QuizProblem::NoQuestions]));
    }

    #[test]
    fn attempts_stop_at_the_limit_or_once_passed() {
        assert!(may_attempt(0, false, RULES));
        assert!(may_attempt(2, false, RULES));
        assert!(!may_attempt(3, false, RULES));
        assert!(!may_attempt(1, true, RULES));
        let unlimited = QuizRules {
            max_attempts: None,
            ..RULES
        };
        assert!(may_attempt(1000, false, unlimited));
        assert_eq!(attempts_left(1, RULES), Some(2));
        assert_eq!(attempts_left(5, RULES), Some(0));
        assert_eq!(attempts_left(5, unlimited), None);
    }

    #[test]
    fn certificates_expire_and_new_versions_can_require_recertification() {
        let issued = Utc.with_ymd_and_hms(2026, 1, 31, 10, 0, 0).unwrap();
        let until = valid_until(issued, Some(12)).unwrap();
        assert_eq!(until, Utc.with_ymd_and_hms(2027, 1, 31, 10, 0, 0).unwrap());
        assert_eq!(valid_until(issued, None), None);
        let before = Utc.with_ymd_and_hms(2027, 1, 31, 9, 59, 59).unwrap();
        assert_eq!(
            certificate_state(Some(until), 1, 1, before),
            CertificateState::Valid
        );
        assert_eq!(
            certificate_state(Some(until), 1, 1, until),
            CertificateState::Expired
        );
        assert_eq!(
            certificate_state(None, 1, 1, until),
            CertificateState::Valid,
            "no expiry"
        );
        assert_eq!(
            certificate_state(None, 1, 2, before),
            CertificateState::Outdated
        );
        assert_eq!(
            certificate_state(None, 2, 2, before),
            CertificateState::Valid
        );
    }

    #[test]
    fn a_learner_is_overdue_only_until_completing() {
        let now = Utc.with_ymd_and_hms(2026, 6, 1, 0, 0, 0).unwrap();
        let past = Some(now - chrono::Duration::days(1));
        let facts = |started, completed, out, due| LearnerFacts {
            started,
            completed,
            out_of_attempts: out,
            due,
        };
        assert_eq!(
            training_status(&facts(false, false, false, None), now),
            TrainingStatus::NotStarted
        );
        assert_eq!(
            training_status(&facts(true, false, false, None), now),
            TrainingStatus::InProgress
        );
        assert_eq!(
            training_status(&facts(true, false, false, past), now),
            TrainingStatus::Overdue
        );
        assert_eq!(
            training_status(&facts(true, true, false, past), now),
            TrainingStatus::Completed
        );
        assert_eq!(
            training_status(&facts(true, false, true, past), now),
            TrainingStatus::Failed
        );
    }
}
