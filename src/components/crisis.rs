//! The crisis banner every page shows while sharing is paused.

use crate::api::posts::crisis_status;
use crate::i18n::use_i18n;
use crate::model::{AppError, CrisisNotice};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct CrisisResource(pub Resource<Result<Option<CrisisNotice>, AppError>>);

impl CrisisResource {
    pub fn provide() -> CrisisResource {
        let r = CrisisResource(Resource::new_blocking(|| (), |_| crisis_status()));
        provide_context(r);
        r
    }
}

pub fn use_crisis() -> CrisisResource {
    expect_context::<CrisisResource>()
}

#[component]
pub fn CrisisBanner() -> impl IntoView {
    let i18n = use_i18n();
    let crisis = use_crisis();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                crisis.0.await.ok().flatten().map(|c| view! {
                    <div class="crisis-banner" role="alert" data-testid="crisis-banner">
                        <strong>{move || i18n.t().crisis_banner_title}</strong>
                        <span>{c.message.clone()}</span>
                        {(!c.procedure.is_empty()).then(|| view! {
                            <details>
                                <summary>{move || i18n.t().crisis_procedure}</summary>
                                <p class="pre-line">{c.procedure.clone()}</p>
                            </details>
                        })}
                    </div>
                })
            })}
        </Suspense>
    }
}
