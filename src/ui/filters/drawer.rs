//! Where the filters live: a column beside the map on wide screens; on narrow ones a drawer
//! opened from the Filters button, with a button that shows the result and closes it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::panel::FiltersPanel;
use crate::model::i18n::fill;
use crate::ui::state::{use_app_state, use_explore};

/// Focuses the element with `id`, if it is there (after the next frame's layout).
fn focus_later(id: &'static str) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(id)
            && let Ok(el) = el.dyn_into::<web_sys::HtmlElement>()
        {
            let _ = el.focus();
        }
    });
}

/// The filter column or drawer.
#[component]
pub fn FilterDrawer() -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let layout = state.layout;
    let open = layout.filters_open;
    let dialog = move || layout.narrow.get() && open.get();
    // The drawer takes the focus when it opens and gives it back to its button when it
    // closes (a bridge to the DOM's focus).
    Effect::new(move |previous: Option<bool>| {
        let now = dialog();
        match (previous, now) {
            (Some(false), true) => focus_later("filters-title"),
            (Some(true), false) => focus_later("filters-button"),
            _ => {}
        }
        now
    });
    let close = move || open.set(false);
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            ev.stop_propagation();
            close();
        }
    };
    let results = move || {
        let locale = state.locale.get();
        let pairs = explore.headline.with(|h| h.pairs);
        let phrase = locale.messages().n_pairs_phrase.format(locale, pairs as u64);
        fill(locale.messages().show_results, &[("pairs", &phrase)])
    };
    view! {
        <aside
            class="sidebar"
            class:open=move || open.get()
            id="filter-drawer"
            role=move || if dialog() { "dialog" } else { "complementary" }
            aria-modal=move || dialog().then_some("true")
            aria-labelledby="filters-title"
            on:keydown=on_key
        >
            <div class="drawer-head">
                <h2 id="filters-title" class="panel-title" tabindex="-1">{move || state.messages().filters_title}</h2>
                <button type="button" class="icon-button drawer-close" aria-label=move || state.messages().close title=move || state.messages().close on:click=move |_| close()>
                    "×"
                </button>
            </div>
            <FiltersPanel />
            <div class="drawer-foot">
                <button type="button" class="button primary" data-testid="show-results" on:click=move |_| close()>
                    {results}
                </button>
            </div>
        </aside>
    }
}
