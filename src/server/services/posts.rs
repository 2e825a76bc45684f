//! The content library: writing posts, the approval workflow, suggestions,
//! and what each person may see.

use super::settings;
use crate::model::workflow::{self, Actor};
use crate::model::{
    link_host, normalize_topics, parse_link, validate_post, AppError, CurrentUser, ErrorCode, Feed,
    FeedItem, FeedQuery, HistoryItem, PostDetail, PostId, PostInput, PostRow, PostStatus, PostView,
    Role, Step, Studio, Suggestion, Supply, COMMENT_MAX, NOTE_MAX,
};
use crate::server::db::{
    AuditEntry, AuditFilter, PostRecord, PostWrite, StatusChange, StoreError, Viewer,
};
use crate::server::markdown;
use crate::server::state::AppState;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

const SUMMARY_CHARS: usize = 180;

/// What an audit record of a post says about the transition.
#[derive(Serialize, Deserialize, Default)]
struct Transition {
    from: Option<PostStatus>,
    to: Option<PostStatus>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    comment: String,
}

fn transition_audit(
    actor: &CurrentUser,
    action: &'static str,
    id: Option<PostId>,
    from: Option<PostStatus>,
    to: PostStatus,
    comment: &str,
) -> AuditEntry {
    let detail = serde_json::to_string(&Transition {
        from,
        to: Some(to),
        comment: comment.to_string(),
    })
    .unwrap_or_default();
    let entry = AuditEntry::new(Some(actor.id), action, "post").detail(detail);
    match id {
        Some(id) => entry.subject(id),
        None => entry,
    }
}

pub fn viewer(user: &CurrentUser) -> Viewer {
    Viewer {
        team_id: user.team_id,
        location_id: user.location_id,
        lang: user.lang,
    }
}

/// Editors, approvers and admins work on posts in any state.
pub fn is_staff(user: &CurrentUser) -> bool {
    user.has(Role::Editor) || user.has(Role::Approver) || user.has(Role::Admin)
}

/// An editor may change their own posts, their team's posts, and
/// ambassadors' suggestions nobody has taken yet.
fn can_edit(user: &CurrentUser, post: &PostRecord) -> bool {
    user.has(Role::Editor)
        && match post.author_id {
            None => true,
            Some(author) => {
                author == user.id
                    || (post.author_team_id.is_some() && post.author_team_id == user.team_id)
            }
        }
}

pub fn image_url(id: Option<i64>) -> Option<String> {
    id.map(|id| format!("/images/{id}"))
}

fn write_from(
    input: &PostInput,
    status: PostStatus,
    author: Option<i64>,
    now: DateTime<Utc>,
) -> PostWrite {
    let mut captions = input.captions.clone();
    for c in &mut captions {
        c.text = c.text.trim().to_string();
    }
    PostWrite {
        title: input.title.trim().to_string(),
        body: input.body.trim_end().to_string(),
        link_url: input.link_url.trim().to_string(),
        image_id: input.image_id,
        topics: normalize_topics(&input.topics),
        captions,
        captions_editable: input.captions_editable,
        disclosure: input.disclosure.trim().to_string(),
        targeting: input.targeting.clone(),
        important: input.important,
        publish_at: input.publish_at,
        expire_at: input.expire_at,
        required_course: input.required_course,
        status,
        author_id: author,
        suggested_by: None,
        suggestion_note: String::new(),
        now,
    }
}

async fn check(state: &AppState, input: &PostInput) -> Result<(), AppError> {
    let mut errors = validate_post(input);
    if let Some(image) = input.image_id {
        if state.db.image(image).await?.is_none() {
            errors.push(crate::model::FieldError::new(
                "image_id",
                ErrorCode::ImageType,
            ));
        }
    }
    for team in &input.targeting.teams {
        if !state.db.team_exists(*team).await? {
            errors.push(crate::model::FieldError::new(
                "targeting",
                ErrorCode::UnknownTeam,
            ));
            break;
        }
    }
    for location in &input.targeting.locations {
        if !state.db.location_exists(*location).await? {
            errors.push(crate::model::FieldError::new(
                "targeting",
                ErrorCode::UnknownLocation,
            ));
            break;
        }
    }
    // Only a published course can be asked for: people must be able to take it.
    if let Some(course) = input.required_course {
        let published = state
            .db
            .course(course)
            .await?
            .is_some_and(|c| c.status == crate::model::training::CourseStatus::Published);
        if !published {
            errors.push(crate::model::FieldError::new(
                "required_course",
                ErrorCode::UnknownCourse,
            ));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::Invalid(errors))
    }
}

pub async fn create(
    state: &AppState,
    editor: &CurrentUser,
    input: &PostInput,
) -> Result<PostId, AppError> {
    check(state, input).await?;
    let write = write_from(input, PostStatus::Draft, Some(editor.id), Utc::now());
    let audit = transition_audit(editor, "post.created", None, None, PostStatus::Draft, "");
    Ok(state.db.create_post(&write, &audit).await?)
}

