//! The active filters as removable chips, with "clear all".

use leptos::prelude::*;

use crate::model::ask::filter::active_dimensions;
use crate::model::i18n::fill;
use crate::model::show::describe::chips;
use crate::ui::state::{use_app_state, use_explore};

/// The chips bar (only while a filter is set).
#[component]
pub fn FilterChips() -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let filters = state.query.filters;
    let list = Memo::new(move |_| {
        let locale = state.locale.get();
        filters.with(|f| explore.with_data(|d| chips(d, f, locale)))
    });
    let any = move || filters.with(|f| !active_dimensions(f).is_empty());
    let chip = move |c: crate::model::show::describe::Chip| {
        let label = fill(state.messages().remove_filter, &[("filter", &c.label)]);
        let removal = c.removal;
        view! {
            <li class="chip">
                <span>{c.label}</span>
                <button type="button" class="chip-remove" aria-label=label.clone() title=label
                    on:click=move |_| {
                        let removal = removal.clone();
                        state.set_filters(move |f| removal.apply(f));
                    }>
                    "×"
                </button>
            </li>
        }
    };
    view! {
        <Show when=any>
            <div class="chips" data-testid="filter-chips">
                <ul class="chip-list" aria-label=move || state.messages().active_filters>
                    {move || list.get().into_iter().map(chip).collect_view()}
                </ul>
                <button type="button" class="button small" data-testid="clear-filters"
                    on:click=move |_| state.set_filters(|f| *f = Default::default())>
                    {move || state.messages().clear_all}
                </button>
            </div>
        </Show>
    }
}
