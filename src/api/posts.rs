//! The content library: the feed, posts, the editors' studio, the approval
//! workflow, suggestions, images, crisis mode and content settings.

use crate::model::{
    AppError, ContentSettings, CrisisNotice, Feed, FeedQuery, ImageId, PostDetail, PostId,
    PostInput, PostStatus, PostView, Step, Studio, Suggestion,
};
use leptos::prelude::*;
use leptos::server_fn::codec::{Json, MultipartData, MultipartFormData};

#[cfg(feature = "ssr")]
use {
    crate::model::{ErrorCode, Role, IMAGE_MAX_BYTES},
    crate::server::{
        auth,
        services::{crisis, images, posts, settings},
        state::app_state,
    },
};

/// Staff: editors, approvers and admins.
#[cfg(feature = "ssr")]
fn require_staff() -> Result<crate::model::CurrentUser, AppError> {
    let user = auth::require_user()?;
    if posts::is_staff(&user) {
        Ok(user)
    } else {
        Err(AppError::Forbidden)
    }
}

/// Live posts targeted at the signed-in person.
#[server(prefix = "/api", endpoint = "feed", input = Json)]
pub async fn get_feed(query: FeedQuery) -> Result<Feed, AppError> {
    let user = auth::require_user()?;
    posts::feed(&app_state()?, &user, &query).await
}

/// One post, if the signed-in person may see it.
#[server(prefix = "/api", endpoint = "posts/view", input = Json)]
pub async fn view_post(id: PostId) -> Result<PostView, AppError> {
    let user = auth::require_user()?;
    posts::view(&app_state()?, &user, id).await
}

/// Every post with its phase, and the content supply indicator.
#[server(prefix = "/api", endpoint = "studio", input = Json)]
pub async fn get_studio() -> Result<Studio, AppError> {
    require_staff()?;
    posts::studio(&app_state()?).await
}

#[server(prefix = "/api", endpoint = "posts/detail", input = Json)]
pub async fn get_post_detail(id: PostId) -> Result<PostDetail, AppError> {
    require_staff()?;
    posts::detail(&app_state()?, id).await
}

/// A blank post with the organization's defaults.
#[server(prefix = "/api", endpoint = "posts/blank", input = Json)]
pub async fn blank_post() -> Result<PostInput, AppError> {
    auth::require_role(Role::Editor)?;
    posts::blank(&app_state()?).await
}

#[server(prefix = "/api", endpoint = "posts/create", input = Json)]
pub async fn create_post(input: PostInput) -> Result<PostId, AppError> {
    let editor = auth::require_role(Role::Editor)?;
    posts::create(&app_state()?, &editor, &input).await
}

/// Saves an edit; answers with the post's new version.
#[server(prefix = "/api", endpoint = "posts/update", input = Json)]
pub async fn update_post(id: PostId, input: PostInput) -> Result<i64, AppError> {
    let editor = auth::require_role(Role::Editor)?;
    posts::update(&app_state()?, &editor, id, &input).await
}

/// Submit, withdraw, approve, reject or retract.
#[server(prefix = "/api", endpoint = "posts/step", input = Json)]
pub async fn post_step(id: PostId, step: Step, comment: String) -> Result<PostStatus, AppError> {
    let user = auth::require_user()?;
    posts::step(&app_state()?, &user, id, step, &comment).await
}

#[server(prefix = "/api", endpoint = "posts/suggest", input = Json)]
pub async fn suggest_post(suggestion: Suggestion) -> Result<PostId, AppError> {
    let user = auth::require_role(Role::Ambassador)?;
    posts::suggest(&app_state()?, &user, &suggestion).await
}

/// Markdown as it will look, for the editor's preview.
#[server(prefix = "/api", endpoint = "markdown", input = Json)]
pub async fn render_markdown(body: String) -> Result<String, AppError> {
    require_staff()?;
    if body.chars().count() > crate::model::BODY_MAX {
        return Err(AppError::field(
            "body",
            ErrorCode::TooLong {
                max: crate::model::BODY_MAX as u32,
            },
        ));
    }
    Ok(crate::server::markdown::to_safe_html(&body))
}

/// Uploads a post image (field `image`): PNG, JPEG, WebP or GIF, at most 5 MB.
#[server(prefix = "/api", endpoint = "images/upload", input = MultipartFormData)]
pub async fn upload_image(data: MultipartData) -> Result<ImageId, AppError> {
    // Editors for posts, trainers for course covers and lessons.
    let user = auth::require_user()?;
    if !user.has(Role::Editor) && !crate::server::services::training::is_trainer(&user) {
        return Err(AppError::Forbidden);
    }
    let mut form = data.into_inner().ok_or(AppError::BadRequest)?;
    let mut bytes = Vec::new();
    while let Some(mut field) = form.next_field().await.map_err(|_| AppError::BadRequest)? {
        if field.name() != Some("image") {
            continue;
        }
        while let Some(chunk) = field.chunk().await.map_err(|_| AppError::BadRequest)? {
            if bytes.len() + chunk.len() > IMAGE_MAX_BYTES {
                return Err(images::too_large());
            }
            bytes.extend_from_slice(&chunk);
        }
        break;
    }
    if bytes.is_empty() {
        return Err(AppError::field("image", ErrorCode::Required));
    }
    images::save(&app_state()?, &user, bytes).await
}

/// Crisis mode, for the banner every page shows; `None` when off.
#[server(prefix = "/api", endpoint = "crisis", input = Json)]
pub async fn crisis_status() -> Result<Option<CrisisNotice>, AppError> {
    if auth::current::current_user().is_none() {
        return Ok(None);
    }
    Ok(crisis::current(&app_state()?.db).await?)
}

#[server(prefix = "/api", endpoint = "crisis/set", input = Json)]
pub async fn set_crisis(
    on: bool,
    message: String,
    procedure: String,
) -> Result<Option<CrisisNotice>, AppError> {
    let user = auth::require_user()?;
    crisis::set(&app_state()?, &user, on, &message, &procedure).await
}

#[server(prefix = "/api", endpoint = "settings/content", input = Json)]
pub async fn get_content_settings() -> Result<ContentSettings, AppError> {
    require_staff()?;
    settings::content(&app_state()?).await
}

#[server(prefix = "/api", endpoint = "settings/content/save", input = Json)]
pub async fn save_content_settings(settings: ContentSettings) -> Result<(), AppError> {
    let admin = auth::require_role(Role::Admin)?;
    settings::save_content(&app_state()?, &admin, &settings).await
}

/// Teams and locations a post can be targeted at.
#[server(prefix = "/api", endpoint = "posts/targets", input = Json)]
pub async fn targeting_options() -> Result<crate::model::Directory, AppError> {
    require_staff()?;
    Ok(app_state()?.db.directory().await?)
}
