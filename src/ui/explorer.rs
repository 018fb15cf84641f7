//! The loaded app: the derived state every panel shares, and the page layout.

use std::sync::Arc;

use leptos::prelude::*;

use super::charts::ChartsPanel;
use super::data_panel::DataPanel;
use super::filters::{FilterChips, FiltersPanel};
use super::headline::Headline;
use super::map::{MapPanel, PlacePanel};
use super::notices::Notices;
use super::profile::ProfilePanel;
use super::search::SearchBox;
use super::state::{AppState, use_app_state};
use super::stories::StoriesPanel;
use super::table::TablePanel;
use crate::model::aggregate::headline;
use crate::model::dataset::{Dataset, PairIdx};
use crate::model::filter::{Selection, apply};
use crate::model::i18n::pairs_with_countries;
use crate::model::load::Loaded;
use crate::model::query::{ChartKind, EmbedPreset, Tab};
use crate::model::search::SearchIndex;

/// What every panel of the loaded app reads. `Copy`.
#[derive(Clone, Copy)]
pub struct Explore {
    /// The dataset and its problems (never changes while shown).
    pub loaded: StoredValue<Arc<Loaded>>,
    /// The search index, built on first use (not before the first paint).
    index: StoredValue<Option<Arc<SearchIndex>>>,
    /// The filtered selection with its facet counts.
    pub selection: Memo<Arc<Selection>>,
    /// The pairs on show: the selection, cut at the playback year while playing.
    pub shown: Memo<Arc<Vec<PairIdx>>>,
}

impl Explore {
    /// The search index (built the first time it is needed).
    pub fn search_index(&self) -> Arc<SearchIndex> {
        if let Some(index) = self.index.get_value() {
            return index;
        }
        let index = Arc::new(self.with_data(SearchIndex::new));
        self.index.set_value(Some(index.clone()));
        index
    }

    /// Runs `f` with the dataset.
    pub fn with_data<T>(&self, f: impl FnOnce(&Dataset) -> T) -> T {
        self.loaded.with_value(|l| f(&l.dataset))
    }
}

/// The explorer context; provided by [`Explorer`].
pub fn use_explore() -> Explore {
    expect_context::<Explore>()
}

/// The app once the data has loaded.
#[component]
pub fn Explorer(
    /// The loaded dataset.
    loaded: Arc<Loaded>,
) -> impl IntoView {
    let state = use_app_state();
    let loaded = StoredValue::new(loaded);
    let filters = Memo::new(move |_| state.url.with(|u| u.filters.clone()));
    let selection =
        Memo::new(move |_| loaded.with_value(|l| Arc::new(apply(&l.dataset, &filters.get()))));
    let play_year = Memo::new(move |_| state.url.with(|u| u.play_year));
    let shown = Memo::new(move |_| {
        let selection = selection.get();
        match play_year.get() {
            None => Arc::new(selection.pairs.clone()),
            Some(year) => loaded.with_value(|l| {
                Arc::new(
                    selection
                        .pairs
                        .iter()
                        .copied()
                        .filter(|p| {
                            l.dataset.partnership(*p).first_year().is_some_and(|y| y <= year)
                        })
                        .collect(),
                )
            }),
        }
    });
    let explore = Explore { loaded, index: StoredValue::new(None), selection, shown };
    provide_context(explore);
    announce_changes(state, explore);

    let layout = Memo::new(move |_| state.url.with(|u| u.embed));
    move || match layout.get() {
        None | Some(EmbedPreset::Full) => view! { <FullLayout /> }.into_any(),
        Some(preset) => view! { <EmbedLayout preset /> }.into_any(),
    }
}

/// The whole explorer: headline, filters, tabs, profile drawer.
#[component]
fn FullLayout() -> impl IntoView {
    let state = use_app_state();
    let tab = Memo::new(move |_| state.url.with(|u| u.tab));
    let embedded = Memo::new(move |_| state.url.with(|u| u.embed.is_some()));
    view! {
        <div class="explorer" class:embedded=embedded data-testid="explorer">
            <Notices />
            <Headline />
            <div class="workspace">
                <aside class="sidebar" aria-label=move || state.messages().filters_title>
                    <SearchBox />
                    <FiltersPanel />
                </aside>
                <section class="content">
                    <FilterChips />
                    <Tabs />
                    <div
                        class="tab-panel"
                        role="tabpanel"
                        id="tab-panel"
                        aria-labelledby=move || format!("tab-{}", tab.get().as_str())
                    >
                        // The map stays mounted (hidden on other tabs): switching back is instant
                        // and its view is kept.
                        <div class="map-tab" class:hidden=move || tab.get() != Tab::Map>
                            <MapPanel />
                        </div>
                        {move || match tab.get() {
                            Tab::Map => ().into_any(),
                            Tab::Charts => view! { <ChartsPanel /> }.into_any(),
                            Tab::Table => view! { <TablePanel /> }.into_any(),
                            Tab::Stories => view! { <StoriesPanel /> }.into_any(),
                            Tab::Data => view! { <DataPanel /> }.into_any(),
                        }}
                    </div>
                </section>
            </div>
            <ProfilePanel />
        </div>
    }
}

