//! The signed-in person, loaded once per page and shared by every component.

use crate::api::auth::get_current_user;
use crate::model::{AppError, CurrentUser};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct UserResource(pub Resource<Result<Option<CurrentUser>, AppError>>);

impl UserResource {
    /// Blocking: the server waits for it before sending the page, so the
    /// navigation is rendered complete and pages can decide on access.
    pub fn provide() -> UserResource {
        let user = UserResource(Resource::new_blocking(|| (), |_| get_current_user()));
        provide_context(user);
        user
    }

    pub async fn get(self) -> Option<CurrentUser> {
        self.0.await.ok().flatten()
    }
}

pub fn use_user() -> UserResource {
    expect_context::<UserResource>()
}
