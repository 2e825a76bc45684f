//! An image field that uploads the chosen file at once and shows it.

#[cfg(feature = "hydrate")]
use crate::api::posts::upload_image;
use crate::components::ErrorNotice;
use crate::i18n::use_i18n;
use crate::model::{AppError, ImageId};
use leptos::prelude::*;

#[component]
pub fn ImageUpload(
    label: Signal<&'static str>,
    image_id: RwSignal<Option<ImageId>>,
    image_url: RwSignal<Option<String>>,
    testid: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let upload_error = RwSignal::new(None::<AppError>);
    let on_file = move |ev: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            let Some(input) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            let Ok(form) = web_sys::FormData::new() else {
                return;
            };
            if form.append_with_blob("image", &file).is_err() {
                return;
            }
            leptos::task::spawn_local(async move {
                match upload_image(form.into()).await {
                    Ok(new_id) => {
                        upload_error.set(None);
                        image_id.set(Some(new_id));
                        image_url.set(Some(format!("/images/{new_id}")));
                    }
                    Err(e) => upload_error.set(Some(e)),
                }
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (ev, image_id);
    };
    view! {
        <div class="field">
            <span>{move || label.get()}</span>
            {move || image_url.get().map(|src| view! { <img class="image-preview" src=src alt=""/> })}
            <input type="file" accept="image/png,image/jpeg,image/webp,image/gif" on:change=on_file data-testid=testid/>
            <small class="hint">{move || i18n.t().image_hint}</small>
            <ErrorNotice error=upload_error/>
        </div>
    }
}
