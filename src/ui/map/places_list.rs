//! The places on the map as a list: the keyboard path through the map's markers and the
//! alternative a screen reader announces. Focusing an item shows it on the map; choosing it
//! selects it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::show::map::{markers_heading, node_count_text, node_name};
use crate::ui::state::{use_app_state, use_explore, use_map};

const PAGE: usize = 30;

/// The list of markers, largest first.
#[component]
pub fn PlacesList() -> impl IntoView {
    let state = use_app_state();
    let explore = use_explore();
    let map = use_map();
    let limit = RwSignal::new(PAGE);
    let order = Memo::new(move |_| map.scene.with(|s| s.by_weight()));
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let delta: i32 = match ev.key().as_str() {
            "ArrowDown" => 1,
            "ArrowUp" => -1,
            _ => return,
        };
        ev.prevent_default();
        let Some(current) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
            return;
        };
        let Some(position) =
            current.get_attribute("data-position").and_then(|p| p.parse::<i32>().ok())
        else {
            return;
        };
        let next = format!("[data-position=\"{}\"]", position + delta);
        if let Ok(Some(el)) = document().query_selector(&next)
            && let Ok(el) = el.dyn_into::<web_sys::HtmlElement>()
        {
            let _ = el.focus();
        }
    };
    // The list is built only while open: a filter change then updates no hidden button.
    let open = RwSignal::new(false);
    let more = move || open.get() && order.with(Vec::len) > limit.get();
    view! {
        <details
            class="places-list"
            data-testid="places-list"
            on:toggle=move |ev| {
                let is_open = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                    .is_some_and(|d| d.open());
                open.set(is_open);
            }
        >
            // Build the list as soon as it is asked for (the toggle event comes a task later).
            <summary on:click=move |_| open.update(|o| *o = !*o)>
                {move || map.scene.with(|s| markers_heading(s, state.locale.get()))}
            </summary>
            <p class="muted">{move || state.messages().places_list_help}</p>
            <ol class="place-buttons" on:keydown=on_key>
                {move || {
                    if !open.get() {
                        return Vec::new();
                    }
                    let (locale, play) = (state.locale.get(), state.query.play_year.get());
                    let (scene, shown) = (map.scene.get(), explore.shown.get());
                    order
                        .get()
                        .into_iter()
                        .take(limit.get())
                        .enumerate()
                        .map(|(position, i)| {
                            let node = scene.nodes[i].clone();
                            let (name, count) = state.query.filters.with(|f| explore.with_data(|d| {
                                let count = node_count_text(d, &node, scene.grouped, &shown, f, play, locale).0;
                                (node_name(d, node.key, locale), count)
                            }));
                            let key = node.key;
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        class="place-button"
                                        data-position=position
                                        aria-pressed=move || (map.selected_node.get() == Some(i)).to_string()
                                        on:focus=move |_| map.hovered.set(Some(i))
                                        on:blur=move |_| map.hovered.set(None)
                                        on:click=move |_| explore.select_node(state, key)
                                    >
                                        <span>{name}</span>
                                        <span class="count">{count}</span>
                                    </button>
                                </li>
                            }
                        })
                        .collect::<Vec<_>>()
                }}
            </ol>
            <Show when=more>
                <button type="button" class="button small" on:click=move |_| limit.update(|l| *l += PAGE * 3)>
                    {move || state.messages().show_more}
                </button>
            </Show>
        </details>
    }
}
