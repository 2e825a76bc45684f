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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

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