/// Saves an edit; an approved post goes back to review. Refused with
/// `Conflict` if someone else saved since `input.version`.
pub async fn update(
    state: &AppState,
    editor: &CurrentUser,
    id: PostId,
    input: &PostInput,
) -> Result<i64, AppError> {
    let post = state.db.post(id).await?.ok_or(AppError::NotFound)?;
    if !can_edit(editor, &post) {
        return Err(AppError::Forbidden);
    }
    let actor = Actor::new(editor.roles, post.author_id == Some(editor.id), false);
    let to = workflow::next(post.status, Step::Edit, actor, "").map_err(AppError::Workflow)?;
    check(state, input).await?;
    let mut write = write_from(input, to, Some(editor.id), Utc::now());
    // A suggestion keeps who suggested it.
    write.suggested_by = post.suggested_by;
    write.suggestion_note = post.suggestion_note.clone();
    let audit = transition_audit(editor, "post.edited", Some(id), Some(post.status), to, "");
    match state
        .db
        .update_post(id, input.version, &write, &audit)
        .await
    {
        Ok(version) => {
            // Its tracked links now lead to the edited link.
            state.redirects.forget_post(id);
            Ok(version)
        }
        Err(StoreError::Conflict) => Err(AppError::Conflict),
        Err(e) => Err(e.into()),
    }
}

/// A workflow step other than editing: submit, withdraw, approve, reject, retract.
pub async fn step(
    state: &AppState,
    user: &CurrentUser,
    id: PostId,
    step: Step,
    comment: &str,
) -> Result<PostStatus, AppError> {
    if step == Step::Edit {
        return Err(AppError::BadRequest);
    }
    let comment = comment.trim();
    if comment.chars().count() > COMMENT_MAX {
        return Err(AppError::field(
            "comment",
            ErrorCode::TooLong {
                max: COMMENT_MAX as u32,
            },
        ));
    }
    let post = state.db.post(id).await?.ok_or(AppError::NotFound)?;
    if !is_staff(user) {
        return Err(AppError::Forbidden);
    }
    if matches!(step, Step::Submit | Step::Withdraw) && !can_edit(user, &post) {
        return Err(AppError::Forbidden);
    }
    let self_approval = settings::content(state).await?.self_approval;
    let actor = Actor::new(user.roles, post.author_id == Some(user.id), self_approval);
    let to = workflow::next(post.status, step, actor, comment).map_err(AppError::Workflow)?;
    if step == Step::Submit {
        // A suggestion is not ready for review until an editor has made it a post.
        let input = detail_input(&post);
        check(state, &input).await?;
    }
    let now = Utc::now();
    let change = StatusChange {
        post_id: id,
        from: post.status,
        to,
        comment: (!comment.is_empty()).then(|| comment.to_string()),
        publish_if_unset: (step == Step::Approve).then_some(now),
        now,
    };
    let action = match step {
        Step::Submit => "post.submitted",
        Step::Withdraw => "post.withdrawn",
        Step::Approve => "post.approved",
        Step::Reject => "post.rejected",
        Step::Retract => "post.retracted",
        Step::Edit => "post.edited",
    };
    let audit = transition_audit(user, action, Some(id), Some(post.status), to, comment);
    match state.db.change_post_status(&change, &audit).await {
        Ok(()) => {
            // A retracted post's links go to the safe page from now on.
            state.redirects.forget_post(id);
            Ok(to)
        }
        Err(StoreError::Conflict) => {
            Err(AppError::Workflow(crate::model::WorkflowError::NotFromHere))
        }
        Err(e) => Err(e.into()),
    }
}

/// An ambassador's suggestion becomes a draft in the editors' queue.
pub async fn suggest(
    state: &AppState,
    ambassador: &CurrentUser,
    s: &Suggestion,
) -> Result<PostId, AppError> {
    let mut errors = Vec::new();
    let link = parse_link(&s.link_url)
        .map_err(|code| errors.push(crate::model::FieldError::new("link_url", code)))
        .ok();
    if s.note.chars().count() > NOTE_MAX {
        errors.push(crate::model::FieldError::new(
            "note",
            ErrorCode::TooLong {
                max: NOTE_MAX as u32,
            },
        ));
    }
    let Some(link) = link.filter(|_| errors.is_empty()) else {
        return Err(AppError::Invalid(errors));
    };
    let now = Utc::now();
    let disclosure = settings::content(state).await?.disclosure;
    let write = PostWrite {
        title: link_host(&link),
        body: String::new(),
        link_url: link,
        image_id: None,
        topics: vec![],
        captions: vec![],
        captions_editable: true,
        disclosure,
        targeting: Default::default(),
        important: false,
        publish_at: None,
        expire_at: None,
        required_course: None,
        status: PostStatus::Draft,
        author_id: None,
        suggested_by: Some(ambassador.id),
        suggestion_note: s.note.trim().to_string(),
        now,
    };
    let audit = transition_audit(
        ambassador,
        "post.suggested",
        None,
        None,
        PostStatus::Draft,
        s.note.trim(),
    );
    Ok(state.db.create_post(&write, &audit).await?)
}

