//! Caption variants per network, with each network's limit counted as the
//! editor types (X counts the link as 23 characters; LinkedIn folds at 210).

use crate::i18n::use_i18n;
use crate::model::{Caption, Network, LINKEDIN_FOLD, VARIANTS_MAX};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct CaptionDraft {
    pub key: u32,
    pub network: Network,
    pub text: RwSignal<String>,
}

/// The editor's list of caption variants.
#[derive(Clone, Copy)]
pub struct Captions {
    list: RwSignal<Vec<CaptionDraft>>,
    next_key: RwSignal<u32>,
}

impl Captions {
    pub fn new(initial: &[Caption]) -> Captions {
        let list = initial
            .iter()
            .enumerate()
            .map(|(i, c)| CaptionDraft {
                key: i as u32,
                network: c.network,
                text: RwSignal::new(c.text.clone()),
            })
            .collect();
        Captions {
            list: RwSignal::new(list),
            next_key: RwSignal::new(initial.len() as u32),
        }
    }

    pub fn add(&self, network: Network) {
        let key = self.next_key.get_untracked();
        self.next_key.set(key + 1);
        self.list.update(|l| {
            l.push(CaptionDraft {
                key,
                network,
                text: RwSignal::new(String::new()),
            })
        });
    }

    pub fn remove(&self, key: u32) {
        self.list.update(|l| l.retain(|c| c.key != key));
    }

    pub fn of(&self, network: Network) -> Vec<CaptionDraft> {
        self.list
            .with(|l| l.iter().filter(|c| c.network == network).copied().collect())
    }

    pub fn values(&self) -> Vec<Caption> {
        self.list.with_untracked(|l| {
            l.iter()
                .map(|c| Caption {
                    network: c.network,
                    text: c.text.get_untracked(),
                })
                .collect()
        })
    }
}

#[component]
pub fn CaptionEditor(
    captions: Captions,
    #[prop(into)] disclosure: Signal<String>,
    #[prop(into)] link: Signal<String>,
    #[prop(into)] readonly: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="caption-editor">
            {Network::ALL.into_iter().map(|network| view! {
                <section class="caption-network" data-network=network.as_str()>
                    <header class="caption-network-head">
                        <h3>{network.label()}</h3>
                        <span class="muted small">{move || (i18n.t().network_limit)(network.max_chars())}</span>
                        <button type="button" class="button button-small"
                            data-testid=format!("add-caption-{}", network.as_str())
                            disabled=move || { readonly.get() || captions.of(network).len() >= VARIANTS_MAX }
                            on:click=move |_| captions.add(network)>
                            {move || i18n.t().add_variant}
                        </button>
                    </header>
                    <For each=move || captions.of(network) key=|c| c.key let:draft>
                        <CaptionVariant draft captions disclosure link readonly/>
                    </For>
                </section>
            }).collect_view()}
        </div>
    }
}

#[component]
fn CaptionVariant(
    draft: CaptionDraft,
    captions: Captions,
    disclosure: Signal<String>,
    link: Signal<String>,
    readonly: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let network = draft.network;
    let remaining = move || network.remaining(&draft.text.get(), &disclosure.get(), &link.get());
    let folds = move || {
        network == Network::Linkedin && draft.text.with(|t| t.chars().count() > LINKEDIN_FOLD)
    };
    view! {
        <div class="caption-variant">
            <textarea rows="3" bind:value=draft.text disabled=readonly
                data-testid=format!("caption-{}", network.as_str())
                aria-label=move || format!("{} {}", network.label(), i18n.t().caption)></textarea>
            <div class="caption-meta">
                <span class=move || if remaining() < 0 { "counter counter-over" } else { "counter" } aria-live="polite">
                    {move || (i18n.t().chars_left)(remaining())}
                </span>
                <Show when=folds>
                    <span class="hint">{move || i18n.t().linkedin_fold}</span>
                </Show>
                <button type="button" class="button button-small button-quiet" disabled=readonly on:click=move |_| captions.remove(draft.key)>
                    {move || i18n.t().remove}
                </button>
            </div>
        </div>
    }
}
