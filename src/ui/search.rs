//! The search box: suggestions over both sides' names (English, Chinese, pinyin, local
//! script) and countries, as an ARIA combobox. Choosing a place selects it on the map;
//! choosing a country opens its profile.

use leptos::prelude::*;

use super::state::{use_app_state, use_explore};
use crate::model::ask::search::Hit;
use crate::model::i18n::fill;
use crate::model::show::rows::suggestion;

const MAX_SUGGESTIONS: usize = 8;

/// The search combobox.
#[component]
pub fn SearchBox() -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let text = RwSignal::new(state.query.search.get_untracked().unwrap_or_default());
    let open = RwSignal::new(false);
    // A blur closes the list a moment later (so a click on an option still lands), but
    // not if the box has been focused again meanwhile, as when one types straight on.
    let focused = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let hits = Memo::new(move |_| {
        let query = text.get();
        if query.trim().is_empty() {
            return Vec::new();
        }
        let index = explore.search_index();
        explore.with_data(|d| index.search(d, &query, MAX_SUGGESTIONS))
    });
    let label = move |hit: Hit| explore.with_data(|d| suggestion(d, hit, state.locale.get()));
    let choose = move |hit: Hit| {
        open.set(false);
        active.set(None);
        explore.choose_hit(state, hit);
        text.set(String::new());
    };
    let on_key = key_handler(hits, open, active, choose);
    view! {
        <div class="search" data-testid="search">
            <label class="field" for="search-input">
                <span>{move || state.messages().search_label}</span>
            </label>
            <input
                id="search-input"
                type="search"
                role="combobox"
                autocomplete="off"
                aria-autocomplete="list"
                aria-controls="search-listbox"
                aria-expanded=move || (open.get() && !hits.with(Vec::is_empty)).to_string()
                aria-activedescendant=move || active.get().map(|i| format!("search-option-{i}")).unwrap_or_default()
                placeholder=move || state.messages().search_placeholder
                prop:value=move || text.get()
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    text.set(value.clone());
                    open.set(!value.trim().is_empty());
                    active.set(None);
                    state.replace(|u| u.search = Some(value).filter(|v| !v.trim().is_empty()));
                }
                on:keydown=on_key
                on:focus=move |_| focused.set(true)
                on:blur=move |_| {
                    focused.set(false);
                    set_timeout(
                        move || {
                            if !focused.get_untracked() {
                                open.set(false);
                            }
                        },
                        std::time::Duration::from_millis(150),
                    );
                }
            />
            <ul
                id="search-listbox"
                role="listbox"
                class="suggestions"
                class:open=move || open.get() && !hits.with(Vec::is_empty)
                aria-label=move || state.messages().suggestions
            >
                {move || {
                    hits.get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, hit)| {
                            let (main, detail) = label(hit);
                            view! {
                                <li
                                    id=format!("search-option-{i}")
                                    role="option"
                                    class="suggestion"
                                    aria-selected=move || (active.get() == Some(i)).to_string()
                                    on:mousedown=move |ev| {
                                        ev.prevent_default();
                                        choose(hit);
                                    }
                                >
                                    <span class="suggestion-main">{main}</span>
                                    <span class="suggestion-detail">{detail}</span>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <p class="visually-hidden" aria-live="polite">
                {move || {
                    let n = hits.with(Vec::len);
                    (open.get() && !text.get().trim().is_empty())
                        .then(|| fill(state.messages().n_suggestions, &[("n", &n.to_string())]))
                }}
            </p>
        </div>
    }
}

/// Arrow keys move through the suggestions, Enter chooses (the first when none is active),
/// Escape closes the list.
fn key_handler(
    hits: Memo<Vec<Hit>>,
    open: RwSignal<bool>,
    active: RwSignal<Option<usize>>,
    choose: impl Fn(Hit) + Copy + 'static,
) -> impl Fn(leptos::ev::KeyboardEvent) + 'static {
    move |ev: leptos::ev::KeyboardEvent| {
        let n = hits.with(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" if n > 0 => {
                ev.prevent_default();
                open.set(true);
                active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % n)));
            }
            "ArrowUp" if n > 0 => {
                ev.prevent_default();
                open.set(true);
                active.update(|a| *a = Some(a.map_or(n - 1, |i| (i + n - 1) % n)));
            }
            "Enter" => {
                let pick = active.get().or(if n > 0 { Some(0) } else { None });
                if let Some(hit) = pick.and_then(|i| hits.with(|h| h.get(i).copied())) {
                    ev.prevent_default();
                    choose(hit);
                }
            }
            "Escape" => {
                open.set(false);
                active.set(None);
            }
            _ => {}
        }
    }
}