fn feed_item(p: PostRecord) -> FeedItem {
    FeedItem {
        id: p.id,
        summary: markdown::summary(&p.body, SUMMARY_CHARS),
        link_host: link_host(&p.link_url),
        image_url: image_url(p.image_id),
        topics: p.topics,
        important: p.important,
        publish_at: p.publish_at.unwrap_or(p.updated_at),
        expire_at: p.expire_at,
        title: p.title,
    }
}

pub async fn feed(
    state: &AppState,
    user: &CurrentUser,
    query: &FeedQuery,
) -> Result<Feed, AppError> {
    let now = Utc::now();
    let v = viewer(user);
    let items = state
        .db
        .feed(&v, query, now)
        .await?
        .into_iter()
        .map(feed_item)
        .collect();
    Ok(Feed {
        items,
        topics: state.db.feed_topics(&v, now).await?,
        crisis: super::crisis::current(&state.db).await?,
    })
}

/// A post's page. Staff see any post (a preview); everyone else only what
/// is live and targeted at them. Otherwise: not found (not "forbidden",
/// which would tell that it exists).
pub async fn view(state: &AppState, user: &CurrentUser, id: PostId) -> Result<PostView, AppError> {
    let now = Utc::now();
    if !is_staff(user) && !state.db.visible_to(id, &viewer(user), now).await? {
        return Err(AppError::NotFound);
    }
    let p = state.db.post(id).await?.ok_or(AppError::NotFound)?;
    Ok(PostView {
        id: p.id,
        body_html: markdown::to_safe_html(&p.body),
        link_host: link_host(&p.link_url),
        image_url: image_url(p.image_id),
        phase: workflow::phase(p.status, p.publish_at.unwrap_or(now), p.expire_at, now),
        publish_at: p.publish_at.unwrap_or(p.updated_at),
        title: p.title,
        link_url: p.link_url,
        topics: p.topics,
        important: p.important,
        captions: p.captions,
        captions_editable: p.captions_editable,
        disclosure: p.disclosure,
        expire_at: p.expire_at,
    })
}

fn row(p: PostRecord, now: DateTime<Utc>) -> PostRow {
    PostRow {
        id: p.id,
        phase: workflow::phase(p.status, p.publish_at.unwrap_or(now), p.expire_at, now),
        status: p.status,
        publish_at: p.publish_at.unwrap_or(p.updated_at),
        everyone: p.targeting.everyone(),
        title: p.title,
        author_name: p.author_name,
        suggested_by_name: p.suggested_by_name,
        important: p.important,
        expire_at: p.expire_at,
        updated_at: p.updated_at,
    }
}

pub async fn studio(state: &AppState) -> Result<Studio, AppError> {
    let now = Utc::now();
    let posts = state
        .db
        .list_posts()
        .await?
        .into_iter()
        .map(|p| row(p, now))
        .collect();
    let (live, ambassadors) = state.db.supply_counts(now).await?;
    Ok(Studio {
        posts,
        supply: Supply::new(live, ambassadors),
    })
}

fn detail_input(p: &PostRecord) -> PostInput {
    PostInput {
        version: p.version,
        title: p.title.clone(),
        body: p.body.clone(),
        link_url: p.link_url.clone(),
        image_id: p.image_id,
        topics: p.topics.clone(),
        captions: p.captions.clone(),
        captions_editable: p.captions_editable,
        disclosure: p.disclosure.clone(),
        targeting: p.targeting.clone(),
        important: p.important,
        publish_at: p.publish_at,
        expire_at: p.expire_at,
        required_course: p.required_course,
    }
}

pub async fn detail(state: &AppState, id: PostId) -> Result<PostDetail, AppError> {
    let now = Utc::now();
    let p = state.db.post(id).await?.ok_or(AppError::NotFound)?;
    let history = state
        .db
        .audit_log(&AuditFilter {
            subject_type: Some("post".into()),
            subject_id: Some(id),
            limit: 200,
            ..Default::default()
        })
        .await?
        .into_iter()
        .map(|e| {
            let t: Transition = serde_json::from_str(&e.detail).unwrap_or_default();
            HistoryItem {
                at: e.at,
                actor_name: e.actor_name,
                action: e.action,
                from: t.from,
                to: t.to,
                comment: t.comment,
            }
        })
        .collect();
    Ok(PostDetail {
        id: p.id,
        input: detail_input(&p),
        status: p.status,
        phase: workflow::phase(p.status, p.publish_at.unwrap_or(now), p.expire_at, now),
        author_id: p.author_id,
        image_url: image_url(p.image_id),
        author_name: p.author_name,
        suggested_by_name: p.suggested_by_name,
        suggestion_note: p.suggestion_note,
        last_comment: p.last_comment,
        history,
    })
}

/// A new post's starting point: the organization's disclosure, captions editable.
pub async fn blank(state: &AppState) -> Result<PostInput, AppError> {
    Ok(PostInput {
        disclosure: settings::content(state).await?.disclosure,
        captions_editable: true,
        ..Default::default()
    })
}
