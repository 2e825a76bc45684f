//! A certificate for its holder (printable, with its verification link), and
//! the public page where anyone with the code can check it.

use super::{day, Unavailable};
use crate::api::training::{my_certificate, verify_certificate};
use crate::components::{Guard, Loading};
use crate::i18n::use_i18n;
use crate::model::training::{Certificate, CertificateState, Verification};
use crate::model::Access;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

fn code_param() -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || params.read().get("code").unwrap_or_default()
}

#[component]
pub fn CertificatePage() -> impl IntoView {
    view! {
        <Guard access=Access::SignedIn>
            <CertificateScreen/>
        </Guard>
    }
}

#[component]
fn CertificateScreen() -> impl IntoView {
    let code = code_param();
    let cert = Resource::new(code, my_certificate);
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match cert.await {
                    Ok(c) => view! { <CertificateView cert=c/> }.into_any(),
                    Err(e) => view! { <Unavailable error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn CertificateView(cert: Certificate) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().training;
    let fresh = use_query_map().with_untracked(|q| q.get("new").is_some());
    let verify_path = format!("/verify/{}", cert.code);
    // The full address, once the browser knows where it is.
    let verify_url = RwSignal::new(verify_path.clone());
    Effect::new({
        let path = verify_path.clone();
        move || {
            if let Some(origin) = web_sys_origin() {
                verify_url.set(format!("{origin}{path}"));
            }
        }
    });
    let issued = day(cert.issued_at);
    let until = cert.valid_until.map(day);
    let (holder, course) = (cert.holder.clone(), cert.course_title.clone());
    view! {
        <Title text=move || t().certificate_title/>
        {fresh.then(|| view! { <p class="notice notice-ok" data-testid="course-complete">{move || t().course_complete}</p> })}
        <article class="certificate" data-testid="certificate" data-state=format!("{:?}", cert.state)>
            <p class="certificate-kicker">{move || t().certificate_title}</p>
            <h1>{cert.holder.clone()}</h1>
            <p class="certificate-line">{move || (t().certifies)(&holder, &course)}</p>
            <p>{move || (t().issued_on)(&issued)}</p>
            <p>{move || match &until { Some(u) => (t().valid_until)(u), None => t().no_expiry.to_string() }}</p>
            {(cert.state != CertificateState::Valid).then(|| view! {
                <p class="notice notice-warn">{move || (t().cert_state)(cert.state)}</p>
            })}
            <p class="certificate-code">{move || t().verification_code}": "<strong data-testid="certificate-code">{cert.code.clone()}</strong></p>
            <p class="small">{move || t().verify_link}" "<a href=verify_path.clone()>{move || verify_url.get()}</a></p>
        </article>
        <p class="no-print">
            <button class="button" onclick="window.print()">{move || t().print}</button>
            " "<a class="button" href=format!("/learn/{}", cert.course_id)>{move || t().back_to_course}</a>
        </p>
    }
}

#[cfg(feature = "hydrate")]
fn web_sys_origin() -> Option<String> {
    leptos::prelude::window().location().origin().ok()
}

#[cfg(not(feature = "hydrate"))]
fn web_sys_origin() -> Option<String> {
    None
}

/// Public: no sign-in, only what verifies the certificate.
#[component]
pub fn VerifyPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().training;
    let code = code_param();
    let check = Resource::new(code, verify_certificate);
    view! {
        <Title text=move || t().verify_title/>
        <header class="page-header"><h1>{move || t().verify_title}</h1></header>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match check.await {
                    Ok(v) => view! { <Verified v code=code()/> }.into_any(),
                    Err(_) => {
                        #[cfg(feature = "ssr")]
                        if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
                            res.set_status(axum::http::StatusCode::NOT_FOUND);
                        }
                        view! { <p class="notice notice-error" data-testid="verify-unknown">{move || t().verify_unknown}</p> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn Verified(v: Verification, code: String) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().training;
    let valid = v.state == CertificateState::Valid;
    let until = v.valid_until.map(day);
    view! {
        <section class=if valid { "panel verify notice-ok" } else { "panel verify notice-warn" } data-testid="verified">
            <p class="verify-state"><strong>{move || (t().cert_state)(v.state)}</strong></p>
            <dl class="facts">
                <dt>{move || t().verify_holder}</dt><dd>{v.holder.clone()}</dd>
                <dt>{move || t().verify_course}</dt><dd>{v.course_title.clone()}</dd>
                <dt>{move || t().certificate}</dt><dd>{(t().issued_on)(&day(v.issued_at))}</dd>
                <dt>" "</dt><dd>{move || match &until { Some(u) => (t().valid_until)(u), None => t().no_expiry.to_string() }}</dd>
                <dt>{move || t().verification_code}</dt><dd>{code.clone()}</dd>
            </dl>
        </section>
    }
}
