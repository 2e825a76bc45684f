//! The audit trail: who did what, when. For admins and approvers.

use crate::api::audit::audit_trail;
use crate::components::time::When;
use crate::components::{Guard, Loading};
use crate::i18n::{error_text, use_i18n};
use crate::model::{Access, AuditQuery, OVERSIGHT};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AuditPage() -> impl IntoView {
    view! {
        <Guard access=Access::AnyRole(OVERSIGHT)>
            <Audit/>
        </Guard>
    }
}

const SUBJECTS: &[&str] = &["post", "person", "team", "location", "setting"];

#[component]
fn Audit() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let filters = Memo::new(move |_| AuditQuery {
        subject_type: query.read().get("subject").filter(|s| !s.is_empty()),
        subject_id: query.read().get("id").and_then(|s| s.parse().ok()),
        action: query.read().get("action").filter(|s| !s.is_empty()),
    });
    let items = Resource::new(move || filters.get(), audit_trail);
    view! {
        <Title text=move || i18n.t().audit_title/>
        <header class="page-header">
            <h1>{move || i18n.t().audit_title}</h1>
            <p class="lead">{move || i18n.t().audit_intro}</p>
        </header>
        {move || {
            let f = filters.get();
            view! {
                <Form method="GET" action="" attr:class="filter-bar" attr:role="search">
                    <label class="field">
                        <span>{move || i18n.t().audit_subject}</span>
                        <select name="subject">
                            <option value="">{move || i18n.t().all}</option>
                            {SUBJECTS.iter().map(|s| view! {
                                <option value=*s selected=f.subject_type.as_deref() == Some(*s)>{move || (i18n.t().subject_name)(s)}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <label class="field">
                        <span>"#"</span>
                        <input type="number" name="id" min="1" value=f.subject_id.map(|i| i.to_string()).unwrap_or_default()/>
                    </label>
                    <label class="field field-grow">
                        <span>{move || i18n.t().audit_action}</span>
                        <input type="search" name="action" placeholder="post.approved" value=f.action.clone().unwrap_or_default()/>
                    </label>
                    <button type="submit" class="button">{move || i18n.t().search}</button>
                </Form>
            }
        }}
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match items.await {
                    Err(e) => view! { <p class="notice notice-error">{error_text(i18n.lang(), &e)}</p> }.into_any(),
                    Ok(list) if list.is_empty() => view! { <p class="empty-state">{move || i18n.t().audit_empty}</p> }.into_any(),
                    Ok(list) => view! {
                        <div class="table-wrap">
                            <table class="table" data-testid="audit-table">
                                <thead><tr>
                                    <th scope="col">{move || i18n.t().when}</th>
                                    <th scope="col">{move || i18n.t().who}</th>
                                    <th scope="col">{move || i18n.t().audit_action}</th>
                                    <th scope="col">{move || i18n.t().audit_subject}</th>
                                    <th scope="col" class="hide-narrow">{move || i18n.t().details}</th>
                                </tr></thead>
                                <tbody>
                                    {list.into_iter().map(|e| {
                                        let action = e.action.clone();
                                        let subject = match (e.subject_type.as_str(), e.subject_id) {
                                            ("post", Some(id)) => view! { <a href=format!("/studio/posts/{id}")>{format!("post #{id}")}</a> }.into_any(),
                                            (t, Some(id)) => view! { <span>{format!("{t} #{id}")}</span> }.into_any(),
                                            (t, None) => view! { <span>{t.to_string()}</span> }.into_any(),
                                        };
                                        view! {
                                            <tr data-testid="audit-row" data-action=e.action.clone()>
                                                <td><When at=e.at/></td>
                                                <td>{e.actor_name.clone().unwrap_or_else(|| "—".into())}</td>
                                                <td>{move || (i18n.t().action_name)(&action)}</td>
                                                <td>{subject}</td>
                                                <td class="hide-narrow small muted">{e.detail.clone()}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}
