//! The page layouts: the full explorer (headline, filters, tabs, profile drawer) and the
//! compact embeds a host page frames.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::charts::ChartsPanel;
use super::data_panel::DataPanel;
use super::explore_bar::ExploreBar;
use super::filters::{FilterChips, FilterDrawer};
use super::headline::Headline;
use super::map::{MapPanel, PlacePanel};
use super::notices::Notices;
use super::print::{PrintHeader, PrintSummary};
use super::sheet::SelectionSheet;
use super::state::use_app_state;
use super::stories::StoriesPanel;
use super::table::TablePanel;
use crate::model::ask::query::{ChartKind, EmbedPreset, Tab};

/// The whole explorer: the headline, the search and the filters, the tabs with the map first,
/// and the selection sheet over the map.
#[component]
pub fn FullLayout() -> impl IntoView {
    let state = use_app_state();
    let tab = state.query.tab;
    view! {
        <div class="explorer" data-testid="explorer">
            <PrintHeader />
            <Notices />
            <Headline />
            <ExploreBar />
            <div class="workspace">
                <FilterDrawer />
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
            <SelectionSheet />
            <PrintSummary />
        </div>
    }
}

/// A compact embedded view: the headline and one preset's panels, for a host page's iframe.
/// Filters come from the address the host writes; chips show them and can be removed.
#[component]
pub fn EmbedLayout(
    /// Which preset.
    preset: EmbedPreset,
) -> impl IntoView {
    let body = match preset {
        EmbedPreset::Map => view! { <MapPanel /> }.into_any(),
        EmbedPreset::Place => view! { <PlacePanel card=true /> }.into_any(),
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
            <SelectionSheet profiles_only=preset == EmbedPreset::Place />
        </div>
    }
}

/// The label of a tab.
fn tab_label(tab: Tab) -> impl Fn() -> &'static str {
    let state = use_app_state();
    move || {
        let m = state.messages();
        match tab {
            Tab::Map => m.tab_map,
            Tab::Charts => m.tab_charts,
            Tab::Table => m.tab_table,
            Tab::Stories => m.tab_stories,
            Tab::Data => m.tab_data,
        }
    }
}

/// Moves the focus to a tab's button (the ARIA tab pattern: arrows move the focus too).
fn focus_tab(tab: Tab) {
    if let Some(el) = document().get_element_by_id(&format!("tab-{}", tab.as_str()))
        && let Ok(el) = el.dyn_into::<web_sys::HtmlElement>()
    {
        let _ = el.focus();
    }
}

/// The tab list: map, charts, table, stories, data.
#[component]
fn Tabs() -> impl IntoView {
    let state = use_app_state();
    let current = state.query.tab;
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
        state.show_tab(Tab::ALL[next]);
        focus_tab(Tab::ALL[next]);
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
                            on:click=move |_| state.show_tab(tab)
                        >
                            {tab_label(tab)}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