/// A compact embedded view: the headline and one preset's panels, for a host page's iframe.
/// Filters come from the address the host writes; chips show them and can be removed.
#[component]
fn EmbedLayout(
    /// Which preset.
    preset: EmbedPreset,
) -> impl IntoView {
    let body = match preset {
        EmbedPreset::Map => view! { <MapPanel /> }.into_any(),
        EmbedPreset::Place => view! { <PlaceCard /> }.into_any(),
        EmbedPreset::Province => view! {
            <MapPanel />
            <ChartsPanel kinds=vec![ChartKind::Growth, ChartKind::Countries, ChartKind::Kinds] />
        }
        .into_any(),
        EmbedPreset::National => view! {
            <MapPanel />
            <ChartsPanel kinds=vec![ChartKind::Growth, ChartKind::Provinces, ChartKind::Countries, ChartKind::Continents] />
        }
        .into_any(),
        EmbedPreset::Chart | EmbedPreset::Full => view! { <ChartsPanel /> }.into_any(),
    };
    view! {
        <div class="explorer embedded" data-testid="explorer" data-embed=preset.as_str()>
            <Notices />
            <Headline />
            <FilterChips />
            <div class="embed-body">{body}</div>
            <ProfilePanel />
        </div>
    }
}

/// The place card preset: one place's partners. The place is `sel=`, else the `in=` filter.
#[component]
fn PlaceCard() -> impl IntoView {
    let state = use_app_state();
    let fallback = state
        .url
        .with_untracked(|u| if u.selected.is_none() { u.filters.place.clone() } else { None });
    if let Some(id) = fallback {
        state.replace(move |u| u.selected = Some(id));
    }
    view! { <PlacePanel /> }
}

/// Announces each change of the headline to screen readers ("312 pairs with 41 countries").
fn announce_changes(state: AppState, explore: Explore) {
    Effect::new(move |previous: Option<(usize, usize)>| {
        let pairs = explore.shown.get();
        let h = explore.with_data(|d| headline(d, &pairs));
        let now = (h.pairs, h.countries);
        if previous.is_some_and(|p| p != now) {
            let locale = state.locale.get_untracked();
            state.announcement.set(pairs_with_countries(
                locale,
                h.pairs as u64,
                h.countries as u64,
            ));
        }
        now
    });
}

/// The tab list: map, charts, table, stories, data.
#[component]
fn Tabs() -> impl IntoView {
    let state = use_app_state();
    let current = Memo::new(move |_| state.url.with(|u| u.tab));
    let label = move |tab: Tab| {
        let m = state.messages();
        match tab {
            Tab::Map => m.tab_map,
            Tab::Charts => m.tab_charts,
            Tab::Table => m.tab_table,
            Tab::Stories => m.tab_stories,
            Tab::Data => m.tab_data,
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let index = Tab::ALL.iter().position(|t| *t == current.get_untracked()).unwrap_or(0);
        let next = match ev.key().as_str() {
            "ArrowRight" => (index + 1) % Tab::ALL.len(),
            "ArrowLeft" => (index + Tab::ALL.len() - 1) % Tab::ALL.len(),
            "Home" => 0,
            "End" => Tab::ALL.len() - 1,
            _ => return,
        };
        ev.prevent_default();
        let tab = Tab::ALL[next];
        state.navigate(|u| u.tab = tab);
        if let Some(el) = document().get_element_by_id(&format!("tab-{}", tab.as_str())) {
            use wasm_bindgen::JsCast;
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    };
    view! {
        <div class="tabs" role="tablist" aria-label=move || state.messages().views_label on:keydown=on_key>
            {Tab::ALL
                .iter()
                .map(|tab| {
                    let tab = *tab;
                    view! {
                        <button
                            type="button"
                            role="tab"
                            class="tab"
                            id=format!("tab-{}", tab.as_str())
                            aria-controls="tab-panel"
                            aria-selected=move || (current.get() == tab).to_string()
                            tabindex=move || if current.get() == tab { "0" } else { "-1" }
                            on:click=move |_| state.navigate(|u| u.tab = tab)
                        >
                            {move || label(tab)}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
