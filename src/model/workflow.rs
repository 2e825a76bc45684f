//! The approval workflow of a post as a state machine:
//!
//! ```text
//!  draft ──submit──▶ in review ──approve──▶ approved ──retract──▶ retracted
//!    ▲                │   │                    │
//!    └──reject/withdraw┘   └◀──────edit─────────┘   (editing sends it back to review)
//! ```
//!
//! "Approved" shows as scheduled, live or expired depending on the clock
//! (`phase`), so expired posts leave the feed with no job running.

use super::Role;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PostStatus {
    Draft,
    InReview,
    Approved,
    Retracted,
}

impl PostStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            PostStatus::Draft => "draft",
            PostStatus::InReview => "in_review",
            PostStatus::Approved => "approved",
            PostStatus::Retracted => "retracted",
        }
    }

    pub fn parse(s: &str) -> Option<PostStatus> {
        [
            PostStatus::Draft,
            PostStatus::InReview,
            PostStatus::Approved,
            PostStatus::Retracted,
        ]
        .into_iter()
        .find(|p| p.as_str() == s)
    }
}

/// Where a post is as people see it: the stored status plus the clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Draft,
    InReview,
    Scheduled,
    Live,
    Expired,
    Retracted,
}

impl Phase {
    pub const ALL: [Phase; 6] = [
        Phase::Draft,
        Phase::InReview,
        Phase::Scheduled,
        Phase::Live,
        Phase::Expired,
        Phase::Retracted,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Draft => "draft",
            Phase::InReview => "in_review",
            Phase::Scheduled => "scheduled",
            Phase::Live => "live",
            Phase::Expired => "expired",
            Phase::Retracted => "retracted",
        }
    }
}

