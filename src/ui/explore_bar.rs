//! The bar above the tabs: the search, and on narrow screens the button that opens the filter
//! drawer, showing how many filters are set.

use leptos::prelude::*;

use super::search::SearchBox;
use super::state::{use_app_state, use_explore};
use crate::model::i18n::fill;
use crate::model::show::describe::chips;

/// The search and the Filters button.
#[component]
pub fn ExploreBar() -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let open = state.layout.filters_open;
    let active = Memo::new(move |_| {
        let locale = state.locale.get();
        state.query.filters.with(|f| explore.with_data(|d| chips(d, f, locale).len()))
    });
    let label = move || {
        let m = state.messages();
        match active.get() {
            0 => m.filters_button.to_owned(),
            n => fill(m.filters_button_count, &[("n", &state.locale.get().number(n as u64))]),
        }
    };
    view! {
        <div class="explore-bar">
            <SearchBox />
            <button
                type="button"
                id="filters-button"
                class="button filters-button"
                aria-controls="filter-drawer"
                aria-expanded=move || open.get().to_string()
                data-testid="filters-button"
                on:click=move |_| open.set(true)
            >
                {label}
            </button>
        </div>
    }
}
