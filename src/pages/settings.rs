//! Admin: organization-wide content rules.

use crate::api::boards::{
    get_board_settings, get_campaigns, CreateCampaign, DeleteCampaign, SaveBoardSettings,
};
use crate::api::posts::{get_content_settings, SaveContentSettings};
use crate::api::sharing::{get_sharing_settings, SaveSharingSettings};
use crate::components::{action_error, ErrorNotice, FieldError, Guard, Loading};
use crate::i18n::{error_text, use_i18n};
use crate::model::leaderboard::{BoardSettings, BoardVisibility, NewCampaign, PointsRules};
use crate::model::{Access, Channel, ContentSettings, Role, SharingSettings, ValueRate};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <Guard access=Access::Role(Role::Admin)>
            <Settings/>
        </Guard>
    }
}

#[component]
fn Settings() -> impl IntoView {
    let i18n = use_i18n();
    let current = Resource::new(|| (), |_| get_content_settings());
    let save = ServerAction::<SaveContentSettings>::new();
    let error = action_error(save);
    view! {
        <Title text=move || i18n.t().settings_title/>
        <header class="page-header"><h1>{move || i18n.t().settings_title}</h1></header>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match current.await {
                    Err(e) => view! { <p class="notice notice-error">{error_text(i18n.lang(), &e)}</p> }.into_any(),
                    Ok(s) => {
                        let self_approval = RwSignal::new(s.self_approval);
                        let disclosure = RwSignal::new(s.disclosure.clone());
                        view! {
                            <form class="panel stack" on:submit=move |ev| {
                                ev.prevent_default();
                                save.dispatch(SaveContentSettings { settings: ContentSettings { self_approval: self_approval.get_untracked(), disclosure: disclosure.get_untracked() } });
                            }>
                                <label class="field">
                                    <span>{move || i18n.t().default_disclosure}</span>
                                    <input type="text" maxlength="60" required bind:value=disclosure/>
                                    <small class="hint">{move || i18n.t().disclosure_hint}</small>
                                    <FieldError error field="disclosure"/>
                                </label>
                                <label class="check">
                                    <input type="checkbox" bind:checked=self_approval data-testid="self-approval"/>
                                    <span>{move || i18n.t().allow_self_approval}</span>
                                </label>
                                <ErrorNotice error fields=&["disclosure"]/>
                                <Show when=move || matches!(save.value().get(), Some(Ok(())))>
                                    <p class="notice notice-ok" role="status">{move || i18n.t().saved}</p>
                                </Show>
                                <div class="actions"><button type="submit" class="button button-primary" disabled=save.pending()>{move || i18n.t().save}</button></div>
                            </form>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
        <SharingSettingsForm/>
        <BoardSettingsForm/>
        <CampaignsForm/>
    }
}

/// UTM medium, the safe page, and what clicks and impressions are worth.
#[component]
fn SharingSettingsForm() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().sharing;
    let current = Resource::new(|| (), |_| get_sharing_settings());
    let save = ServerAction::<SaveSharingSettings>::new();
    let error = action_error(save);
    view! {
        <h2 class="section-title">{move || t().sharing_settings}</h2>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match current.await {
                    Err(e) => view! { <p class="notice notice-error">{error_text(i18n.lang(), &e)}</p> }.into_any(),
                    Ok(s) => {
                        let medium = RwSignal::new(s.utm_medium.clone());
                        let safe_url = RwSignal::new(s.safe_url.clone());
                        let currency = RwSignal::new(s.currency.clone());
                        let rates: Vec<(Channel, RwSignal<String>, RwSignal<String>)> = Channel::ALL
                            .into_iter()
                            .map(|c| {
                                let r = s.rate(c);
                                (c, RwSignal::new(r.per_click.to_string()), RwSignal::new(r.per_mille.to_string()))
                            })
                            .collect();
                        let rows = rates.clone();
                        let submit = move |ev: leptos::ev::SubmitEvent| {
                            ev.prevent_default();
                            let number = |v: RwSignal<String>| v.get_untracked().trim().replace(',', ".").parse::<f64>().unwrap_or(-1.0);
                            save.dispatch(SaveSharingSettings {
                                settings: SharingSettings {
                                    utm_medium: medium.get_untracked(),
                                    safe_url: safe_url.get_untracked(),
                                    currency: currency.get_untracked(),
                                    rates: rates
                                        .iter()
                                        .map(|(c, click, mille)| ValueRate { channel: *c, per_click: number(*click), per_mille: number(*mille) })
                                        .collect(),
                                },
                            });
                        };
                        view! {
                            <form class="panel stack" on:submit=submit data-testid="sharing-settings">
                                <div class="field-row">
                                    <label class="field">
                                        <span>{move || t().utm_medium}</span>
                                        <input type="text" maxlength="60" required bind:value=medium/>
                                        <small class="hint">{move || t().utm_medium_hint}</small>
                                        <FieldError error field="utm_medium"/>
                                    </label>
                                    <label class="field">
                                        <span>{move || t().currency}</span>
                                        <input type="text" maxlength="3" required bind:value=currency/>
                                        <FieldError error field="currency"/>
                                    </label>
                                </div>
                                <label class="field">
                                    <span>{move || t().safe_url}</span>
                                    <input type="url" maxlength="2048" placeholder="https://" bind:value=safe_url/>
                                    <small class="hint">{move || t().safe_url_hint}</small>
                                    <FieldError error field="safe_url"/>
                                </label>
                                <fieldset class="field">
                                    <legend>{move || t().value_rates}</legend>
                                    <small class="hint">{move || t().value_rates_hint}</small>
                                    <table class="table">
                                        <thead><tr>
                                            <th scope="col">{move || t().network}</th>
                                            <th scope="col">{move || t().per_click}</th>
                                            <th scope="col">{move || t().per_mille}</th>
                                        </tr></thead>
                                        <tbody>
                                            {rows.into_iter().map(|(c, click, mille)| view! {
                                                <tr>
                                                    <td>{c.label()}</td>
                                                    <td><input type="text" inputmode="decimal" bind:value=click aria-label=format!("{} {}", c.label(), t().per_click)/>
                                                        <FieldError error field=format!("{}.per_click", c.as_str())/></td>
                                                    <td><input type="text" inputmode="decimal" bind:value=mille aria-label=format!("{} {}", c.label(), t().per_mille)/>
                                                        <FieldError error field=format!("{}.per_mille", c.as_str())/></td>
                                                </tr>
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                </fieldset>
                                <ErrorNotice error fields=&["utm_medium", "currency", "safe_url"]/>
                                <Show when=move || matches!(save.value().get(), Some(Ok(_)))>
                                    <p class="notice notice-ok" role="status">{move || i18n.t().saved}</p>
                                </Show>
                                <div class="actions"><button type="submit" class="button button-primary" disabled=save.pending()>{move || i18n.t().save}</button></div>
                            </form>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

/// Points per action and who sees which kind of board.
#[component]
fn BoardSettingsForm() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().boards;
    let current = Resource::new(|| (), |_| get_board_settings());
    let save = ServerAction::<SaveBoardSettings>::new();
    let error = action_error(save);
    view! {
        <h2 class="section-title">{move || t().settings_title}</h2>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match current.await {
                    Err(e) => view! { <p class="notice notice-error">{error_text(i18n.lang(), &e)}</p> }.into_any(),
                    Ok(s) => {
                        let r = s.rules;
                        let points = [r.share, r.human_click, r.unique_visitor, r.course_completed, r.suggestion_approved]
                            .map(|v| RwSignal::new(v.to_string()));
                        let vis = [s.company, s.team, s.location, s.campaign].map(RwSignal::new);
                        let submit = move |ev: leptos::ev::SubmitEvent| {
                            ev.prevent_default();
                            let n = |i: usize| points[i].get_untracked().trim().parse::<i64>().unwrap_or(-1);
                            save.dispatch(SaveBoardSettings {
                                settings: BoardSettings {
                                    rules: PointsRules {
                                        share: n(0),
                                        human_click: n(1),
                                        unique_visitor: n(2),
                                        course_completed: n(3),
                                        suggestion_approved: n(4),
                                    },
                                    company: vis[0].get_untracked(),
                                    team: vis[1].get_untracked(),
                                    location: vis[2].get_untracked(),
                                    campaign: vis[3].get_untracked(),
                                },
                            });
                        };
                        let labels: [fn(&crate::i18n::BoardTexts) -> &'static str; 5] =
                            [|t| t.per_share, |t| t.per_click, |t| t.per_visitor, |t| t.per_course, |t| t.per_suggestion];
                        let boards: [fn(&crate::i18n::BoardTexts) -> &'static str; 4] =
                            [|t| t.company_board, |t| t.team_board, |t| t.location_board, |t| t.campaign_board];
                        view! {
                            <form class="panel stack" on:submit=submit data-testid="board-settings">
                                <p class="hint">{move || t().settings_intro}</p>
                                <fieldset class="field">
                                    <legend>{move || t().how_points}</legend>
                                    <div class="points-grid">
                                        {(0..5).map(|i| view! {
                                            <label class="field">
                                                <span>{move || labels[i](t())}</span>
                                                <input type="number" min="0" max=PointsRules::MAX step="1" required bind:value=points[i]/>
                                            </label>
                                        }).collect_view()}
                                    </div>
                                    <FieldError error field="rules"/>
                                </fieldset>
                                <fieldset class="field">
                                    <legend>{move || t().who_sees}</legend>
                                    <small class="hint">{move || t().visibility_hint}</small>
                                    <div class="field-row">
                                        {(0..4).map(|i| view! {
                                            <label class="field">
                                                <span>{move || boards[i](t())}</span>
                                                <select on:change=move |ev| vis[i].set(match event_target_value(&ev).as_str() {
                                                    "off" => BoardVisibility::Off,
                                                    "everyone" => BoardVisibility::Everyone,
                                                    _ => BoardVisibility::Leaders,
                                                })>
                                                    {[(BoardVisibility::Off, "off"), (BoardVisibility::Leaders, "leaders"), (BoardVisibility::Everyone, "everyone")]
                                                        .into_iter()
                                                        .map(|(v, key)| view! {
                                                            <option value=key selected=move || vis[i].get() == v>{move || (t().visibility)(v)}</option>
                                                        })
                                                        .collect_view()}
                                                </select>
                                            </label>
                                        }).collect_view()}
                                    </div>
                                </fieldset>
                                <ErrorNotice error fields=&["rules"]/>
                                <Show when=move || matches!(save.value().get(), Some(Ok(_)))>
                                    <p class="notice notice-ok" role="status">{move || i18n.t().saved}</p>
                                </Show>
                                <div class="actions"><button type="submit" class="button button-primary" disabled=save.pending()>{move || i18n.t().save}</button></div>
                            </form>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

/// Campaign boards: a topic's posts between two dates, for everyone to join.
#[component]
fn CampaignsForm() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().boards;
    let create = ServerAction::<CreateCampaign>::new();
    let delete = ServerAction::<DeleteCampaign>::new();
    let current = Resource::new(
        move || (create.version().get(), delete.version().get()),
        |_| get_campaigns(),
    );
    let error = action_error(create);
    let name = RwSignal::new(String::new());
    let topic = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let date = |v: RwSignal<String>| {
            chrono::NaiveDate::parse_from_str(&v.get_untracked(), "%Y-%m-%d").ok()
        };
        let (Some(from), Some(to)) = (date(from), date(to)) else {
            return;
        };
        create.dispatch(CreateCampaign {
            campaign: NewCampaign {
                name: name.get_untracked(),
                topic_id: topic.get_untracked().parse().unwrap_or(0),
                from,
                to,
            },
        });
    };
    view! {
        <h2 class="section-title">{move || t().campaigns_title}</h2>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match current.await {
                    Err(e) => view! { <p class="notice notice-error">{error_text(i18n.lang(), &e)}</p> }.into_any(),
                    Ok(c) => {
                        if topic.get_untracked().is_empty() {
                            if let Some((id, _)) = c.topics.first() {
                                topic.set(id.to_string());
                            }
                        }
                        let list = if c.campaigns.is_empty() {
                            view! { <p class="empty-state">{move || t().no_campaigns}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="plain-list" data-testid="campaigns">
                                    {c.campaigns.into_iter().map(|c| {
                                        let id = c.id;
                                        view! {
                                            <li class="campaign-row">
                                                <a href=format!("/leaderboard?scope=campaign-{id}")><strong>{c.name}</strong></a>
                                                " · "{c.topic}" · "{c.from.to_string()}" – "{c.to.to_string()}
                                                <button type="button" class="button button-small" on:click=move |_| { delete.dispatch(DeleteCampaign { id }); }>
                                                    {move || t().delete_campaign}
                                                </button>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        };
                        view! {
                            <div class="panel stack">
                                <p class="hint">{move || t().campaigns_intro}</p>
                                {list}
                                <form class="stack" on:submit=submit data-testid="campaign-form">
                                    <div class="field-row">
                                        <label class="field">
                                            <span>{move || t().campaign_name}</span>
                                            <input type="text" maxlength=NewCampaign::MAX_NAME required bind:value=name/>
                                            <FieldError error field="name"/>
                                        </label>
                                        <label class="field">
                                            <span>{move || t().campaign_topic}</span>
                                            <select on:change=move |ev| topic.set(event_target_value(&ev))>
                                                {c.topics.into_iter().map(|(id, name)| view! {
                                                    <option value=id.to_string() selected=move || topic.get() == id.to_string()>{name}</option>
                                                }).collect_view()}
                                            </select>
                                            <FieldError error field="topic_id"/>
                                        </label>
                                    </div>
                                    <div class="field-row">
                                        <label class="field">
                                            <span>{move || t().from}</span>
                                            <input type="date" required bind:value=from/>
                                        </label>
                                        <label class="field">
                                            <span>{move || t().to}</span>
                                            <input type="date" required bind:value=to/>
                                            <FieldError error field="to"/>
                                        </label>
                                    </div>
                                    <ErrorNotice error fields=&["name", "topic_id", "to"]/>
                                    <div class="actions"><button type="submit" class="button button-primary" disabled=create.pending()>{move || t().create_campaign}</button></div>
                                </form>
                            </div>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}