pub fn phase(
    status: PostStatus,
    publish_at: DateTime<Utc>,
    expire_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Phase {
    match status {
        PostStatus::Draft => Phase::Draft,
        PostStatus::InReview => Phase::InReview,
        PostStatus::Retracted => Phase::Retracted,
        PostStatus::Approved if publish_at > now => Phase::Scheduled,
        PostStatus::Approved if expire_at.is_some_and(|e| e <= now) => Phase::Expired,
        PostStatus::Approved => Phase::Live,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// Save changes to the content.
    Edit,
    Submit,
    /// The author takes a post back out of review.
    Withdraw,
    Approve,
    Reject,
    Retract,
}

impl Step {
    pub fn as_str(self) -> &'static str {
        match self {
            Step::Edit => "edit",
            Step::Submit => "submit",
            Step::Withdraw => "withdraw",
            Step::Approve => "approve",
            Step::Reject => "reject",
            Step::Retract => "retract",
        }
    }
}

/// Who is taking a step, as far as the workflow cares.
#[derive(Clone, Copy, Debug)]
pub struct Actor {
    pub editor: bool,
    pub approver: bool,
    pub admin: bool,
    /// They wrote the post.
    pub author: bool,
    /// The admin allows editors to approve their own posts.
    pub self_approval_allowed: bool,
}

impl Actor {
    pub fn new(roles: super::Roles, author: bool, self_approval_allowed: bool) -> Actor {
        Actor {
            editor: roles.contains(Role::Editor),
            approver: roles.contains(Role::Approver),
            admin: roles.contains(Role::Admin),
            author,
            self_approval_allowed,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum WorkflowError {
    #[error("this step is not possible from the post's current state")]
    NotFromHere,
    #[error("your role does not allow this step")]
    RoleMissing,
    #[error("you cannot approve your own post")]
    OwnPost,
    #[error("a comment is required")]
    CommentRequired,
}

/// The status after `step`, or why the step is refused.
pub fn next(
    status: PostStatus,
    step: Step,
    actor: Actor,
    comment: &str,
) -> Result<PostStatus, WorkflowError> {
    use PostStatus::*;
    let needs_comment = matches!(step, Step::Reject | Step::Retract);
    let allowed_role = match step {
        Step::Edit | Step::Submit | Step::Withdraw => actor.editor,
        Step::Approve | Step::Reject => actor.approver,
        Step::Retract => actor.approver || actor.admin,
    };
    let to = match (status, step) {
        (Draft, Step::Edit) => Draft,
        (InReview, Step::Edit) => InReview,
        (Approved, Step::Edit) => InReview,
        (Draft, Step::Submit) => InReview,
        (InReview, Step::Withdraw) => Draft,
        (InReview, Step::Approve) => Approved,
        (InReview, Step::Reject) => Draft,
        (Approved, Step::Retract) => Retracted,
        _ => return Err(WorkflowError::NotFromHere),
    };
    if !allowed_role {
        return Err(WorkflowError::RoleMissing);
    }
    if step == Step::Approve && actor.author && !actor.self_approval_allowed {
        return Err(WorkflowError::OwnPost);
    }
    if needs_comment && comment.trim().is_empty() {
        return Err(WorkflowError::CommentRequired);
    }
    Ok(to)
}

#[cfg(test)]
mod tests {
    use super::*;
    use PostStatus::*;

    const ALL_STATUSES: [PostStatus; 4] = [Draft, InReview, Approved, Retracted];
    const ALL_STEPS: [Step; 6] = [
        Step::Edit,
        Step::Submit,
        Step::Withdraw,
        Step::Approve,
        Step::Reject,
        Step::Retract,
    ];

    fn everyone() -> Actor {
        Actor {
            editor: true,
            approver: true,
            admin: true,
            author: false,
            self_approval_allowed: false,
        }
    }

    /// Every (status, step) pair: exactly these are allowed, everything else is refused.
    #[test]
    fn the_transition_table_is_exactly_this() {
        let allowed = [
            (Draft, Step::Edit, Draft),
            (InReview, Step::Edit, InReview),
            (Approved, Step::Edit, InReview),
            (Draft, Step::Submit, InReview),
            (InReview, Step::Withdraw, Draft),
            (InReview, Step::Approve, Approved),
            (InReview, Step::Reject, Draft),
            (Approved, Step::Retract, Retracted),
        ];
        for status in ALL_STATUSES {
            for step in ALL_STEPS {
                let got = next(status, step, everyone(), "because");
                match allowed
                    .iter()
                    .find(|(s, st, _)| *s == status && *st == step)
                {
                    Some((_, _, to)) => assert_eq!(got, Ok(*to), "{status:?} --{step:?}-->"),
                    None => assert_eq!(
                        got,
                        Err(WorkflowError::NotFromHere),
                        "{status:?} --{step:?}--> must be refused"
                    ),
                }
            }
        }
    }

    #[test]
    fn retracted_is_final() {
        for step in ALL_STEPS {
            assert!(next(Retracted, step, everyone(), "x").is_err());
        }
    }

    #[test]
    fn each_step_needs_its_role() {
        let editor = Actor {
            editor: true,
            approver: false,
            admin: false,
            author: false,
            self_approval_allowed: false,
        };
        let approver = Actor {
            editor: false,
            approver: true,
            admin: false,
            author: false,
            self_approval_allowed: false,
        };
        let admin = Actor {
            editor: false,
            approver: false,
            admin: true,
            author: false,
            self_approval_allowed: false,
        };
        assert_eq!(next(Draft, Step::Submit, editor, ""), Ok(InReview));
        assert_eq!(
            next(Draft, Step::Submit, approver, ""),
            Err(WorkflowError::RoleMissing)
        );
        assert_eq!(
            next(InReview, Step::Approve, editor, ""),
            Err(WorkflowError::RoleMissing)
        );
        assert_eq!(next(InReview, Step::Approve, approver, ""), Ok(Approved));
        assert_eq!(
            next(InReview, Step::Approve, admin, ""),
            Err(WorkflowError::RoleMissing)
        );
        assert_eq!(
            next(Approved, Step::Retract, admin, "wrong figures"),
            Ok(Retracted)
        );
        assert_eq!(
            next(Approved, Step::Retract, editor, "wrong figures"),
            Err(WorkflowError::RoleMissing)
        );
        assert_eq!(
            next(Approved, Step::Edit, approver, ""),
            Err(WorkflowError::RoleMissing)
        );
    }

    #[test]
    fn authors_approve_their_own_posts_only_when_the_admin_allows() {
        let author = Actor {
            editor: true,
            approver: true,
            admin: false,
            author: true,
            self_approval_allowed: false,
        };
        assert_eq!(
            next(InReview, Step::Approve, author, ""),
            Err(WorkflowError::OwnPost)
        );
        assert_eq!(
            next(
                InReview,
                Step::Approve,
                Actor {
                    self_approval_allowed: true,
                    ..author
                },
                ""
            ),
            Ok(Approved)
        );
        assert_eq!(
            next(InReview, Step::Reject, author, "needs work"),
            Ok(Draft),
            "rejecting one's own is fine"
        );
    }

    #[test]
    fn rejecting_and_retracting_need_a_reason() {
        assert_eq!(
            next(InReview, Step::Reject, everyone(), "  "),
            Err(WorkflowError::CommentRequired)
        );
        assert_eq!(
            next(Approved, Step::Retract, everyone(), ""),
            Err(WorkflowError::CommentRequired)
        );
    }

    #[test]
    fn approved_posts_show_their_phase_by_the_clock() {
        let now = Utc::now();
        let h = chrono::Duration::hours(1);
        assert_eq!(phase(Approved, now + h, None, now), Phase::Scheduled);
        assert_eq!(phase(Approved, now - h, None, now), Phase::Live);
        assert_eq!(phase(Approved, now - h, Some(now + h), now), Phase::Live);
        assert_eq!(
            phase(Approved, now - h - h, Some(now - h), now),
            Phase::Expired
        );
        assert_eq!(
            phase(Approved, now - h, Some(now), now),
            Phase::Expired,
            "expiry is exclusive"
        );
        assert_eq!(phase(Retracted, now - h, None, now), Phase::Retracted);
        assert_eq!(phase(Draft, now - h, None, now), Phase::Draft);
    }
}
